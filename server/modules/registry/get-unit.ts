import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { findVisibleUnit } from './registry.repository.js';

/** One unit the caller may see, or 404. */
export async function getUnitOrThrow(tx: Tx, ctx: RequestContext, id: string) {
  const row = await findVisibleUnit(tx, ctx.actor, id);
  if (!row) throw AppError.notFound('unit');
  return row;
}
