import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { agency, documentRegisterEntry, inspection, inspectionNotice, inspectionNoticeItem, inspectionPlan } from '../../db/schema/index.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { agencyColumns, agencyInReach } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import type { IssuedNoticeItem } from '../../../shared/api/notices.schemas.js';
import { visibleInspections } from '../inspections/inspections.policy.js';

/**
 * SQL: ids of the notices the actor may see. Drafts: the office and the leaders of the plan's
 * issuing agency (`inspection.read_all`). Issued: also whoever may see one of its inspections —
 * the inspected units, the teams, the inspectors in scope. A notice lists announced visits only,
 * so the secrecy of unannounced ones is not at stake here.
 */
export const visibleNotices = (actor: Actor): SQL => sql`(
  select n.id from inspection_notice n join inspection_plan p on p.id = n.plan_id join agency ia on ia.id = p.issuing_agency_id
   where ${agencyInReach(actor, 'inspection.read_all', agencyColumns('ia'))}
      or (n.status = 'issued' and exists (select 1 from inspection_notice_item it where it.notice_id = n.id and it.inspection_id in ${visibleInspections(actor)})))`;

const issuer = alias(agency, 'notice_issuer');
const planIssuer = alias(agency, 'plan_issuer');

export type NoticeRow = typeof inspectionNotice.$inferSelect & {
  issuingAgencyName: string;
  planYear: number;
  planIssuingAgencyId: string;
  /** Where the plan's People's Committee sits: what the policy checks. */
  issuerUnitPath: string;
  issuerPath: string;
  number: number | null;
  symbol: string | null;
};

function select(tx: DbOrTx) {
  return tx
    .select({
      notice: inspectionNotice,
      issuingAgencyName: issuer.name,
      planYear: inspectionPlan.year,
      planIssuingAgencyId: inspectionPlan.issuingAgencyId,
      issuerUnitPath: planIssuer.unitPath,
      issuerPath: planIssuer.path,
      number: documentRegisterEntry.number,
      symbol: documentRegisterEntry.symbol,
    })
    .from(inspectionNotice)
    .innerJoin(issuer, eq(issuer.id, inspectionNotice.issuingAgencyId))
    .innerJoin(inspectionPlan, eq(inspectionPlan.id, inspectionNotice.planId))
    .innerJoin(planIssuer, eq(planIssuer.id, inspectionPlan.issuingAgencyId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionNotice.registerEntryId));
}
type Selected = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];
const flatten = ({ notice, ...rest }: Selected): NoticeRow => ({ ...notice, ...rest });

export async function findVisibleNotice(tx: DbOrTx, actor: Actor, id: string): Promise<NoticeRow | null> {
  const [row] = await select(tx).where(and(eq(inspectionNotice.id, id), sql`${inspectionNotice.id} in ${visibleNotices(actor)}`));
  return row ? flatten(row) : null;
}

export async function findNotice(tx: DbOrTx, id: string): Promise<NoticeRow | null> {
  const [row] = await select(tx).where(eq(inspectionNotice.id, id));
  return row ? flatten(row) : null;
}

/**
 * The notices the actor may see: a plan's all, in the order they were drafted; without a plan,
 * the `limit` latest across plans and years (newest first), and whether there are more.
 */
export async function listVisibleNotices(tx: DbOrTx, actor: Actor, opts: { planId?: string; limit: number }): Promise<{ rows: NoticeRow[]; hasMore: boolean }> {
  const query = select(tx).where(and(sql`${inspectionNotice.id} in ${visibleNotices(actor)}`, opts.planId ? eq(inspectionNotice.planId, opts.planId) : undefined));
  if (opts.planId) return { rows: (await query.orderBy(asc(inspectionNotice.createdAt))).map(flatten), hasMore: false };
  const rows = await query.orderBy(desc(inspectionNotice.createdAt), desc(inspectionNotice.id)).limit(opts.limit + 1);
  return { rows: rows.slice(0, opts.limit).map(flatten), hasMore: rows.length > opts.limit };
}

/** The items of notices with what the table prints of each inspection. */
export async function noticeItems(tx: DbOrTx, noticeIds: string[]) {
  if (!noticeIds.length) return [];
  return tx
    .select({
      noticeId: inspectionNoticeItem.noticeId,
      attendees: inspectionNoticeItem.attendees,
      inspection,
      agencyName: agency.name,
      places: sql<string[]>`array(select pa.name from inspection_place ip join agency pa on pa.id = ip.agency_id where ip.inspection_id = ${inspection.id} order by ip.position)`,
    })
    .from(inspectionNoticeItem)
    .innerJoin(inspection, eq(inspection.id, inspectionNoticeItem.inspectionId))
    .innerJoin(agency, eq(agency.id, inspection.agencyId))
    .where(inArray(inspectionNoticeItem.noticeId, noticeIds))
    .orderBy(asc(inspectionNoticeItem.noticeId), asc(inspectionNoticeItem.position));
}
export type NoticeItemRow = Awaited<ReturnType<typeof noticeItems>>[number];

/** A row of the table as the notice states it. */
export const issuedItemOf = (it: NoticeItemRow): IssuedNoticeItem => ({
  inspectionId: it.inspection.id,
  agencyId: it.inspection.agencyId,
  agencyName: it.agencyName,
  startsOn: it.inspection.startsOn,
  endsOn: it.inspection.endsOn,
  startTime: it.inspection.startTime,
  places: it.places,
  attendees: it.attendees,
  reportDueOn: it.inspection.reportDueOn,
  reportDueExplanation: it.inspection.reportDueExplanation,
});

/** Keeps the notice's table as it stands, at issue: the legal record the API shows from then on. */
export async function keepIssuedItems(tx: Tx, noticeId: string): Promise<void> {
  const items = await noticeItems(tx, [noticeId]);
  await tx.update(inspectionNotice).set({ issuedItems: items.map(issuedItemOf) }).where(eq(inspectionNotice.id, noticeId));
}

export async function replaceItems(tx: Tx, noticeId: string, items: { inspectionId: string; attendees: string }[]) {
  await tx.delete(inspectionNoticeItem).where(eq(inspectionNoticeItem.noticeId, noticeId));
  if (items.length) await tx.insert(inspectionNoticeItem).values(items.map((it, position) => ({ noticeId, ...it, position })));
}
