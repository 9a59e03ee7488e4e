import { useState } from 'react';
import { useEffect } from 'react';
import { Alert, Button, FileInput, Group, Paper, Progress, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegistryImport } from '../../../../shared/api/registry.schemas.js';
import { api } from '../../lib/api-client.js';
import { useT } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { fieldMessageKey } from '../../i18n/errors.js';

const running = (status: RegistryImport['status'] | undefined) => status === 'queued' || status === 'running';

/**
 * Export: a plain link, so the browser downloads with the session cookie and no JS buffering.
 * Import: multipart field `file` starts a job (202); its progress is read every second until it
 * ends, then rejected rows are listed for correction. "Check only" runs it as a dry run.
 */
export function RegistryTransfer() {
  const t = useT();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      const form = new FormData();
      form.append('file', chosen);
      return api.post<RegistryImport>(`/api/registry/import${dryRun ? '?dryRun=true' : ''}`, form);
    },
  });
  const importId = upload.data?.id;
  const job = useQuery({
    queryKey: ['registry', 'imports', importId],
    queryFn: ({ signal }) => api.get<RegistryImport>(`/api/registry/imports/${importId}`, undefined, signal),
    enabled: Boolean(importId),
    initialData: upload.data,
    refetchInterval: (q) => (running(q.state.data?.status) ? 1000 : false),
  });
  const current = job.data;
  const finished = current?.status === 'done' && !current.dryRun;
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: ['units'] });
    void queryClient.invalidateQueries({ queryKey: ['agencies'] });
  }, [finished, queryClient]);
  const result = current?.result ?? null;
  const busy = upload.isPending || running(current?.status);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="registry-transfer-title">
      <Stack>
        <Title order={2} size="h4" id="registry-transfer-title">
          {t('transfer.title')}
        </Title>
        <Group align="flex-end">
          <Button component="a" href="/api/registry/export.xlsx" download variant="outline">
            {t('transfer.export')}
          </Button>
          <FileInput
            label={t('transfer.file')}
            placeholder={t('transfer.filePlaceholder')}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              upload.reset();
            }}
            clearable
            w={{ base: '100%', sm: 280 }}
          />
          <Switch label={t('transfer.dryRun')} checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} mb={6} />
          <Button onClick={() => file && upload.mutate(file)} disabled={!file || busy} loading={busy}>
            {t('transfer.import')}
          </Button>
        </Group>
        {upload.error ? <ErrorAlert error={upload.error} /> : null}
        {job.error ? <ErrorAlert error={job.error} /> : null}
        {current && running(current.status) && (
          <Stack gap={4}>
            <Text size="sm" id="registry-import-progress">
              {current.total === null ? t('transfer.reading') : t('transfer.progress', { processed: current.processed, total: current.total })}
            </Text>
            <Progress
              value={current.total ? (100 * current.processed) / current.total : 0}
              animated
              aria-labelledby="registry-import-progress"
            />
          </Stack>
        )}
        {current?.status === 'rejected' && current.error && (
          <Alert color="red" variant="light" role="alert">
            {t(fieldMessageKey(current.error.code))}
          </Alert>
        )}
        {current?.status === 'failed' && (
          <Alert color="red" variant="light" role="alert">
            {t('transfer.failed')}
          </Alert>
        )}
        {result && (
          <Alert color={result.rejectedCount ? 'yellow' : 'green'} variant="light" role="status">
            {current?.dryRun ? `${t('transfer.dryRunDone')} ` : ''}
            {t('transfer.result', {
              unitsCreated: result.units.created,
              unitsUpdated: result.units.updated,
              agenciesCreated: result.agencies.created,
              agenciesUpdated: result.agencies.updated,
            })}
          </Alert>
        )}
        {result && result.rejected.length > 0 && (
          <div>
            <Text fw={700} size="sm" mb="xs">
              {t('transfer.rejected', { count: result.rejectedCount })}
              {result.rejectedCount > result.rejected.length ? ` ${t('transfer.rejectedShown', { shown: result.rejected.length })}` : ''}
            </Text>
            <Table.ScrollContainer minWidth={520}>
              <Table striped aria-label={t('transfer.rejected', { count: result.rejected.length })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('transfer.sheet')}</Table.Th>
                    <Table.Th scope="col">{t('transfer.row')}</Table.Th>
                    <Table.Th scope="col">{t('transfer.field')}</Table.Th>
                    <Table.Th scope="col">{t('transfer.error')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.rejected.map((row, index) => (
                    <Table.Tr key={index}>
                      <Table.Td>{row.sheet}</Table.Td>
                      <Table.Td>{row.row}</Table.Td>
                      <Table.Td>{row.field ?? t('common.none')}</Table.Td>
                      <Table.Td>{t(fieldMessageKey(row.code))}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
