import { useState } from 'react';
import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportResult } from '../../../../shared/api/registry.schemas.js';
import { api } from '../../lib/api-client.js';
import { useT } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { fieldMessageKey } from '../../i18n/errors.js';

/**
 * Export: a plain link, so the browser downloads with the session cookie and no JS buffering.
 * Import: multipart field `file` -> ImportResult; rejected rows are listed for correction.
 */
export function RegistryTransfer() {
  const t = useT();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      const form = new FormData();
      form.append('file', chosen);
      return api.post<ImportResult>('/api/registry/import', form);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      void queryClient.invalidateQueries({ queryKey: ['agencies'] });
    },
  });
  const result = upload.data;

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
          <Button onClick={() => file && upload.mutate(file)} disabled={!file} loading={upload.isPending}>
            {t('transfer.import')}
          </Button>
        </Group>
        {upload.error ? <ErrorAlert error={upload.error} /> : null}
        {result && (
          <Alert color={result.rejected.length ? 'yellow' : 'green'} variant="light" role="status">
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
              {t('transfer.rejected', { count: result.rejected.length })}
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
