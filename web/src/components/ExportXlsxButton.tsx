import { Button } from '@mantine/core';
import { useT } from '../i18n/i18n.js';
import { withQuery, type QueryValue } from '../lib/api-client.js';

/**
 * "Xuất Excel": downloads a list's .xlsx with the filters the page shows (the server scopes it as
 * it scopes the list, and names the scope and the filters in the file's title row).
 */
export function ExportXlsxButton({ path, query }: { path: string; query?: Record<string, QueryValue> }) {
  const t = useT();
  return (
    <Button component="a" variant="default" href={withQuery(path, query)} download>
      {t('common.exportXlsx')}
    </Button>
  );
}
