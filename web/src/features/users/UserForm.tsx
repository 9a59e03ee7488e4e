import { useState, type FormEvent } from 'react';
import { Button, Group, PasswordInput, Stack, Switch, TextInput } from '@mantine/core';
import type { User } from '../../../../shared/api/users.schemas.js';
import { useT } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFieldErrors } from '../../components/form-errors.js';
import { blankToNull } from '../../lib/changes.js';
import { completeRoles, RolePicker, type RoleRow } from './RolePicker.js';

export interface UserFormSubmit {
  username: string;
  fullName: string;
  email: string | null;
  active: boolean;
  password: string | null;
  roles: ReturnType<typeof completeRoles>;
}

interface UserFormProps {
  /** Absent: create a user (username and initial password required). */
  user?: User;
  pending: boolean;
  error: unknown;
  onSubmit: (values: UserFormSubmit) => void;
  onCancel: () => void;
  onReload?: () => void;
}

export function UserForm({ user, pending, error, onSubmit, onCancel, onReload }: UserFormProps) {
  const t = useT();
  const fieldError = useFieldErrors(error);
  const [username, setUsername] = useState(user?.username ?? '');
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [active, setActive] = useState(user?.active ?? true);
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<RoleRow[]>(user?.roles.map((r) => ({ role: r.role, agencyId: r.agencyId })) ?? []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      username: username.trim().toLowerCase(),
      fullName: fullName.trim(),
      email: blankToNull(email),
      active,
      password: password ? password : null,
      roles: completeRoles(roles),
    });
  };
  const creating = !user;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('users.username')}
          required={creating}
          disabled={!creating}
          autoCapitalize="none"
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={fieldError('username')}
        />
        <TextInput
          label={t('users.fullName')}
          required
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          error={fieldError('fullName')}
        />
        <TextInput
          label={t('users.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError('email')}
        />
        <PasswordInput
          label={creating ? t('users.password') : t('users.newPassword')}
          description={t('password.hint')}
          required={creating}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError('password')}
        />
        {!creating && (
          <Switch label={t('users.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        )}
        <RolePicker value={roles} onChange={setRoles} errorFor={fieldError} />
        {error ? <ErrorAlert error={error} onReload={onReload} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={pending}
            disabled={!fullName.trim() || (creating && (!username.trim() || !password))}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
