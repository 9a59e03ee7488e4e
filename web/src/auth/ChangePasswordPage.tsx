import { useState, type FormEvent } from 'react';
import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { api } from '../lib/api-client.js';
import { useT } from '../i18n/i18n.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useFieldErrors } from '../components/form-errors.js';
import { sessionKey, useSession } from './session.js';

/** POST /api/session/password {currentPassword, newPassword} -> 204. */
export function ChangePasswordPage() {
  const t = useT();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const change = useMutation({
    mutationFn: () => api.post<void>('/api/session/password', { currentPassword, newPassword }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('password.changed') });
      setCurrent('');
      setNew('');
      setConfirm('');
      // mustChangePassword is now false on the server; fetch the session again.
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
  const fieldError = useFieldErrors(change.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword.length < 10) return setLocalError(t('password.tooShort'));
    if (newPassword !== confirm) return setLocalError(t('password.mismatch'));
    setLocalError(null);
    change.mutate();
  };

  return (
    <Paper withBorder p="lg" maw={480}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h3">
            {t('password.title')}
          </Title>
          {session?.user.mustChangePassword && (
            <Alert color="yellow" variant="light">
              {t('session.mustChangePassword')}
            </Alert>
          )}
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fieldError('currentPassword')}
          />
          <PasswordInput
            label={t('password.new')}
            description={t('password.hint')}
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={fieldError('newPassword')}
          />
          <PasswordInput
            label={t('password.confirm')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={localError ?? undefined}
          />
          {change.error && <ErrorAlert error={change.error} />}
          <Button type="submit" loading={change.isPending} disabled={!currentPassword || !newPassword}>
            {t('password.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
