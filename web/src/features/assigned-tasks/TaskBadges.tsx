import { Badge } from '@mantine/core';
import type { AssignedTask } from '../../../../shared/api/assigned-tasks.schemas.js';
import { useT } from '../../i18n/i18n.js';

const timelinessColor = { overdue: 'red', done_late: 'orange', on_track: 'blue', done_on_time: 'green', no_deadline: 'gray', cancelled: 'gray' } as const;

/** Status and standing against the deadline (overdue in working days). */
export function TaskBadges({ task }: { task: AssignedTask }) {
  const t = useT();
  return (
    <>
      <Badge variant="light" color="gray" tt="none">
        {t(`assignedTasks.status.${task.status}`)}
      </Badge>{' '}
      {task.timeliness !== 'cancelled' && (
        <Badge variant="filled" color={timelinessColor[task.timeliness]} tt="none" data-testid="timeliness">
          {task.overdueWorkingDays ? t('assignedTasks.overdueDays', { days: task.overdueWorkingDays }) : t(`assignedTasks.timeliness.${task.timeliness}`)}
        </Badge>
      )}
    </>
  );
}
