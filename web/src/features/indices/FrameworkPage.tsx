import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, FileInput, Group, Loader, NumberInput, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.js';
import { Link, useParams, useSearchParams } from 'react-router';
import { ListHeader, paramChecks, useIgnoredFilters } from '../../components/ListHeader.js';
import { uuidParam, yearParam } from '../dashboard/DashboardScopeNote.js';
import type { FrameworkDetail, PointsKind } from '../../../../shared/api/indices.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useI18n, useT } from '../../i18n/i18n.js';
import { formatNumber } from './format.js';
import { ImportErrors } from './ImportErrors.js';
import { CriteriaImport } from './CriteriaImport.js';
import { FrameworkActions } from './FrameworkForms.js';
import { startScoreImport, useFramework, useResults, useScoreImport } from './indices.api.js';
import { TableScroll } from '../../components/TableScroll.js';

/** A framework: its tree, its results by year (rank among peers), and the .xlsx import. */
export function FrameworkPage() {
  const { id = '' } = useParams();
  const t = useT();
  const framework = useFramework(id);
  if (framework.isPending) return <Loader />;
  if (framework.error) return <ErrorAlert error={framework.error} />;
  const f = framework.data;
  return (
    <Stack>
      <Title order={2}>{f.name}</Title>
      <Group gap="xs">
        <Badge variant="light">{t(`indices.kind.${f.kind}`)}</Badge>
        <Badge variant="light" color={f.status === 'published' ? 'green' : 'gray'}>
          {t(`indices.status.${f.status}`)}
        </Badge>
        <Text size="sm">
          {f.ownerAgencyName} · {f.fromYear}–{f.toYear ?? ''}
        </Text>
      </Group>
      <FrameworkActions key={`${f.id}:${f.version}`} framework={f} />
      {f.illustrative && (
        <Alert color="orange" title={t('indices.illustrative')}>
          {t('indices.illustrativeNote')}
        </Alert>
      )}
      {f.source && (
        <Text size="sm">
          <b>{t('indices.source')}:</b> {f.source}
        </Text>
      )}
      <Tabs defaultValue={f.status === 'published' ? 'results' : 'tree'}>
        <Tabs.List>
          <Tabs.Tab value="results">{t('indices.results')}</Tabs.Tab>
          <Tabs.Tab value="tree">{t('indices.tree')}</Tabs.Tab>
          {f.abilities.import && <Tabs.Tab value="import">{t('indices.import.title')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="results" pt="md">
          <Results framework={f} />
        </Tabs.Panel>
        <Tabs.Panel value="tree" pt="md">
          <Tree framework={f} />
          <CriteriaImport key={`${f.id}:import`} framework={f} />
        </Tabs.Panel>
        {f.abilities.import && (
          <Tabs.Panel value="import" pt="md">
            <ImportForm framework={f} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}

function Tree({ framework }: { framework: FrameworkDetail }) {
  const t = useT();
  const { language } = useI18n();
  return (
    <TableScroll>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('indices.col.code')}</Table.Th>
            <Table.Th>{t('indices.col.name')}</Table.Th>
            <Table.Th>{t('indices.col.maxPoints')}</Table.Th>
            <Table.Th>{t('indices.col.method')}</Table.Th>
            <Table.Th>{t('indices.col.evidence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {framework.criteria.map((c) => (
            <Table.Tr key={c.id} fw={c.level === 'area' ? 700 : undefined}>
              <Table.Td>{c.code}</Table.Td>
              <Table.Td pl={c.level === 'area' ? undefined : c.level === 'criterion' ? 'lg' : 'xl'}>{c.name}</Table.Td>
              <Table.Td>{formatNumber(language, c.maxPoints)}</Table.Td>
              <Table.Td>{t(`indices.method.${c.scoringMethod}`)}</Table.Td>
              <Table.Td>{c.expectedEvidence ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** The filters a link may carry, each checked before use. */
const urlFilters = { year: paramChecks.year, unitId: paramChecks.uuid };

function Results({ framework }: { framework: FrameworkDetail }) {
  const t = useT();
  const { language } = useI18n();
  // The dashboard's index figures link here with ?year=&unitId= (the subtree they average).
  const [params, setParams] = useSearchParams();
  const ignored = useIgnoredFilters(urlFilters);
  const [year, setYear] = useState<number>(yearParam(params.get('year')) ?? Math.min(framework.toYear ?? 2021, 2021));
  const [unitId, setUnitId] = useState<string | null>(uuidParam(params.get('unitId')));
  const results = useResults(framework.id, year, unitId);
  return (
    <Stack>
      <ListHeader
        scope={unitId ? { year, unitId } : undefined}
        onClear={() => {
          setUnitId(null);
          setParams({}, { replace: true });
        }}
        ignored={ignored}
        total={results.data ? t('indices.resultsTotal', { n: results.data.items.length }) : ''}
      />
      <Group>
        <NumberInput label={t('indices.year')} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} min={framework.fromYear} max={framework.toYear ?? 2100} w={120} />
        {results.data?.average != null && <Text>{t('indices.averageOf', { value: formatNumber(language, results.data.average), count: results.data.averageOf })}</Text>}
        <ExportXlsxButton path={`/api/index-frameworks/${framework.id}/results.xlsx`} query={{ year }} />
      </Group>
      {results.isPending && <Loader />}
      {results.error && <ErrorAlert error={results.error} />}
      {results.data && results.data.items.length === 0 && <Text c="dimmed">{t('indices.noResults')}</Text>}
      {results.data && results.data.items.length > 0 && (
        <TableScroll>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('indices.col.rank')}</Table.Th>
                <Table.Th>{t('indices.col.unit')}</Table.Th>
                <Table.Th>{t('indices.col.total')}</Table.Th>
                <Table.Th>{t('indices.col.indexPct')}</Table.Th>
                <Table.Th>{t('indices.col.unmet')}</Table.Th>
                <Table.Th>{t('indices.col.pointsLost')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...results.data.items]
                .sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999))
                .map((r) => (
                  <Table.Tr key={r.unitId}>
                    <Table.Td>{r.rank ? t('indices.rankOf', { rank: r.rank, count: r.peerCount }) : '–'}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/indices/${framework.id}/sheets/${r.unitId}/${year}`}>
                        {r.unitName}
                      </Anchor>{' '}
                      {r.origin === 'demo' && (
                        <Badge size="xs" variant="outline" color="gray">
                          {t('indices.demo')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {formatNumber(language, r.total)}/{formatNumber(language, r.applicableMax)}
                    </Table.Td>
                    <Table.Td>
                      {r.complete ? (
                        formatNumber(language, r.indexPct)
                      ) : (
                        <Badge size="xs" variant="light" color="yellow">
                          {t('indices.incompleteShort')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{r.unmetCount}</Table.Td>
                    <Table.Td>{formatNumber(language, r.pointsLost)}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}

function ImportForm({ framework }: { framework: FrameworkDetail }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState<number>(Math.min(framework.toYear ?? 2021, 2021));
  const [points, setPoints] = useState<PointsKind>('final');
  const [dryRun, setDryRun] = useState(true);
  const [importId, setImportId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const followed = useScoreImport(importId);
  const imp = followed.data;
  async function submit() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setImportId((await startScoreImport(framework.id, file, { year, points, dryRun })).id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack maw={760}>
      <Text size="sm">{t('indices.import.help', { code: framework.code })}</Text>
      <Anchor href={`/api/index-frameworks/${framework.id}/score-template.xlsx`}>{t('indices.import.template')}</Anchor>
      <FileInput label={t('indices.import.file')} accept=".xlsx" value={file} onChange={setFile} clearable />
      <Group>
        <NumberInput label={t('indices.year')} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} w={120} />
        <Select
          label={t('indices.import.points')}
          value={points}
          onChange={(v) => v && setPoints(v as PointsKind)}
          data={(['self', 'appraised', 'final'] as const).map((k) => ({ value: k, label: t(`indices.col.${k}`) }))}
          allowDeselect={false}
        />
      </Group>
      <Checkbox label={t('indices.import.dryRun')} checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
      <Group>
        <Button onClick={() => void submit()} disabled={!file} loading={busy}>
          {t('indices.import.submit')}
        </Button>
      </Group>
      {error !== null && <ErrorAlert error={error} />}
      {imp && (imp.status === 'queued' || imp.status === 'running') && <Alert>{t(`indices.import.${imp.status}`)}</Alert>}
      {imp?.status === 'done' && imp.summary && (
        <Alert color="green">
          {t(imp.dryRun ? 'indices.import.doneDry' : 'indices.import.done', { rows: imp.summary.rows, units: imp.summary.units, values: imp.summary.values, created: imp.summary.sheetsCreated, updated: imp.summary.sheetsUpdated })}
        </Alert>
      )}
      {imp?.status === 'failed' && <Alert color="red">{t('indices.import.failed')}</Alert>}
      {imp?.status === 'rejected' && (
        <>
          <Alert color="red">{t('indices.import.rejected', { count: imp.errors.length })}</Alert>
          <ImportErrors errors={imp.errors} />
        </>
      )}
    </Stack>
  );
}
