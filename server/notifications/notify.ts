import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { NotificationKind, NotificationLanguage, NotificationParams } from '../../shared/domain/notifications.js';
import { renderNotification } from '../../shared/domain/notifications.js';
import { appUser, emailOutbox, notification, notificationPreference } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import type { RequestContext } from '../http/actor.js';
import type { SystemContext } from '../modules/audit/audit-log.js';
import { enqueueJob } from '../jobs/enqueue.js';
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
  const actorId = ctx.actor?.userId ?? null;
  const ids = [...new Set(input.recipients)].filter((id) => id !== actorId);
  if (!ids.length) return { notifications: [], emails: 0 };

  const people = await tx
    .select({ id: appUser.id, email: appUser.email, locale: appUser.locale, emailOn: notificationPreference.email })
    .from(appUser)
    .leftJoin(notificationPreference, and(eq(notificationPreference.userId, appUser.id), eq(notificationPreference.kind, input.kind)))
    .where(and(inArray(appUser.id, ids), eq(appUser.active, true)))
    .orderBy(appUser.id);
  if (!people.length) return { notifications: [], emails: 0 };

  const paramsOf = (id: string) => (typeof input.params === 'function' ? input.params(id) : input.params);
  const inserted = await tx
    .insert(notification)
    .values(
      people.map((p) => ({
        recipientId: p.id,
        kind: input.kind,
        subjectType: input.link?.type ?? null,
        subjectId: input.link?.id ?? null,
        path: input.link?.path ?? null,
        params: paramsOf(p.id),
        actorId,
      })),
    )
    .returning({ id: notification.id, recipientId: notification.recipientId });
  const notificationOf = new Map(inserted.map((n) => [n.recipientId, n.id]));

  let emails = 0;
  for (const p of people) {
    const address = p.email?.trim();
    if (!address || p.emailOn === false) continue;
    const language: NotificationLanguage = p.locale === 'en' ? 'en' : 'vi';
    const { title, body } = renderNotification(input.kind, paramsOf(p.id) as never, language);
    const outboxId = crypto.randomUUID();
    await tx.insert(emailOutbox).values({
      id: outboxId,
      notificationId: notificationOf.get(p.id)!,
      recipientId: p.id,
      toAddress: address,
      language,
      subject: title,
      textBody: body,
      linkPath: input.link?.path ?? null,
      status: 'pending',
      messageId: `<${outboxId}@par-inspect>`,
    });
    await enqueueJob(tx, sendEmailJob, { outboxId }, { scope: { userId: p.id } });
    emails++;
  }
  return { notifications: inserted, emails };
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
