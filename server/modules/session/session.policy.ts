import type { Config } from '../../config.js';
import type { Actor } from '../../http/actor.js';
import type { SessionPolicy } from './session-store.js';

/**
 * The rules of signing in and of sessions.
 *
 * Failed attempts allowed in the window: per account and per address from browsers the account
 * has not used before, and per trusted device (UNCONFIRMED policy: a setting later).
 * See docs/decisions/login-limits.md.
 */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 30, perDevice: 5 };

/** The cookie that marks a browser which signed in to an account before. */
export const DEVICE_COOKIE = 'par_device';
/** A device unused this long is forgotten. */
export const DEVICE_TTL_DAYS = 180;

/** How long a session lives: idle expiry (slid on use) and an absolute maximum. */
export const sessionLifetime = (config: Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours'>): SessionPolicy => ({
  idleMinutes: config.sessionIdleMinutes,
  maxHours: config.sessionMaxHours,
});

/**
 * An account that must change its password (new, or reset by an admin) may do nothing but the
 * routes marked `beforePasswordChange` (who-am-I, sign-out, the change itself): the server
 * enforces it, not the browser.
 */
export const blockedUntilPasswordChange = (actor: Pick<Actor, 'mustChangePassword'>, routeAllowsIt: boolean): boolean => actor.mustChangePassword && !routeAllowsIt;
