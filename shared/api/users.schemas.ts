import { z } from 'zod';
import { roleNames } from './session.schemas.js';
import { plainString, text, version } from './common.js';

export const roleAssignmentBody = z.object({ role: z.enum(roleNames), agencyId: z.uuid() });

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  roles: z.array(z.object({ role: z.enum(roleNames), agencyId: z.uuid(), agencyName: z.string() })),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;
export const listUsersQuery = z.object({
  /** Part of the username or the full name, diacritics and case ignored. */
  q: plainString(200).optional(),
  /** Keyset cursor: the `nextCursor` of the previous page (opaque). */
  after: z.string().max(2000).regex(/^[A-Za-z0-9_-]+$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const userListResponse = z.object({
  items: z.array(userSchema),
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** Users the admin may manage that match (all pages). */
  total: z.number().int(),
});

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,50}$/, 'lowercase letters, digits, dot, dash, underscore; 3–50'),
  fullName: text(200),
  email: z.email().nullish(),
  password: plainString(200).pipe(z.string().min(10)),
  /** At least one: an account with no role would belong to no admin's scope. */
  roles: z.array(roleAssignmentBody).min(1, 'give the user at least one role'),
});
export const updateUserBody = z.object({
  version,
  fullName: text(200).optional(),
  email: z.email().nullish(),
  active: z.boolean().optional(),
  roles: z.array(roleAssignmentBody).min(1, 'give the user at least one role').optional(),
  password: plainString(200).pipe(z.string().min(10)).optional(),
});
