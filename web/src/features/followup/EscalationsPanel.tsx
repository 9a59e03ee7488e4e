import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { EscalationForm } from '../../../../shared/domain/follow-up.js';
import type { InspectionStatus } from '../../../../shared/domain/inspection-status.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { useFindings } from '../findings/findings.api.js';
import { useDraftEscalation, useHasCapability, useInspectionEscalations } from './followup.api.js';
import { escalationColor } from './labels.js';

/**
 * On an inspection's page: proposals for a public-service inspection (plan III.1). The office
 * picks the shortcomings and violations found, chooses a Tờ trình or a công văn, and drafts the
 * proposal with those findings as its body; it is edited, issued and followed on its own page.
 * Escalations are the authority's internal correspondence (docs/decisions/follow-up-visibility.md):
 * whoever may not read them (the team, the unit) sees no section at all, rather than "none".
 */
export function EscalationsPanel(props: { inspectionId: string; status: InspectionStatus }) {
  return useHasCapability('inspection.read_all') ? <Escalations {...props} /> : null;
}

function Escalations({ inspectionId, status }: { inspectionId: string; status: InspectionStatus }) {
  const t = useT();
  const navigate = useNavigate();
  const canDraft = useHasCapability('conclusion.draft') && (status === 'under_way' || status === 'closed');
  const list = useInspectionEscalations(inspectionId);
  const [drafting, setDrafting] = useState(false);
  return (
    <Stack gap="xs" component="section" aria-labelledby="escalations-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="escalations-title">
          {t('escalations.title')}
        </Title>
        {canDraft && !drafting && (
          <Button variant="light" onClick={() => setDrafting(true)}>
            {t('escalations.propose')}
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <Loader size="sm" />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : !list.data.items.length ? (
        <Text c="dimmed">{t('escalations.none')}</Text>
      ) : (
        list.data.items.map((e) => (
          <Group key={e.id} gap="xs">
            <Badge color={escalationColor[e.status]}>{t(`escalations.status.${e.status}`)}</Badge>
            <Text size="sm">{t(`escalations.form.${e.form}`)}</Text>
            {e.documentNumber && <Text size="sm">{e.documentNumber}</Text>}
            <Anchor component={Link} to={`/escalations/${e.id}`}>
              {e.content.summary}
            </Anchor>
          </Group>
        ))
      )}
      {drafting && <DraftEscalation inspectionId={inspectionId} onDone={(id) => void navigate(`/escalations/${id}`)} onCancel={() => setDrafting(false)} />}
    </Stack>
  );
}

function DraftEscalation({ inspectionId, onDone, onCancel }: { inspectionId: string; onDone: (id: string) => void; onCancel: () => void }) {
  const t = useT();
  const findings = useFindings(inspectionId);
  const candidates = (findings.data?.items ?? []).filter((f) => f.kind !== 'good_practice' && !f.withdrawnAt);
  const [chosen, setChosen] = useState<string[]>([]);
  const [form, setForm] = useState<EscalationForm>('to_trinh');
  const draft = useDraftEscalation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The proposal is linked to the chosen findings and starts from the server's default texts, the findings as its body's first paragraphs.
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const e = await draft.mutateAsync({ inspectionId, form, ...(chosen.length ? { findingIds: chosen } : {}) });
      const picked = candidates.filter((f) => chosen.includes(f.id)).map((f) => `${f.title}: ${f.text}`);
      const saved = picked.length ? await api.patch<{ id: string }>(`/api/escalations/${e.id}`, { version: e.version, content: { body: [...picked, ...e.content.body] } }) : e;
      onDone(saved.id);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('escalations.formLabel')}
        data={(['to_trinh', 'cong_van'] as const).map((f) => ({ value: f, label: t(`escalations.form.${f}`) }))}
        value={form}
        onChange={(f) => setForm(f as EscalationForm)}
      />
      <Checkbox.Group label={t('escalations.findings')} value={chosen} onChange={setChosen}>
        <Stack gap={4} mt={4}>
          {candidates.length ? candidates.map((f) => <Checkbox key={f.id} value={f.id} label={`${f.title} — ${f.text}`} />) : <Text c="dimmed" size="sm">{t('escalations.noFindings')}</Text>}
        </Stack>
      </Checkbox.Group>
      {error != null && <ErrorAlert error={error} />}
      <Group>
        <Button loading={busy} onClick={() => void submit()}>
          {t('escalations.draft')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
