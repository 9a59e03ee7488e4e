import { useState } from 'react';
import { ActionIcon, Button, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import type { ActionInput, ConclusionAction } from '../../../../shared/api/conclusions.schemas.js';
import { planContentGroups } from '../../../../shared/domain/follow-up.js';
import { DateField } from '../../components/DateField.js';
import { useI18n, useT } from '../../i18n/i18n.js';
import { useAgencies } from '../agencies/agencies.api.js';

/** A requirement as the editor holds it: each deadline as a date or as N working days after the notice. */
export interface RequirementDraft {
  content: string;
  contentGroup: string | null;
  /** Kept as it was: the inspected unit unless the office named another agency. */
  responsibleAgencyId?: string;
  responsibleAgencyName?: string;
  due: Deadline;
  reportDue: Deadline | null;
}
export type Deadline = { kind: 'date'; date: string | null } | { kind: 'days'; days: number | null };

export const toDraft = (a: ConclusionAction, inspectedAgencyId: string): RequirementDraft => ({
  content: a.content,
  contentGroup: a.contentGroup,
  responsibleAgencyId: a.responsibleAgencyId === inspectedAgencyId ? undefined : a.responsibleAgencyId,
  responsibleAgencyName: a.responsibleAgencyName,
  due: a.dueWorkingDays !== null ? { kind: 'days', days: a.dueWorkingDays } : { kind: 'date', date: a.dueOn },
  reportDue: a.reportDueWorkingDays !== null ? { kind: 'days', days: a.reportDueWorkingDays } : a.reportDueOn ? { kind: 'date', date: a.reportDueOn } : null,
});

/** The body the API takes; a half-filled deadline is sent as it is so the server names the field. */
export function toInput(d: RequirementDraft): ActionInput {
  const deadline = (x: Deadline | null, dateKey: 'dueOn' | 'reportDueOn', daysKey: 'dueWorkingDays' | 'reportDueWorkingDays') =>
    !x ? {} : x.kind === 'date' ? (x.date ? { [dateKey]: x.date } : {}) : x.days ? { [daysKey]: x.days } : {};
  return {
    content: d.content,
    ...(d.contentGroup ? { contentGroup: d.contentGroup } : {}),
    ...(d.responsibleAgencyId ? { responsibleAgencyId: d.responsibleAgencyId } : {}),
    ...deadline(d.due, 'dueOn', 'dueWorkingDays'),
    ...deadline(d.reportDue, 'reportDueOn', 'reportDueWorkingDays'),
  } as ActionInput;
}

export const emptyRequirement = (): RequirementDraft => ({ content: '', contentGroup: null, due: { kind: 'days', days: 10 }, reportDue: null });

function DeadlineField({ label, value, onChange, optional }: { label: string; value: Deadline | null; onChange: (d: Deadline | null) => void; optional?: boolean }) {
  const t = useT();
  const mode = value === null ? 'none' : value.kind;
  const options = [
    { value: 'days', label: t('conclusions.deadline.days') },
    { value: 'date', label: t('conclusions.deadline.date') },
    ...(optional ? [{ value: 'none', label: t('conclusions.deadline.none') }] : []),
  ];
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl
        size="xs"
        aria-label={label}
        data={options}
        value={mode}
        onChange={(m) => onChange(m === 'none' ? null : m === 'date' ? { kind: 'date', date: null } : { kind: 'days', days: 10 })}
      />
      {value?.kind === 'date' && <DateField label={t('conclusions.deadline.dateLabel', { what: label })} value={value.date} onChange={(date) => onChange({ kind: 'date', date })} />}
      {value?.kind === 'days' && (
        <NumberInput
          label={t('conclusions.deadline.daysLabel', { what: label })}
          min={1}
          max={365}
          value={value.days ?? ''}
          onChange={(v) => onChange({ kind: 'days', days: typeof v === 'number' ? v : null })}
          w={220}
        />
      )}
    </Stack>
  );
}

/**
 * Who carries out a requirement: the inspected unit (empty) or an agency the office names (an
 * office of the committee), found by typing; the server checks it lies in the plan issuer's area.
 */
function ResponsiblePicker({ value, inspectedAgencyName, onChange, error }: { value: RequirementDraft; inspectedAgencyName: string; onChange: (id: string | undefined, name: string | undefined) => void; error?: string }) {
  const t = useT();
  const [q, setQ] = useState('');
  const found = useAgencies({ q }, q.trim().length >= 2);
  const options = [
    ...(value.responsibleAgencyId ? [{ value: value.responsibleAgencyId, label: value.responsibleAgencyName ?? '' }] : []),
    ...(found.data ?? []).filter((a) => a.id !== value.responsibleAgencyId).map((a) => ({ value: a.id, label: a.name })),
  ];
  return (
    <Select
      label={t('conclusions.responsible')}
      placeholder={inspectedAgencyName}
      description={t('conclusions.responsibleHint', { unit: inspectedAgencyName })}
      data={options}
      value={value.responsibleAgencyId ?? null}
      searchable
      clearable
      searchValue={q}
      onSearchChange={setQ}
      nothingFoundMessage={q.trim().length >= 2 ? t('conclusions.noAgency') : undefined}
      onChange={(id) => onChange(id ?? undefined, id ? options.find((o) => o.value === id)?.label : undefined)}
      error={error}
    />
  );
}

interface Props {
  value: RequirementDraft[];
  onChange: (next: RequirementDraft[]) => void;
  inspectedAgencyName: string;
  /** Field errors of the last save, keyed "actions.0.dueOn". */
  errorOf: (field: string) => string | undefined;
}

/**
 * Section IV's requirements, each a corrective action: what, who (the inspected unit unless the
 * office named an agency), the due date as a date or N working days after the notice, and the
 * date by which the unit reports its results.
 */
export function RequirementsEditor({ value, onChange, inspectedAgencyName, errorOf }: Props) {
  const t = useT();
  const { language } = useI18n();
  const set = (i: number, patch: Partial<RequirementDraft>) => onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const groups = Object.entries(planContentGroups).map(([k, v]) => ({ value: k, label: v[language] }));
  return (
    <Stack gap="sm">
      {value.map((r, i) => (
        <Paper key={i} withBorder p="sm">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>{t('conclusions.requirement', { n: i + 1 })}</Text>
              <ActionIcon variant="subtle" color="red" aria-label={t('conclusions.removeRequirement', { n: i + 1 })} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                ×
              </ActionIcon>
            </Group>
            <Textarea label={t('conclusions.requirementContent')} rows={2} value={r.content} onChange={(e) => set(i, { content: e.currentTarget.value })} error={errorOf(`actions.${i}.content`)} />
            <Group align="flex-start" grow>
              <Select label={t('conclusions.contentGroup')} data={groups} value={r.contentGroup} onChange={(g) => set(i, { contentGroup: g })} clearable />
              <ResponsiblePicker
                value={r}
                inspectedAgencyName={inspectedAgencyName}
                onChange={(id, name) => set(i, { responsibleAgencyId: id, responsibleAgencyName: name })}
                error={errorOf(`actions.${i}.responsibleAgencyId`)}
              />
            </Group>
            <Group align="flex-start" grow>
              <DeadlineField label={t('conclusions.due')} value={r.due} onChange={(d) => set(i, { due: d ?? { kind: 'days', days: 10 } })} />
              <DeadlineField label={t('conclusions.reportDue')} value={r.reportDue} onChange={(d) => set(i, { reportDue: d })} optional />
            </Group>
            {(errorOf(`actions.${i}.dueOn`) || errorOf(`actions.${i}.reportDueOn`)) && (
              <Text c="red" size="sm" role="alert">
                {errorOf(`actions.${i}.dueOn`) ?? errorOf(`actions.${i}.reportDueOn`)}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="light" onClick={() => onChange([...value, emptyRequirement()])}>
          {t('conclusions.addRequirement')}
        </Button>
      </Group>
    </Stack>
  );
}
