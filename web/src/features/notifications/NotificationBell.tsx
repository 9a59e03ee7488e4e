import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Loader, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { notificationKeys, useMarkAllRead, useMarkRead, useNotificationList, useUnreadCount } from './notifications.api.js';
import { NotificationItem } from './NotificationItem.js';

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/**
 * The bell in the header: the unread count (asked again every minute and on every navigation)
 * and, on click, the latest notifications with "mark read", "mark all read" and the links.
 */
export function NotificationBell() {
  const t = useT();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const count = useUnreadCount();
  const list = useNotificationList({ unread: false, page: 1, pageSize: 8 }, opened);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  // A new page: the count may have changed (something done elsewhere, another tab).
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    void queryClient.invalidateQueries({ queryKey: notificationKeys.unread });
    setOpened(false);
  }, [location.pathname, queryClient]);

  const unread = count.data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red.9" disabled={unread === 0} offset={4} inline>
      <Popover opened={opened} onChange={setOpened} width={380} position="bottom-end" shadow="md" withArrow trapFocus={false} hideDetached={false}>
        <Popover.Target>
          <ActionIcon variant="default" size="lg" aria-label={label} title={label} onClick={() => setOpened((o) => !o)}>
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Group justify="space-between" mb="xs">
            <Text fw={700}>{t('notifications.title')}</Text>
            <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
              {t('notifications.markAllRead')}
            </Button>
          </Group>
          <ErrorAlert error={list.error ?? markRead.error ?? markAll.error} />
          {list.isPending ? (
            <Loader size="sm" aria-label={t('app.loading')} />
          ) : list.data && list.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('notifications.empty')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={420}>
              <Stack gap={0}>
                {list.data?.items.map((item, i) => (
                  <div key={item.id}>
                    {i > 0 && <Divider />}
                    <NotificationItem item={item} onMarkRead={(id) => markRead.mutate(id)} onOpen={() => setOpened(false)} marking={markRead.isPending && markRead.variables === item.id} />
                  </div>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
          <Divider my="xs" />
          <Anchor component={Link} to="/notifications" size="sm" onClick={() => setOpened(false)}>
            {t('notifications.seeAll')}
          </Anchor>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
