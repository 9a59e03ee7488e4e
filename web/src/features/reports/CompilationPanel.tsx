import { useState } from 'react';
import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { ReportCompilation } from '../../../../shared/api/reports.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';
import { startCompilation, useCompilation } from './reports.api.js';

/**
 * Compiling the request's accepted reports (a job on the server): started by a button, its
 * progress shown (reports read out of how many), then the .xlsx and the .docx skeleton of the
 * office's own report to download.
 */
export function CompilationPanel({ requestId }: { requestId: string }) {
  const t = useT();
  const [started, setStarted] = useState<ReportCompilation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const followed = useCompilation(started && started.status !== 'done' ? started.id : null).data;
  const c = followed ?? started;
  const running = c?.status === 'queued' || c?.status === 'running';

  async function start() {
    setBusy(true);
    setError(null);
    try {
      setStarted(await startCompilation(requestId));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs" data-testid="compilation">
      <Group>
        <Button variant="default" size="xs" onClick={() => void start()} loading={busy} disabled={running}>
          {t('reporting.request.compile')}
        </Button>
        {c?.status === 'done' && c.xlsxUrl && (
          <Button component="a" href={c.xlsxUrl} download size="xs">
            {t('reporting.compilation.xlsx')}
          </Button>
        )}
        {c?.status === 'done' && c.docxUrl && (
          <Button component="a" href={c.docxUrl} download size="xs" variant="light">
            {t('reporting.compilation.docx')}
          </Button>
        )}
      </Group>
      {running && (
        <Stack gap={4}>
          <Text size="sm" role="status">
            {c.total === null ? t('reporting.compilation.queued') : t('reporting.compilation.progress', { done: c.processed, total: c.total })}
          </Text>
          <Progress value={c.total ? (100 * c.processed) / c.total : 0} aria-label={t('reporting.compilation.progressLabel')} />
        </Stack>
      )}
      {c?.status === 'done' && (
        <Text size="sm" role="status">
          {t('reporting.compilation.done', { n: c.processed })}
        </Text>
      )}
      {c?.status === 'failed' && <Alert color="red">{t('reporting.compilation.failed')}</Alert>}
      {error !== null && <ErrorAlert error={error} />}
    </Stack>
  );
}
