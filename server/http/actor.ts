import type { FastifyRequest } from 'fastify';
import type { RoleName } from '../../shared/api/session.schemas.js';
import type { Grant } from '../authz/grants.js';
import { AppError } from './app-error.js';

/** Who is asking: loaded from the session on every request, never trusted from the client. */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  /** The roles granted to the user, each on an agency, with where it sits (server/authz). */
  roles: Grant[];
  sessionId: string;
  csrfToken: string;
  /** A new account or a reset password: the server refuses all but the password change. */
  mustChangePassword: boolean;
}

/** What a use case needs to know about the request besides its input. */
export interface RequestContext {
  actor: Actor;
  ip: string | null;
  requestId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function hasRole(actor: Actor, ...roles: RoleName[]): boolean {
  return actor.roles.some((r) => roles.includes(r.role));
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'no valid session');
  return request.actor;
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: requireActor(request), ip: request.ip ?? null, requestId: request.id };
}
