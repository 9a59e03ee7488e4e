import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { notify } from '../../notifications/notify.js';
import { usersReaching } from '../../notifications/recipients.js';

export const selfInspectionLink = (id: string) => ({ type: 'self_inspection' as const, id, path: `/self-inspections/${id}` });

/** A plan runs within its year, ends on or after it starts, and is not issued in a later year. */
export function checkPlanDates(p: { year: number; startsOn: string; endsOn: string; issuedOn?: string | null }) {
  const inYear = (d: string) => d.slice(0, 4) === String(p.year);
  if (!inYear(p.startsOn)) throw AppError.invalid('body.startsOn', 'outside_year', 'the self-inspection starts outside its year');
  if (!inYear(p.endsOn)) throw AppError.invalid('body.endsOn', 'outside_year', 'the self-inspection ends outside its year');
  if (p.endsOn < p.startsOn) throw AppError.invalid('body.endsOn', 'before_start', 'the self-inspection ends before it starts');
  if (p.issuedOn && Number(p.issuedOn.slice(0, 4)) > p.year) throw AppError.invalid('body.issuedOn', 'outside_year', 'the plan is issued after its year');
}

/** Tells the standing office (who reads self-inspections of the agency, holding the office's role) of a plan or results. */
export async function tellOffice(tx: Tx, ctx: RequestContext, row: { id: string; year: number; agencyName: string; agencyUnitPath: string; agencyPath: string }, what: 'plan' | 'results') {
  const place = { unitPath: row.agencyUnitPath, agencyPath: row.agencyPath };
  // The office: those who draft plans over the unit (secretariat), not every reader.
  const readers = new Set(await usersReaching(tx, 'self_inspection.read', place));
  const office = (await usersReaching(tx, 'plan.draft', place)).filter((id) => readers.has(id));
  await notify(tx, ctx, { kind: 'self_inspection.recorded', recipients: office, params: () => ({ agencyName: row.agencyName, year: row.year, what }), link: selfInspectionLink(row.id) });
}
