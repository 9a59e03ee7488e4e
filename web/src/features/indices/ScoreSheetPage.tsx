import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Loader, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import type { FrameworkDetail, Sheet } from '../../../../shared/api/indices.schemas.js';
import { leavesOf, summarizeSheet, unmetThreshold, leafValue, type LeafScore } from '../../../../shared/domain/index-scoring.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useI18n, useT } from '../../i18n/i18n.js';
import { formatNumber } from './format.js';
import { useFramework, useSaveSheet, useSheet } from './indices.api.js';
import { TableScroll } from '../../components/TableScroll.js';

/** A unit's points for a year: self-assessed, appraised, final per criterion, unmet ones flagged. */
export function ScoreSheetPage() {
  const { id = '', unitId = '', year = '' } = useParams();
  const framework = useFramework(id);
  const sheet = useSheet(id, unitId, Number(year));
  if (framework.isPending || sheet.isPending) return <Loader />;
  if (framework.error || sheet.error) return <ErrorAlert error={framework.error ?? sheet.error} />;
  return <SheetForm framework={framework.data} sheet={sheet.data} />;
}

type Kind = 'selfPoints' | 'appraisedPoints' | 'finalPoints';

export function SheetForm({ framework, sheet }: { framework: FrameworkDetail; sheet: Sheet }) {
  const t = useT();
  const { language } = useI18n();
  const [entries, setEntries] = useState<LeafScore[]>(sheet.entries);
  // What is typed, as typed: "4," is on its way to 4,5 and must not be cleared.
  const [typed, setTyped] = useState<Record<string, string | number>>({});
  useEffect(() => {
    setEntries(sheet.entries);
    setTyped({});
  }, [sheet]);
  const save = useSaveSheet(framework.id, sheet.unitId, sheet.year);
  const rules = { aggregation: framework.aggregation, unmetThresholdPct: framework.unmetThresholdPct };
  // The same arithmetic as the server (shared/domain/index-scoring.ts), before saving.
  const summary = useMemo(() => summarizeSheet(framework.criteria, entries, rules), [framework, entries]); // eslint-disable-line react-hooks/exhaustive-deps
  const leaves = leavesOf(framework.criteria);
  const editable = sheet.abilities.update;
  const set = (criterionId: string, change: Partial<LeafScore>) => setEntries((prev) => prev.map((e) => (e.criterionId === criterionId ? { ...e, ...change } : e)));
  const kinds: [Kind, 'indices.col.self' | 'indices.col.appraised' | 'indices.col.final'][] = [
    ['selfPoints', 'indices.col.self'],
    ['appraisedPoints', 'indices.col.appraised'],
    ['finalPoints', 'indices.col.final'],
  ];
  return (
    <Stack>
      <Title order={2}>{t('indices.sheetTitle', { unit: sheet.unitName, year: sheet.year })}</Title>
      <Text size="sm">
        {framework.name} {sheet.origin === 'demo' && <Badge variant="outline" color="gray">{t('indices.demo')}</Badge>}
      </Text>
      {framework.illustrative && <Alert color="orange">{t('indices.illustrativeNote')}</Alert>}
      <Text data-testid="sheet-summary">
        {t('indices.summary', {
          total: formatNumber(language, summary.total),
          max: formatNumber(language, summary.applicableMax),
          pct: summary.indexPct === null ? '–' : `${formatNumber(language, summary.indexPct)}%`,
          unmet: summary.unmet.length,
          lost: formatNumber(language, summary.pointsLost),
        })}
      </Text>
      {!summary.complete && summary.scoredLeaves > 0 && (
        <Alert color="yellow" data-testid="sheet-incomplete">
          {t('indices.incomplete', { scored: summary.scoredLeaves, of: summary.applicableLeaves })}
        </Alert>
      )}
      <TableScroll>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('indices.col.code')}</Table.Th>
              <Table.Th>{t('indices.col.name')}</Table.Th>
              <Table.Th>{t('indices.col.maxPoints')}</Table.Th>
              {kinds.map(([k, label]) => (
                <Table.Th key={k}>{t(label)}</Table.Th>
              ))}
              <Table.Th>{t('indices.col.na')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {leaves.map((leaf) => {
              const e = entries.find((x) => x.criterionId === leaf.id)!;
              const value = e.notApplicable ? null : leafValue(e);
              const unmet = value !== null && value < unmetThreshold(leaf, rules);
              return (
                <Table.Tr key={leaf.id}>
                  <Table.Td>{leaf.code}</Table.Td>
                  <Table.Td>{leaf.name}</Table.Td>
                  <Table.Td>{formatNumber(language, leaf.maxPoints)}</Table.Td>
                  {kinds.map(([k, label]) => (
                    <Table.Td key={k}>
                      {editable ? (
                        <NumberInput
                          aria-label={`${leaf.code} ${t(label)}`}
                          value={typed[`${leaf.id}:${k}`] ?? e[k] ?? ''}
                          onChange={(v) => {
                            setTyped((prev) => ({ ...prev, [`${leaf.id}:${k}`]: v }));
                            if (typeof v === 'number') set(leaf.id, { [k]: v });
                            else if (v.trim() === '') set(leaf.id, { [k]: null });
                          }}
                          min={0}
                          max={leaf.maxPoints}
                          decimalScale={2}
                          decimalSeparator={language === 'vi' ? ',' : '.'}
                          w={90}
                          disabled={e.notApplicable}
                        />
                      ) : (
                        formatNumber(language, e[k])
                      )}
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <Checkbox aria-label={`${leaf.code} ${t('indices.col.na')}`} checked={e.notApplicable} disabled={!editable} onChange={(ev) => set(leaf.id, { notApplicable: ev.currentTarget.checked })} />
                  </Table.Td>
                  <Table.Td>{unmet && <Badge color="red">{t('indices.unmet')}</Badge>}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {save.error && <ErrorAlert error={save.error} />}
      {save.isSuccess && <Alert color="green">{t('indices.saved')}</Alert>}
      {editable && (
        <Group>
          <Button loading={save.isPending} onClick={() => save.mutate({ version: sheet.version, entries: entries.map(({ criterionId, selfPoints, appraisedPoints, finalPoints, notApplicable }) => ({ criterionId, selfPoints, appraisedPoints, finalPoints, notApplicable })) })}>
            {t('indices.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
