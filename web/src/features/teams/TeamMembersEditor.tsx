import { useState } from 'react';
import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useT } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { AgencySelect } from '../plans/AgencyPickers.js';
import { usePlanFieldErrors } from '../plans/plan-field-errors.js';
import { teamMemberRoleList, type Team, type TeamMemberRole } from '../plans/plans.types.js';
import { useReplaceMembers, type TeamMemberInput } from './teams.api.js';
import { useNotifySuccess } from '../plans/notify.js';

interface Row {
  honorific: 'Ông' | 'Bà' | null;
  fullName: string;
  position: string;
  agencyId: string | null;
  agencyName: string;
  role: TeamMemberRole;
  userId: string | null;
}

const blankRow = (role: TeamMemberRole): Row => ({ honorific: null, fullName: '', position: '', agencyId: null, agencyName: '', role, userId: null });

export const roleKey = (role: TeamMemberRole) => `teams.role.${role}` as const;

/** Edits the members of a team not yet founded: PUT replaces the whole list. */
export function TeamMembersEditor({ team, planId, onReload }: { team: Team; planId: string; onReload: () => void }) {
  const t = useT();
  const [rows, setRows] = useState<Row[]>(() => team.members.map((m) => ({ ...m })));
  const save = useReplaceMembers(planId, team.id);
  const notify = useNotifySuccess();
  const fieldError = usePlanFieldErrors(save.error);
  const update = (index: number, patch: Partial<Row>) => setRows((prev) => prev.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const complete = rows.every((r) => r.fullName.trim() && r.position.trim() && r.agencyId);

  const submit = () => {
    const members: TeamMemberInput[] = rows.map((r) => ({
      honorific: r.honorific,
      fullName: r.fullName.trim(),
      position: r.position.trim(),
      agencyId: r.agencyId!,
      role: r.role,
      userId: r.userId,
    }));
    save.mutate({ version: team.version, members }, { onSuccess: () => notify(t('teams.membersSaved')) });
  };

  return (
    <Stack gap="sm">
      {rows.map((row, index) => (
        <Paper key={index} withBorder p="sm" role="group" aria-label={t('teams.memberN', { index: index + 1 })}>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={700}>
              {t('teams.memberN', { index: index + 1 })}
            </Text>
            <ActionIcon variant="subtle" color="red" aria-label={t('teams.removeMember', { index: index + 1 })} onClick={() => setRows((prev) => prev.filter((_, i) => i !== index))}>
              <span aria-hidden="true">×</span>
            </ActionIcon>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="xs">
            <Select
              label={t('teams.honorific')}
              data={['Ông', 'Bà']}
              value={row.honorific}
              onChange={(v) => update(index, { honorific: (v as Row['honorific']) ?? null })}
              clearable
              error={fieldError(`members.${index}.honorific`)}
            />
            <TextInput label={t('teams.fullName')} required value={row.fullName} onChange={(e) => update(index, { fullName: e.currentTarget.value })} error={fieldError(`members.${index}.fullName`)} />
            <TextInput label={t('teams.position')} required value={row.position} onChange={(e) => update(index, { position: e.currentTarget.value })} error={fieldError(`members.${index}.position`)} />
            <AgencySelect
              label={t('teams.agency')}
              required
              value={row.agencyId}
              known={row.agencyId ? { value: row.agencyId, label: row.agencyName } : null}
              onChange={(id, option) => update(index, { agencyId: id, agencyName: option?.label ?? '' })}
              error={fieldError(`members.${index}.agencyId`)}
            />
            <Select
              label={t('teams.role')}
              required
              allowDeselect={false}
              data={teamMemberRoleList.map((role) => ({ value: role, label: t(roleKey(role)) }))}
              value={row.role}
              onChange={(v) => v && update(index, { role: v as TeamMemberRole })}
              error={fieldError(`members.${index}.role`)}
            />
          </SimpleGrid>
        </Paper>
      ))}
      <Group justify="space-between">
        <Button variant="light" onClick={() => setRows((prev) => [...prev, blankRow(prev.length === 0 ? 'truong_doan' : 'thanh_vien')])}>
          {t('teams.addMember')}
        </Button>
        <Button onClick={submit} loading={save.isPending} disabled={!complete}>
          {t('teams.saveMembers')}
        </Button>
      </Group>
      {save.error ? (
        <ErrorAlert
          error={save.error}
          onReload={() => {
            save.reset();
            onReload();
          }}
        />
      ) : null}
    </Stack>
  );
}
