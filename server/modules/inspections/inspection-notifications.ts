import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { agency, inspectionPlace } from '../../db/schema/index.js';
import { eq } from 'drizzle-orm';
import { usersReaching, teamMembersWithAccounts } from '../../notifications/recipients.js';
import type { RecordLink } from '../../notifications/notify.js';
import { issuerPlace } from '../plans/plans.policy.js';
import type { InspectionRow } from './inspections.repository.js';

/** Where a notification about an inspection leads in the web app. */
export const inspectionLink = (id: string): RecordLink => ({ type: 'inspection', id, path: `/inspections/${id}` });

/**
 * The officers of the inspected agency and of every place visited (`inspection.read_targeted`).
 * Callers ask for them only when the unit may know of the visit: never for an unannounced one
 * before it starts (docs/decisions/unannounced-visits.md).
 */
export async function unitOfficers(tx: DbOrTx, inspection: { id: string; agencyId: string }): Promise<string[]> {
  const places = await tx.select({ agencyId: inspectionPlace.agencyId }).from(inspectionPlace).where(eq(inspectionPlace.inspectionId, inspection.id));
  const ids = [...new Set([inspection.agencyId, ...places.map((p) => p.agencyId)])];
  const rows = await tx.select({ unitPath: agency.unitPath, agencyPath: agency.path }).from(agency).where(inArray(agency.id, ids));
  const out = new Set<string>();
  for (const place of rows) for (const id of await usersReaching(tx, 'inspection.read_targeted', place)) out.add(id);
  return [...out];
}

/** Members of the inspection's team with an account. */
export async function teamRecipients(tx: DbOrTx, teamId: string): Promise<string[]> {
  return (await teamMembersWithAccounts(tx, teamId)).map((m) => m.userId);
}

/** The standing office of the plan's issuing agency (who schedules): reminders of reports go to them too. */
export async function officeRecipients(tx: DbOrTx, row: Pick<InspectionRow, 'issuerUnitPath' | 'issuerPath'>): Promise<string[]> {
  return usersReaching(tx, 'inspection.schedule', issuerPlace(row));
}
