import { Badge } from '@mantine/core';
import type { ActionStatus, EscalationStatus } from '../../../../shared/domain/follow-up.js';
import { useT } from '../../i18n/i18n.js';

const statusColor: Record<ActionStatus, string> = { draft: 'gray', open: 'blue', in_progress: 'yellow', reported: 'violet', closed: 'green' };

/** A corrective action's state; an action past its due date reads "overdue" beside it. */
export function ActionStatusBadge({ status, overdue }: { status: ActionStatus; overdue: boolean }) {
  const t = useT();
  return (
    <>
      <Badge color={statusColor[status]} variant="light">
        {t(`actions.status.${status}`)}
      </Badge>
      {overdue && (
        <Badge color="red" ml={4}>
          {t('actions.overdue')}
        </Badge>
      )}
    </>
  );
}

export const escalationColor: Record<EscalationStatus, string> = { draft: 'gray', proposed: 'blue', accepted: 'teal', declined: 'red', concluded: 'green' };
