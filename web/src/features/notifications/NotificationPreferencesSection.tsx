import { Alert, Checkbox, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { notificationKindLabel, type NotificationKind } from '../../../../shared/domain/notifications.js';
import { useI18n } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useNotificationPreferences, useSaveNotificationPreferences } from './notifications.api.js';

/**
 * The user's own e-mail settings: which kinds of notification also come by e-mail, and the
 * language e-mails are written in. Each change is saved at once.
 */
export function NotificationPreferencesSection() {
  const { t, language } = useI18n();
  const prefs = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const saved = () => notifications.show({ color: 'green', message: t('common.saved') });

  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={2} size="h4">
          {t('preferences.title')}
        </Title>
        <ErrorAlert error={prefs.error ?? save.error} />
        {prefs.isPending ? (
          <Loader size="sm" aria-label={t('app.loading')} />
        ) : prefs.data ? (
          <>
            {!prefs.data.mailEnabled && (
              <Alert color="yellow" variant="light">
                {t('preferences.mailOff')}
              </Alert>
            )}
            <Text size="sm">{prefs.data.email ? t('preferences.address', { email: prefs.data.email }) : t('preferences.noAddress')}</Text>
            <Stack gap="xs" role="group" aria-label={t('preferences.kinds')}>
              <Text size="sm" fw={700}>
                {t('preferences.kinds')}
              </Text>
              {prefs.data.kinds.map((k) => (
                <Checkbox
                  key={k.kind}
                  label={notificationKindLabel(k.kind as NotificationKind, language)}
                  checked={k.email}
                  disabled={save.isPending}
                  onChange={(e) => save.mutate({ kinds: [{ kind: k.kind, email: e.currentTarget.checked }] }, { onSuccess: saved })}
                />
              ))}
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={700} id="mail-language">
                {t('preferences.language')}
              </Text>
              <SegmentedControl
                aria-labelledby="mail-language"
                value={prefs.data.language}
                disabled={save.isPending}
                onChange={(v) => save.mutate({ language: v as 'vi' | 'en' }, { onSuccess: saved })}
                data={[
                  { value: 'vi', label: t('lang.vi') },
                  { value: 'en', label: t('lang.en') },
                ]}
                w="fit-content"
              />
            </Stack>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
