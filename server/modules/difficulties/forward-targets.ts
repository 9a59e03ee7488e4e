import { inArray } from 'drizzle-orm';
import type { Place } from '../../authz/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { appUser } from '../../db/schema/index.js';
import { usersReaching } from '../../notifications/recipients.js';
import { compareVietnamese } from '../../../shared/domain/vietnamese.js';

/** The leaders who answer a unit's difficulties (`difficulty.answer` reaching it), by name. */
export async function forwardTargets(tx: DbOrTx, place: Place): Promise<{ userId: string; fullName: string }[]> {
  const ids = await usersReaching(tx, 'difficulty.answer', place);
  if (!ids.length) return [];
  const rows = await tx.select({ userId: appUser.id, fullName: appUser.fullName }).from(appUser).where(inArray(appUser.id, ids));
  return rows.sort((a, b) => compareVietnamese(a.fullName, b.fullName));
}
