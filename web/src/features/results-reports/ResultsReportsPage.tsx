import { useState } from 'react';
import { Anchor, Badge, Button, Group, Loader, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { currentYear, formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { useCreateReport, useResultsReports } from './results-reports.api.js';
import { TableScroll } from '../../components/TableScroll.js';

/** /results-reports: the annual results reports in reach; the office drafts the year's. */
export function ResultsReportsPage() {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [picked, setYear] = useState<number | null>(Number(params.get('year')) || null);
  // No year asked: the latest year with a report in reach, else this year in Việt Nam — never a fixed one.
  const latest = useResultsReports(null, picked === null);
  const year = picked ?? (latest.data ? (latest.data.items[0]?.year ?? currentYear()) : null);
  const list = useResultsReports(year, year !== null);
  const create = useCreateReport();
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('reports.title')}
      </Title>
      {year === null && !latest.error && <Loader />}
      {latest.error && <ErrorAlert error={latest.error} />}
      {year !== null && (
        <Group align="end">
          <NumberInput label={t('dashboard.year')} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} min={1990} max={2100} w={110} />
          {can('results_report.draft') && (
            <Button loading={create.isPending} onClick={() => create.mutate(year, { onSuccess: (r) => navigate(`/results-reports/${r.id}`) })}>
              {t('reports.create', { year })}
            </Button>
          )}
        </Group>
      )}
      {create.error && <ErrorAlert error={create.error} />}
      {year !== null && list.isPending && <Loader />}
      {list.error && <ErrorAlert error={list.error} />}
      {year !== null && list.data && items.length === 0 && <Text c="dimmed">{t('reports.none', { year })}</Text>}
      {items.length > 0 && (
        <TableScroll>
          <Table striped withTableBorder>
            <caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('reports.title')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.col.year')}</Table.Th>
                <Table.Th>{t('reports.col.issuer')}</Table.Th>
                <Table.Th>{t('reports.col.status')}</Table.Th>
                <Table.Th>{t('reports.col.number')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/results-reports/${r.id}`}>
                      {t('reports.name', { year: r.year })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.issuingAgencyName}</Table.Td>
                  <Table.Td>
                    <Badge color={r.status === 'issued' ? 'green' : 'gray'}>{t(`reports.status.${r.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{r.number !== null ? `${r.number}/${r.symbol} (${formatDate(r.issuedOn)})` : '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
