import { useState } from 'react';
import { Button, Divider, Group, Loader, Pagination, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useT } from '../../i18n/i18n.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useMarkAllRead, useMarkRead, useNotificationList } from './notifications.api.js';
import { NotificationItem } from './NotificationItem.js';

const PAGE_SIZE = 20;

/** Every notification of the signed-in user, newest first, all or only the unread. */
export function NotificationsPage() {
  const t = useT();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const list = useNotificationList({ unread: filter === 'unread', page, pageSize: PAGE_SIZE });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / PAGE_SIZE));

  return (
    <Stack maw={760}>
      <Group justify="space-between">
        <Title order={1} size="h3">
          {t('notifications.title')}
        </Title>
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            aria-label={t('notifications.filter')}
            value={filter}
            onChange={(v) => {
              setFilter(v as 'all' | 'unread');
              setPage(1);
            }}
            data={[
              { value: 'all', label: t('notifications.filterAll') },
              { value: 'unread', label: t('notifications.filterUnread', { count: list.data?.unread ?? 0 }) },
            ]}
          />
          <Button size="xs" variant="default" disabled={!list.data?.unread} loading={markAll.isPending} onClick={() => markAll.mutate()}>
            {t('notifications.markAllRead')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={list.error ?? markRead.error ?? markAll.error} />
      <Paper withBorder p="md">
        {list.isPending ? (
          <Loader size="sm" aria-label={t('app.loading')} />
        ) : list.data?.items.length === 0 ? (
          <Text c="dimmed">{t('notifications.empty')}</Text>
        ) : (
          <Stack gap={0}>
            {list.data?.items.map((item, i) => (
              <div key={item.id}>
                {i > 0 && <Divider />}
                <NotificationItem item={item} onMarkRead={(id) => markRead.mutate(id)} marking={markRead.isPending && markRead.variables === item.id} />
              </div>
            ))}
          </Stack>
        )}
      </Paper>
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} aria-label={t('notifications.pages')} />}
    </Stack>
  );
}
