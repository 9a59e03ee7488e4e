import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Group, Loader, Modal, NumberInput, Pagination, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { difficultyStatuses, type DifficultyStatus } from '../../../../shared/domain/difficulty-status.js';
import type { Difficulty } from '../../../../shared/api/difficulties.schemas.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { uuidParam, yearParam } from '../dashboard/DashboardScopeNote.js';
import { ListHeader, paramChecks, useIgnoredFilters } from '../../components/ListHeader.js';
import { difficultyStates, exportUrl, stateParam, useDifficulties, useRaiseDifficulty, useReformAreas } from './difficulties.api.js';
import { responseTimeText } from './response-time.js';
import { TableScroll } from '../../components/TableScroll.js';

export const statusColor: Record<DifficultyStatus, string> = { raised: 'orange', forwarded: 'yellow', answered: 'green', closed: 'gray' };

/** A unit raises a difficulty of its own agency. */
function RaiseModal({ onClose, onSaved }: { onClose: () => void; onSaved: (d: Difficulty) => void }) {
  const t = useT();
  const { session } = useSession();
  const areas = useReformAreas();
  const raise = useRaiseDifficulty();
  const errorFor = useFieldErrors(raise.error);
  const units = (session?.roles ?? []).filter((r) => r.role === 'unit_officer').map((r) => ({ value: r.agencyId, label: r.agencyName }));
  const [agencyId, setAgencyId] = useState<string | null>(units[0]?.value ?? null);
  const [reformAreaId, setArea] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    raise.mutate({ agencyId, reformAreaId, title, body }, { onSuccess: onSaved });
  };
  return (
    <Modal opened onClose={onClose} title={t('difficulties.raise')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Select label={t('difficulties.unit')} required data={units} value={agencyId} onChange={setAgencyId} error={errorFor('agencyId')} />
          <Select label={t('difficulties.area')} required data={(areas.data ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: a.name }))} value={reformAreaId} onChange={setArea} error={errorFor('reformAreaId')} />
          <TextInput label={t('difficulties.subject')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errorFor('title')} />
          <Textarea label={t('difficulties.body')} required rows={5} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errorFor('body')} />
          {raise.error && <ErrorAlert error={raise.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={raise.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The filters a link may carry (the dashboard's), each checked before use. */
const urlFilters = { year: paramChecks.year, unitId: paramChecks.uuid, state: paramChecks.oneOf(difficultyStates) };

/** Difficulties raised to the committee (issue 9 §7): a unit sees its own, the office those in reach. */
export function DifficultiesPage() {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const areas = useReformAreas();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<DifficultyStatus | null>(null);
  const [reformAreaId, setArea] = useState<string | null>(null);
  // The dashboard links here with ?year=&unitId=&state= (its "answered" and "not answered yet" counts).
  const [params, setParams] = useSearchParams();
  const ignored = useIgnoredFilters(urlFilters);
  const [state, setState] = useState(stateParam(params.get('state')));
  const [year, setYear] = useState<number | null>(yearParam(params.get('year')));
  const [unitId, setUnitId] = useState<string | null>(uuidParam(params.get('unitId')));
  const [page, setPage] = useState(1);
  const [raising, setRaising] = useState(false);
  const filters = { q, status, state, reformAreaId, year, unitId };
  const list = useDifficulties({ ...filters, page });
  const reset = <V,>(set: (v: V) => void) => (v: V) => {
    set(v);
    setPage(1);
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('difficulties.title')}</Title>
        <Group>
          <Anchor href={exportUrl(filters)}>{t('difficulties.export')}</Anchor>
          {can('difficulty.raise') && <Button onClick={() => setRaising(true)}>{t('difficulties.raise')}</Button>}
        </Group>
      </Group>
      <Group align="flex-end">
        <TextInput label={t('common.search')} value={q} onChange={(e) => reset(setQ)(e.currentTarget.value)} w={260} />
        <Select label={t('difficulties.status')} clearable data={difficultyStatuses.map((s) => ({ value: s, label: t(`difficulties.status.${s}`) }))} value={status} onChange={(v) => reset(setStatus)(v as DifficultyStatus | null)} w={180} />
        <Select label={t('difficulties.state')} clearable data={difficultyStates.map((s) => ({ value: s, label: t(`difficulties.state.${s}`) }))} value={state} onChange={(v) => reset(setState)(stateParam(v))} w={220} />
        <Select label={t('difficulties.area')} clearable data={(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))} value={reformAreaId} onChange={reset(setArea)} w={260} />
        <NumberInput label={t('difficulties.year')} value={year ?? ''} onChange={(v) => reset(setYear)(typeof v === 'number' && v >= 1990 && v <= 2199 ? v : null)} w={110} />
      </Group>
      <ListHeader
        scope={unitId ? { year, unitId } : undefined}
        onClear={() => {
          setUnitId(null);
          setYear(null);
          setState(null);
          setPage(1);
          setParams({}, { replace: true });
        }}
        ignored={ignored}
        total={list.data ? t('difficulties.total', { count: list.data.total }) : ''}
      />
      {list.data && (
        <Text size="sm" data-testid="difficulty-counts">
          {t('difficulties.counts', { open: list.data.counts.open, answered: list.data.counts.answered, average: list.data.counts.averageResponseWorkingDays ?? '—' })}
        </Text>
      )}
      {list.isPending && <Loader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('difficulties.none')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <TableScroll>
          <Table striped withTableBorder aria-label={t('difficulties.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('difficulties.raisedOn')}</Table.Th>
                <Table.Th>{t('difficulties.subject')}</Table.Th>
                <Table.Th>{t('difficulties.unit')}</Table.Th>
                <Table.Th>{t('difficulties.area')}</Table.Th>
                <Table.Th>{t('difficulties.status')}</Table.Th>
                <Table.Th>{t('difficulties.responseTime')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{formatDate(d.raisedOn)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/difficulties/${d.id}`}>
                      {d.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{d.agencyName}</Table.Td>
                  <Table.Td>{d.reformAreaName}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[d.status]} variant="light">
                      {t(`difficulties.status.${d.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{responseTimeText(t, d)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {list.data && list.data.total > 50 && <Pagination total={Math.ceil(list.data.total / 50)} value={page} onChange={setPage} />}
      {raising && <RaiseModal onClose={() => setRaising(false)} onSaved={(d) => void navigate(`/difficulties/${d.id}`)} />}
    </Stack>
  );
}
