import { useState } from 'react';
import { Anchor, Button, Checkbox, Group, Loader, NumberInput, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { actionStates, BOARD_AGENCY_PAGE_SIZE, type ActionBoard, type ActionState } from '../../../../shared/api/corrective-actions.schemas.js';
import { actionStatuses, planContentGroups, type ActionStatus } from '../../../../shared/domain/follow-up.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.js';
import { ListBody } from '../../components/ListBody.js';
import { formatDate } from '../../i18n/dates.js';
import { useI18n, useT } from '../../i18n/i18n.js';
import { AgencySelect } from '../plans/AgencyPickers.js';
import { useActionBoard, useActions } from './followup.api.js';
import { ActionStatusBadge } from './labels.js';
import { issuerParam, uuidParam, yearParam, type DashboardScope } from '../dashboard/DashboardScopeNote.js';
import { ListHeader, paramChecks, useIgnoredFilters } from '../../components/ListHeader.js';
import { TableScroll } from '../../components/TableScroll.js';

const pageSize = 50;
/** The filters a link may carry (the dashboard's and the older ?year=&overdue=1), each checked before use. */
const urlFilters = {
  visitYear: paramChecks.year,
  unitId: paramChecks.uuid, issuer: paramChecks.oneOf(['own'] as const),
  year: paramChecks.year,
  status: paramChecks.oneOf(actionStatuses),
  overdue: paramChecks.flag('1', '0'),
  state: paramChecks.oneOf(actionStates),
};

interface Filters {
  year: number | null;
  agencyId: string | null;
  contentGroup: string | null;
  status: ActionStatus | null;
  overdue: boolean;
  /** The dashboard's bucket: open (not closed nor overdue), overdue, closed. */
  state: ActionState | null;
}

/**
 * The board of corrective actions (issue 10 §6): open, overdue and closed by inspected unit and by
 * content group, then the actions themselves, filtered, each linking to its page and its notice.
 * Clicking a unit's row filters the list to it. The units come a page at a time from the server (a
 * country has thousands) and the unit filter searches the server's register.
 */
export function CorrectiveActionsPage({ initialYear = null }: { initialYear?: number | null }) {
  const t = useT();
  // The dashboard links here with ?visitYear=&unitId=&state= (open, overdue, closed); ?year=&overdue=1 or &status=closed still open the list so.
  const [params, setParams] = useSearchParams();
  const ignored = useIgnoredFilters(urlFilters);
  const [scope, setScope] = useState<DashboardScope>(() => ({ year: yearParam(params.get('visitYear')), unitId: uuidParam(params.get('unitId')), issuer: issuerParam(params.get('issuer')) }));
  const [f, setF] = useState<Filters>({
    year: yearParam(params.get('year')) ?? initialYear,
    agencyId: null,
    contentGroup: null,
    status: actionStatuses.find((s) => s === params.get('status')) ?? null,
    overdue: params.get('overdue') === '1',
    state: actionStates.find((s) => s === params.get('state')) ?? null,
  });
  const [page, setPage] = useState(1);
  const [agencyPage, setAgencyPage] = useState(1);
  const set = (patch: Partial<Filters>) => (setF({ ...f, ...patch }), setPage(1), patch.year !== undefined && setAgencyPage(1));
  // The board counts what the list shows: the same year and the same unit (?unitId=, the dashboard's scope), filtered on the server.
  const board = useActionBoard({ year: f.year ?? undefined, unitId: scope.unitId ?? undefined, issuer: scope.issuer, visitYear: scope.year ?? undefined, agencyPage: agencyPage > 1 ? agencyPage : undefined });
  const filters = {
    year: f.year ?? undefined,
    agencyId: f.agencyId ?? undefined,
    status: f.status ?? undefined,
    overdue: f.overdue || undefined,
    contentGroup: f.contentGroup ?? undefined,
    state: f.state ?? undefined,
    visitYear: scope.year ?? undefined,
    unitId: scope.unitId ?? undefined, issuer: scope.issuer,
  };
  const list = useActions({ ...filters, page, pageSize });
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h3">
          {t('actions.title')}
        </Title>
        <ExportXlsxButton path="/api/corrective-actions/export.xlsx" query={filters} />
      </Group>
      <Group align="flex-end">
        <NumberInput label={t('actions.filter.year')} value={f.year ?? ''} min={2000} max={2100} onChange={(v) => set({ year: typeof v === 'number' ? v : null })} w={120} />
        <AgencySelect label={t('actions.filter.agency')} value={f.agencyId} onChange={(agencyId) => set({ agencyId })} clearable />
        <Select label={t('actions.status')} data={actionStatuses.filter((s) => s !== 'draft').map((s) => ({ value: s, label: t(`actions.status.${s}`) }))} value={f.status} onChange={(s) => set({ status: s as ActionStatus | null })} clearable />
        <Checkbox label={t('actions.filter.overdue')} checked={f.overdue} onChange={(e) => set({ overdue: e.currentTarget.checked })} />
        <Select label={t('actions.filter.state')} data={actionStates.map((s) => ({ value: s, label: t(`actions.state.${s}`) }))} value={f.state} onChange={(s) => set({ state: (s as ActionState | null) ?? null })} clearable w={220} />
      </Group>
      {board.error ? <ErrorAlert error={board.error} /> : board.data ? <Board board={board.data} agencyPage={agencyPage} onAgencyPage={setAgencyPage} onAgency={(agencyId) => set({ agencyId })} onGroup={(g) => set({ contentGroup: g ?? '-' })} /> : <Loader size="sm" />}
      <Title order={2} size="h4">
        {t('actions.list')}
        {f.contentGroup && ` — ${t('actions.filter.group', { group: f.contentGroup === '-' ? t('actions.board.noGroup') : f.contentGroup })}`}
      </Title>
      {f.contentGroup && (
        <Group>
          <Button size="xs" variant="subtle" onClick={() => set({ contentGroup: null })}>
            {t('actions.filter.clearGroup')}
          </Button>
        </Group>
      )}
      <ListHeader
        scope={scope}
        onClear={() => {
          setScope({ year: null, unitId: null, issuer: undefined });
          setPage(1);
          setParams({}, { replace: true });
        }}
        ignored={ignored}
        total={list.data ? t('actions.total', { n: list.data.total }) : ''}
      />
      <ListBody query={list} empty={t('actions.none')} count={items.length}>
        {() => (
        <TableScroll>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('conclusions.requirementContent')}</Table.Th>
                <Table.Th>{t('actions.agency')}</Table.Th>
                <Table.Th>{t('actions.notice')}</Table.Th>
                <Table.Th>{t('conclusions.due')}</Table.Th>
                <Table.Th>{t('actions.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/corrective-actions/${a.id}`}>
                      {a.content}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{a.agencyName}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/conclusions/${a.conclusionId}`}>
                      {a.conclusionNumber ?? t('conclusions.status.draft')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(a.dueOn)}</Table.Td>
                  <Table.Td>
                    <ActionStatusBadge status={a.status} overdue={a.overdue} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
        )}
      </ListBody>
      {list.data && list.data.total > pageSize && (
        <Group>
          <Button variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('actions.previous')}
          </Button>
          <Text size="sm">{t('actions.page', { page, pages: Math.ceil(list.data.total / pageSize) })}</Text>
          <Button variant="default" disabled={page * pageSize >= list.data.total} onClick={() => setPage(page + 1)}>
            {t('actions.next')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

interface BoardProps {
  board: ActionBoard;
  agencyPage: number;
  onAgencyPage: (page: number) => void;
  onAgency: (id: string) => void;
  onGroup: (g: string | null) => void;
}

function Board({ board, agencyPage, onAgencyPage, onAgency, onGroup }: BoardProps) {
  const t = useT();
  const { language } = useI18n();
  const head = (first: string) => (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{first}</Table.Th>
        <Table.Th>{t('actions.board.open')}</Table.Th>
        <Table.Th>{t('actions.board.overdue')}</Table.Th>
        <Table.Th>{t('actions.board.closed')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
  const counts = (c: { open: number; overdue: number; closed: number }) => (
    <>
      <Table.Td>{c.open}</Table.Td>
      <Table.Td c={c.overdue ? 'red' : undefined}>{c.overdue}</Table.Td>
      <Table.Td>{c.closed}</Table.Td>
    </>
  );
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('actions.board.summary', { open: board.total.open, overdue: board.total.overdue, closed: board.total.closed, date: formatDate(board.asOf) })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="xs">
          <TableScroll>
            <Table aria-label={t('actions.board.byAgency')}>
              <caption>{t('actions.board.byAgency')}</caption>
              {head(t('actions.agency'))}
              <Table.Tbody>
                {board.byAgency.map((a) => (
                  <Table.Tr key={a.agencyId}>
                    <Table.Td>
                      <Anchor component="button" type="button" onClick={() => onAgency(a.agencyId)}>
                        {a.agencyName}
                      </Anchor>
                    </Table.Td>
                    {counts(a)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {board.agencyCount > BOARD_AGENCY_PAGE_SIZE && (
            <Group justify="center" gap="xs">
              <Button size="xs" variant="default" disabled={agencyPage <= 1} onClick={() => onAgencyPage(agencyPage - 1)}>
                {t('actions.board.previousUnits')}
              </Button>
              <Text size="sm">
                {t('actions.board.unitRange', { from: (agencyPage - 1) * BOARD_AGENCY_PAGE_SIZE + 1, to: (agencyPage - 1) * BOARD_AGENCY_PAGE_SIZE + board.byAgency.length, count: board.agencyCount })}
              </Text>
              <Button size="xs" variant="default" disabled={agencyPage * BOARD_AGENCY_PAGE_SIZE >= board.agencyCount} onClick={() => onAgencyPage(agencyPage + 1)}>
                {t('actions.board.nextUnits')}
              </Button>
            </Group>
          )}
        </Stack>
        <TableScroll>
          <Table aria-label={t('actions.board.byGroup')}>
            <caption>{t('actions.board.byGroup')}</caption>
            {head(t('conclusions.contentGroup'))}
            <Table.Tbody>
              {board.byContentGroup.map((g) => (
                <Table.Tr key={g.contentGroup ?? '-'}>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => onGroup(g.contentGroup)}>
                      {g.contentGroup ? (planContentGroups[g.contentGroup]?.[language] ?? g.contentGroup) : t('actions.board.noGroup')}
                    </Anchor>
                  </Table.Td>
                  {counts(g)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </SimpleGrid>
    </Stack>
  );
}
