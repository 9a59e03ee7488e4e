import { z } from 'zod';
import { roleNames } from './session.schemas.js';
import { text, version } from './common.js';

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
export const userListResponse = z.object({ items: z.array(userSchema) });

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,50}$/, 'lowercase letters, digits, dot, dash, underscore; 3–50'),
  fullName: text(200),
  email: z.email().nullish(),
  password: z.string().min(10).max(200),
  roles: z.array(roleAssignmentBody).default([]),
});
export const updateUserBody = z.object({
  version,
  fullName: text(200).optional(),
  email: z.email().nullish(),
  active: z.boolean().optional(),
  roles: z.array(roleAssignmentBody).optional(),
  password: z.string().min(10).max(200).optional(),
});
