import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Loader, NumberInput, Paper, Stack, Textarea, Title, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { SelfInspection } from '../../../../shared/api/self-inspections.schemas.js';
import { DateField } from '../../components/DateField.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { AttachmentsField } from '../files/AttachmentsField.js';
import { useRecordResults, useSelfInspection } from './self-inspections.api.js';
import { SelfInspectionFormModal } from './SelfInspectionForm.js';

const num = (v: number | string) => (typeof v === 'number' ? v : undefined);

/** The unit records (or corrects) its results: figures, findings, remedies. */
function ResultsForm({ s }: { s: SelfInspection }) {
  const t = useT();
  const record = useRecordResults(s.id);
  const errorFor = useFieldErrors(record.error);
  const [resultsOn, setResultsOn] = useState<string | null>(s.resultsOn);
  const [inspected, setInspected] = useState<number | string>(s.inspectedCount ?? '');
  const [found, setFound] = useState<number | string>(s.shortcomingCount ?? '');
  const [fixed, setFixed] = useState<number | string>(s.fixedCount ?? '');
  const [findings, setFindings] = useState(s.findings ?? '');
  const [remedies, setRemedies] = useState(s.remedies ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({ version: s.version, resultsOn, inspectedCount: num(inspected), shortcomingCount: num(found), fixedCount: num(fixed), findings, remedies: remedies || null, resultSubmissionId: s.resultSubmissionId });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit}>
        <Stack>
          <Title order={3}>{t('selfInspections.recordResults')}</Title>
          <Group grow align="flex-start">
            <DateField label={t('selfInspections.resultsOn')} required value={resultsOn} onChange={setResultsOn} error={errorFor('resultsOn')} />
            <NumberInput label={t('selfInspections.inspectedCount')} required min={0} value={inspected} onChange={setInspected} error={errorFor('inspectedCount')} />
          </Group>
          <Group grow align="flex-start">
            <NumberInput label={t('selfInspections.shortcomingCount')} required min={0} value={found} onChange={setFound} error={errorFor('shortcomingCount')} />
            <NumberInput label={t('selfInspections.fixedCount')} required min={0} value={fixed} onChange={setFixed} error={errorFor('fixedCount')} />
          </Group>
          <Textarea label={t('selfInspections.findings')} required rows={4} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} error={errorFor('findings')} />
          <Textarea label={t('selfInspections.remedies')} rows={3} value={remedies} onChange={(e) => setRemedies(e.currentTarget.value)} error={errorFor('remedies')} />
          {record.error && <ErrorAlert error={record.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={record.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** One unit's self-inspection: the plan, its document, the results. */
export function SelfInspectionPage() {
  const t = useT();
  const { id = '' } = useParams();
  const query = useSelfInspection(id);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <Loader />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const s = query.data;
  return (
    <Stack>
      <Anchor component={Link} to="/self-inspections" size="sm">
        ← {t('selfInspections.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={2}>
          {s.agencyName} — {s.year}
        </Title>
        {s.abilities.update && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('selfInspections.edit')}
          </Button>
        )}
      </Group>
      <DetailList
        items={[
          [t('selfInspections.documentNumber'), s.documentNumber ? `${s.documentNumber}${s.issuedOn ? ` — ${formatDate(s.issuedOn)}` : ''}` : '—'],
          [t('selfInspections.content'), s.content],
          [t('selfInspections.scope'), s.scope],
          [t('selfInspections.schedule'), `${formatDate(s.startsOn)} – ${formatDate(s.endsOn)}`],
          [t('selfInspections.status'), t(`selfInspections.status.${s.status}`)],
        ]}
      />
      <AttachmentsField ownerType="self_inspection" ownerId={s.id} purpose="plan_document" label={t('selfInspections.planDocument')} />
      <Title order={3}>{t('selfInspections.results')}</Title>
      {s.status === 'reported' ? (
        <DetailList
          items={[
            [t('selfInspections.resultsOn'), formatDate(s.resultsOn)],
            [t('selfInspections.inspectedCount'), String(s.inspectedCount ?? '—')],
            [t('selfInspections.shortcomingCount'), String(s.shortcomingCount ?? '—')],
            [t('selfInspections.fixedCount'), String(s.fixedCount ?? '—')],
            [t('selfInspections.findings'), s.findings ?? '—'],
            [t('selfInspections.remedies'), s.remedies ?? '—'],
          ]}
        />
      ) : (
        <Text c="dimmed">{t('selfInspections.noResults')}</Text>
      )}
      <AttachmentsField ownerType="self_inspection" ownerId={s.id} purpose="results_document" label={t('selfInspections.resultsDocument')} />
      {s.abilities.recordResults && <ResultsForm key={s.version} s={s} />}
      {editing && <SelfInspectionFormModal plan={s} opened onClose={() => setEditing(false)} />}
    </Stack>
  );
}
