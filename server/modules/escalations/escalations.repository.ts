import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { agency, documentRegisterEntry, escalation, finding, inspection, inspectionPlan } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { agencyColumns, agencyInReach } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';

/**
 * SQL: ids of the escalations the actor may see: the standing office and the leaders of the plan's
 * issuing agency (`inspection.read_all`). A proposal to look into a unit's discipline is the
 * authority's internal correspondence: neither the unit nor the team members see it here.
 */
export const visibleEscalations = (actor: Actor): SQL => sql`(
  select e.id from escalation e join inspection i on i.id = e.inspection_id join inspection_plan p on p.id = i.plan_id join agency ia on ia.id = p.issuing_agency_id
   where ${agencyInReach(actor, 'inspection.read_all', agencyColumns('ia'))})`;

const issuer = alias(agency, 'escalation_issuer');
const planIssuer = alias(agency, 'plan_issuer');
const inspected = alias(agency, 'inspected');

export type EscalationRow = typeof escalation.$inferSelect & {
  issuingAgencyName: string;
  agencyId: string;
  agencyName: string;
  inspectionStartsOn: string;
  inspectionStatus: string;
  planId: string;
  planYear: number;
  planIssuingAgencyId: string;
  issuerUnitPath: string;
  issuerPath: string;
  number: number | null;
  symbol: string | null;
};

function select(tx: DbOrTx) {
  return tx
    .select({
      escalation,
      issuingAgencyName: issuer.name,
      agencyId: inspection.agencyId,
      agencyName: inspected.name,
      inspectionStartsOn: inspection.startsOn,
      inspectionStatus: inspection.status,
      planId: inspection.planId,
      planYear: inspectionPlan.year,
      planIssuingAgencyId: inspectionPlan.issuingAgencyId,
      issuerUnitPath: planIssuer.unitPath,
      issuerPath: planIssuer.path,
      number: documentRegisterEntry.number,
      symbol: documentRegisterEntry.symbol,
    })
    .from(escalation)
    .innerJoin(issuer, eq(issuer.id, escalation.issuingAgencyId))
    .innerJoin(inspection, eq(inspection.id, escalation.inspectionId))
    .innerJoin(inspected, eq(inspected.id, inspection.agencyId))
    .innerJoin(inspectionPlan, eq(inspectionPlan.id, inspection.planId))
    .innerJoin(planIssuer, eq(planIssuer.id, inspectionPlan.issuingAgencyId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, escalation.registerEntryId));
}
type Selected = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];
const flatten = ({ escalation: row, ...rest }: Selected): EscalationRow => ({ ...row, ...rest });

export async function findVisibleEscalation(tx: DbOrTx, actor: Actor, id: string): Promise<EscalationRow | null> {
  const [row] = await select(tx).where(and(eq(escalation.id, id), sql`${escalation.id} in ${visibleEscalations(actor)}`));
  return row ? flatten(row) : null;
}

export async function findEscalation(tx: DbOrTx, id: string): Promise<EscalationRow | null> {
  const [row] = await select(tx).where(eq(escalation.id, id));
  return row ? flatten(row) : null;
}

export async function listVisibleEscalations(tx: DbOrTx, actor: Actor, f: { inspectionId?: string; planId?: string }): Promise<EscalationRow[]> {
  const rows = await select(tx)
    .where(and(sql`${escalation.id} in ${visibleEscalations(actor)}`, f.inspectionId ? eq(escalation.inspectionId, f.inspectionId) : undefined, f.planId ? eq(inspection.planId, f.planId) : undefined))
    .orderBy(asc(escalation.createdAt))
    .limit(500);
  return rows.map(flatten);
}

/** Titles and kinds of the findings proposals are made from, by id (for the presenter). */
export async function escalationFindings(tx: DbOrTx, rows: Pick<EscalationRow, 'findingIds'>[]): Promise<Map<string, { id: string; kind: string; title: string }>> {
  const ids = [...new Set(rows.flatMap((r) => r.findingIds))];
  if (!ids.length) return new Map();
  const found = await tx.select({ id: finding.id, kind: finding.kind, title: finding.title }).from(finding).where(inArray(finding.id, ids));
  return new Map(found.map((f) => [f.id, f]));
}
