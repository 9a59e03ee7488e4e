import { Anchor, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { SubmissionSummary } from '../../../../shared/api/reports.schemas.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { SeeAllLink } from './MyReportsList.js';
import { reportKeys } from './reports.api.js';

/** "Việc của tôi" for the standing office: the units' reports sent and waiting to be accepted or returned (one request, scoped by the server). */
export function ReviewQueueCard() {
  const t = useT();
  const queue = useQuery({
    queryKey: [...reportKeys.all, 'to-review'],
    queryFn: ({ signal }) => api.get<{ items: SubmissionSummary[]; total: number }>('/api/report-submissions', { toReview: 'true', pageSize: 200 }, signal),
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('tasks.reportsToReview')}
      </Title>
      {queue.isPending ? (
        <Loader size="sm" />
      ) : queue.error ? (
        <ErrorAlert error={queue.error} />
      ) : queue.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('tasks.reportsToReviewNone')}
        </Text>
      ) : (
        <Stack gap={4} aria-label={t('tasks.reportsToReview')}>
          {queue.data.items.map((s) => (
            <Group key={s.id} gap="xs">
              <Anchor component={Link} to={`/reports/submissions/${s.id}`}>
                {s.agencyName} — {s.requestTitle}
              </Anchor>
              <Text size="sm" c="dimmed">
                {formatDateTime(s.submittedAt)}
              </Text>
              {s.late && (
                <Badge color="orange" variant="light" tt="none">
                  {t('reporting.timeliness.lateShort')}
                </Badge>
              )}
            </Group>
          ))}
          <SeeAllLink total={queue.data.total} more={queue.data.total > queue.data.items.length} to="/reports/submissions?toReview=true" />
        </Stack>
      )}
    </Card>
  );
}
