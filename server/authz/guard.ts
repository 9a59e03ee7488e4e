import type { Capability } from '../../shared/domain/capabilities.js';
import type { DbOrTx } from '../db/client.js';
import { assertVersion } from '../db/versioned-update.js';
import type { Actor, RequestContext } from '../http/actor.js';
import { AppError } from '../http/app-error.js';
import { eq } from 'drizzle-orm';
import { unit } from '../db/schema/index.js';
import { holdsAnywhere, isUnitVisible } from './scope.js';

/**
 * 403 unless the actor holds the capability somewhere: for what has no record to load yet (a
 * list only some roles read, an import refused before its file is parsed, a creation whose
 * target is checked next). `detail` is shown to the user (a registry import lists it per row):
 * say what they may not do in plain words, never the capability's internal name.
 */
export function authorize(actor: Actor, capability: Capability, detail = 'you do not have the right to do this'): void {
  if (!holdsAnywhere(actor, capability)) throw new AppError('FORBIDDEN', detail);
}

/**
 * A kind of record the guard loads for an action. Each module declares one next to its policy
 * (plans.policy.ts `planResource`, teams.policy.ts `teamResource`, registry.policy.ts …).
 */
export interface GuardedResource<Row, Action extends string> {
  /** Named in the 404's detail. */
  name: string;
  /** The record when the actor may see it (the module's visibility rule, in SQL), else null. */
  findVisible(tx: DbOrTx, actor: Actor, id: string): Promise<Row | null>;
  /** Whether the actor may take the action on this record (usually `inReach(actor, capability, place)`). */
  allows(actor: Actor, row: Row, action: Action): boolean | Promise<boolean>;
  /** Why the record's state refuses the action (answered 409 INVALID_STATE), or null. */
  refusal?(row: Row, action: Action): string | null;
}

/**
 * "Load this record for this action": the checks every use case on an existing record starts
 * with, always in this order, so the answers never leak more than the caller may know:
 *   not visible → 404 NOT_FOUND (the record might as well not exist);
 *   visible, action not allowed → 403 FORBIDDEN;
 *   `version` given and stale → 409 VERSION_CONFLICT;
 *   the record's state refuses the action → 409 INVALID_STATE.
 * Returns the row, loaded in the caller's transaction.
 */
export async function loadForAction<Row extends { version: number }, Action extends string>(
  tx: DbOrTx,
  ctx: RequestContext,
  resource: GuardedResource<Row, Action>,
  id: string,
  action: Action,
  version?: number,
): Promise<Row> {
  const row = await resource.findVisible(tx, ctx.actor, id);
  if (!row) throw AppError.notFound(resource.name);
  if (!(await resource.allows(ctx.actor, row, action))) throw new AppError('FORBIDDEN', `you may not ${action} this ${resource.name}`);
  if (version !== undefined) assertVersion(row, version);
  const refusal = resource.refusal?.(row, action);
  if (refusal) throw new AppError('INVALID_STATE', refusal);
  return row;
}

/**
 * The unit a list's filter names (`?unitId=`), or 404 when the caller may not see it: a filter
 * out of reach is not found, like any record, never an empty 200 that tells nothing apart from
 * "no records" (issue 12 review). `visible` is the list's own rule; by default the unit is one
 * the caller sees in the registry or an ancestor of their own (what a subtree filter needs).
 */
export async function findFilterUnit(
  tx: DbOrTx,
  actor: Actor,
  unitId: string,
  visible: (unitPath: string) => boolean = (unitPath) => isUnitVisible(actor, unitPath),
): Promise<{ id: string; name: string; path: string }> {
  const [u] = await tx.select({ id: unit.id, name: unit.name, path: unit.path }).from(unit).where(eq(unit.id, unitId));
  if (!u || !visible(u.path)) throw AppError.notFound('unit');
  return u;
}

