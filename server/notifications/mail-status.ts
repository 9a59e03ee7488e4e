import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { outboxStatuses, type MailStatus, type mailStatusQuery, type OutboxStatus } from '../../shared/api/notifications.schemas.js';
import type { Config } from '../config.js';
import { queryRows, type DbOrTx } from '../db/client.js';
import type { Actor } from '../http/actor.js';
import type { MailErrorCode } from '../../shared/domain/notifications.js';
import { managedUserIds } from '../modules/job-admin/job-admin.policy.js';

type Row = {
  id: string;
  full_name: string;
  to_address: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  error_code: string | null;
  created_at: Date | string;
  sent_at: Date | string | null;
};

const iso = (v: Date | string) => new Date(v).toISOString();

/**
 * Whether e-mail is on, and the outbox of the users the admin manages (their addresses and
 * subjects are the admin's to see; other authorities' are not), newest first.
 */
export async function mailStatus(db: DbOrTx, actor: Actor, config: Config, q: z.infer<typeof mailStatusQuery>): Promise<MailStatus> {
  const scoped = sql`o.recipient_id::text in ${managedUserIds(actor)}`;
  const where = q.status ? sql`${scoped} and o.status = ${q.status}` : scoped;
  const [counts, rows, [total]] = await Promise.all([
    queryRows<{ status: OutboxStatus; n: number }>(db, sql`select o.status, count(*)::int as n from email_outbox o where ${scoped} group by o.status`),
    queryRows<Row>(
      db,
      sql`select o.id, u.full_name, o.to_address, o.subject, o.status, o.attempts, o.last_error, o.error_code, o.created_at, o.sent_at
            from email_outbox o join app_user u on u.id = o.recipient_id
           where ${where} order by o.created_at desc, o.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from email_outbox o where ${where}`),
  ]);
  const byStatus = Object.fromEntries(outboxStatuses.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const c of counts) byStatus[c.status] = Number(c.n);
  return {
    enabled: config.mail !== null,
    from: config.mail?.from ?? null,
    counts: byStatus,
    items: rows.map((r) => ({
      id: r.id,
      recipientName: r.full_name,
      toAddress: r.to_address,
      subject: r.subject,
      status: r.status,
      attempts: Number(r.attempts),
      lastError: r.last_error,
      errorCode: (r.error_code as MailErrorCode | null) ?? null,
      createdAt: iso(r.created_at),
      sentAt: r.sent_at ? iso(r.sent_at) : null,
    })),
    total: Number(total?.n ?? 0),
  };
}
