import { and, asc, desc, eq, inArray, isNull, sql, type SQLWrapper } from 'drizzle-orm';
import { agency, checklistEvidence, documentRegisterEntry, escalation, fileAttachment, finding, findingEvidence, inspection, inspectionChecklist, inspectionChecklistItem, inspectionPlan, unit } from '../../db/schema/index.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { findFilterUnit } from '../../authz/guard.js';
import { visibleInspections } from '../inspections/inspections.policy.js';
import { visibleEscalations } from '../escalations/escalations.repository.js';

export type FindingRow = typeof finding.$inferSelect & { checklistItemCode: string | null };

const columns = { finding, checklistItemCode: inspectionChecklistItem.code };

/** The findings of an inspection (withdrawn ones last), oldest first. */
export async function findingsOf(db: DbOrTx, inspectionId: string): Promise<FindingRow[]> {
  const rows = await db
    .select(columns)
    .from(finding)
    .leftJoin(inspectionChecklistItem, eq(inspectionChecklistItem.id, finding.checklistItemId))
    .where(eq(finding.inspectionId, inspectionId))
    .orderBy(sql`${finding.withdrawnAt} is not null`, asc(finding.createdAt), asc(finding.id));
  return rows.map((r) => ({ ...r.finding, checklistItemCode: r.checklistItemCode }));
}

/** One finding whose inspection the actor may see, or null (404). */
export async function findVisibleFinding(db: DbOrTx, actor: Actor, id: string): Promise<FindingRow | null> {
  const [row] = await db
    .select(columns)
    .from(finding)
    .leftJoin(inspectionChecklistItem, eq(inspectionChecklistItem.id, finding.checklistItemId))
    .where(and(eq(finding.id, id), sql`${finding.inspectionId} in ${visibleInspections(actor)}`));
  return row ? { ...row.finding, checklistItemCode: row.checklistItemCode } : null;
}

export async function evidenceIdsOf(db: DbOrTx, findingIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!findingIds.length) return out;
  const rows = await db.select().from(findingEvidence).where(inArray(findingEvidence.findingId, findingIds)).orderBy(asc(findingEvidence.evidenceId));
  for (const r of rows) out.set(r.findingId, [...(out.get(r.findingId) ?? []), r.evidenceId]);
  return out;
}

export async function replaceFindingEvidence(tx: Tx, findingId: string, evidenceIds: string[]): Promise<void> {
  await tx.delete(findingEvidence).where(eq(findingEvidence.findingId, findingId));
  if (evidenceIds.length) await tx.insert(findingEvidence).values([...new Set(evidenceIds)].map((evidenceId) => ({ findingId, evidenceId })));
}

/** The checklist item if it belongs to the inspection (a finding from an item of another inspection is refused). */
export async function itemOfInspection(db: DbOrTx, inspectionId: string, itemId: string) {
  const [row] = await db
    .select({ id: inspectionChecklistItem.id, groupCode: inspectionChecklistItem.groupCode })
    .from(inspectionChecklistItem)
    .innerJoin(inspectionChecklist, eq(inspectionChecklist.id, inspectionChecklistItem.checklistId))
    .where(and(eq(inspectionChecklistItem.id, itemId), eq(inspectionChecklist.inspectionId, inspectionId)));
  return row ?? null;
}

/** The group codes of an inspection's checklists (what a finding's content group may be), beside a–c. */
export async function groupCodesOf(db: DbOrTx, inspectionId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ code: inspectionChecklistItem.groupCode })
    .from(inspectionChecklistItem)
    .innerJoin(inspectionChecklist, eq(inspectionChecklist.id, inspectionChecklistItem.checklistId))
    .where(eq(inspectionChecklist.inspectionId, inspectionId));
  return new Set(['a', 'b', 'c', ...rows.map((r) => r.code)]);
}

export interface GoodPracticeFilter {
  /** With unitId: the visits of the unit's own plans only (docs/decisions/results-report-scope.md). */
  issuer?: 'own';
  /** The plan's year. */
  year?: number;
  /** The visit's start year (the dashboard's count). */
  visitYear?: number;
  kind?: string;
  unitId?: string;
  contentGroup?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** Good practices (findings of that kind, not withdrawn): the library across years and units. */
export const listGoodPractices = (db: DbOrTx, actor: Actor, f: Omit<GoodPracticeFilter, 'kind' | 'visitYear'>) => listFindings(db, actor, { ...f, kind: 'good_practice' });

/**
 * Findings (not withdrawn) of the inspections the actor may see, across years and units, newest
 * visit first; the text search ignores case and diacritics. The dashboard's findings figures
 * (findings/dashboard-section.ts) count the same rows by visit year, subtree, kind and group.
 */
export async function listFindings(db: DbOrTx, actor: Actor, f: GoodPracticeFilter) {
  // A unit the caller does not see, as a filter: not found (issue 12 review), never an empty page.
  if (f.unitId) await findFilterUnit(db, actor, f.unitId);
  const like = (column: SQLWrapper) => sql`lower(f_unaccent(${column})) like '%' || lower(f_unaccent(${f.q!.replace(/[\\%_]/g, (c) => `\\${c}`)})) || '%'`;
  const where = and(
    f.kind ? eq(finding.kind, f.kind) : undefined,
    isNull(finding.withdrawnAt),
    sql`${finding.inspectionId} in ${visibleInspections(actor)}`,
    f.year ? eq(inspectionPlan.year, f.year) : undefined,
    f.visitYear ? sql`${inspection.startsOn} between ${`${f.visitYear}-01-01`}::date and ${`${f.visitYear}-12-31`}::date` : undefined,
    f.unitId ? sql`${unit.path} like (select u.path from unit u where u.id = ${f.unitId}::uuid) || '%'` : undefined,
    f.issuer === 'own' && f.unitId ? sql`${inspectionPlan.issuingAgencyId} in (select oa.id from agency oa where oa.unit_id = ${f.unitId}::uuid)` : undefined,
    f.contentGroup ? eq(finding.contentGroup, f.contentGroup) : undefined,
    f.q ? sql`(${like(finding.title)} or ${like(finding.text)})` : undefined,
  );
  const base = () =>
    db
      .select({
        finding,
        year: inspectionPlan.year,
        agencyId: agency.id,
        agencyName: agency.name,
        unitId: unit.id,
        unitName: unit.name,
        visitedOn: inspection.startsOn,
        // The group's title on the visit's checklists (as the dashboard names it), else its code.
        contentGroupTitle: sql<string>`coalesce((select min(ci.group_title) from inspection_checklist_item ci join inspection_checklist c on c.id = ci.checklist_id
                                                  where c.inspection_id = ${finding.inspectionId} and ci.group_code = ${finding.contentGroup}), ${finding.contentGroup})`,
      })
      .from(finding)
      .innerJoin(inspection, eq(inspection.id, finding.inspectionId))
      .innerJoin(inspectionPlan, eq(inspectionPlan.id, inspection.planId))
      .innerJoin(agency, eq(agency.id, inspection.agencyId))
      .innerJoin(unit, eq(unit.id, agency.unitId));
  const rows = await base()
    .where(where)
    .orderBy(desc(inspection.startsOn), asc(agency.sortKey), asc(finding.createdAt), asc(finding.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(finding)
    .innerJoin(inspection, eq(inspection.id, finding.inspectionId))
    .innerJoin(inspectionPlan, eq(inspectionPlan.id, inspection.planId))
    .innerJoin(agency, eq(agency.id, inspection.agencyId))
    .innerJoin(unit, eq(unit.id, agency.unitId))
    .where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

/** The photos a finding rests on (download addresses), per finding. */
export async function photoUrlsOf(db: DbOrTx, findingIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!findingIds.length) return out;
  const rows = await db
    .select({ findingId: findingEvidence.findingId, attachmentId: fileAttachment.id })
    .from(findingEvidence)
    .innerJoin(checklistEvidence, eq(checklistEvidence.id, findingEvidence.evidenceId))
    .innerJoin(fileAttachment, eq(fileAttachment.id, checklistEvidence.attachmentId))
    .where(and(inArray(findingEvidence.findingId, findingIds), eq(checklistEvidence.kind, 'photo')))
    .orderBy(asc(checklistEvidence.createdAt));
  for (const r of rows) out.set(r.findingId, [...(out.get(r.findingId) ?? []), `/api/files/${r.attachmentId}`]);
  return out;
}

/**
 * The escalations of an inspection that name each of these findings (escalation.finding_ids), of
 * those the actor may see (escalations.repository.ts `visibleEscalations`: the unit and the team
 * never learn of a proposal about the unit's discipline). One query for a whole list.
 */
export async function escalationsNaming(tx: DbOrTx, actor: Actor, inspectionId: string, findingIds: string[]) {
  const out = new Map<string, { id: string; status: string; number: number | null; symbol: string | null }[]>();
  if (!findingIds.length) return out;
  const rows = await tx
    .select({ id: escalation.id, status: escalation.status, findingIds: escalation.findingIds, number: documentRegisterEntry.number, symbol: documentRegisterEntry.symbol })
    .from(escalation)
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, escalation.registerEntryId))
    .where(
      and(
        eq(escalation.inspectionId, inspectionId),
        sql`${escalation.findingIds} && array[${sql.join(findingIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`,
        sql`${escalation.id} in ${visibleEscalations(actor)}`,
      ),
    )
    .orderBy(asc(escalation.createdAt));
  for (const { findingIds: named, ...e } of rows) for (const id of named) out.set(id, [...(out.get(id) ?? []), e]);
  return out;
}
