import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, MultiSelect, NumberInput, SegmentedControl, Select, Stack, TextInput, Textarea } from '@mantine/core';
import type { AssignedTaskDetail } from '../../../../shared/api/assigned-tasks.schemas.js';
import { DateField } from '../../components/DateField.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n.js';
import { useAgencies } from '../agencies/agencies.api.js';
import { useCreateTask, useUpdateTask } from './assigned-tasks.api.js';

/** Enter a task (the standing office) or correct one: document, content, owner, co-owners, deadline. */
export function TaskFormModal({ task, opened, onClose, onSaved }: { task?: AssignedTaskDetail; opened: boolean; onClose: () => void; onSaved?: (t: AssignedTaskDetail) => void }) {
  const t = useT();
  const agencies = useAgencies({}, opened);
  const create = useCreateTask();
  const update = useUpdateTask(task?.id ?? '');
  const mutation = task ? update : create;
  const errorFor = useFieldErrors(mutation.error);
  const [assigningAgencyId, setAssigning] = useState<string | null>(task?.assigningAgencyId ?? null);
  const [sourceNumber, setSourceNumber] = useState(task?.sourceNumber ?? '');
  const [sourceDate, setSourceDate] = useState<string | null>(task?.sourceDate ?? null);
  const [sourceTitle, setSourceTitle] = useState(task?.sourceTitle ?? '');
  const [content, setContent] = useState(task?.content ?? '');
  const [ownerAgencyId, setOwner] = useState<string | null>(task?.ownerAgencyId ?? null);
  const [coOwners, setCoOwners] = useState<string[]>(task?.coOwners.map((c) => c.agencyId) ?? []);
  const [deadlineMode, setDeadlineMode] = useState<'date' | 'days' | 'none'>(task && !task.deadline ? 'none' : 'date');
  const [deadline, setDeadline] = useState<string | null>(task?.deadline ?? null);
  const [days, setDays] = useState<number | ''>(10);

  const options = (agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }));
  const committees = (agencies.data ?? []).filter((a) => a.kind === 'peoples_committee').map((a) => ({ value: a.id, label: a.name }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const deadlineFields = deadlineMode === 'date' ? { deadline } : deadlineMode === 'days' ? { deadlineWorkingDays: days === '' ? undefined : days } : { deadline: null };
    const fields = { sourceNumber, sourceDate, sourceTitle: sourceTitle || null, content, ownerAgencyId, coOwnerAgencyIds: coOwners, ...deadlineFields };
    mutation.mutate(task ? { version: task.version, ...fields } : { assigningAgencyId, ...fields }, {
      onSuccess: (saved) => {
        onSaved?.(saved);
        onClose();
      },
    });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t(task ? 'assignedTasks.edit' : 'assignedTasks.new')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          {!task && <Select label={t('assignedTasks.col.assigningAgency')} required searchable data={committees} value={assigningAgencyId} onChange={setAssigning} error={errorFor('assigningAgencyId')} />}
          <Group grow align="flex-start">
            <TextInput label={t('assignedTasks.col.sourceNumber')} required value={sourceNumber} onChange={(e) => setSourceNumber(e.currentTarget.value)} error={errorFor('sourceNumber')} placeholder="125/TB-UBND" />
            <DateField label={t('assignedTasks.col.sourceDate')} required value={sourceDate} onChange={setSourceDate} error={errorFor('sourceDate')} />
          </Group>
          <TextInput label={t('assignedTasks.col.sourceTitle')} value={sourceTitle} onChange={(e) => setSourceTitle(e.currentTarget.value)} error={errorFor('sourceTitle')} />
          <Textarea label={t('assignedTasks.col.content')} required rows={4} value={content} onChange={(e) => setContent(e.currentTarget.value)} error={errorFor('content')} />
          <Select label={t('assignedTasks.col.owner')} required searchable data={options} value={ownerAgencyId} onChange={setOwner} error={errorFor('ownerAgencyId')} />
          <MultiSelect label={t('assignedTasks.col.coOwners')} searchable data={options.filter((o) => o.value !== ownerAgencyId)} value={coOwners} onChange={setCoOwners} error={errorFor('coOwnerAgencyIds.0')} />
          <SegmentedControl
            value={deadlineMode}
            onChange={(v) => setDeadlineMode(v as typeof deadlineMode)}
            data={[
              { value: 'date', label: t('assignedTasks.deadline.date') },
              { value: 'days', label: t('assignedTasks.deadline.days') },
              { value: 'none', label: t('assignedTasks.deadline.none') },
            ]}
          />
          {deadlineMode === 'date' && <DateField label={t('assignedTasks.col.deadline')} value={deadline} onChange={setDeadline} error={errorFor('deadline')} />}
          {deadlineMode === 'days' && <NumberInput label={t('assignedTasks.deadline.daysLabel')} min={1} max={365} value={days} onChange={(v) => setDays(typeof v === 'number' ? v : '')} error={errorFor('deadlineWorkingDays')} />}
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
