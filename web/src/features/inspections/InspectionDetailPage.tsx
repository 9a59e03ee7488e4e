import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import type { RequestedMove } from '../../../../shared/domain/inspection-status.js';
import { DateField } from '../../components/DateField.js';
import { DetailList } from '../../components/DetailList.js';
import { ErrorAlert, useErrorMessage } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { formatDate, formatDateTime, todayIso } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { ChecklistsPanel } from '../checklists/ChecklistsPanel.js';
import { FindingsPanel } from '../findings/FindingsPanel.js';
import { MinutesPanel } from '../followup/MinutesPanel.js';
import { ConclusionPanel } from '../followup/ConclusionPanel.js';
import { EscalationsPanel } from '../followup/EscalationsPanel.js';
import { ReinspectionActionsPanel } from '../followup/ReinspectionActionsPanel.js';
import { displayStatus } from '../../../../shared/domain/report-status.js';
import { displayStatusColor, displayStatusKey, requestStatusKey } from '../reports/labels.js';
import { IssueList } from './IssueText.js';
import { scheduleConflicts, useInspection, useMoveInspection } from './inspections.api.js';
import { kindKey, statusColor, statusKey } from './labels.js';
import { TIME_OF_DAY } from '../../../../shared/domain/vietnam-time.js';

/** /inspections/:id — the record, its warnings, and the moves the caller may take (abilities from the server). */
export function InspectionDetailPage() {
  const { id = '' } = useParams();
  const inspection = useInspection(id);
  if (inspection.isPending) return <Loader />;
  if (inspection.error) return <ErrorAlert error={inspection.error} />;
  return <InspectionDetail inspection={inspection.data} />;
}

/** `today` (Việt Nam's, 'YYYY-MM-DD') bounds the day a start may be recorded for; tests pass it. */
export function InspectionDetail({ inspection: i, today = todayIso() }: { inspection: Inspection; today?: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const move = useMoveInspection(i.id);
  const [asking, setAsking] = useState<'cancel' | 'reschedule' | null>(null);
  // Starting is confirmed in a dialog naming the places (an unannounced visit tells the unit at
  // once: not by a stray tap), which also records an earlier arrival (a past season entered later).
  const [confirmingStart, setConfirmingStart] = useState(false);
  // Its days are past: the arrival is asked for, prefilled with its first day — never "now"
  // silently, which would record 2026 beside a 2021 visit (docs/decisions/unannounced-visits.md).
  const daysPast = today > i.endsOn;
  const [startDay, setStartDay] = useState<string | null>(daysPast ? i.startsOn : null);
  const [startTime, setStartTime] = useState(i.startTime ?? '08:00');
  const startedAt = startDay ? `${startDay}T${startTime}:00+07:00` : null;
  const [reason, setReason] = useState('');
  const [startsOn, setStartsOn] = useState<string | null>(null);
  const run = (m: RequestedMove, extra: Record<string, unknown> = {}) =>
    move.mutate({ move: m, body: { version: i.version, ...extra } }, { onSuccess: () => { setAsking(null); setReason(''); } });
  const conflicts = scheduleConflicts(move.error);
  const fieldError = useFieldErrors(move.error);
  const marked = !!fieldError('startsOn') || !!fieldError('reason');

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {i.agencyName}
        </Title>
        <Group gap="xs">
          <Badge size="lg" color={statusColor[i.status]}>
            {t(statusKey(i.status))}
          </Badge>
          {/* Moved after its notice was issued: back to planned until a new notice is issued (as on "Việc của tôi"). */}
          {i.awaitingNewNotice && (
            <Badge size="lg" color="orange" variant="light" data-testid="awaiting-new-notice">
              {t('tasks.awaitingNewNotice')}
            </Badge>
          )}
        </Group>
      </Group>
      <DetailList
        items={([
          [t('inspections.kind'), t(kindKey(i.kind))],
          [t('inspections.team'), i.teamName],
          [t('inspections.startsOn'), `${formatDate(i.startsOn)}${i.endsOn !== i.startsOn ? ` – ${formatDate(i.endsOn)}` : ''}${i.startTime ? `, ${i.startTime}` : ''}`],
          [t('inspections.places'), i.places.map((p) => p.name).join('; ')],
          [t('inspections.reportDue'), i.reportDueExplanation],
          [t('inspections.startedAt'), i.startedAt ? formatDateTime(i.startedAt) : null],
          [t('inspections.cancelReason'), i.cancelReason],
          [t('inspections.note'), i.note],
        ] as [string, string | null][]).filter((row): row is [string, string] => !!row[1])}
      />
      {i.preVisitReport && (
        // The unit's report sent "về Đoàn kiểm tra" before the visit (the team reads it once sent).
        <Group gap="xs">
          <Anchor component={Link} to={`/reports/submissions/${i.preVisitReport.submissionId}`}>
            {t('inspections.preVisitReport')}
          </Anchor>
          {i.preVisitReport.requestStatus === 'withdrawn' ? (
            <Badge color="gray">{t(requestStatusKey('withdrawn'))}</Badge>
          ) : (
            <Badge color={displayStatusColor[displayStatus(i.preVisitReport.status, i.preVisitReport.late)]}>{t(displayStatusKey(displayStatus(i.preVisitReport.status, i.preVisitReport.late)))}</Badge>
          )}
        </Group>
      )}
      {i.warnings.length > 0 && (
        <IssueList issues={i.warnings} title={t('inspections.warnings')} color="yellow" />
      )}
      <Group>
        {i.abilities.start && (
          <Button size="lg" onClick={() => setConfirmingStart(true)} loading={move.isPending}>
            {t('inspections.move.start')}
          </Button>
        )}
        {i.abilities.close && <Button onClick={() => run('close')}>{t('inspections.move.close')}</Button>}
        {i.abilities.reschedule && (
          <Button variant="light" onClick={() => setAsking('reschedule')}>
            {t('inspections.move.reschedule')}
          </Button>
        )}
        {i.abilities.cancel && (
          <Button variant="light" color="red" onClick={() => setAsking('cancel')}>
            {t('inspections.move.cancel')}
          </Button>
        )}
      </Group>
      {move.error && !asking && <Alert color="red">{errorMessage(move.error)}</Alert>}
      {/* A re-inspection's checklist is the requirements it re-inspects (reinspect-from-conclusion). */}
      {i.kind === 'reinspection' ? <ReinspectionActionsPanel inspectionId={i.id} /> : <ChecklistsPanel inspectionId={i.id} />}
      <FindingsPanel inspectionId={i.id} />
      <MinutesPanel inspectionId={i.id} />
      <ConclusionPanel inspectionId={i.id} status={i.status} />
      <EscalationsPanel inspectionId={i.id} status={i.status} />
      <Modal opened={confirmingStart} onClose={() => setConfirmingStart(false)} title={t(i.kind === 'unannounced' ? 'inspections.confirmStartTitle' : 'inspections.startTitle')}>
        <Stack>
          {i.kind === 'unannounced' && <Text>{t('inspections.confirmStartText', { agency: i.agencyName })}</Text>}
          {i.places.length > 0 && <Text fw={600}>{t('inspections.startAt', { places: i.places.map((p) => p.name).join('; ') })}</Text>}
          <Group grow align="flex-start">
            <DateField label={t(daysPast ? 'inspections.arrivedOn' : 'inspections.startedOn')} value={startDay} onChange={setStartDay} minDate={i.startsOn} maxDate={today} required={daysPast} error={fieldError('startedAt')} />
            <TextInput label={t('inspections.startedTime')} value={startTime} onChange={(e) => setStartTime(e.currentTarget.value)} placeholder="08:00" disabled={!startDay} error={startDay && !TIME_OF_DAY.test(startTime) ? t('field.invalid_format') : undefined} />
          </Group>
          <Text size="xs" c="dimmed">
            {t(daysPast ? 'inspections.arrivedAtHint' : 'inspections.startedAtHint')}
          </Text>
          {move.error && !fieldError('startedAt') && <Alert color="red">{errorMessage(move.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingStart(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={move.isPending}
              disabled={(!!startDay && !TIME_OF_DAY.test(startTime)) || (daysPast && !startDay)}
              onClick={() => move.mutate({ move: 'start', body: { version: i.version, ...(startedAt ? { startedAt } : {}) } }, { onSuccess: () => setConfirmingStart(false) })}
            >
              {t('inspections.confirmStart')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={asking ? t(`inspections.move.${asking}`) : ''}>
        <Stack>
          {asking === 'reschedule' && <DateField label={t('inspections.startsOn')} value={startsOn} onChange={setStartsOn} required error={fieldError('startsOn')} />}
          <TextInput label={t('inspections.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required error={fieldError('reason')} />
          {conflicts.length > 0 && (
            <IssueList issues={conflicts} title={t('inspections.conflicts')} color="red" />
          )}
          {move.error && !conflicts.length && !marked && <Alert color="red">{errorMessage(move.error)}</Alert>}
          <Button
            disabled={!reason.trim() || (asking === 'reschedule' && !startsOn)}
            loading={move.isPending}
            onClick={() => asking && run(asking, { reason: reason.trim(), ...(asking === 'reschedule' ? { startsOn } : {}) })}
          >
            {t('inspections.confirm')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
