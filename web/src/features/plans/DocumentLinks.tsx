import { useState } from 'react';
import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useT } from '../../i18n/i18n.js';
import { usePdfAvailability } from './plans.api.js';
import { warningAlertStyles } from './plan-labels.js';

interface DocumentLinksProps {
  /** The document's URL without its extension: "/api/documents/plan/<id>". */
  base: string;
  docxLabel: string;
  pdfLabel: string;
  /** Offer an in-browser preview of the PDF. */
  previewTitle?: string;
}

/**
 * Download links for a Decree 30 document. The .docx always works; the PDF needs LibreOffice on
 * the server, and when it is missing the page says so plainly instead of offering a broken link.
 * The preview loads only on request: each conversion takes the server a second or two.
 */
export function DocumentLinks({ base, docxLabel, pdfLabel, previewTitle }: DocumentLinksProps) {
  const t = useT();
  const pdf = usePdfAvailability();
  const [previewing, setPreviewing] = useState(false);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button component="a" href={`${base}.docx`} download variant="default">
          {docxLabel}
        </Button>
        {pdf.data === true && (
          <>
            <Button component="a" href={`${base}.pdf`} download variant="default">
              {pdfLabel}
            </Button>
            {previewTitle && (
              <Button variant="subtle" onClick={() => setPreviewing((v) => !v)} aria-expanded={previewing}>
                {previewing ? t('plans.hidePreview') : t('plans.preview')}
              </Button>
            )}
          </>
        )}
      </Group>
      {pdf.data === false && (
        <Alert color="yellow" variant="light" title={t('plans.pdfUnavailableTitle')} styles={warningAlertStyles}>
          <Text size="sm">{t('plans.pdfUnavailable')}</Text>
        </Alert>
      )}
      {previewing && previewTitle && (
        <Box style={{ border: '1px solid var(--mantine-color-gray-4)', height: '80vh' }}>
          <iframe title={previewTitle} src={`${base}.pdf?inline=true`} style={{ width: '100%', height: '100%', border: 0 }} />
        </Box>
      )}
    </Stack>
  );
}
