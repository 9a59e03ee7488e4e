import type { AssignedTask } from '../../../shared/api/assigned-tasks.schemas.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { presentTasks, type TaskEnv } from './assigned-tasks.presenter.js';
import { listTasks } from './assigned-tasks.repository.js';

/**
 * The tasks an agency owns or supports, as the caller may see them (the register's visibility
 * rule), by deadline: what an inspection's content group b) checks ("việc triển khai và kết quả
 * thực hiện các nhiệm vụ theo kế hoạch, kết luận, chỉ đạo của UBND thị xã, Chủ tịch UBND thị
 * xã"). For the on-site checklist (issue 10 §1) and `GET /api/agencies/{id}/assigned-tasks`.
 * `openOnly` leaves out completed and cancelled tasks; `year` keeps the documents of that year.
 */
export async function listAgencyTasks(tx: DbOrTx, actor: Actor, env: TaskEnv, agencyId: string, opts: { openOnly?: boolean; year?: number } = {}): Promise<AssignedTask[]> {
  const { rows } = await listTasks(tx, actor, { agencyId, year: opts.year }, env.today, null);
  const kept = opts.openOnly ? rows.filter((r) => r.status === 'not_started' || r.status === 'in_progress') : rows;
  return presentTasks(tx, actor, env, kept);
}
