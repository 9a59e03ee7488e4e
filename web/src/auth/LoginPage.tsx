import { useState, type FormEvent } from 'react';
import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { SessionResponse } from '../../../shared/api/session.schemas.js';
import { api } from '../lib/api-client.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useFieldErrors } from '../components/form-errors.js';

interface LoginFormProps {
  onSignedIn: (session: SessionResponse) => void;
}

/** Username and password -> POST /api/session. */
export function LoginForm({ onSignedIn }: LoginFormProps) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => api.post<SessionResponse>('/api/session', { username, password }),
    onSuccess: onSignedIn,
  });
  const fieldError = useFieldErrors(login.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="login-title">
      <Stack>
        <Title order={1} size="h3" id="login-title">
          {t('login.title')}
        </Title>
        <TextInput
          label={t('login.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          required
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          error={fieldError('username')}
        />
        <PasswordInput
          label={t('login.password')}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError('password')}
        />
        {login.error && <ErrorAlert error={login.error} />}
        <Button type="submit" loading={login.isPending} disabled={!username || !password}>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function LoginPage({ onSignedIn }: LoginFormProps) {
  const { t } = useI18n();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <Stack gap="lg">
          <div>
            <Text fw={700} c="blue.8">
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('app.fullName')}
            </Text>
          </div>
          <LoginForm onSignedIn={onSignedIn} />
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
