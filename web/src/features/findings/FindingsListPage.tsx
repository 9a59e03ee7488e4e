import { useState } from 'react';
import { Anchor, Group, Pagination, Select, Stack, Table, Title } from '@mantine/core';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { FindingListItem } from '../../../../shared/api/findings.schemas.js';
import { findingKinds, type FindingKind } from '../../../../shared/domain/checklists.js';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.js';
import { ListBody } from '../../components/ListBody.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { issuerParam, uuidParam, yearParam, type DashboardScope } from '../dashboard/DashboardScopeNote.js';
import { ListHeader, paramChecks, useIgnoredFilters } from '../../components/ListHeader.js';
import { TableScroll } from '../../components/TableScroll.js';

const pageSize = 50;
/** The filters a link may carry, each checked before use. */
const urlFilters = { visitYear: paramChecks.year, unitId: paramChecks.uuid, issuer: paramChecks.oneOf(['own'] as const), kind: paramChecks.oneOf(findingKinds) };

/**
 * /findings — the findings of the visits the caller may see (withdrawn ones left out), by the
 * visits' year (?visitYear=), the unit subtree (?unitId=), the kind (?kind=) and the content
 * group's code (?contentGroup=). The dashboard's findings figures link here.
 */
export function FindingsListPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const ignored = useIgnoredFilters(urlFilters);
  const [scope, setScope] = useState<DashboardScope>(() => ({ year: yearParam(params.get('visitYear')), unitId: uuidParam(params.get('unitId')), issuer: issuerParam(params.get('issuer')) }));
  const [kind, setKind] = useState<FindingKind | null>(findingKinds.find((k) => k === params.get('kind')) ?? null);
  const [contentGroup, setContentGroup] = useState<string | null>(params.get('contentGroup'));
  const [page, setPage] = useState(1);
  const filters = { visitYear: scope.year ?? undefined, unitId: scope.unitId ?? undefined, issuer: scope.issuer, kind: kind ?? undefined, contentGroup: contentGroup ?? undefined };
  const query = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: ['findings', 'list', query],
    queryFn: ({ signal }) => api.get<{ items: FindingListItem[]; total: number }>('/api/findings', query, signal),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('findingsList.title')}
        </Title>
        <ExportXlsxButton path="/api/findings/export.xlsx" query={filters} />
      </Group>
      <Group align="flex-end">
        <Select
          label={t('findingsList.kind')}
          data={findingKinds.map((k) => ({ value: k, label: t(`findingsList.kind.${k}`) }))}
          value={kind}
          onChange={(v) => (setKind((v as FindingKind | null) ?? null), setPage(1))}
          clearable
          w={200}
        />
        {contentGroup && (
          <Select label={t('findingsList.group')} data={[{ value: contentGroup, label: items.find((f) => f.contentGroup === contentGroup)?.contentGroupTitle ?? contentGroup }]} value={contentGroup} onChange={(v) => (setContentGroup(v), setPage(1))} clearable w={200} />
        )}
      </Group>
      <ListHeader
        scope={scope}
        onClear={() => {
          setScope({ year: null, unitId: null, issuer: undefined });
          setPage(1);
          setParams({}, { replace: true });
        }}
        ignored={ignored}
        total={list.data ? t('findingsList.total', { n: list.data.total }) : ''}
      />
      <ListBody query={list} empty={t('findingsList.empty')} count={items.length}>
        {() => (
        <TableScroll>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('findingsList.finding')}</Table.Th>
                <Table.Th>{t('findingsList.kind')}</Table.Th>
                <Table.Th>{t('findingsList.group')}</Table.Th>
                <Table.Th>{t('findingsList.agency')}</Table.Th>
                <Table.Th>{t('findingsList.visitedOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/inspections/${f.inspectionId}`}>
                      {f.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`findingsList.kind.${f.kind}`)}</Table.Td>
                  <Table.Td>{f.contentGroupTitle}</Table.Td>
                  <Table.Td>{f.agencyName}</Table.Td>
                  <Table.Td>{formatDate(f.visitedOn)}</Table.Td>
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
