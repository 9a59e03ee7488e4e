import { Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { useActions } from './followup.api.js';
import { ActionStatusBadge } from './labels.js';

/**
 * On a re-inspection's page: its checklist, which is exactly the corrective actions it was built
 * from; each links to its page, where the team records whether it was fixed (closed) or kept.
 */
export function ReinspectionActionsPanel({ inspectionId }: { inspectionId: string }) {
  const t = useT();
  const list = useActions({ reinspectionId: inspectionId, pageSize: 100 });
  return (
    <Stack gap="xs" component="section" aria-labelledby="reinspection-actions-title">
      <Title order={2} size="h4" id="reinspection-actions-title">
        {t('reinspection.actions')}
      </Title>
      {list.isPending ? (
        <Loader size="sm" />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : !list.data.items.length ? (
        <Text c="dimmed">{t('actions.none')}</Text>
      ) : (
        list.data.items.map((a) => (
          <Group key={a.id} gap="xs" wrap="nowrap">
            <ActionStatusBadge status={a.status} overdue={a.overdue} />
            <Anchor component={Link} to={`/corrective-actions/${a.id}`}>
              {a.content}
            </Anchor>
            <Text size="xs" c="dimmed">
              {a.conclusionNumber} · {t('conclusions.due')}: {formatDate(a.dueOn)}
            </Text>
          </Group>
        ))
      )}
    </Stack>
  );
}
