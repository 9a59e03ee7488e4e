import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import { DateField } from '../../components/DateField.js';
import { useErrorMessage } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';
import { useNotifySuccess } from '../plans/notify.js';
import { IssueList } from './IssueText.js';
import { scheduleConflicts, useMoveInspection } from './inspections.api.js';

/**
 * Moves one inspection to other days from the season board (issue 8 §2 "edit dates in place"):
 * the server's `reschedule` move with a reason (audited). A refused move lists each broken rule as
 * the server words it; when every one may be overridden, a second reason lets it through.
 */
export function RescheduleDialog({ inspection: i, onClose }: { inspection: Inspection; onClose: () => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const notifySuccess = useNotifySuccess();
  const move = useMoveInspection(i.id);
  const [startsOn, setStartsOn] = useState<string | null>(i.startsOn);
  const [endsOn, setEndsOn] = useState<string | null>(i.endsOn !== i.startsOn ? i.endsOn : null);
  const [reason, setReason] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const conflicts = scheduleConflicts(move.error);
  const overridable = conflicts.length > 0 && conflicts.filter((c) => c.severity === 'error').every((c) => c.overridable);
  const fieldError = useFieldErrors(move.error);
  const marked = ['startsOn', 'endsOn', 'reason'].some((f) => fieldError(f));
  const endsBeforeStart = !!startsOn && !!endsOn && endsOn < startsOn;
  const submit = () => {
    if (!startsOn || !reason.trim() || endsBeforeStart) return;
    move.mutate(
      {
        move: 'reschedule',
        body: {
          version: i.version,
          reason: reason.trim(),
          startsOn,
          ...(endsOn ? { endsOn } : {}),
          ...(overridable && overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}),
        },
      },
      {
        onSuccess: (saved) => {
          notifySuccess(t('board.moved', { agency: saved.agencyName }));
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('board.moveTitle', { agency: i.agencyName })}>
      <Stack>
        <Group grow align="flex-start">
          <DateField label={t('inspections.startsOn')} value={startsOn} onChange={setStartsOn} required error={fieldError('startsOn')} />
          <DateField
            label={t('inspections.endsOn')}
            value={endsOn}
            onChange={setEndsOn}
            minDate={startsOn ?? undefined}
            error={endsBeforeStart ? t('scheduleDialog.endsBeforeStart') : fieldError('endsOn')}
          />
        </Group>
        <TextInput label={t('inspections.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required error={fieldError('reason')} />
        {conflicts.length > 0 && <IssueList issues={conflicts} title={t('inspections.conflicts')} color="red" role="alert" />}
        {overridable && (
          <TextInput label={t('inspections.override')} description={t('inspections.overrideHint')} value={overrideReason} onChange={(e) => setOverrideReason(e.currentTarget.value)} />
        )}
        {move.error && !conflicts.length && !marked && <Alert color="red">{errorMessage(move.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={move.isPending} disabled={!startsOn || !reason.trim() || endsBeforeStart}>
            {t('inspections.move.reschedule')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
