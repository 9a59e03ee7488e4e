import { Alert, Anchor, Badge, Button, Group, Loader, NumberInput, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { dashboardInspectionsLink, unitLevels, type DashboardDto, type IndexSeries, type UnitLevel } from '../../../../shared/api/dashboard.schemas.js';
import { useSession } from '../../auth/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { IgnoredFiltersNotice, paramChecks, useIgnoredFilters } from '../../components/ListHeader.js';
import { useI18n, useT } from '../../i18n/i18n.js';
import { formatNumber } from '../indices/format.js';
import { kindKey, statusKey } from '../inspections/labels.js';
import { dashboardExportUrl, useDashboard, type DashboardFilter, type DashboardQuery } from './dashboard.api.js';
import { FigureCard, NumberLink } from './FigureCard.js';
import { TableScroll } from '../../components/TableScroll.js';
import { indexResultsLink, mark, ScopeLine, withLinks } from './ScopeLine.js';

/** The dashboard's filters in the URL, each checked: an invalid one is named and left out (the default stands). */
const urlFilters = { year: paramChecks.year, unitId: paramChecks.uuid, level: paramChecks.oneOf(unitLevels), issuer: paramChecks.oneOf(['own'] as const) };

/**
 * /dashboard: the leaders' view of the season (issue 11 §4) — inspections by status, kind, month
 * and team, reports due, the PAR index and satisfaction by unit, area and year, the risk ranking —
 * for a unit's subtree and a year, each figure a chart with its table, the whole exported as .xlsx.
 */
export function DashboardPage() {
  const t = useT();
  const { language } = useI18n();
  const { can } = useSession();
  // The filters live in the URL (?year=&unitId=&level=): back and forward and a shared link show
  // the same view. Without a year the server picks the latest season in the caller's scope.
  const [params, setParams] = useSearchParams();
  const ignored = useIgnoredFilters(urlFilters);
  const valid = (name: keyof typeof urlFilters) => {
    const v = params.get(name);
    return v !== null && urlFilters[name](v) ? v : null;
  };
  const asked: DashboardQuery = { year: valid('year') ? Number(valid('year')) : null, unitId: valid('unitId'), level: valid('level') as UnitLevel | null, issuer: valid('issuer') as 'own' | null };
  const dashboard = useDashboard(asked);
  const d = dashboard.data;
  // What is shown: the year answered (the default one when none was asked).
  const filter: DashboardFilter = { year: d?.year ?? asked.year ?? null, unitId: asked.unitId, level: asked.level, issuer: asked.issuer };
  const update = (patch: Partial<DashboardFilter>) => {
    const next = { ...filter, ...patch };
    const q = new URLSearchParams();
    if (next.year !== null) q.set('year', String(next.year));
    if (next.unitId) q.set('unitId', next.unitId);
    if (next.level) q.set('level', next.level);
    if (next.issuer) q.set('issuer', next.issuer);
    setParams(q);
  };
  const count = (x: number | null) => formatNumber(language, x, 0);
  const pct = (x: number | null) => (x === null ? '–' : `${formatNumber(language, x)}%`);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('dashboard.title')}
        </Title>
        <Group gap="xs">
          <Button component="a" variant="default" href={dashboardExportUrl(filter)} download>
            {t('dashboard.export')}
          </Button>
          {can('results_report.read') && filter.year !== null && (
            <Button component={Link} to={`/results-reports?year=${filter.year}`} variant="light">
              {t('dashboard.toReport')}
            </Button>
          )}
        </Group>
      </Group>
      <Group align="end">
        <NumberInput
          label={t('dashboard.year')}
          value={filter.year ?? ''}
          onChange={(v) => typeof v === 'number' && v >= 1990 && v <= 2100 && v !== filter.year && update({ year: v })}
          min={1990}
          max={2100}
          w={110}
        />
        <Select
          label={t('dashboard.unit')}
          data={(d?.choices ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={filter.unitId ?? d?.unit.id ?? null}
          onChange={(v) => update({ unitId: v })}
          searchable
          w={280}
        />
        <Select
          label={t('dashboard.level')}
          data={unitLevels.map((l) => ({ value: l, label: t(`dashboard.level.${l}`) }))}
          value={filter.level ?? d?.level ?? null}
          onChange={(v) => update({ level: (v as UnitLevel | null) ?? null })}
          w={200}
        />
        <Select
          label={t('dashboard.issuer')}
          data={[
            { value: 'all', label: t('dashboard.issuer.all') },
            { value: 'own', label: t('dashboard.issuer.own') },
          ]}
          value={filter.issuer ?? 'all'}
          onChange={(v) => update({ issuer: v === 'own' ? 'own' : null })}
          allowDeselect={false}
          w={240}
        />
      </Group>
      <IgnoredFiltersNotice ignored={ignored} />
      {dashboard.isPending && <Loader />}
      {dashboard.error && <ErrorAlert error={dashboard.error} />}
      {d && <DashboardBody d={d} count={count} pct={pct} />}
    </Stack>
  );
}

function DashboardBody({ d, count, pct }: { d: DashboardDto; count: (x: number | null) => string; pct: (x: number | null) => string }) {
  const t = useT();
  const { language } = useI18n();
  const i = d.inspections;
  return (
    <Stack>
      <ScopeLine d={d} testId="dashboard-scope-line" />
      {d.issuer === 'own' && <Text size="sm" c="dimmed" data-testid="dashboard-own-plans">{t('dashboard.scope.own', { unit: d.unit.name })}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <FigureCard
          title={t('dashboard.byStatus')}
          columns={[t('dashboard.col.status'), t('dashboard.col.count')]}
          rows={i.byStatus.map((s) => ({ key: s.status, label: t(statusKey(s.status)), value: s.count, link: dashboardInspectionsLink(d, { status: s.status }) }))}
          chart="bar"
          format={count}
        />
        <FigureCard
          title={t('dashboard.byMonth')}
          columns={[t('dashboard.col.month'), t('dashboard.col.count')]}
          rows={i.byMonth.map((m) => ({ key: String(m.month), label: t('dashboard.month', { month: m.month }), value: m.count, link: dashboardInspectionsLink(d, { month: m.month, live: true }) }))}
          chart="bar"
          format={count}
        />
        <FigureCard
          title={t('dashboard.byKind')}
          columns={[t('dashboard.col.kind'), t('dashboard.col.count')]}
          rows={i.byKind.map((k) => ({ key: k.kind, label: t(kindKey(k.kind)), value: k.count, link: dashboardInspectionsLink(d, { kind: k.kind, live: true }) }))}
          chart="bar"
          format={count}
          footer={
            <Text size="sm" mt="xs" data-testid="dashboard-reports-due">
              {withLinks(t('dashboard.reports', { due: mark('due'), dueByToday: mark('dueByToday') }), {
                due: [i.reports.due, dashboardInspectionsLink(d, { reportDue: true, live: true })],
                dueByToday: [i.reports.dueByToday, i.reports.asOf ? dashboardInspectionsLink(d, { reportDueBy: i.reports.asOf, live: true }) : null],
              })}
            </Text>
          }
        />
        <FigureCard
          title={t('dashboard.teams')}
          columns={[t('dashboard.col.team'), t('dashboard.col.count'), t('dashboard.col.closed')]}
          rows={i.teams.map((tm) => ({
            key: tm.teamId,
            label: tm.teamName,
            value: tm.count,
            link: dashboardInspectionsLink(d, { teamId: tm.teamId, live: true }),
            extra: [{ value: count(tm.closed), to: dashboardInspectionsLink(d, { teamId: tm.teamId, status: 'closed' }) }],
          }))}
          chart="barHorizontal"
          format={count}
        />
      </SimpleGrid>
      {d.indices.map((s) => (
        <IndexFigures key={s.kind} s={s} year={d.year} rootId={d.unit.id} pct={pct} />
      ))}
      {d.ranking && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('dashboard.ranking')}
          </Title>
          <TableScroll>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.col.rank')}</Table.Th>
                  <Table.Th>{t('dashboard.col.unit')}</Table.Th>
                  <Table.Th>{t('dashboard.col.riskScore')}</Table.Th>
                  <Table.Th>{t('dashboard.col.why')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.ranking.items.map((r) => (
                  <Table.Tr key={r.unitId}>
                    <Table.Td>
                      <NumberLink value={String(r.rank)} to={`/risk-ranking?${new URLSearchParams({ unitId: d.unit.id, year: String(d.year) }).toString()}`} />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/units/${r.unitId}`}>
                        {r.unitName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatNumber(language, r.score, 1)}</Table.Td>
                    <Table.Td>{language === 'vi' ? r.explanation.vi : r.explanation.en}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <Anchor component={Link} to="/risk-ranking">
            {t('dashboard.toRanking')}
          </Anchor>
        </Stack>
      )}
      {d.sections.map((s) => (
        <FigureCard
          key={s.key}
          title={language === 'vi' ? s.title.vi : s.title.en}
          columns={[t('dashboard.col.item'), t('dashboard.col.count')]}
          rows={s.items.map((it) => ({ key: it.key, label: language === 'vi' ? it.label.vi : it.label.en, value: it.value, link: it.link, notCharted: it.measure }))}
          chart="bar"
          format={count}
        />
      ))}
    </Stack>
  );
}

function IndexFigures({ s, year, rootId, pct }: { s: IndexSeries; year: number; rootId: string; pct: (x: number | null) => string }) {
  const t = useT();
  const name = t(`dashboard.index.${s.kind}`);
  const framework = s.framework;
  // The framework's results for a year under a unit: the sheets behind an index figure.
  const results = (y: number, unitId: string) => (framework ? indexResultsLink(framework.id, y, unitId) : null);
  if (!s.framework) {
    return <Alert color="gray">{t('dashboard.index.none', { name, year })}</Alert>;
  }
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Title order={2} size="h4">
          {name}
        </Title>
        <Anchor component={Link} to={`/indices/${s.framework.id}`}>
          {s.framework.name}
        </Anchor>
        {s.framework.illustrative && <Badge color="yellow">{t('dashboard.illustrative')}</Badge>}
      </Group>
      <Text data-testid={`dashboard-index-summary-${s.kind}`}>
        {withLinks(t('dashboard.index.summary', { average: mark('average'), scored: mark('scored'), unmet: mark('unmet') }), {
          average: [pct(s.average), results(year, rootId)],
          scored: [s.scored, results(year, rootId)],
          unmet: [s.unmetCount, results(year, rootId)],
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <FigureCard
          title={t('dashboard.index.byUnit', { name, year })}
          columns={[t('dashboard.col.unit'), t('dashboard.col.index'), t('dashboard.col.rank'), t('dashboard.col.unmet')]}
          rows={s.units.map((u) => ({
            key: u.unitId,
            label: u.unitName,
            value: u.indexPct,
            link: `/units/${u.unitId}`,
            // The rank among the units listed: the results under the root; the unmet criteria: the unit's own results (its sheets).
            extra: [u.rank === null ? '–' : { value: String(u.rank), to: results(year, rootId) }, { value: String(u.unmetCount), to: results(year, u.unitId) }],
          }))}
          chart="barHorizontal"
          format={pct}
        />
        <FigureCard
          title={t('dashboard.index.byArea', { name })}
          columns={[t('dashboard.col.area'), t('dashboard.col.average')]}
          rows={s.areas.map((a) => ({ key: a.criterionId, label: `${a.code}. ${a.name}`, value: a.average, link: results(year, rootId) }))}
          chart="barHorizontal"
          format={pct}
        />
        <FigureCard
          title={t('dashboard.index.trend', { name })}
          columns={[t('dashboard.col.year'), t('dashboard.col.average'), t('dashboard.col.scored')]}
          // Each year links to the results of the framework's revision scored that year (the trend joins revisions of one code).
          rows={s.trend.map((y) => ({ key: String(y.year), label: String(y.year), value: y.average, link: indexResultsLink(y.frameworkId, y.year, rootId), extra: [{ value: String(y.scored), to: indexResultsLink(y.frameworkId, y.year, rootId) }] }))}
          chart="line"
          format={pct}
        />
      </SimpleGrid>
    </Stack>
  );
}
