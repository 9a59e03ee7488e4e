import { useState } from 'react';
import { Alert, Anchor, Button, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { Submission } from '../../../../shared/api/reports.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { fieldMessage } from '../../i18n/errors.js';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../lib/api-client.js';
import { submissionFormUrl, uploadSubmissionForm } from './reports.api.js';
import { TableScroll } from '../../components/TableScroll.js';

interface TablesFormXlsxProps {
  submission: Submission;
  /** May the person fill the draft now (the upload is offered only then). */
  editable: boolean;
  /** Nothing unsent in the browser: the upload replaces the tables on the server. */
  settled: boolean;
  baseVersion: () => number;
  onFilled: (saved: Submission) => void;
}

/**
 * The data tables filled offline (issue 9 §3): download the .xlsx form of the template version
 * (with the tables as they stand), fill it in Excel, upload it back; each refused cell is listed
 * with its sheet and cell, and nothing changes until the whole form reads.
 */
export function TablesFormXlsx({ submission, editable, settled, baseVersion, onFilled }: TablesFormXlsxProps) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [filled, setFilled] = useState(false);
  const cellErrors = error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.invalidParams.some((p) => p.name === 'file' || p.name.startsWith('file.')) ? error.invalidParams : null;

  async function upload() {
    if (!file) return;
    setBusy(true);
    setError(null);
    setFilled(false);
    try {
      onFilled(await uploadSubmissionForm(submission.id, baseVersion(), file));
      setFilled(true);
      setFile(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs" data-testid="tables-form-xlsx">
      <Title order={3} size="h5">
        {t('reporting.formXlsx.title')}
      </Title>
      <Anchor href={submissionFormUrl(submission.id)} download size="sm">
        {t('reporting.formXlsx.download')}
      </Anchor>
      {editable && (
        <>
          <Text size="sm" c="dimmed">
            {t('reporting.formXlsx.help')}
          </Text>
          <Group align="flex-end">
            <FileInput label={t('reporting.formXlsx.file')} accept=".xlsx" value={file} onChange={setFile} clearable w={320} />
            <Button onClick={() => void upload()} disabled={!file || !settled} loading={busy}>
              {t('reporting.formXlsx.upload')}
            </Button>
          </Group>
          {!settled && (
            <Text size="xs" c="dimmed">
              {t('reporting.formXlsx.waitSave')}
            </Text>
          )}
        </>
      )}
      {filled && (
        <Alert color="green" variant="light" role="status">
          {t('reporting.formXlsx.done')}
        </Alert>
      )}
      {cellErrors ? (
        <Alert color="red" variant="light" role="alert" title={t('reporting.formXlsx.refused', { n: cellErrors.length })}>
          <TableScroll>
            <Table aria-label={t('reporting.formXlsx.errors')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reporting.formXlsx.where')}</Table.Th>
                  <Table.Th>{t('reporting.formXlsx.what')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cellErrors.map((p, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{p.name === 'file' ? t('reporting.formXlsx.wholeFile') : p.name.slice('file.'.length)}</Table.Td>
                    <Table.Td>{fieldMessage(t, p)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Alert>
      ) : (
        error !== null && <ErrorAlert error={error} />
      )}
    </Stack>
  );
}
