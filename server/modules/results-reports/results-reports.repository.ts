import { and, desc, eq, type SQL } from 'drizzle-orm';
import { agency, documentRegisterEntry, resultsReport, unit } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { agencyInReach } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';

export type ReportRow = typeof resultsReport.$inferSelect & {
  issuingAgencyName: string;
  unitName: string;
  unitKind: string;
  unitPath: string;
  /** Where the issuing agency sits: what the policy checks. */
  issuerUnitPath: string;
  issuerPath: string;
  number: number | null;
  symbol: string | null;
};

function select(tx: DbOrTx) {
  return tx
    .select({
      report: resultsReport,
      issuingAgencyName: agency.name,
      unitName: unit.name,
      unitKind: unit.kind,
      unitPath: unit.path,
      issuerUnitPath: agency.unitPath,
      issuerPath: agency.path,
      number: documentRegisterEntry.number,
      symbol: documentRegisterEntry.symbol,
    })
    .from(resultsReport)
    .innerJoin(agency, eq(agency.id, resultsReport.issuingAgencyId))
    .innerJoin(unit, eq(unit.id, resultsReport.unitId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, resultsReport.registerEntryId));
}
type Selected = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];
const flatten = ({ report, ...rest }: Selected): ReportRow => ({ ...report, ...rest });

/** SQL: the reports whose issuing agency `results_report.read` reaches. */
const readable = (actor: Actor): SQL => agencyInReach(actor, 'results_report.read', agency);

export async function findVisibleReport(tx: DbOrTx, actor: Actor, id: string): Promise<ReportRow | null> {
  const [row] = await select(tx).where(and(eq(resultsReport.id, id), readable(actor)));
  return row ? flatten(row) : null;
}

export async function findReport(tx: DbOrTx, id: string): Promise<ReportRow | null> {
  const [row] = await select(tx).where(eq(resultsReport.id, id));
  return row ? flatten(row) : null;
}

export async function listReports(tx: DbOrTx, actor: Actor, year?: number): Promise<ReportRow[]> {
  const rows = await select(tx)
    .where(and(readable(actor), year ? eq(resultsReport.year, year) : undefined))
    .orderBy(desc(resultsReport.year), desc(resultsReport.createdAt))
    .limit(200);
  return rows.map(flatten);
}
