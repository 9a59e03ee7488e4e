import { useMemo } from 'react';
import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import type { RoleName } from '../../../../shared/api/session.schemas.js';
import { useT } from '../../i18n/i18n.js';
import { roleKey, roleList } from '../../components/labels.js';
import { useAgencies } from '../agencies/agencies.api.js';

export interface RoleRow {
  role: RoleName | null;
  agencyId: string | null;
}

interface RolePickerProps {
  value: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  errorFor: (field: string) => string | undefined;
}

/** A list of (role, agency) grants; each row has its own labelled pickers and a remove button. */
export function RolePicker({ value, onChange, errorFor }: RolePickerProps) {
  const t = useT();
  const agencies = useAgencies({});
  const agencyOptions = useMemo(
    () => (agencies.data ?? []).map((a) => ({ value: a.id, label: `${a.name} — ${a.unitName}` })),
    [agencies.data],
  );
  const roleOptions = roleList.map((role) => ({ value: role, label: t(roleKey(role)) }));
  const update = (index: number, patch: Partial<RoleRow>) =>
    onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" size="sm" fw={500}>
        {t('users.roles')}
      </Text>
      {value.map((row, index) => (
        <Group key={index} align="flex-end" wrap="nowrap">
          <Select
            label={`${t('users.role')} ${index + 1}`}
            data={roleOptions}
            value={row.role}
            onChange={(role) => update(index, { role: role as RoleName | null })}
            error={errorFor(`roles.${index}.role`)}
            w={200}
            allowDeselect={false}
          />
          <Select
            label={`${t('users.agency')} ${index + 1}`}
            data={agencyOptions}
            searchable
            limit={50}
            value={row.agencyId}
            onChange={(agencyId) => update(index, { agencyId })}
            error={errorFor(`roles.${index}.agencyId`)}
            style={{ flex: 1 }}
            nothingFoundMessage={t('common.noResults')}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mb={2}
            aria-label={t('users.removeRole', { index: index + 1 })}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
          >
            <span aria-hidden="true">×</span>
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...value, { role: null, agencyId: null }])}>
          {t('users.addRole')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Only complete rows are sent. */
export function completeRoles(rows: RoleRow[]): { role: RoleName; agencyId: string }[] {
  return rows.flatMap((row) => (row.role && row.agencyId ? [{ role: row.role, agencyId: row.agencyId }] : []));
}
