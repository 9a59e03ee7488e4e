import { useState, type FormEvent } from 'react';
import { Button, Group, Loader, Modal, NumberInput, Select, Stack, Table, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { feedbackChannels, feedbackStatuses, type Feedback } from '../../../../shared/api/indices.schemas.js';
import { useSession } from '../../auth/session.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, todayIso } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { UnitSelect } from '../units/UnitSelect.js';
import { TableScroll } from '../../components/TableScroll.js';

const scoredKinds = ['ward', 'commune', 'township', 'town', 'district', 'provincial_city'] as const;

/** The register of citizens' complaints and feedback (phản ánh, kiến nghị): an input of the risk ranking. */
export function FeedbackPage() {
  const t = useT();
  const { can } = useSession();
  const qc = useQueryClient();
  const [year, setYear] = useState<number | null>(2021);
  const [status, setStatus] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['feedback', year, status],
    queryFn: ({ signal }) => api.get<{ items: Feedback[] }>('/api/feedback', { year, status }, signal),
  });
  const change = useMutation({
    mutationFn: (v: { item: Feedback; status: string }) =>
      api.patch<Feedback>(`/api/feedback/${v.item.id}`, { version: v.item.version, status: v.status, resolvedOn: ['resolved', 'dismissed'].includes(v.status) ? (v.item.resolvedOn ?? todayIso()) : null }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['feedback'] }),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('feedback.title')}</Title>
        {can('feedback.record') && <Button onClick={() => setCreating(true)}>{t('feedback.new')}</Button>}
      </Group>
      <Group>
        <NumberInput label={t('indices.year')} value={year ?? ''} onChange={(v) => setYear(typeof v === 'number' ? v : null)} w={120} />
        <Select
          label={t('feedback.col.status')}
          data={[{ value: '', label: t('feedback.all') }, ...feedbackStatuses.map((s) => ({ value: s, label: t(`feedback.status.${s}`) }))]}
          value={status ?? ''}
          onChange={(v) => setStatus(v || null)}
          w={200}
        />
      </Group>
      {list.isPending && <Loader />}
      {list.error && <ErrorAlert error={list.error} />}
      {change.error && <ErrorAlert error={change.error} />}
      {list.data && (
        <TableScroll>
          <Table striped withTableBorder aria-label={t('feedback.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('feedback.col.receivedOn')}</Table.Th>
                <Table.Th>{t('feedback.col.unit')}</Table.Th>
                <Table.Th>{t('feedback.col.channel')}</Table.Th>
                <Table.Th>{t('feedback.col.subject')}</Table.Th>
                <Table.Th>{t('feedback.col.status')}</Table.Th>
                <Table.Th>{t('feedback.col.resolvedOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{formatDate(f.receivedOn)}</Table.Td>
                  <Table.Td>{f.unitName}</Table.Td>
                  <Table.Td>{t(`feedback.channel.${f.channel}`)}</Table.Td>
                  <Table.Td>{f.subject}</Table.Td>
                  <Table.Td>
                    {f.abilities.update ? (
                      <Select
                        aria-label={`${t('feedback.col.status')}: ${f.subject}`}
                        data={feedbackStatuses.map((s) => ({ value: s, label: t(`feedback.status.${s}`) }))}
                        value={f.status}
                        onChange={(v) => v && v !== f.status && change.mutate({ item: f, status: v })}
                        allowDeselect={false}
                        w={170}
                      />
                    ) : (
                      t(`feedback.status.${f.status}`)
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(f.resolvedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {can('feedback.record') && <RecordFeedbackModal opened={creating} onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function RecordFeedbackModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [receivedOn, setReceivedOn] = useState<string | null>(todayIso());
  const [channel, setChannel] = useState<string>('hotline');
  const [subject, setSubject] = useState('');
  const create = useMutation({
    mutationFn: () => api.post<Feedback>('/api/feedback', { unitId, receivedOn, channel, subject }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['feedback'] });
      setSubject('');
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('feedback.new')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <UnitSelect label={t('feedback.col.unit')} required includeInactive kinds={scoredKinds} value={unitId} onChange={setUnitId} />
          <DateField label={t('feedback.col.receivedOn')} required value={receivedOn} onChange={setReceivedOn} />
          <Select label={t('feedback.col.channel')} data={feedbackChannels.map((c) => ({ value: c, label: t(`feedback.channel.${c}`) }))} value={channel} onChange={(v) => v && setChannel(v)} allowDeselect={false} />
          <Textarea label={t('feedback.col.subject')} required rows={3} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
          {create.error && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} disabled={!unitId || !receivedOn || !subject.trim()}>
              {t('feedback.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
