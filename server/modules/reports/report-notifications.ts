import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { agency, userRole } from '../../db/schema/index.js';
import type { RecordLink } from '../../notifications/notify.js';
import { usersReaching } from '../../notifications/recipients.js';

export const submissionLink = (id: string): RecordLink => ({ type: 'report_submission', id, path: `/reports/submissions/${id}` });
export const requestLink = (id: string): RecordLink => ({ type: 'report_request', id, path: `/reports/requests/${id}` });

async function placeOf(tx: DbOrTx, agencyId: string) {
  const [row] = await tx.select({ unitPath: agency.unitPath, agencyPath: agency.path, unitId: agency.unitId }).from(agency).where(eq(agency.id, agencyId));
  return row ?? null;
}

/** The officers who fill in the agency's reports (`report.submit`). */
export async function unitReporters(tx: DbOrTx, agencyId: string): Promise<string[]> {
  const place = await placeOf(tx, agencyId);
  return place ? usersReaching(tx, 'report.submit', place) : [];
}

/** The standing office that manages the request's owner agency. */
export async function officeOf(tx: DbOrTx, ownerAgencyId: string): Promise<string[]> {
  const place = await placeOf(tx, ownerAgencyId);
  return place ? usersReaching(tx, 'report.manage', place) : [];
}

/**
 * The unit's leader for an escalation: the leaders whose grant reaches the agency, nearest first —
 * those granted in the agency's own unit (the ward's chairman), else those of the closest unit above.
 */
export async function unitLeaders(tx: DbOrTx, agencyId: string): Promise<string[]> {
  const place = await placeOf(tx, agencyId);
  if (!place) return [];
  const ids = await usersReaching(tx, 'report.escalation', place);
  if (!ids.length) return [];
  const grants = await tx.select({ userId: userRole.userId, unitPath: agency.unitPath }).from(userRole).innerJoin(agency, eq(agency.id, userRole.agencyId)).where(inArray(userRole.userId, ids));
  const depth = (p: string) => p.split('/').filter(Boolean).length;
  const best = new Map<string, number>();
  for (const g of grants) if (place.unitPath.startsWith(g.unitPath)) best.set(g.userId, Math.max(best.get(g.userId) ?? -1, depth(g.unitPath)));
  const nearest = Math.max(...best.values());
  return [...best].filter(([, d]) => d === nearest).map(([id]) => id);
}
