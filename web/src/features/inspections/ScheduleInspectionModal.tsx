import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { inspectionKinds, type InspectionKind } from '../../../../shared/domain/inspection-status.js';
import { DateField } from '../../components/DateField.js';
import { useErrorMessage } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';
import { IssueList } from './IssueText.js';
import { invalidParamsByField, isApiError } from '../../lib/api-client.js';
import { usePlan, usePlans } from '../plans/plans.api.js';
import { useNotifySuccess } from '../plans/notify.js';
import { usePlanTeams } from '../teams/teams.api.js';
import { scheduleConflicts, useScheduleInspection } from './inspections.api.js';
import { kindKey } from './labels.js';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Preselects a plan (from the season page's filter). */
  planId?: string | null;
  /** Prefilled choices (a target picked on the board). */
  initial?: { agencyId?: string; teamId?: string; kind?: InspectionKind; startsOn?: string };
}

/**
 * The office schedules one inspection: plan, target agency, founded team, kind, day and time.
 * A refused schedule lists each broken rule as the server words it (naming the other record);
 * when every one may be overridden, a reason lets it through and is audited.
 */
export function ScheduleInspectionModal({ opened, onClose, planId: initialPlan, initial }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const notifySuccess = useNotifySuccess();
  const [planId, setPlanId] = useState<string | null>(initialPlan ?? null);
  const [agencyId, setAgencyId] = useState<string | null>(initial?.agencyId ?? null);
  const [teamId, setTeamId] = useState<string | null>(initial?.teamId ?? null);
  const [kind, setKind] = useState<InspectionKind>(initial?.kind ?? 'announced');
  const [startsOn, setStartsOn] = useState<string | null>(initial?.startsOn ?? null);
  const [startTime, setStartTime] = useState('08:00');
  const [note, setNote] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const plans = usePlans({});
  const plan = usePlan(planId ?? '');
  const teams = usePlanTeams(planId ?? '');
  const schedule = useScheduleInspection();
  const conflicts = scheduleConflicts(schedule.error);
  const overridable = conflicts.length > 0 && conflicts.filter((c) => c.severity === 'error').every((c) => c.overridable);
  const fields = invalidParamsByField(schedule.error);

  const issuedPlans = (plans.data?.items ?? []).filter((p) => p.status === 'issued' || p.status === 'in_progress');
  const submit = () => {
    if (!planId || !agencyId || !teamId || !startsOn) return;
    schedule.mutate(
      { planId, agencyId, teamId, kind, startsOn, startTime: startTime || null, note: note || null, ...(overridable && overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t('inspections.scheduled'));
          setOverrideReason('');
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('inspections.schedule')} size="lg">
      <Stack>
        <Select
          label={t('inspections.plan')}
          placeholder={t('inspections.choosePlan')}
          data={issuedPlans.map((p) => ({ value: p.id, label: `${p.summary} (${p.documentNumber ?? p.year})` }))}
          value={planId}
          onChange={(v) => {
            setPlanId(v);
            setAgencyId(null);
            setTeamId(null);
          }}
          required
        />
        <Select
          label={t('inspections.agency')}
          data={(planId ? (plan.data?.targets ?? []) : []).map((a) => ({ value: a.agencyId, label: `${a.name} — ${a.unitName}` }))}
          value={agencyId}
          onChange={setAgencyId}
          searchable
          required
          error={fields.agencyId ? errorMessage(schedule.error) : undefined}
        />
        <Select
          label={t('inspections.team')}
          data={(planId ? (teams.data ?? []) : []).filter((tm) => tm.status === 'founded').map((tm) => ({ value: tm.id, label: tm.name }))}
          value={teamId}
          onChange={setTeamId}
          required
          error={fields.teamId ? errorMessage(schedule.error) : undefined}
        />
        <Select label={t('inspections.kind')} data={inspectionKinds.filter((k) => k !== 'reinspection').map((k) => ({ value: k, label: t(kindKey(k)) }))} value={kind} onChange={(v) => v && setKind(v as InspectionKind)} allowDeselect={false} />
        {kind === 'unannounced' && (
          <Text size="sm" c="dimmed">
            {t('inspections.secretHint')}
          </Text>
        )}
        <Group grow>
          <DateField label={t('inspections.startsOn')} value={startsOn} onChange={setStartsOn} required />
          <TextInput label={t('inspections.startTime')} value={startTime} onChange={(e) => setStartTime(e.currentTarget.value)} placeholder="08:00" error={fields.startTime ? errorMessage(schedule.error) : undefined} />
        </Group>
        <Textarea label={t('inspections.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} rows={2} />
        {conflicts.length > 0 && (
          <IssueList issues={conflicts} title={t('inspections.conflicts')} color="red" role="alert" />
        )}
        {overridable && <TextInput label={t('inspections.override')} description={t('inspections.overrideHint')} value={overrideReason} onChange={(e) => setOverrideReason(e.currentTarget.value)} />}
        {schedule.error && !conflicts.length && !isApiError(schedule.error, 'VALIDATION_FAILED') ? <Alert color="red">{errorMessage(schedule.error)}</Alert> : null}
        {isApiError(schedule.error, 'VALIDATION_FAILED') && !fields.agencyId && !fields.teamId ? <Alert color="red">{errorMessage(schedule.error)}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={schedule.isPending} disabled={!planId || !agencyId || !teamId || !startsOn}>
            {t('inspections.schedule')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
