import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { NotificationKind, NotificationLanguage, NotificationParams } from '../../shared/domain/notifications.js';
import { renderNotification } from '../../shared/domain/notifications.js';
import { appUser, emailOutbox, notification, notificationPreference } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import type { RequestContext } from '../http/actor.js';
import type { SystemContext } from '../modules/audit/audit-log.js';
import { enqueueJobs } from '../jobs/enqueue.js';
import { inIdList, insertRowsAsJson } from '../db/bulk-insert.js';
import { sendEmailJob } from './send-email.job.js';

/** The record a notification is about: its type, id and the web app's path to it. */
export interface RecordLink {
  type: 'inspection_plan' | 'inspection_team' | 'inspection' | 'inspection_notice' | 'conclusion' | 'corrective_action' | 'escalation' | 'report_request' | 'report_submission' | 'assigned_task' | 'self_inspection' | 'difficulty';
  id: string;
  /** '/plans/<id>': where the web app shows it. */
  path: string;
}

export interface NotifyInput<K extends NotificationKind> {
  kind: K;
  /** User ids. Repeats are dropped, and so is the actor: nobody is told what they just did. */
  recipients: readonly string[];
  /** Per-recipient params (a team member's role), or the same for everyone. */
  params: NotificationParams[K] | ((recipientId: string) => NotificationParams[K]);
  link: RecordLink | null;
}

export interface NotifyResult {
  /** Notification ids by recipient. */
  notifications: { id: string; recipientId: string }[];
  /** Outbox rows created (recipients with an address and e-mail on for the kind). */
  emails: number;
}

/**
 * Tells people about something, inside the transaction that did it: an in-app notification for
 * each active recipient and, for those who have an e-mail address and have not turned e-mail off
 * for this kind, an outbox row in their language plus the job that sends it. All of it commits or
 * rolls back with the change, so a refused or failed request notifies nobody and sends nothing.
 *
 * Whether the installation sends e-mail at all is decided when the job runs (SMTP_URL and
 * MAIL_FROM): without them the row is kept as `disabled`.
 */
export async function notify<K extends NotificationKind>(tx: DbOrTx, ctx: RequestContext | SystemContext, input: NotifyInput<K>): Promise<NotifyResult> {
  return (await notifyEach(tx, ctx, [input]))[0];
}

/**
 * notify for many records at once (a bulk import: a notice per record it wrote), in a few
 * statements whatever their number: the recipients read once, the notifications and the e-mails
 * inserted as one set each, their jobs enqueued in one statement. Each input is told as notify
 * would tell it alone; the results come in the order of `inputs`.
 */
export async function notifyEach<K extends NotificationKind>(tx: DbOrTx, ctx: RequestContext | SystemContext, inputs: readonly NotifyInput<K>[]): Promise<NotifyResult[]> {
  const actorId = ctx.actor?.userId ?? null;
  const idsOf = inputs.map((input) => [...new Set(input.recipients)].filter((id) => id !== actorId));
  const everyone = [...new Set(idsOf.flat())];
  if (!everyone.length) return inputs.map(() => ({ notifications: [], emails: 0 }));

  const kinds = [...new Set(inputs.map((i) => i.kind))];
  const rows = await tx
    .select({ id: appUser.id, email: appUser.email, locale: appUser.locale, kind: notificationPreference.kind, emailOn: notificationPreference.email })
    .from(appUser)
    .leftJoin(notificationPreference, and(eq(notificationPreference.userId, appUser.id), inArray(notificationPreference.kind, kinds)))
    .where(and(inIdList(appUser.id, everyone), eq(appUser.active, true)));
  const people = new Map<string, { email: string | null; locale: string; emailOff: Set<string> }>();
  for (const r of rows) {
    const p = people.get(r.id) ?? { email: r.email, locale: r.locale, emailOff: new Set<string>() };
    if (r.kind !== null && r.emailOn === false) p.emailOff.add(r.kind);
    people.set(r.id, p);
  }

  const notifications: (typeof notification.$inferInsert & { id: string; recipientId: string })[] = [];
  const outbox: (typeof emailOutbox.$inferInsert & { id: string })[] = [];
  const results = inputs.map((input, i) => {
    const paramsOf = (id: string) => (typeof input.params === 'function' ? input.params(id) : input.params);
    const result: NotifyResult = { notifications: [], emails: 0 };
    for (const recipientId of idsOf[i].filter((id) => people.has(id)).sort()) {
      const id = randomUUID();
      const params = paramsOf(recipientId);
      notifications.push({ id, recipientId, kind: input.kind, subjectType: input.link?.type ?? null, subjectId: input.link?.id ?? null, path: input.link?.path ?? null, params, actorId });
      result.notifications.push({ id, recipientId });
      const p = people.get(recipientId)!;
      const address = p.email?.trim();
      if (!address || p.emailOff.has(input.kind)) continue;
      const language: NotificationLanguage = p.locale === 'en' ? 'en' : 'vi';
      const { title, body } = renderNotification(input.kind, params as never, language);
      const outboxId = randomUUID();
      outbox.push({ id: outboxId, notificationId: id, recipientId, toAddress: address, language, subject: title, textBody: body, linkPath: input.link?.path ?? null, status: 'pending', messageId: `<${outboxId}@par-inspect>` });
      result.emails++;
    }
    return result;
  });
  await insertRowsAsJson(tx, notification, notifications);
  await insertRowsAsJson(tx, emailOutbox, outbox);
  await enqueueJobs(
    tx,
    sendEmailJob,
    outbox.map((o) => ({ data: { outboxId: o.id }, scope: { userId: o.recipientId } })),
  );
  return results;
}

/**
 * Marks read the unread notifications of these kinds about one record, for every recipient: what
 * they asked for is done (a plan "awaiting approval" once it is issued or returned), so the bell
 * stops counting a request nobody has to act on any more. In the caller's transaction.
 */
export async function settleNotifications(tx: DbOrTx, input: { kinds: NotificationKind[]; subjectId: string }): Promise<number> {
  const settled = await tx
    .update(notification)
    .set({ readAt: sql`now()` })
    .where(and(inArray(notification.kind, input.kinds), eq(notification.subjectId, input.subjectId), isNull(notification.readAt)))
    .returning({ id: notification.id });
  return settled.length;
}
