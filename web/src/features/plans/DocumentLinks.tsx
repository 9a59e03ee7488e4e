import { useState } from 'react';
import { Alert, Box, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Conversion } from '../../../../shared/api/documents.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
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

/** Follows a PDF conversion until it is done or failed (the queue runs one LibreOffice at a time). */
function useConversion(id: string | null) {
  return useQuery({
    queryKey: ['documents', 'conversion', id],
    queryFn: ({ signal }) => api.get<Conversion>(`/api/document-conversions/${id}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && (query.state.data.status === 'done' || query.state.data.status === 'failed') ? false : 1500),
  });
}

/**
 * Download links for a Decree 30 document. The .docx always works. The PDF is made by the
 * server's conversion queue: "Tạo PDF" asks for it, the page shows its place in the queue while
 * it waits, then the download and the preview. When LibreOffice is missing the page says so
 * plainly instead of offering a broken button.
 */
export function DocumentLinks({ base, docxLabel, pdfLabel, previewTitle }: DocumentLinksProps) {
  const t = useT();
  const pdf = usePdfAvailability();
  const [previewing, setPreviewing] = useState(false);
  const request = useMutation({ mutationFn: () => api.post<Conversion>(`${base}/conversions`) });
  const followed = useConversion(request.data && request.data.status !== 'done' ? request.data.id : null);
  const conversion = followed.data ?? request.data;
  const ready = conversion?.status === 'done' && conversion.url;

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button component="a" href={`${base}.docx`} download variant="default">
          {docxLabel}
        </Button>
        {pdf.data === true && !ready && (
          <Button variant="default" onClick={() => request.mutate()} loading={request.isPending} disabled={conversion?.status === 'queued' || conversion?.status === 'running'}>
            {t('documents.pdfRequest')}
          </Button>
        )}
        {ready && (
          <>
            <Button component="a" href={conversion.url!} download variant="default">
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
      {(conversion?.status === 'queued' || conversion?.status === 'running') && (
        <Group gap="xs" role="status">
          <Loader size="xs" />
          <Text size="sm">{conversion.status === 'queued' ? t('documents.pdfQueued', { position: (conversion.position ?? 0) + 1 }) : t('documents.pdfRunning')}</Text>
        </Group>
      )}
      {conversion?.status === 'failed' && (
        <Alert color="red" variant="light" role="alert">
          <Text size="sm">{t('documents.pdfFailed')}</Text>
        </Alert>
      )}
      {request.error != null && <ErrorAlert error={request.error} />}
      {pdf.data === false && (
        <Alert color="yellow" variant="light" title={t('plans.pdfUnavailableTitle')} styles={warningAlertStyles}>
          <Text size="sm">{t('plans.pdfUnavailable')}</Text>
        </Alert>
      )}
      {previewing && previewTitle && ready && (
        <Box style={{ border: '1px solid var(--mantine-color-gray-4)', height: '80vh' }}>
          <iframe title={previewTitle} src={`${conversion.url}?inline=true`} style={{ width: '100%', height: '100%', border: 0 }} />
        </Box>
      )}
    </Stack>
  );
}
