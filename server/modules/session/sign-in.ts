import { eq, gt, sql } from 'drizzle-orm';
import { appUser, loginFailure } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { createSession, type SessionPolicy } from './session-store.js';

/** Failed attempts allowed in the window, per account and per address (UNCONFIRMED policy: a setting later). */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 30 };

export interface SignInInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
  requestId: string;
  policy: SessionPolicy;
}

/**
 * Signs in: checks the rate limits first (in the database, so they hold across app servers),
 * verifies the argon2id hash, creates the session and audits it.
 */
export async function signIn(db: Db, input: SignInInput) {
  const username = input.username.trim().toLowerCase();
  // Record the attempt before checking anything, then count: concurrent attempts each see the
  // others' rows, so a burst of parallel guesses cannot slip past the limit. A successful
  // sign-in removes the account's rows again.
  await db.insert(loginFailure).values({ username, ip: input.ip });
  const [counts] = await db
    .select({
      byAccount: sql<number>`count(*) filter (where ${loginFailure.username} = ${username})::int`,
      byAddress: sql<number>`count(*) filter (where ${loginFailure.ip} = ${input.ip})::int`,
    })
    .from(loginFailure)
    .where(gt(loginFailure.at, sql`now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})`));
  // This attempt is one of the rows counted: more than the limit means the limit was reached before it.
  if ((counts?.byAccount ?? 0) > LOGIN_LIMITS.perAccount || (counts?.byAddress ?? 0) > LOGIN_LIMITS.perAddress) {
    throw new AppError('RATE_LIMITED', `too many failed sign-ins; try again in ${LOGIN_LIMITS.windowMinutes} minutes`);
  }

  const [user] = await db.select().from(appUser).where(eq(sql`lower(${appUser.username})`, username));
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyPassword(await dummyPasswordHash(), input.password);
  if (!user || !ok || !user.active) throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');

  return db.transaction(async (tx) => {
    await tx.delete(loginFailure).where(eq(loginFailure.username, username));
    const created = await createSession(tx, { userId: user.id, ip: input.ip, userAgent: input.userAgent, policy: input.policy });
    await recordAudit(
      tx,
      {
        actor: { userId: user.id, username: user.username, fullName: user.fullName, roles: [], sessionId: '', csrfToken: '', mustChangePassword: false },
        ip: input.ip,
        requestId: input.requestId,
      },
      { action: 'session.signed_in', entityType: 'user', entityId: user.id },
    );
    return { user, ...created };
  });
}
