import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { failedJobsQuery, FailedJobsResponse } from '../../../shared/api/job-admin.schemas.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import type { JobEnvelope } from '../../jobs/define.js';
import type { JobRuntime } from '../../jobs/runtime.js';
import { jobVisibleTo } from './job-admin.policy.js';

type Row = { id: string; name: string; created_on: Date; completed_on: Date | null; retry_count: number; output: { message?: string } | null; data: JobEnvelope | null };

/** Errors can be long (stack traces are not kept): the message, cut to a readable length. */
const MAX_ERROR = 2000;

/** Failed jobs of the registry's queues that the admin may see, most recently failed first. */
export async function listFailedJobs(db: DbOrTx, jobs: JobRuntime, actor: Actor, q: z.infer<typeof failedJobsQuery>): Promise<FailedJobsResponse> {
  const names = jobs.definitions.map((d) => d.name).filter((n) => !q.queue || n === q.queue);
  if (!names.length) return { items: [], total: 0 };
  const where = sql`j.state = 'failed' and j.name in (${sql.join(names.map((n) => sql`${n}`), sql`, `)}) and ${jobVisibleTo(actor)}`;
  const table = sql`${sql.identifier(jobs.schema)}.job j`;
  const [rows, [count]] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select j.id, j.name, j.created_on, j.completed_on, j.retry_count, j.output, j.data from ${table}
           where ${where} order by j.completed_on desc nulls last, j.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${table} where ${where}`),
  ]);
  return {
    items: rows.map((r) => {
      const scope = r.data?.scope ?? null;
      return {
        id: r.id,
        queue: r.name,
        title: jobs.definition(r.name)!.title,
        createdAt: new Date(r.created_on).toISOString(),
        failedAt: r.completed_on ? new Date(r.completed_on).toISOString() : null,
        attempts: Number(r.retry_count) + 1,
        error: typeof r.output?.message === 'string' ? r.output.message.slice(0, MAX_ERROR) : null,
        payload: r.data?.payload ?? null,
        scope: scope === null ? 'system' : 'agencyId' in scope ? 'agency' : 'user',
      };
    }),
    total: Number(count?.n ?? 0),
  };
}
