import { useState, type ReactNode } from 'react';
import { Anchor, Button, Group, Loader, Paper, SegmentedControl, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { CorrectiveActionDetail } from '../../../../shared/api/corrective-actions.schemas.js';
import type { UnitActionMove } from '../../../../shared/domain/follow-up.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { formatDate, formatDateTime } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { AttachmentsField } from '../files/AttachmentsField.js';
import { useAction, useActionStep, type ActionStep } from './followup.api.js';
import { ActionStatusBadge } from './labels.js';

/** One corrective action: what the notice requires, its history, its evidence, and the move the caller may take now. */
export function CorrectiveActionPage() {
  const { id = '' } = useParams();
  const t = useT();
  const q = useAction(id);
  if (q.isPending) return <Loader aria-label={t('app.loading')} />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return <CorrectiveActionView a={q.data} />;
}

export function CorrectiveActionView({ a }: { a: CorrectiveActionDetail }) {
  const t = useT();
  const can = a.abilities;
  return (
    <Stack>
      <Title order={1} size="h3">
        {a.content}
      </Title>
      <Group gap="xs">
        <ActionStatusBadge status={a.status} overdue={a.overdue} />
      </Group>
      <DetailList
        items={(
          [
            [t('actions.agency'), a.agencyName],
            [t('conclusions.responsible'), a.responsibleAgencyName],
            [t('actions.notice'), a.conclusionNumber ? `${a.conclusionNumber} (${formatDate(a.conclusionIssuedOn)})` : null],
            [t('conclusions.due'), formatDate(a.dueOn)],
            [t('conclusions.reportDue'), a.reportDueOn ? formatDate(a.reportDueOn) : null],
            [t('actions.plan'), a.planText],
          ] as [string, string | null][]
        ).filter((row): row is [string, string] => !!row[1])}
      />
      <Group>
        <Anchor component={Link} to={`/conclusions/${a.conclusionId}`}>
          {t('conclusions.open')}
        </Anchor>
        {a.reinspectionId && (
          <Anchor component={Link} to={`/inspections/${a.reinspectionId}`}>
            {t('actions.reinspection')}
          </Anchor>
        )}
      </Group>
      <AttachmentsField ownerType="corrective_action" ownerId={a.id} purpose="evidence" label={t('actions.evidence')} />
      {(can.plan || can.progress || can.report) && <UnitReport a={a} />}
      {(can.accept || can.return) && <OfficeReview a={a} />}
      {can.reinspectionResult && <ReinspectionResult a={a} />}
      <Title order={2} size="h4">
        {t('actions.history')}
      </Title>
      {a.history.length ? (
        <Timeline active={a.history.length} bulletSize={14}>
          {a.history.map((h, i) => (
            <Timeline.Item key={i} title={`${t(`actions.move.${h.move}`)} — ${h.authorName}`}>
              <Text size="xs" c="dimmed">
                {formatDateTime(h.at)}
              </Text>
              {h.note && <Text size="sm">{h.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      ) : (
        <Text c="dimmed">{t('actions.noHistory')}</Text>
      )}
    </Stack>
  );
}

interface StepChoice {
  label: string;
  /** The move sent with the (trimmed) note. */
  step: (note: string) => ActionStep;
  color?: string;
  /** Disabled until a note is written (a return says why). */
  needsNote?: boolean;
}

/**
 * A move on the action with a note: the unit's update, the office's review and the re-inspection's
 * result are the same form (a title, what goes before the note, the note, the server's error, one
 * button a choice), only their choices differ.
 */
function ActionStepForm({ a, id, title, noteLabel, rows, choices, children }: { a: CorrectiveActionDetail; id: string; title: string; noteLabel: string; rows: number; choices: StepChoice[]; children?: ReactNode }) {
  const [note, setNote] = useState('');
  const step = useActionStep(a);
  const errorOf = useFieldErrors(step.error);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
        <Textarea label={noteLabel} rows={rows} value={note} onChange={(e) => setNote(e.currentTarget.value)} required={choices.every((c) => c.needsNote)} error={errorOf('note') ?? errorOf('move')} />
        {step.error && <ErrorAlert error={step.error} />}
        <Group>
          {choices.map((c, i) => (
            <Button key={c.label} color={c.color} variant={i > 0 ? 'light' : undefined} disabled={c.needsNote && !note.trim()} loading={step.isPending} onClick={() => step.mutate(c.step(note.trim()), { onSuccess: () => setNote('') })}>
              {c.label}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}

/** The responsible unit: its plan, a progress note, or the report that the action is done (evidence first). */
function UnitReport({ a }: { a: CorrectiveActionDetail }) {
  const t = useT();
  const moves = (['plan', 'progress', 'report'] as const).filter((m) => a.abilities[m]);
  const [move, setMove] = useState<UnitActionMove>(moves.includes('report') && a.status === 'in_progress' ? 'report' : moves[0]);
  return (
    <ActionStepForm a={a} id="unit-report-title" title={t('actions.unitReport')} noteLabel={t('actions.note')} rows={3} choices={[{ label: t(`actions.send.${move}`), step: (note) => ({ kind: 'update', move, note }), needsNote: true }]}>
      <SegmentedControl aria-label={t('actions.unitReport')} data={moves.map((m) => ({ value: m, label: t(`actions.move.${m}`) }))} value={move} onChange={(m) => setMove(m as UnitActionMove)} />
      {move === 'report' && <Text size="sm">{t('actions.reportNeedsEvidence')}</Text>}
    </ActionStepForm>
  );
}

/** The standing office: accept the unit's report (closes the action) or return it with the reason. */
function OfficeReview({ a }: { a: CorrectiveActionDetail }) {
  const t = useT();
  const choices: StepChoice[] = [];
  if (a.abilities.accept) choices.push({ label: t('actions.accept'), color: 'green', step: (note) => ({ kind: 'review', move: 'accept', note: note || undefined }) });
  if (a.abilities.return) choices.push({ label: t('actions.return'), color: 'orange', needsNote: true, step: (note) => ({ kind: 'review', move: 'return', note }) });
  return <ActionStepForm a={a} id="review-title" title={t('actions.review')} noteLabel={t('actions.reviewNote')} rows={2} choices={choices} />;
}

/** The re-inspection's result for this action: fixed (closed) or kept open. */
function ReinspectionResult({ a }: { a: CorrectiveActionDetail }) {
  const t = useT();
  const result = (move: 'reinspection_fixed' | 'reinspection_kept', color: string): StepChoice => ({ label: t(`actions.move.${move}`), color, step: (note) => ({ kind: 'reinspection', move, note: note || undefined }) });
  return <ActionStepForm a={a} id="reinspection-result-title" title={t('actions.reinspectionResult')} noteLabel={t('actions.note')} rows={2} choices={[result('reinspection_fixed', 'green'), result('reinspection_kept', 'orange')]} />;
}
