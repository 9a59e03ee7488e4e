import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Notification } from '../../../../shared/api/notifications.schemas.js';
import { renderStoredNotification } from '../../../../shared/domain/notifications.js';
import { formatDateTime } from '../../i18n/dates.js';
import { useI18n } from '../../i18n/i18n.js';

interface Props {
  item: Notification;
  onMarkRead: (id: string) => void;
  /** Called when the reader follows the link (the popover closes). */
  onOpen?: () => void;
  marking?: boolean;
}

/**
 * One notification, read in the reader's current language from the shared catalogue: title,
 * body, time, the link to its record (following it marks it read) and "mark read".
 */
export function NotificationItem({ item, onMarkRead, onOpen, marking }: Props) {
  const { language, t } = useI18n();
  const { title, body } = renderStoredNotification(item.kind, item.params, language);
  const unread = item.readAt === null;
  const open = () => {
    if (unread) onMarkRead(item.id);
    onOpen?.();
  };
  return (
    <Stack gap={2} data-testid="notification" data-unread={unread || undefined} py={6}>
      <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
        <Text size="sm" fw={unread ? 700 : 400}>
          {item.link ? (
            <Anchor component={Link} to={item.link.path} onClick={open} inherit c="inherit">
              {title}
            </Anchor>
          ) : (
            title
          )}
        </Text>
        {unread && (
          <Badge size="xs" color="blue.8" variant="filled" style={{ flexShrink: 0 }}>
            {t('notifications.new')}
          </Badge>
        )}
      </Group>
      {body && (
        <Text size="xs" c="dimmed" lineClamp={3}>
          {body}
        </Text>
      )}
      <Group gap="xs" justify="space-between">
        <Text size="xs" c="dimmed">
          {formatDateTime(item.createdAt)}
        </Text>
        {unread && (
          <Button size="compact-xs" variant="subtle" onClick={() => onMarkRead(item.id)} loading={marking} aria-label={t('notifications.markReadNamed', { title })}>
            {t('notifications.markRead')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
