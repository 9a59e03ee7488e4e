import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { composeEmailText, mailErrorRetried, type MailErrorCode } from '../../shared/domain/notifications.js';
import { appUser, emailOutbox } from '../db/schema/index.js';
import { defineJob } from '../jobs/define.js';
import { mailerFor } from './mailer.js';

/** What kind of failure an SMTP attempt met (nodemailer's error `code` and the server's `responseCode`). */
export function classifyMailError(err: unknown): MailErrorCode {
  const e = (err ?? {}) as { code?: string; responseCode?: number };
  if (e.code === 'EAUTH' || e.responseCode === 535 || e.responseCode === 534) return 'auth';
  if (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600) return 'rejected';
  if (typeof e.responseCode === 'number' && e.responseCode >= 400 && e.responseCode < 500) return 'temporary';
  if (['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EGREETING'].includes(e.code ?? '')) return 'unreachable';
  return 'other';
}

/** A claim older than this belongs to an attempt that died (its job expired first). */
const STALE_CLAIM_MS = 15 * 60_000;
/** Errors are kept for the admin page, cut to a readable length. */
const MAX_ERROR = 1000;

/**
 * Sends one outbox row. Idempotent: an attempt first claims the row (`sending`) in a short
 * transaction, sends outside any transaction, then marks it `sent`; a row already sent (or
 * disabled) is never sent again, and a row claimed by a live attempt is left to it. If the SMTP
 * server cannot be reached the attempt fails and the queue retries it with back-off (about
 * 17 hours in all); after the last attempt the row is `failed` and an admin may retry the job.
 *
 * The one window left: a process that dies after the server accepted the message and before the
 * row is marked may send it again once the claim is stale; the copy carries the same Message-ID.
 */
export const sendEmailJob = defineJob({
  name: 'notifications.send-email',
  title: { vi: 'Gửi thư điện tử thông báo', en: 'Send notification e-mail' },
  payload: z.object({ outboxId: z.uuid() }),
  scoped: true,
  retry: { limit: 10, delaySeconds: 60, backoff: true },
  expireInSeconds: 5 * 60,
  async handler({ outboxId }, ctx) {
    const now = ctx.clock.now();
    const mailer = mailerFor(ctx.deps.config);
    if (!mailer) {
      // E-mail is off on this installation: keep the row, say why it was not sent.
      const kept = await ctx.db
        .update(emailOutbox)
        .set({ status: 'disabled', lastError: null })
        .where(and(eq(emailOutbox.id, outboxId), inArray(emailOutbox.status, ['pending', 'retrying', 'failed'])))
        .returning({ id: emailOutbox.id });
      return { outboxId, status: kept.length ? 'disabled' : 'unchanged' };
    }

    const [row] = await ctx.db
      .update(emailOutbox)
      .set({ status: 'sending', attempts: sql`${emailOutbox.attempts} + 1`, claimedAt: now })
      .where(
        and(
          eq(emailOutbox.id, outboxId),
          or(
            inArray(emailOutbox.status, ['pending', 'retrying', 'failed']),
            and(eq(emailOutbox.status, 'sending'), lt(emailOutbox.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS))),
          ),
        ),
      )
      .returning();
    if (!row) {
      const [current] = await ctx.db.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.id, outboxId));
      if (!current) return { outboxId, skipped: 'missing' };
      if (current.status === 'sending') throw new Error('another attempt is sending this e-mail; trying again later');
      return { outboxId, skipped: current.status };
    }

    // The address is the recipient's as it is now: one changed since the notification gets the
    // message; a removed one, or a deactivated account, ends it (not retried).
    const [recipient] = await ctx.db.select({ email: appUser.email, active: appUser.active }).from(appUser).where(eq(appUser.id, row.recipientId));
    const to = recipient?.active ? recipient.email?.trim() || null : null;
    if (!to) {
      await ctx.db
        .update(emailOutbox)
        .set({ status: 'failed', errorCode: 'no_address', lastError: null, claimedAt: null })
        .where(and(eq(emailOutbox.id, outboxId), eq(emailOutbox.status, 'sending')));
      return { outboxId, status: 'failed', errorCode: 'no_address' };
    }
    if (to !== row.toAddress) await ctx.db.update(emailOutbox).set({ toAddress: to }).where(eq(emailOutbox.id, outboxId));

    const link = row.linkPath ? `${ctx.deps.config.publicUrl}${row.linkPath}` : null;
    const language = row.language === 'en' ? 'en' : 'vi';
    try {
      const result = await mailer.send({ to, subject: row.subject, text: composeEmailText(language, row.textBody, link), messageId: row.messageId, language });
      if (!result.accepted) throw Object.assign(new Error(`the SMTP server did not accept ${to}: ${result.response}`), { responseCode: Number(result.response.slice(0, 3)) || undefined });
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR);
      const errorCode = classifyMailError(err);
      // A refusal for good (5xx) is not retried: the same message would be refused again.
      const final = ctx.job.lastAttempt || !mailErrorRetried(errorCode);
      await ctx.db
        .update(emailOutbox)
        .set({ status: final ? 'failed' : 'retrying', lastError: message, errorCode, claimedAt: null })
        .where(and(eq(emailOutbox.id, outboxId), eq(emailOutbox.status, 'sending')));
      if (!mailErrorRetried(errorCode)) return { outboxId, status: 'failed', errorCode };
      throw err;
    }
    await ctx.db.update(emailOutbox).set({ status: 'sent', sentAt: ctx.clock.now(), lastError: null, errorCode: null, claimedAt: null }).where(eq(emailOutbox.id, outboxId));
    return { outboxId, status: 'sent' };
  },
});
