import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { appUser, loginFailure, trustedDevice } from '../../db/schema/index.js';
import { queryRows, type Db } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { createSession, newToken, sessionIdOf, type SessionPolicy } from './session-store.js';
import { DEVICE_TTL_DAYS, LOGIN_LIMITS } from './session.policy.js';

export { DEVICE_COOKIE, DEVICE_TTL_DAYS, LOGIN_LIMITS } from './session.policy.js';
/** A pending attempt older than this was left by a crashed server and no longer holds a place. */
const PENDING_TTL_SECONDS = 60;
/** How long an attempt waits for places held by attempts in flight on other servers. */
const BUSY_WAIT_MS = 3000;

export interface SignInInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
  requestId: string;
  policy: SessionPolicy;
  /** The device cookie the browser sent, if any. */
  deviceToken: string | null;
}

/**
 * One attempt per account (and device) at a time in this process: parallel attempts queue
 * instead of racing for the allowance, so twelve correct sign-ins at once all pass and twenty
 * parallel guesses still get only the allowance. Across app servers the pending rows do it.
 */
const queues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

type Reservation = { id: number; trusted: boolean } | 'locked' | 'busy';

/**
 * Takes a place in the allowance before the password is checked, or answers why not. Runs
 * under a per-account advisory lock, briefly (no password hashing inside), so two servers
 * cannot both take the last place.
 */
async function reserve(db: Db, username: string, ip: string, deviceId: string | null): Promise<Reservation> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`par.login:${username}`}, 0))`);
    const [c] = await queryRows<{ account: number; accountPending: number; address: number; device: number; devicePending: number }>(
      tx,
      sql`select
          count(*) filter (where username = ${username} and device_id is null and not pending)::int as account,
          count(*) filter (where username = ${username} and device_id is null and pending)::int as "accountPending",
          count(*) filter (where ip = ${ip} and device_id is null and not pending)::int as address,
          count(*) filter (where device_id = ${deviceId} and not pending)::int as device,
          count(*) filter (where device_id = ${deviceId} and pending)::int as "devicePending"
        from login_failure
        where (username = ${username} or ip = ${ip})
          and at > now() - make_interval(mins => ${LOGIN_LIMITS.windowMinutes})
          and (not pending or at > now() - make_interval(secs => ${PENDING_TTL_SECONDS}))`,
    );
    // A trusted device answers for itself until it has spent its own allowance.
    const trusted = deviceId !== null && c.device < LOGIN_LIMITS.perDevice;
    if (trusted) {
      if (c.device + c.devicePending >= LOGIN_LIMITS.perDevice) return 'busy';
    } else {
      if (c.account >= LOGIN_LIMITS.perAccount || c.address >= LOGIN_LIMITS.perAddress) return 'locked';
      if (c.account + c.accountPending >= LOGIN_LIMITS.perAccount) return 'busy';
    }
    const [row] = await tx
      .insert(loginFailure)
      .values({ username, ip, deviceId: trusted ? deviceId : null, pending: true })
      .returning({ id: loginFailure.id });
    return { id: row.id, trusted };
  });
}

async function reserveOrWait(db: Db, username: string, ip: string, deviceId: string | null) {
  const until = Date.now() + BUSY_WAIT_MS;
  for (;;) {
    const r = await reserve(db, username, ip, deviceId);
    if (r !== 'busy') return r;
    // Places held by attempts in flight on other servers: they end within an argon2 check.
    if (Date.now() > until) return 'locked';
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The device of this cookie, if it belongs to this account. */
async function findDevice(db: Db, token: string | null, username: string): Promise<string | null> {
  if (!token || token.length > 100) return null;
  const id = sessionIdOf(token);
  const [row] = await db
    .select({ id: trustedDevice.id })
    .from(trustedDevice)
    .innerJoin(appUser, eq(appUser.id, trustedDevice.userId))
    .where(
      and(
        eq(trustedDevice.id, id),
        eq(sql`lower(${appUser.username})`, username),
        sql`${trustedDevice.lastUsedAt} > now() - make_interval(days => ${DEVICE_TTL_DAYS})`,
      ),
    );
  return row?.id ?? null;
}

/**
 * Signs in (docs/decisions/login-limits.md): takes a place in the allowance (refusing with 429,
 * and recording nothing, when it is spent), verifies the argon2id hash, and only then records a
 * failure or creates the session. The limits live in the database, so they hold across app
 * servers; a browser that signed in before gets a device cookie that exempts it from other
 * people's failures.
 */
export async function signIn(db: Db, input: SignInInput) {
  const username = input.username.trim().toLowerCase();
  const deviceId = await findDevice(db, input.deviceToken, username);
  return oneAtATime(`${username}\u0000${deviceId ?? ''}`, async () => {
    const place = await reserveOrWait(db, username, input.ip, deviceId);
    // The window's length: by then every failure that counts now has aged out (the lock may lift sooner).
    if (place === 'locked') throw AppError.retryLater('RATE_LIMITED', `too many failed sign-ins; try again in ${LOGIN_LIMITS.windowMinutes} minutes`, LOGIN_LIMITS.windowMinutes * 60);

    let user: typeof appUser.$inferSelect | undefined;
    let ok = false;
    try {
      [user] = await db.select().from(appUser).where(eq(sql`lower(${appUser.username})`, username));
      ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyPassword(await dummyPasswordHash(), input.password);
    } catch (err) {
      await db.delete(loginFailure).where(eq(loginFailure.id, place.id));
      throw err;
    }
    if (!user || !ok || !user.active) {
      // The place becomes a failure, stamped now: the window runs from the failure.
      await db.update(loginFailure).set({ pending: false, at: sql`now()` }).where(eq(loginFailure.id, place.id));
      throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');
    }
    const signedIn = user;

    return db.transaction(async (tx) => {
      await tx.delete(loginFailure).where(eq(loginFailure.id, place.id));
      // A success clears the failures of its own channel only: signing in from a trusted
      // browser does not give an attacker elsewhere a fresh allowance.
      if (deviceId) await tx.delete(loginFailure).where(eq(loginFailure.deviceId, deviceId));
      if (!place.trusted) await tx.delete(loginFailure).where(and(eq(loginFailure.username, username), isNull(loginFailure.deviceId)));
      await tx.delete(loginFailure).where(and(eq(loginFailure.username, username), lt(loginFailure.at, sql`now() - interval '1 day'`)));

      let deviceToken: string | null = null;
      if (deviceId) {
        await tx.update(trustedDevice).set({ lastUsedAt: sql`now()` }).where(eq(trustedDevice.id, deviceId));
      } else {
        deviceToken = newToken();
        await tx.insert(trustedDevice).values({ id: sessionIdOf(deviceToken), userId: signedIn.id });
        await tx
          .delete(trustedDevice)
          .where(and(eq(trustedDevice.userId, signedIn.id), sql`${trustedDevice.lastUsedAt} < now() - make_interval(days => ${DEVICE_TTL_DAYS})`));
      }

      const created = await createSession(tx, { userId: signedIn.id, ip: input.ip, userAgent: input.userAgent, policy: input.policy });
      await recordAudit(
        tx,
        {
          actor: { userId: signedIn.id, username: signedIn.username, fullName: signedIn.fullName, roles: [], sessionId: '', csrfToken: '', mustChangePassword: false },
          ip: input.ip,
          requestId: input.requestId,
        },
        { action: 'session.signed_in', entityType: 'user', entityId: signedIn.id, scope: { users: [signedIn.id] } },
      );
      return { user: signedIn, deviceToken, ...created };
    });
  });
}
