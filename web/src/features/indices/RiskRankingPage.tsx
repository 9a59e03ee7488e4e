import { useEffect, useState } from 'react';
import { Accordion, Alert, Button, Checkbox, Group, Loader, NumberInput, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.js';
import { useNavigate, useSearchParams } from 'react-router';
import { IgnoredFiltersNotice, paramChecks, useIgnoredFilters } from '../../components/ListHeader.js';
import { uuidParam, yearParam } from '../dashboard/DashboardScopeNote.js';
import { riskFactorNames } from '../../../../shared/api/indices.schemas.js';
import type { RiskWeights } from '../../../../shared/domain/risk-ranking.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useI18n, useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { useQuery } from '@tanstack/react-query';
import { formatNumber } from './format.js';
import { useRiskRanking, useRiskWeights, useSaveWeights } from './indices.api.js';
import { TableScroll } from '../../components/TableScroll.js';

interface UnitOption {
  id: string;
  name: string;
  kind: string;
}

/** Units whose wards and communes can be ranked: towns, districts, cities and provinces in scope. */
function useParentUnits() {
  return useQuery({
    queryKey: ['indices', 'ranking-parents'],
    queryFn: ({ signal }) => api.get<{ items: UnitOption[] }>('/api/units', { includeInactive: true }, signal),
    select: (d) => d.items.filter((u) => ['town', 'district', 'provincial_city', 'city', 'province'].includes(u.kind)),
  });
}

/**
 * The risk-based ranking (issue 11 §3): each unit's rank explained with its figures, the weights
 * the office sets, and a way from the ranking to a plan: the chosen units' People's Committees
 * become the targets of a new draft plan.
 */
export function RiskRankingPage() {
  const t = useT();
  const { language } = useI18n();
  const navigate = useNavigate();
  const parents = useParentUnits();
  // The dashboard's ranking links here with ?unitId=&year= (the units ranked are the unit's children).
  const [params] = useSearchParams();
  const ignored = useIgnoredFilters({ unitId: paramChecks.uuid, year: paramChecks.year });
  const [parentId, setParentId] = useState<string | null>(uuidParam(params.get('unitId')));
  const [year, setYear] = useState(yearParam(params.get('year')) ?? 2021);
  const [selected, setSelected] = useState<string[]>([]);
  useEffect(() => {
    if (!parentId && parents.data?.length) setParentId((parents.data.find((u) => u.kind === 'town') ?? parents.data[0]).id);
  }, [parents.data, parentId]);
  const ranking = useRiskRanking(parentId, year);
  const toggle = (agencyId: string) => setSelected((prev) => (prev.includes(agencyId) ? prev.filter((x) => x !== agencyId) : [...prev, agencyId]));
  const r = ranking.data;
  const fw = (f: { name: string } | null | undefined) => f?.name ?? t('risk.none');
  return (
    <Stack>
      <Title order={2}>{t('risk.title')}</Title>
      <IgnoredFiltersNotice ignored={ignored} />
      <Group>
        <Select label={t('risk.parent')} data={(parents.data ?? []).map((u) => ({ value: u.id, label: u.name }))} value={parentId} onChange={setParentId} searchable w={280} />
        <NumberInput label={t('risk.year')} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} min={1990} max={2100} w={120} />
      </Group>
      {parents.error && <ErrorAlert error={parents.error} />}
      {ranking.isLoading && <Loader />}
      {ranking.error && <ErrorAlert error={ranking.error} />}
      {r && (
        <>
          <Text size="sm">{t('risk.frameworks', { par: fw(r.parFramework), sipas: fw(r.sipasFramework) })}</Text>
          <Text size="sm" c="dimmed">
            {t('risk.method')}
          </Text>
          {r.unavailable.length > 0 && <Alert color="gray">{t('risk.unavailable', { factors: r.unavailable.map((f) => t(`risk.factor.${f}`)).join('; ') })}</Alert>}
          {parentId && <WeightsEditor unitId={parentId} />}
          <Group>
            {parentId && <ExportXlsxButton path="/api/risk-ranking.xlsx" query={{ parentUnitId: parentId, year }} />}
            <Button
              disabled={selected.length === 0}
              onClick={() =>
                navigate(`/plans?newPlan=1&year=${year + 1}&targets=${selected.join(',')}`, {
                  // The names the plan dialog lists before the office confirms (the ids alone say nothing).
                  state: { targetNames: Object.fromEntries((r.items ?? []).filter((i) => i.targetAgencyId && selected.includes(i.targetAgencyId)).map((i) => [i.targetAgencyId, i.unitName])) },
                })
              }
            >
              {t('risk.toPlan', { count: selected.length })}
            </Button>
          </Group>
          {selected.length > 0 && (
            <Text size="sm" data-testid="risk-selected">
              {t('risk.selected', { count: selected.length, names: r.items.filter((i) => i.targetAgencyId && selected.includes(i.targetAgencyId)).map((i) => i.unitName).join(', ') })}
            </Text>
          )}
          <TableScroll>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>{t('risk.col.rank')}</Table.Th>
                  <Table.Th>{t('risk.col.unit')}</Table.Th>
                  <Table.Th>{t('risk.col.score')}</Table.Th>
                  <Table.Th>{t('risk.col.why')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.items.map((item) => (
                  <Table.Tr key={item.unitId}>
                    <Table.Td>
                      {item.targetAgencyId && (
                        <Checkbox aria-label={t('risk.select', { unit: item.unitName })} checked={selected.includes(item.targetAgencyId)} onChange={() => toggle(item.targetAgencyId!)} />
                      )}
                    </Table.Td>
                    <Table.Td>{item.rank}</Table.Td>
                    <Table.Td>{item.unitName}</Table.Td>
                    <Table.Td>{formatNumber(language, item.score, 1)}</Table.Td>
                    <Table.Td>{language === 'vi' ? item.explanation.vi : item.explanation.en}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </>
      )}
    </Stack>
  );
}

function WeightsEditor({ unitId }: { unitId: string }) {
  const t = useT();
  const loaded = useRiskWeights(unitId);
  const save = useSaveWeights(unitId);
  const [weights, setWeights] = useState<RiskWeights | null>(null);
  useEffect(() => setWeights(loaded.data?.weights ?? null), [loaded.data]);
  if (!loaded.data || !weights) return null;
  const editable = loaded.data.abilities.update;
  return (
    <Accordion variant="contained">
      <Accordion.Item value="weights">
        <Accordion.Control>{t('risk.weights')}</Accordion.Control>
        <Accordion.Panel>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {riskFactorNames.map((f) => (
              <NumberInput key={f} label={t(`risk.factor.${f}`)} value={weights[f]} min={0} max={10} step={0.5} decimalScale={1} disabled={!editable} onChange={(v) => setWeights({ ...weights, [f]: typeof v === 'number' ? v : 0 })} />
            ))}
          </SimpleGrid>
          {save.error && <ErrorAlert error={save.error} />}
          {save.isSuccess && <Alert color="green" mt="sm">{t('risk.weightsSaved')}</Alert>}
          {editable && (
            <Button mt="sm" loading={save.isPending} onClick={() => save.mutate({ version: loaded.data.version, weights })}>
              {t('risk.saveWeights')}
            </Button>
          )}
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
