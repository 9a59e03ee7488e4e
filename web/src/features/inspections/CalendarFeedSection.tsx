import { useState } from 'react';
import { Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { useNotifySuccess } from '../plans/notify.js';

const feedKey = ['me', 'calendar-feed'] as const;

/**
 * One's secret iCalendar address of one's inspections (issue 8 §5): the server keeps only its hash,
 * so the address shows once, when made; making a new one ends the old one; revoking ends it.
 */
export function CalendarFeedSection() {
  const t = useT();
  const queryClient = useQueryClient();
  const notifySuccess = useNotifySuccess();
  const [url, setUrl] = useState<string | null>(null);
  const status = useQuery({ queryKey: feedKey, queryFn: ({ signal }) => api.get<{ active: boolean; createdAt: string | null }>('/api/me/calendar-feed', undefined, signal) });
  const create = useMutation({
    mutationFn: () => api.post<{ url: string }>('/api/me/calendar-feed'),
    onSuccess: async (made) => {
      setUrl(made.url);
      await queryClient.invalidateQueries({ queryKey: feedKey });
    },
  });
  const revoke = useMutation({
    mutationFn: () => api.delete('/api/me/calendar-feed'),
    onSuccess: async () => {
      setUrl(null);
      notifySuccess(t('calendarFeed.revoked'));
      await queryClient.invalidateQueries({ queryKey: feedKey });
    },
  });
  const active = status.data?.active ?? false;
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('calendarFeed.title')}
        </Title>
        <Text size="sm">{t('calendarFeed.intro')}</Text>
        {status.error ? <ErrorAlert error={status.error} /> : null}
        {status.data && !url && <Text size="sm">{active ? t('calendarFeed.active', { date: formatDateTime(status.data.createdAt) }) : t('calendarFeed.none')}</Text>}
        {url && (
          <Stack gap={4}>
            <Group align="flex-end" wrap="nowrap">
              <TextInput label={t('calendarFeed.url')} value={url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'filled' : 'default'} onClick={copy}>
                    {copied ? t('calendarFeed.copied') : t('calendarFeed.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('calendarFeed.shownOnce')}
            </Text>
          </Stack>
        )}
        {create.error ? <ErrorAlert error={create.error} /> : null}
        {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
        {status.data && (
          <Group>
            <Button variant={active ? 'default' : 'filled'} onClick={() => create.mutate()} loading={create.isPending}>
              {active ? t('calendarFeed.regenerate') : t('calendarFeed.create')}
            </Button>
            {active && (
              <Button variant="outline" color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>
                {t('calendarFeed.revoke')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
