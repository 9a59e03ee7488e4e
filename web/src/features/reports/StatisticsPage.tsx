import { useMemo, useState } from 'react';
import { Anchor, Button, Group, Loader, NumberInput, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { reportStatisticsResponse } from '../../../../shared/api/reports.schemas.js';
import { compareVietnamese } from '../../../../shared/domain/vietnamese.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { todayIso } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { TableScroll } from '../../components/TableScroll.js';

type Statistics = z.infer<typeof reportStatisticsResponse>;
/** A unit's line: `missing` is past its due day, `pending` not yet due (neither in the rate). */
type Line = Statistics['items'][number];
const columns = ['agencyName', 'asked', 'onTime', 'late', 'returned', 'missing', 'pending', 'onTimeRate'] as const;
type Column = (typeof columns)[number];

const rateFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** Lines in the chosen order: names in Vietnamese order, figures by value (no rate: last either way), ties by name. */
export function sortLines(lines: readonly Line[], by: Column, dir: 'asc' | 'desc'): Line[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...lines].sort((a, b) => {
    if (by === 'agencyName') return sign * compareVietnamese(a.agencyName, b.agencyName);
    const x = a[by];
    const y = b[by];
    if (x === null || y === null) return x === y ? compareVietnamese(a.agencyName, b.agencyName) : x === null ? 1 : -1;
    return sign * (x - y) || compareVietnamese(a.agencyName, b.agencyName);
  });
}

/**
 * /reports/statistics — the on-time rate per unit over a year (issue 9 §5): for each unit the
 * reports asked by requests due in the year, sent on time, late, returned, missing (past due),
 * not yet due, and the rate; sortable by any column, the year in the address
 * (?year=) so a link keeps it, the table downloadable as .xlsx.
 */
export function StatisticsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || Number(todayIso().slice(0, 4));
  const [sort, setSort] = useState<{ by: Column; dir: 'asc' | 'desc' }>({ by: 'onTimeRate', dir: 'asc' });
  const stats = useQuery({ queryKey: ['reports', 'statistics', year], queryFn: ({ signal }) => api.get<Statistics>('/api/report-statistics', { year }, signal) });
  const lines = useMemo(() => sortLines(stats.data?.items ?? [], sort.by, sort.dir), [stats.data, sort]);
  const shown = columns;
  const toggle = (by: Column) => setSort((s) => (s.by === by ? { by, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { by, dir: by === 'agencyName' ? 'asc' : 'desc' }));
  const cell = (l: Line, c: Column) => {
    if (c === 'agencyName') return l.agencyName;
    if (c === 'onTimeRate') return l.onTimeRate === null ? '—' : `${rateFormat.format(l.onTimeRate)}%`;
    return String(l[c]);
  };
  return (
    <Stack>
      <div>
        <Anchor component={Link} to="/reports/requests" size="sm">
          ← {t('reporting.requests.title')}
        </Anchor>
        <Title order={1} size="h2">
          {t('reporting.stats.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reporting.stats.intro')}
        </Text>
      </div>
      <Group align="end">
        <NumberInput
          label={t('reporting.stats.year')}
          min={2000}
          max={2100}
          allowDecimal={false}
          w={140}
          value={year}
          onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && setParams({ year: String(v) }, { replace: true })}
        />
        <Button component="a" variant="default" href={`/api/report-statistics.xlsx?year=${year}`} download>
          {t('reporting.stats.export')}
        </Button>
      </Group>
      {stats.isPending ? (
        <Loader />
      ) : stats.error ? (
        <ErrorAlert error={stats.error} />
      ) : !lines.length ? (
        <Text c="dimmed">{t('reporting.stats.none', { year })}</Text>
      ) : (
        <TableScroll>
          <Table striped withTableBorder aria-label={t('reporting.stats.table', { year })}>
            <Table.Thead>
              <Table.Tr>
                {shown.map((c) => (
                  <Table.Th key={c} aria-sort={sort.by === c ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    <UnstyledButton onClick={() => toggle(c)} fw={600} fz="sm">
                      {t(`reporting.stats.col.${c}`)}
                      {sort.by === c ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </UnstyledButton>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.agencyId}>
                  {shown.map((c) => (
                    <Table.Td key={c} ta={c === 'agencyName' ? 'left' : 'right'}>
                      {cell(l, c)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
