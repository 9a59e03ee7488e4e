import { z } from 'zod';
import { plainString } from './common.js';
import { capabilityNames, roleNames } from '../domain/capabilities.js';

export { roleNames, type RoleName } from '../domain/capabilities.js';

export const loginBody = z.object({
  username: plainString(100).pipe(z.string().trim().min(1)),
  password: plainString(200).pipe(z.string().min(1)),
});

export const roleGrantSchema = z.object({
  role: z.enum(roleNames),
  agencyId: z.uuid(),
  agencyName: z.string(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

export const sessionResponse = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    fullName: z.string(),
    locale: z.enum(['vi', 'en']),
    mustChangePassword: z.boolean(),
  }),
  roles: z.array(roleGrantSchema),
  /** What the user may do somewhere (shared/domain/capabilities.ts); records carry their own abilities. */
  capabilities: z.array(z.enum(capabilityNames)),
  /** Capabilities that allow only some fields of a record: capability → the fields. */
  fieldRules: z.partialRecord(z.enum(capabilityNames), z.array(z.string())),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;
/**
 * GET /api/session/current: the session, or null when nobody is signed in — 200 either way, so the
 * app's check on load logs no error before sign-in (GET /api/session answers 401 then).
 */
export const currentSessionResponse = sessionResponse.nullable();

export const changePasswordBody = z.object({
  currentPassword: plainString(200).pipe(z.string().min(1)),
  newPassword: plainString(200).pipe(z.string().min(10, 'at least 10 characters')),
});

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  migration: z.string(),
  version: z.string(),
});
