import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSession } from '../../auth/session.js';
import { useT } from '../../i18n/i18n.js';
import { NotificationPreferencesSection } from './NotificationPreferencesSection.js';
import { CalendarFeedSection } from '../inspections/CalendarFeedSection.js';

/** The signed-in user's own page: who they are, their e-mail settings, the password change. */
export function AccountPage() {
  const t = useT();
  const { session } = useSession();
  return (
    <Stack maw={640}>
      <Title order={1} size="h3">
        {t('account.title')}
      </Title>
      <Paper withBorder p="lg">
        <Text fw={700}>{session?.user.fullName}</Text>
        <Text size="sm" c="dimmed">
          {session?.user.username}
        </Text>
        <Anchor component={Link} to="/password" size="sm">
          {t('nav.password')}
        </Anchor>
      </Paper>
      <NotificationPreferencesSection />
      <CalendarFeedSection />
    </Stack>
  );
}
