import { useMemo, useState } from 'react';
import { Alert, Button, Group, Loader, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { RegisterEntry } from '../../../../shared/api/documents.schemas.js';
import { reachOf, type Capability } from '../../../../shared/domain/capabilities.js';
import { documentType } from '../../../../shared/domain/document-types.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { TableScroll } from '../../components/TableScroll.js';
import { currentYear, formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { RecordOutsideModal } from './RecordOutsideModal.js';

/** The agencies where the user holds a role with the capability, each once, in the session's order. */
function useAgenciesWith(capability: Capability): { value: string; label: string }[] {
  const { session } = useSession();
  return useMemo(() => {
    const seen = new Map<string, string>();
    for (const grant of session?.roles ?? []) if (reachOf(capability, grant.role) && !seen.has(grant.agencyId)) seen.set(grant.agencyId, grant.agencyName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [session, capability]);
}

/**
 * /register: an agency's register of issued documents (sổ đăng ký văn bản đi) for a year, by
 * number; the agency and the year are kept in the address. The office records a document made
 * outside the app here, which takes the register's next number (docs/decisions/document-numbering.md).
 */
export function RegisterPage() {
  const t = useT();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const agencies = useAgenciesWith('register.read');
  const recorders = useAgenciesWith('register.record');
  const agencyId = params.get('agencyId') ?? agencies[0]?.value ?? null;
  const year = Number(params.get('year')) || currentYear();
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState<RegisterEntry | null>(null);

  const list = useQuery({
    queryKey: ['document-register', agencyId, year],
    queryFn: ({ signal }) => api.get<{ items: RegisterEntry[] }>('/api/document-register', { agencyId: agencyId!, year }, signal),
    enabled: !!agencyId,
  });

  const choose = (next: { agencyId?: string; year?: number }) => {
    const search = new URLSearchParams(params);
    if (next.agencyId) search.set('agencyId', next.agencyId);
    if (next.year) search.set('year', String(next.year));
    setRecorded(null);
    setParams(search);
  };

  const items = list.data?.items ?? [];
  const mayRecord = !!agencyId && can('register.record') && recorders.some((a) => a.value === agencyId);

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('register.title')}
      </Title>
      {agencies.length === 0 ? (
        <Text c="dimmed">{t('register.noAgency')}</Text>
      ) : (
        <Group align="end">
          <Select
            label={t('register.agency')}
            data={agencies.some((a) => a.value === agencyId) || !agencyId ? agencies : [...agencies, { value: agencyId, label: agencyId }]}
            value={agencyId}
            onChange={(v) => v && choose({ agencyId: v })}
            allowDeselect={false}
            w={320}
          />
          <NumberInput label={t('register.year')} value={year} onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && choose({ year: v })} min={2000} max={2100} w={110} />
          {mayRecord && <Button onClick={() => setRecording(true)}>{t('register.recordOutside')}</Button>}
        </Group>
      )}
      {recorded && (
        <Alert color="green" variant="light" role="status" withCloseButton onClose={() => setRecorded(null)}>
          {t('register.recorded', { documentNumber: recorded.documentNumber, issuedOn: formatDate(recorded.issuedOn) })}
        </Alert>
      )}
      {agencyId && list.isPending && <Loader aria-label={t('app.loading')} />}
      {list.error && <ErrorAlert error={list.error} onReload={() => void list.refetch()} />}
      {list.data && items.length === 0 && <Text c="dimmed">{t('register.empty', { year })}</Text>}
      {items.length > 0 && (
        <TableScroll minWidth={720}>
          <Table striped withTableBorder>
            <caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('register.caption', { year })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('register.col.number')}</Table.Th>
                <Table.Th>{t('register.col.issuedOn')}</Table.Th>
                <Table.Th>{t('register.col.type')}</Table.Th>
                <Table.Th>{t('register.col.summary')}</Table.Th>
                <Table.Th>{t('register.col.signer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{entry.documentNumber}</Table.Td>
                  <Table.Td>{formatDate(entry.issuedOn)}</Table.Td>
                  <Table.Td>{documentType(entry.typeCode).name}</Table.Td>
                  <Table.Td>{entry.summary}</Table.Td>
                  <Table.Td>
                    {entry.signerName}
                    <Text size="xs" c="dimmed">
                      {entry.signerPosition}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {mayRecord && recording && (
        <RecordOutsideModal
          agencyId={agencyId}
          onClose={() => setRecording(false)}
          onRecorded={(entry) => {
            setRecording(false);
            if (entry.year !== year) choose({ year: entry.year });
            setRecorded(entry);
          }}
        />
      )}
    </Stack>
  );
}
