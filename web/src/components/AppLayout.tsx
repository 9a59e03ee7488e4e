import { AppShell, Badge, Box, Burger, Button, Group, Loader, NavLink as MantineNavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink, Outlet, useLocation } from 'react-router';
import { Suspense, useEffect } from 'react';
import { useSession } from '../auth/session.js';
import { useT } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.vi.js';
import type { Capability } from '../../../shared/domain/capabilities.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { NotificationBell } from '../features/notifications/NotificationBell.js';
import { useSaveNotificationPreferences } from '../features/notifications/notifications.api.js';
import { roleKey } from './labels.js';

interface NavItem {
  to: string;
  label: MessageKey;
  /** Only shown to users with this capability (one of these); everyone when absent. */
  capability?: Capability | Capability[];
}

const navItems: NavItem[] = [
  { to: '/tasks', label: 'nav.myTasks' },
  { to: '/dashboard', label: 'nav.dashboard', capability: 'dashboard.read' },
  { to: '/results-reports', label: 'nav.resultsReports', capability: 'results_report.read' },
  { to: '/units', label: 'nav.units' },
  { to: '/agencies', label: 'nav.agencies' },
  { to: '/plans', label: 'nav.plans' },
  { to: '/inspections', label: 'nav.inspections' },
  { to: '/calendar', label: 'nav.calendar' },
  { to: '/indices', label: 'nav.indices' },
  { to: '/reports/requests', label: 'nav.reporting', capability: ['report.manage', 'report.read_all', 'report.submit'] },
  { to: '/good-practices', label: 'nav.goodPractices' },
  { to: '/checklist-templates', label: 'nav.checklistTemplates', capability: 'checklist.manage' },
  { to: '/corrective-actions', label: 'nav.correctiveActions', capability: ['action.report', 'action.review', 'conclusion.approve'] },
  { to: '/assigned-tasks', label: 'nav.assignedTasks', capability: ['task.read', 'task.read_owned'] },
  { to: '/self-inspections', label: 'nav.selfInspections', capability: ['self_inspection.read', 'self_inspection.record'] },
  { to: '/difficulties', label: 'nav.difficulties', capability: ['difficulty.read', 'difficulty.raise'] },
  { to: '/feedback', label: 'nav.feedback', capability: 'feedback.read' },
  { to: '/register', label: 'nav.register', capability: 'register.read' },
  { to: '/risk-ranking', label: 'nav.riskRanking', capability: 'risk.read' },
  { to: '/audit', label: 'nav.audit', capability: 'audit.read' },
  { to: '/users', label: 'nav.users', capability: 'user.manage' },
  { to: '/admin/jobs', label: 'nav.jobs', capability: 'user.manage' },
  { to: '/admin/mail', label: 'nav.mail', capability: 'user.manage' },
  { to: '/settings/schedule-rules', label: 'nav.scheduleRules', capability: ['schedule.configure', 'inspection.schedule', 'authority.configure'] },
  { to: '/notifications', label: 'nav.notifications' },
  { to: '/account', label: 'nav.account' },
  { to: '/password', label: 'nav.password' },
];

/** Header (product, user, roles, language, sign-out) and navigation; a burger on small screens. */
export function AppLayout() {
  const t = useT();
  const { session, can, signOut } = useSession();
  // The account's language (e-mails) follows the one chosen on screen.
  const saveLanguage = useSaveNotificationPreferences();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();

  // Close the mobile menu after navigating.
  useEffect(close, [location.pathname, close]);

  const roleText = session?.roles.map((grant) => `${t(roleKey(grant.role))} · ${grant.agencyName}`) ?? [];

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <div>
              <Text fw={700} c="blue.8" lh={1.2} style={{ whiteSpace: 'nowrap' }}>
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" visibleFrom="md" lh={1.2}>
                {t('app.fullName')}
              </Text>
            </div>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box visibleFrom="sm" style={{ textAlign: 'right' }}>
              <Text size="sm" fw={700} lh={1.2} data-testid="current-user">
                {session?.user.fullName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} title={roleText.join('; ')}>
                {session?.roles.map((grant) => t(roleKey(grant.role))).join(', ')}
              </Text>
            </Box>
            {session && !session.user.mustChangePassword && <NotificationBell />}
            <LanguageSwitch onChosen={session && !session.user.mustChangePassword ? (language) => saveLanguage.mutate({ language }) : undefined} />
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              {t('session.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.label')} component="nav">
        <ScrollArea>
          <Stack gap={2}>
            {navItems
              .filter((item) => !item.capability || [item.capability].flat().some((c) => can(c)))
              .map((item) => (
                <MantineNavLink
                  key={item.to}
                  component={NavLink}
                  to={item.to}
                  label={t(item.label)}
                  // filled: white on blue.8 passes WCAG AA; the light variant does not (axe).
                  variant="filled"
                  active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
                />
              ))}
          </Stack>
          <Text size="sm" fw={700} mt="lg" px="xs" hiddenFrom="sm">
            {session?.user.fullName}
          </Text>
          {roleText.length > 0 && (
            <Stack gap={4} mt="xs" px="xs">
              {session?.roles.map((grant, index) => (
                <Badge key={index} variant="light" color="gray" tt="none" fw={400} size="sm" title={roleText[index]}>
                  {roleText[index]}
                </Badge>
              ))}
            </Stack>
          )}
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1}>
        <Suspense fallback={<Loader aria-label={t('app.loading')} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
