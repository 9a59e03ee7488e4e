import { sql } from 'drizzle-orm';
import type { JobState } from '../../../shared/api/job-admin.schemas.js';
import { queryRows, type Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { executorOf, JOBS_CHANNEL } from '../../jobs/enqueue.js';
import type { JobRuntime } from '../../jobs/runtime.js';
import { recordAudit } from '../audit/audit-log.js';
import { jobVisibleTo } from './job-admin.policy.js';

/**
 * Gives a failed job one more attempt, now. A job the admin may not see is not found; one that
 * has not failed (already retried, or still running) is 409.
 */
export async function retryJob(tx: Tx, ctx: RequestContext, jobs: JobRuntime, queue: string, id: string): Promise<{ id: string; queue: string; state: JobState }> {
  if (!jobs.definition(queue)) throw AppError.notFound('job');
  const [job] = await queryRows<{ state: JobState }>(
    tx,
    sql`select j.state::text as state from ${sql.identifier(jobs.schema)}.job j
         where j.name = ${queue} and j.id = ${id}::uuid and ${jobVisibleTo(ctx.actor)} for update`,
  );
  if (!job) throw AppError.notFound('job');
  if (job.state !== 'failed') throw new AppError('INVALID_STATE', `the job is ${job.state}, not failed`);
  // In the request's transaction: the retry and its audit event commit together.
  await jobs.boss.retry(queue, id, { db: executorOf(tx) });
  await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${queue})`);
  await recordAudit(tx, ctx, { action: 'job.retried', entityType: 'system', entityId: `${queue}/${id}`, scope: 'installation', before: { state: 'failed' }, after: { state: 'retry' } });
  return { id, queue, state: 'retry' };
}
