import { Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Difficulty } from '../../../../shared/api/difficulties.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';

/**
 * "Việc của tôi": the difficulties waiting for the caller — the office's those raised and not yet
 * handled, a leader's those forwarded to them. One request each, scoped by the server.
 */
export function DifficultyQueueCard({ queue }: { queue: 'office' | 'leader' }) {
  const t = useT();
  const params = queue === 'office' ? { status: 'raised', pageSize: 200 } : { status: 'forwarded', forwardedToMe: 'true', pageSize: 200 };
  const list = useQuery({
    queryKey: ['difficulties', 'queue', queue],
    queryFn: ({ signal }) => api.get<{ items: Difficulty[] }>('/api/difficulties', params, signal),
  });
  const title = t(queue === 'office' ? 'tasks.difficultiesToHandle' : 'tasks.difficultiesForwarded');
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {list.isPending ? (
        <Loader size="sm" />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('tasks.difficultiesNone')}
        </Text>
      ) : (
        <Stack gap={4} aria-label={title}>
          {[...list.data.items].reverse().map((d) => (
            <Group key={d.id} gap="xs">
              <Anchor component={Link} to={`/difficulties/${d.id}`}>
                {d.agencyName} — {d.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {formatDate(queue === 'office' ? d.raisedOn : (d.forwardedOn ?? d.raisedOn))}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
