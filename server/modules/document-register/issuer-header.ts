import { and, eq } from 'drizzle-orm';
import { agency, unit } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import type { DocumentDate, IssuingBody } from '../../documents/model.js';
import { AppError } from '../../http/app-error.js';
import { formatVietnameseDate } from '../../../shared/domain/calendar/dates.js';

export interface IssuerInfo {
  agencyId: string;
  name: string;
  shortName: string | null;
  kind: string;
  docAbbreviation: string | null;
  headName: string | null;
  /** For the date line: agency.placeName, else the unit's name. */
  placeName: string;
  body: IssuingBody;
}

const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi');

/**
 * The header's issuer lines from the registry (Decree 30, Phụ lục I, element 2). A People's
 * Committee prints alone ("ỦY BAN NHÂN DÂN" / "THỊ XÃ HOÀI NHƠN", as in the seed); any other
 * agency prints under the committee it belongs to ("UBND THỊ XÃ HOÀI NHƠN" / "PHÒNG NỘI VỤ").
 */
export async function issuerInfo(tx: DbOrTx, agencyId: string): Promise<IssuerInfo> {
  const [row] = await tx
    .select({ agency, unitName: unit.name })
    .from(agency)
    .innerJoin(unit, eq(unit.id, agency.unitId))
    .where(eq(agency.id, agencyId));
  if (!row) throw AppError.notFound('agency');
  const a = row.agency;
  let parent: string | undefined;
  if (a.kind !== 'peoples_committee') {
    const committee = await owningCommittee(tx, a.id);
    if (committee) parent = upper(committee.shortName ?? committee.name);
  }
  return {
    agencyId: a.id,
    name: a.name,
    shortName: a.shortName,
    kind: a.kind,
    docAbbreviation: a.docAbbreviation,
    headName: a.headName,
    placeName: a.placeName ?? row.unitName,
    body: { ...(parent ? { parent } : {}), name: upper(a.name) },
  };
}

/** The nearest People's Committee above an agency (by parent agency, else in its unit). */
async function owningCommittee(tx: DbOrTx, agencyId: string) {
  const self = (await tx.select().from(agency).where(eq(agency.id, agencyId)))[0];
  let current = self;
  for (let depth = 0; current && depth < 10; depth++) {
    if (!current.parentAgencyId) break;
    const [parent] = await tx.select().from(agency).where(eq(agency.id, current.parentAgencyId));
    if (parent?.kind === 'peoples_committee') return parent;
    current = parent;
  }
  // No committee among its parents (a province's Sở is filed directly under the province): the
  // People's Committee of its own unit, when the unit has exactly one.
  if (!self) return null;
  const committees = await tx
    .select()
    .from(agency)
    .where(and(eq(agency.unitId, self.unitId), eq(agency.kind, 'peoples_committee')))
    .limit(2);
  return committees.length === 1 ? committees[0] : null;
}

/** 'YYYY-MM-DD' → the document's date. */
export function documentDate(isoDate: string): DocumentDate {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { year, month, day };
}

/** "05/05/2021": a date cited in the text, dd/mm/yyyy as everywhere else (shared/domain/calendar/dates.ts `formatVietnameseDate`). */
export const shortDate = (isoDate: string): string => formatVietnameseDate(isoDate);
