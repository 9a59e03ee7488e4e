import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { inspectionKinds, type InspectionKind } from '../../../../shared/domain/inspection-status.js';
import { nonWorkingDayIssues, planPeriodDays } from '../../../../shared/domain/schedule-rules.js';
import { officialCalendar } from '../../../../shared/domain/calendar/index.js';
import { formatDate } from '../../i18n/dates.js';
import { fieldMessageKey } from '../../i18n/errors.js';
import { DateField } from '../../components/DateField.js';
import { useErrorMessage } from '../../components/ErrorAlert.js';
import { useI18n, useT } from '../../i18n/i18n.js';
import { IssueList } from './IssueText.js';
import { invalidParamsByField, isApiError } from '../../lib/api-client.js';
import { usePlan, usePlans } from '../plans/plans.api.js';
import { useNotifySuccess } from '../plans/notify.js';
import { usePlanTeams } from '../teams/teams.api.js';
import { scheduleConflicts, useInspections, useScheduleInspection } from './inspections.api.js';
import { PlacesField } from './PlacesField.js';
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
 * The office schedules one inspection: plan, target agency, founded team, kind, days (within the
 * plan's period; the end on or after the start), time, the places visited (the head office, its
 * one-stop desks and reception points) and, for a re-inspection, the earlier inspection it follows.
 * A refused schedule lists each broken rule as the server words it (naming the other record);
 * when every one may be overridden, a reason lets it through and is audited.
 */
export function ScheduleInspectionModal({ opened, onClose, planId: initialPlan, initial }: Props) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const notifySuccess = useNotifySuccess();
  const { language } = useI18n();
  const [planId, setPlanId] = useState<string | null>(initialPlan ?? null);
  const [agencyId, setAgencyId] = useState<string | null>(initial?.agencyId ?? null);
  const [teamId, setTeamId] = useState<string | null>(initial?.teamId ?? null);
  const [kind, setKind] = useState<InspectionKind>(initial?.kind ?? 'announced');
  const [startsOn, setStartsOn] = useState<string | null>(initial?.startsOn ?? null);
  const [endsOn, setEndsOn] = useState<string | null>(null);
  const [places, setPlaces] = useState<string[] | null>(null);
  const [reinspectionOfId, setReinspectionOfId] = useState<string | null>(null);
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
  // A desk review (kind `report`) visits no place: the form neither asks for one nor sends any.
  const visits = kind !== 'report';
  const chosenPlaces = visits ? (places ?? (agencyId ? [agencyId] : [])) : [];
  const earlier = useInspections({ agencyId }, kind === 'reinspection' && !!agencyId);
  const earlierOptions = (earlier.data?.items ?? []).filter((i) => i.status === 'under_way' || i.status === 'closed');
  const period = plan.data?.periodFrom && plan.data.periodTo ? planPeriodDays(plan.data.periodFrom, plan.data.periodTo) : null;
  const endsBeforeStart = !!startsOn && !!endsOn && endsOn < startsOn;
  // Days off the working calendar (weekend, holiday or compensatory day, named), before saving.
  const dayWarnings = startsOn && !endsBeforeStart ? nonWorkingDayIssues(officialCalendar, { kind, startsOn, endsOn: endsOn ?? startsOn }) : [];
  // The server's code for the field (or one of its items, "places.0"), translated.
  const fieldError = (name: string) => {
    const param = Object.entries(fields).find(([f]) => f === name || f.startsWith(`${name}.`))?.[1];
    return param ? t(fieldMessageKey(param.code)) : undefined;
  };

  const targetName = (id: string) => plan.data?.targets.find((a) => a.agencyId === id)?.name ?? '';
  const issuedPlans = (plans.data?.items ?? []).filter((p) => p.status === 'issued' || p.status === 'in_progress');
  const submit = () => {
    if (!planId || !agencyId || !teamId || !startsOn || endsBeforeStart) return;
    schedule.mutate(
      {
        planId,
        agencyId,
        teamId,
        kind,
        startsOn,
        ...(endsOn ? { endsOn } : {}),
        startTime: startTime || null,
        ...(visits ? { places: chosenPlaces } : {}),
        ...(kind === 'reinspection' ? { reinspectionOfId } : {}),
        note: note || null,
        ...(overridable && overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}),
      },
      {
        onSuccess: (saved) => {
          // The saved record's warnings (the server's calendar) come with the confirmation.
          notifySuccess([t('inspections.scheduled'), ...saved.warnings.map((w) => (language === 'en' ? w.messageEn : w.message))].join(' '));
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
          onChange={(v) => {
            setAgencyId(v);
            setPlaces(null);
            setReinspectionOfId(null);
          }}
          searchable
          required
          error={fieldError('agencyId')}
        />
        <Select
          label={t('inspections.team')}
          data={(planId ? (teams.data ?? []) : []).filter((tm) => tm.status === 'founded').map((tm) => ({ value: tm.id, label: tm.name }))}
          value={teamId}
          onChange={setTeamId}
          required
          error={fieldError('teamId')}
        />
        <Select label={t('inspections.kind')} data={inspectionKinds.map((k) => ({ value: k, label: t(kindKey(k)) }))} value={kind} onChange={(v) => v && setKind(v as InspectionKind)} allowDeselect={false} />
        {kind === 'reinspection' && (
          <Select
            label={t('scheduleDialog.reinspectionOf')}
            data={earlierOptions.map((i) => ({ value: i.id, label: `${t(kindKey(i.kind))} · ${formatDate(i.startsOn)} · ${i.teamName}` }))}
            value={reinspectionOfId}
            onChange={setReinspectionOfId}
            required
            disabled={!agencyId}
            description={agencyId && earlier.data && !earlierOptions.length ? t('scheduleDialog.noEarlier') : undefined}
            error={fieldError('reinspectionOfId')}
          />
        )}
        {kind === 'unannounced' && (
          <Text size="sm" c="dimmed">
            {t('inspections.secretHint')}
          </Text>
        )}
        <Group grow align="flex-start">
          <DateField label={t('inspections.startsOn')} value={startsOn} onChange={setStartsOn} required minDate={period?.first} maxDate={period?.last} error={fieldError('startsOn')} />
          <DateField
            label={t('inspections.endsOn')}
            value={endsOn}
            onChange={setEndsOn}
            minDate={startsOn ?? period?.first}
            maxDate={period?.last}
            error={endsBeforeStart ? t('scheduleDialog.endsBeforeStart') : fieldError('endsOn')}
          />
          <TextInput label={t('inspections.startTime')} value={startTime} onChange={(e) => setStartTime(e.currentTarget.value)} placeholder="08:00" error={fieldError('startTime')} />
        </Group>
        {period && (
          <Text size="xs" c="dimmed">
            {t('scheduleDialog.period', { from: formatDate(period.first), to: formatDate(period.last) })}
          </Text>
        )}
        {visits ? (
          <PlacesField
            agencyId={agencyId}
            value={chosenPlaces}
            onChange={setPlaces}
            known={agencyId ? [{ agencyId, name: targetName(agencyId) }] : []}
            label={t('inspections.places')}
            description={t('scheduleDialog.placesHint')}
            required
            error={fieldError('places')}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('scheduleDialog.noPlaceForReport')}
          </Text>
        )}
        <Textarea label={t('inspections.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} rows={2} />
        {dayWarnings.length > 0 && <IssueList issues={dayWarnings} title={t('inspections.warnings')} color="yellow" />}
        {conflicts.length > 0 && (
          <IssueList issues={conflicts} title={t('inspections.conflicts')} color="red" role="alert" />
        )}
        {overridable && <TextInput label={t('inspections.override')} description={t('inspections.overrideHint')} value={overrideReason} onChange={(e) => setOverrideReason(e.currentTarget.value)} />}
        {schedule.error && !conflicts.length && !isApiError(schedule.error, 'VALIDATION_FAILED') ? <Alert color="red">{errorMessage(schedule.error)}</Alert> : null}
        {isApiError(schedule.error, 'VALIDATION_FAILED') && !['agencyId', 'teamId', 'startsOn', 'endsOn', 'startTime', 'places', 'reinspectionOfId'].some((f) => fieldError(f)) ? <Alert color="red">{errorMessage(schedule.error)}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={schedule.isPending} disabled={!planId || !agencyId || !teamId || !startsOn || endsBeforeStart || (visits && !chosenPlaces.length) || (kind === 'reinspection' && !reinspectionOfId)}>
            {t('inspections.schedule')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
