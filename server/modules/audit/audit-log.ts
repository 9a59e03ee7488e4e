import { eq, inArray } from 'drizzle-orm';
import { agency, auditEvent, unit, userRole } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { insertRowsAsJson } from '../../db/bulk-insert.js';
import type { RequestContext } from '../../http/actor.js';
import type { Place } from '../../authz/scope.js';
import { INSTALLATION_KEY, scopeKeysOf } from '../../authz/scope-keys.js';
import type { AuditAction, AuditEntityType } from '../../../shared/api/audit.schemas.js';

export { auditActions, auditEntityTypes } from '../../../shared/api/audit.schemas.js';
export type { AuditAction, AuditEntityType } from '../../../shared/api/audit.schemas.js';

/**
 * Where the record an event speaks of belongs, so that the audit browser shows the event to
 * those whose scope reaches it (docs/decisions/audit-scope.md). recordAudit turns it into the
 * paths of the units and agencies in the same transaction and stores them with the event:
 *  - `installation`: installation-wide (the calendar, the job queue): every auditor;
 *  - `author`: wherever the author's roles lie (an import, a setting);
 *  - `{ places }`: records loaded with their paths (a plan's issuing agency: issuerPlace);
 *  - `{ units, agencies, users }`: by id: the units, the agencies, the agencies of the users' roles.
 * Several places make the event visible in each of them (a user with roles in two towns).
 */
export type AuditScope =
  | 'installation'
  | 'author'
  | { places?: Place[]; units?: string[]; agencies?: string[]; users?: string[] };

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  scope: AuditScope;
  before?: unknown;
  after?: unknown;
}

/** The author of a change when it is not a signed-in user (start-up seeding). */
export interface SystemContext {
  actor: null;
  ip: null;
  requestId: string | null;
}

/**
 * Appends one audit event with its scope. Call it with the transaction that makes the change,
 * so the event and the change commit or roll back together (and the scope is read as the
 * change leaves it).
 */
export async function recordAudit(tx: DbOrTx, ctx: RequestContext | SystemContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvent).values({
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor ? `${ctx.actor.fullName} (${ctx.actor.username})` : 'system',
    ip: ctx.ip,
    requestId: ctx.requestId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before === undefined ? null : toJson(entry.before),
    after: entry.after === undefined ? null : toJson(entry.after),
    scope: await scopeKeys(tx, ctx, entry.scope),
  });
}

/**
 * Appends many audit events in one statement (a bulk import: an event per record it created),
 * each scoped by the places given with it, as loaded with their paths — no query per event.
 */
export async function recordAudits(tx: DbOrTx, ctx: RequestContext | SystemContext, entries: (Omit<AuditEntry, 'scope'> & { places: Place[] })[]): Promise<void> {
  if (!entries.length) return;
  await insertRowsAsJson(
    tx,
    auditEvent,
    entries.map((entry) => ({
      actorId: ctx.actor?.userId ?? null,
      actorName: ctx.actor ? `${ctx.actor.fullName} (${ctx.actor.username})` : 'system',
      ip: ctx.ip,
      requestId: ctx.requestId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before === undefined ? null : toJson(entry.before),
      after: entry.after === undefined ? null : toJson(entry.after),
      scope: scopeKeysOf(entry.places),
    })),
  );
}

async function scopeKeys(tx: DbOrTx, ctx: RequestContext | SystemContext, scope: AuditScope): Promise<string[]> {
  if (scope === 'installation') return [INSTALLATION_KEY];
  if (scope === 'author') return scopeKeysOf((ctx.actor?.roles ?? []).map((g) => ({ unitPath: g.unitPath, agencyPath: g.agencyPath })));
  const places: Place[] = [...(scope.places ?? [])];
  if (scope.units?.length) {
    places.push(...(await tx.select({ unitPath: unit.path }).from(unit).where(inArray(unit.id, scope.units))));
  }
  if (scope.agencies?.length) {
    places.push(...(await tx.select({ unitPath: agency.unitPath, agencyPath: agency.path }).from(agency).where(inArray(agency.id, scope.agencies))));
  }
  if (scope.users?.length) {
    places.push(
      ...(await tx
        .select({ unitPath: agency.unitPath, agencyPath: agency.path })
        .from(userRole)
        .innerJoin(agency, eq(agency.id, userRole.agencyId))
        .where(inArray(userRole.userId, scope.users))),
    );
  }
  return scopeKeysOf(places);
}

/** Dates become ISO strings; password hashes and tokens never reach the audit trail. */
function toJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key === 'passwordHash' || key === 'csrfToken' || key === 'sortKey' ? undefined : v)),
  );
}
