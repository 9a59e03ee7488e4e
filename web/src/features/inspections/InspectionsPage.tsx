import { useState } from 'react';
import { Anchor, Badge, Button, Group, Loader, MultiSelect, Pagination, Pill, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { inspectionKinds, inspectionStatuses, type InspectionKind, type InspectionStatus } from '../../../../shared/domain/inspection-status.js';
import { useSession } from '../../auth/session.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate, todayIso } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { withQuery } from '../../lib/api-client.js';
import { usePlan, usePlans } from '../plans/plans.api.js';
import { usePlanTeams } from '../teams/teams.api.js';
import { useInspections } from './inspections.api.js';
import { kindKey, statusColor, statusKey } from './labels.js';
import { ScheduleInspectionModal } from './ScheduleInspectionModal.js';
import { filtersBoardStart, mondayOf, planBoardStart, SeasonBoard } from './SeasonBoard.js';
import { dayNumberToIso, toDayNumber } from '../../../../shared/domain/calendar/dates.js';
import { NoticesPanel } from './NoticesPanel.js';
import { DrawsPanel } from './DrawsPanel.js';
import { ScheduleProposalPanel } from './ScheduleProposalPanel.js';
import { issuerParam, uuidParam, yearParam, type DashboardScope } from '../dashboard/DashboardScopeNote.js';
import { ListHeader, paramChecks, useClampPage, useIgnoredFilters, usePageParam } from '../../components/ListHeader.js';
import { TableScroll } from '../../components/TableScroll.js';

/** Rows of a list page; the list pages through the server's results. */
export const INSPECTIONS_PAGE_SIZE = 100;
/** Weeks the board shows at once; it asks the server for exactly those days. */
export const BOARD_WEEKS = 4;
const addDays = (iso: string, n: number) => dayNumberToIso(toDayNumber(iso) + n);

/** The filters a link may carry (the dashboard's among them), each checked before use. */
const urlFilters = {
  year: paramChecks.year,
  month: paramChecks.month,
  unitId: paramChecks.uuid,
  issuer: paramChecks.oneOf(['own'] as const),
  teamId: paramChecks.uuid,
  live: paramChecks.flag('true', 'false'),
  kind: paramChecks.oneOf(inspectionKinds),
  status: paramChecks.listOf(inspectionStatuses),
  from: paramChecks.date,
  to: paramChecks.date,
  reportDue: paramChecks.flag('true', 'false'),
  reportDueBy: paramChecks.date,
  page: paramChecks.page,
};

/**
 * /inspections: the season — a list with filters, paged by the server, or the board of weeks by
 * team, which asks for the weeks it shows.
 */
export function InspectionsPage({ today = todayIso() }: { today?: string }) {
  const t = useT();
  const { can } = useSession();
  // The dashboard links here with its filters (?year=&month=&unitId=&live=true and status, kind or teamId).
  const [params, setParams] = useSearchParams();
  const ignored = useIgnoredFilters(urlFilters);
  const valid = (name: keyof typeof urlFilters) => {
    const v = params.get(name);
    return v !== null && urlFilters[name](v) ? v : null;
  };
  const [scope, setScope] = useState<DashboardScope>(() => ({
    year: yearParam(params.get('year')),
    month: params.get('year') ? Number(valid('month')) || null : null,
    unitId: uuidParam(params.get('unitId')),
    issuer: issuerParam(params.get('issuer')),
    live: params.get('live') === 'true',
  }));
  const [view, setView] = useState<'list' | 'board'>('list');
  const [planId, setPlanId] = useState<string | null>(null);
  const [kind, setKind] = useState<InspectionKind | null>(valid('kind') as InspectionKind | null);
  const [status, setStatus] = useState<InspectionStatus[]>(() => (params.get('status') ?? '').split(',').filter((v): v is InspectionStatus => (inspectionStatuses as readonly string[]).includes(v)));
  // The list's page in the URL (?page=) like the other lists': back and forward, a reload or a shared link keep it.
  const [page, setPage] = usePageParam();
  const [boardStart, setBoardStart] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(valid('from'));
  const [to, setTo] = useState<string | null>(valid('to'));
  const [teamId, setTeamId] = useState<string | null>(uuidParam(params.get('teamId')));
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const plans = usePlans({ pageSize: 200 });
  const plan = usePlan(planId ?? '');
  const planTeams = usePlanTeams(planId ?? '');
  // The dashboard's reports due (read from the URL, gone with "Bỏ lọc").
  const reportFilters = { reportDue: valid('reportDue') === 'true' || undefined, reportDueBy: valid('reportDueBy') };
  // Shown as a removable chip beside the other filters: the user sees why the list is short.
  const reportFilterLabel = reportFilters.reportDueBy
    ? t('inspections.filter.reportDueBy', { date: formatDate(reportFilters.reportDueBy) })
    : reportFilters.reportDue
      ? t('inspections.filter.reportDue')
      : null;
  const removeReportFilter = () => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('reportDue');
        next.delete('reportDueBy');
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  };
  const dashboardFilters = { year: scope.year, month: scope.month, unitId: scope.unitId, issuer: scope.issuer, live: scope.live || undefined, ...reportFilters };
  const filters = { planId, teamId, agencyId, kind, status: status.length ? status : null, ...dashboardFilters };
  // The board's window: from the chosen week (the filter's start; for a chosen plan, where its
  // season is — planBoardStart; else this week) for BOARD_WEEKS weeks.
  const planSummary = (plans.data?.items ?? []).find((p) => p.id === planId) ?? null;
  const anchorByPlan = view === 'board' && !!planSummary && !boardStart && !from;
  const firstVisit = useInspections({ planId, pageSize: 1 }, anchorByPlan);
  const visitAhead = useInspections({ planId, from: today, pageSize: 1 }, anchorByPlan);
  const planAnchor =
    anchorByPlan && firstVisit.data && visitAhead.data
      ? planBoardStart({ today, periodFrom: planSummary.periodFrom, periodTo: planSummary.periodTo, firstVisitOn: firstVisit.data.items[0]?.startsOn ?? null, visitsAhead: visitAhead.data.total > 0 })
      : null;
  // No plan chosen: where the visits matching the filters are (filtersBoardStart) — the nearest
  // one ahead, else the latest before today (the last of its page of one, sorted by day).
  const anchorByFilters = view === 'board' && !planId && !boardStart && !from;
  const nothingAhead = !!to && to < today;
  const pastTo = to && to < today ? to : addDays(today, -1);
  const nextVisit = useInspections({ ...filters, from: today, to, pageSize: 1 }, anchorByFilters && !nothingAhead);
  const noneAhead = nothingAhead || (!!nextVisit.error || nextVisit.data?.total === 0);
  const pastVisits = useInspections({ ...filters, to: pastTo, pageSize: 1 }, anchorByFilters && noneAhead);
  const pastTotal = pastVisits.data?.total ?? 0;
  const lastVisit = useInspections({ ...filters, to: pastTo, page: pastTotal, pageSize: 1 }, anchorByFilters && noneAhead && pastTotal > 1);
  const lastVisitOn = pastTotal > 1 ? lastVisit.data?.items[0]?.startsOn : pastVisits.data?.items[0]?.startsOn;
  const filtersAnchor = !anchorByFilters
    ? null
    : !noneAhead
      ? nextVisit.data
        ? filtersBoardStart({ today, weeks: BOARD_WEEKS, nextVisitOn: nextVisit.data.items[0]?.startsOn ?? null, lastVisitOn: null })
        : null
      : pastVisits.error || pastVisits.data?.total === 0 || (pastTotal > 1 && lastVisit.error)
        ? mondayOf(today)
        : lastVisitOn
          ? filtersBoardStart({ today, weeks: BOARD_WEEKS, nextVisitOn: null, lastVisitOn })
          : null;
  const weekOne = boardStart ?? (anchorByPlan ? planAnchor : anchorByFilters ? filtersAnchor : null) ?? mondayOf(from ?? today);
  const boardTo = addDays(weekOne, BOARD_WEEKS * 7 - 1);
  const list = useInspections({ ...filters, from, to, page, pageSize: INSPECTIONS_PAGE_SIZE }, view === 'list');
  const board = useInspections({ ...filters, from: weekOne, to: boardTo, pageSize: 500 }, view === 'board' && (anchorByPlan ? !!planAnchor : anchorByFilters ? !!filtersAnchor : true));
  const shown = view === 'list' ? list : board;
  // The notices panel drafts from the plan's announced visits still without a notice, whatever page is shown.
  const toNotify = useInspections({ planId, kind: 'announced', status: 'planned', pageSize: 500 }, !!planId);
  const items = shown.data?.items ?? [];
  const pages = Math.ceil((list.data?.total ?? 0) / INSPECTIONS_PAGE_SIZE);
  useClampPage(page, list.data && !list.isPlaceholderData ? pages : undefined, setPage);
  // A filter changed: back to the first page (in place: the filters here live in the page's state, not the URL).
  const refilter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1, { replace: true });
    };
  // The team and agency choices: the chosen plan's teams and targets, else those of the visits listed.
  const teamOptions = planId
    ? (planTeams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))
    : uniqueOptions(items.map((i) => ({ value: i.teamId, label: i.teamName })));
  const agencyOptions = planId
    ? (plan.data?.targets ?? []).map((a) => ({ value: a.agencyId, label: `${a.name} — ${a.unitName}` }))
    : uniqueOptions(items.map((i) => ({ value: i.agencyId, label: `${i.agencyName} — ${i.unitName}` })));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('inspections.title')}
        </Title>
        <Group gap="xs">
          <Button component="a" variant="default" href={withQuery('/api/inspections/export.xlsx', { planId, teamId, agencyId, kind, status: status.join(','), from, to, ...dashboardFilters, live: scope.live ? 'true' : undefined })}>
            {t('inspections.export')}
          </Button>
          {can('inspection.schedule') && <Button onClick={() => setScheduling(true)}>{t('inspections.schedule')}</Button>}
        </Group>
      </Group>
      <Group align="flex-end" gap="md">
        <Select
          label={t('inspections.plan')}
          data={(plans.data?.items ?? []).filter((p) => p.status !== 'draft' && p.status !== 'submitted').map((p) => ({ value: p.id, label: `${p.year} · ${p.documentNumber ?? p.summary}` }))}
          value={planId}
          onChange={(v) => {
            setPlanId(v);
            setBoardStart(null);
            setTeamId(null);
            setAgencyId(null);
            setPage(1, { replace: true });
          }}
          clearable
          w={240}
        />
        <Select label={t('inspections.team')} data={teamOptions} value={teamId} onChange={refilter(setTeamId)} clearable searchable w={200} />
        <Select label={t('inspections.agency')} data={agencyOptions} value={agencyId} onChange={refilter(setAgencyId)} clearable searchable w={260} />
        <Select label={t('inspections.kind')} data={inspectionKinds.map((k) => ({ value: k, label: t(kindKey(k)) }))} value={kind} onChange={refilter((v: string | null) => setKind(v as InspectionKind | null))} clearable w={210} />
        <MultiSelect label={t('inspections.status')} data={inspectionStatuses.map((s) => ({ value: s, label: t(statusKey(s)) }))} value={status} onChange={refilter((v: string[]) => setStatus(v as InspectionStatus[]))} clearable w={220} />
        <DateField
          label={t('inspections.from')}
          value={from}
          onChange={(v) => {
            refilter(setFrom)(v);
            setBoardStart(null);
          }}
          w={150}
        />
        <DateField label={t('inspections.to')} value={to} onChange={refilter(setTo)} w={150} />
        {reportFilterLabel && (
          <Pill
            size="lg"
            withRemoveButton
            onRemove={removeReportFilter}
            // Mantine hides a pill's remove button from the keyboard and screen readers: here it is the filter's only control.
            removeButtonProps={{ 'aria-label': t('inspections.filter.remove', { filter: reportFilterLabel }), 'aria-hidden': false, tabIndex: 0 }}
            // Its whole label, wrapped on a phone rather than cut.
            styles={{ root: { height: 'auto', minHeight: 'var(--pill-height)', whiteSpace: 'normal', paddingBlock: 4 }, label: { whiteSpace: 'normal' } }}
            data-testid="report-filter"
          >
            {reportFilterLabel}
          </Pill>
        )}
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as 'list' | 'board')}
          data={[
            { value: 'list', label: t('inspections.viewList') },
            { value: 'board', label: t('inspections.viewBoard') },
          ]}
        />
      </Group>
      <ListHeader
        scope={{ ...scope, ...reportFilters }}
        onClear={() => {
          setScope({ year: null, month: null, unitId: null, issuer: undefined, live: false });
          setParams({}, { replace: true });
        }}
        ignored={ignored}
        total={shown.data ? t('inspections.total', { n: shown.data.total }) : ''}
      />
      {view === 'board' && (
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => setBoardStart(addDays(weekOne, -7 * BOARD_WEEKS))}>
            {t('inspections.boardEarlier')}
          </Button>
          <Text size="sm">{t('inspections.boardRange', { from: formatDate(weekOne), to: formatDate(boardTo) })}</Text>
          <Button variant="default" size="xs" onClick={() => setBoardStart(addDays(weekOne, 7 * BOARD_WEEKS))}>
            {t('inspections.boardLater')}
          </Button>
        </Group>
      )}
      {shown.isPending && <Loader />}
      {shown.error && <ErrorAlert error={shown.error} onReload={() => void shown.refetch()} />}
      {shown.data && !items.length && <Text c="dimmed">{t('inspections.empty')}</Text>}
      {items.length > 0 && view === 'board' && <SeasonBoard items={items} from={weekOne} to={boardTo} />}
      {items.length > 0 && view === 'list' && (
        <TableScroll>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inspections.startsOn')}</Table.Th>
                <Table.Th>{t('inspections.agency')}</Table.Th>
                <Table.Th>{t('inspections.kind')}</Table.Th>
                <Table.Th>{t('inspections.team')}</Table.Th>
                <Table.Th>{t('inspections.reportDue')}</Table.Th>
                <Table.Th>{t('inspections.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    {formatDate(i.startsOn)}
                    {i.startTime ? ` ${i.startTime}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/inspections/${i.id}`}>
                      {i.agencyName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {i.unitName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(kindKey(i.kind))}</Table.Td>
                  <Table.Td>{i.teamName}</Table.Td>
                  <Table.Td>{formatDate(i.reportDueOn)}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[i.status]}>{t(statusKey(i.status))}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {view === 'list' && pages > 1 && <Pagination total={pages} value={page} onChange={setPage} aria-label={t('inspections.pages')} />}
      {/* The schedule first; the plan's notices, proposal and draws below it. */}
      {planId && <NoticesPanel planId={planId} inspections={toNotify.data?.items ?? []} canSchedule={can('inspection.schedule')} />}
      {planId && can('inspection.schedule') && <ScheduleProposalPanel planId={planId} />}
      {planId && can('inspection.schedule') && <DrawsPanel planId={planId} />}
      {scheduling && <ScheduleInspectionModal opened onClose={() => setScheduling(false)} planId={planId} />}
    </Stack>
  );
}

/** Options once each, by label (a Select refuses duplicate values). */
function uniqueOptions(options: { value: string; label: string }[]) {
  return [...new Map(options.map((o) => [o.value, o])).values()].sort((a, b) => a.label.localeCompare(b.label, 'vi'));
}
