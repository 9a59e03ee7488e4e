import { describe, expect, it } from 'vitest';
import type { AssignedTask } from '../../../shared/api/assigned-tasks.schemas.js';
import { checklistItemOfTask } from './checklist-source.js';

const task = {
  id: '66666666-6666-4666-8666-666666666666',
  sourceNumber: '45/TB-UBND',
  sourceDate: '2021-03-12',
  content: 'Chấm dứt tình trạng trễ hạn giải quyết hồ sơ đất đai',
  ownerAgencyName: 'UBND phường Bồng Sơn',
  deadline: '2021-05-31',
  status: 'in_progress',
  completedOn: null,
  timeliness: 'overdue',
  overdueWorkingDays: 12,
} as unknown as AssignedTask;

describe('group b) items from the assigned-tasks register', () => {
  it('names the assigning document and the task; deadline, state and overdue days as guidance', () => {
    expect(checklistItemOfTask(task)).toEqual({
      id: task.id,
      text: '45/TB-UBND ngày 12/03/2021 — Chấm dứt tình trạng trễ hạn giải quyết hồ sơ đất đai',
      guidance: 'Thời hạn 31/05/2021; Đang thực hiện (quá hạn 12 ngày làm việc). Chủ trì: UBND phường Bồng Sơn.',
    });
    expect(checklistItemOfTask({ ...task, deadline: null, status: 'completed', completedOn: '2021-04-02', timeliness: 'no_deadline' } as AssignedTask).guidance).toBe('Nhiệm vụ thường xuyên; Đã hoàn thành ngày 02/04/2021. Chủ trì: UBND phường Bồng Sơn.');
  });
});
