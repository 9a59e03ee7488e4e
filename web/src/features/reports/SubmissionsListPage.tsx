import { useState } from 'react';
import { Anchor, Badge, Group, Pagination, Select, Stack, Table, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { submissionTimeliness, type SubmissionSummary, type SubmissionTimeliness } from '../../../../shared/api/reports.schemas.js';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.js';
import { ListBody } from '../../components/ListBody.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { issuerParam, uuidParam, yearParam, type DashboardScope } from '../dashboard/DashboardScopeNote.js';
import { ListHeader, paramChecks, useClampPage, useIgnoredFilters, usePageParam } from '../../components/ListHeader.js';
import { displayStatusColor, displayStatusKey } from './labels.js';
import { TableScroll } from '../../components/TableScroll.js';

/** The filters a link may carry, each checked before use. */
const urlFilters = { dueYear: paramChecks.year, unitId: paramChecks.uuid, issuer: paramChecks.oneOf(['own'] as const), timeliness: paramChecks.oneOf(submissionTimeliness), mine: paramChecks.oneOf(['true'] as const), toReview: paramChecks.oneOf(['true'] as const), page: paramChecks.page };

/**
 * /reports/submissions — the units' reports across requests, as the dashboard counts them: those
 * of the issued requests due in a year (?dueYear=), from agencies under a unit (?unitId=), sent
 * on time, late, or missing by today (?timeliness=). The dashboard's report figures link here.
 * Paged on the server (50 a page, with the total); "Xuất Excel" downloads every row of the filters.
 */
const pageSize = 50;

export function SubmissionsListPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const ignored = useIgnoredFilters(urlFilters);
  const [scope, setScope] = useState<DashboardScope>(() => ({ year: yearParam(params.get('dueYear')), unitId: uuidParam(params.get('unitId')), issuer: issuerParam(params.get('issuer')) }));
  // The status filter lives in the URL like the page (?timeliness=): back and forward, a reload or a shared link keep it.
  const timeliness: SubmissionTimeliness | null = submissionTimeliness.find((x) => x === params.get('timeliness')) ?? null;
  const setTimeliness = (next: SubmissionTimeliness | null) =>
    // A new history entry, back to the first page (deleted here: two updates in one handler would lose the first).
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      if (next) out.set('timeliness', next);
      else out.delete('timeliness');
      out.delete('page');
      return out;
    });
  const [page, setPage] = usePageParam();
  // "Việc của tôi"'s links (see all): the caller's units' reports (?mine=true), the office's review queue (?toReview=true).
  const mine = params.get('mine') === 'true' ? 'true' : undefined;
  const toReview = params.get('toReview') === 'true' ? 'true' : undefined;
  const filters = { dueYear: scope.year ?? undefined, unitId: scope.unitId ?? undefined, issuer: scope.issuer, timeliness: timeliness ?? undefined, mine, toReview };
  const query = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: ['report-submissions', 'list', query],
    queryFn: ({ signal }) => api.get<{ items: SubmissionSummary[]; total: number }>('/api/report-submissions', query, signal),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  useClampPage(page, list.data && !list.isPlaceholderData ? Math.ceil(list.data.total / pageSize) : undefined, setPage);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('submissionsList.title')}
        </Title>
        <ExportXlsxButton path="/api/report-submissions/export.xlsx" query={filters} />
      </Group>
      <Select
        label={t('submissionsList.timeliness')}
        data={submissionTimeliness.map((x) => ({ value: x, label: t(`submissionsList.timeliness.${x}`) }))}
        value={timeliness}
        onChange={(v) => setTimeliness((v as SubmissionTimeliness | null) ?? null)}
        clearable
        w={240}
      />
      <ListHeader
        scope={scope}
        onClear={() => {
          setScope({ year: null, unitId: null, issuer: undefined });
          // The dashboard's scope goes (and the page with it); the status chosen here stays.
          setParams(timeliness ? { timeliness } : {}, { replace: true });
        }}
        ignored={ignored}
        total={list.data ? t('submissionsList.total', { n: list.data.total }) : ''}
      />
      <ListBody query={list} empty={t('submissionsList.empty')} count={items.length}>
        {() => (
        <TableScroll>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('submissionsList.agency')}</Table.Th>
                <Table.Th>{t('submissionsList.request')}</Table.Th>
                <Table.Th>{t('submissionsList.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/reports/submissions/${s.id}`}>
                      {s.agencyName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/reports/requests/${s.requestId}`}>
                      {s.requestTitle}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={displayStatusColor[s.displayStatus]} variant="light">
                      {t(displayStatusKey(s.displayStatus))}
                    </Badge>
                    {s.submittedAt && ` ${formatDate(s.submittedAt.slice(0, 10))}`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
        )}
      </ListBody>
      {list.data && list.data.total > pageSize && <Pagination total={Math.ceil(list.data.total / pageSize)} value={page} onChange={setPage} />}
    </Stack>
  );
}
