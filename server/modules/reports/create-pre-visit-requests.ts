import { and, desc, eq, inArray } from 'drizzle-orm';
import type { WorkingCalendar } from '../../../shared/domain/calendar/index.js';
import type { InspectionKind } from '../../../shared/domain/inspection-status.js';
import { reportDue } from '../../../shared/domain/schedule-rules.js';
import type { Tx } from '../../db/client.js';
import { agency, reportRequest, reportTemplate } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { movePreVisitRequest } from './pre-visit-follow.js';
import { openRequest } from './request-use-cases.js';
import { installStandardTemplates } from './standard-templates.js';

export interface NoticedInspection {
  id: string;
  agencyId: string;
  agencyName: string;
  kind: string;
  startsOn: string;
}

/** Agency paths of an agency's unit and every unit above it ('/a/b/c' → '/a/', '/a/b/', '/a/b/c/'). */
function unitAndAbove(unitPath: string): string[] {
  const parts = unitPath.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/**
 * The pre-visit outline a committee's requests use: the latest published `pre_visit` template of
 * its own unit, else of the nearest unit above (the province's); when there is none anywhere, the
 * standard templates are installed for the committee first (audited), so a notice never goes out
 * without its report request.
 */
async function preVisitTemplate(tx: Tx, ctx: RequestContext, owner: { id: string; unitPath: string; path: string }): Promise<string> {
  const paths = unitAndAbove(owner.unitPath);
  const rows = await tx
    .select({ id: reportTemplate.id, unitPath: agency.unitPath })
    .from(reportTemplate)
    .innerJoin(agency, eq(agency.id, reportTemplate.ownerAgencyId))
    .where(and(eq(reportTemplate.kind, 'pre_visit'), eq(reportTemplate.status, 'published'), inArray(agency.unitPath, paths.length ? paths : [owner.unitPath])))
    .orderBy(desc(reportTemplate.publishedAt));
  const nearest = rows.sort((a, b) => b.unitPath.length - a.unitPath.length)[0];
  if (nearest) return nearest.id;
  const installed = await installStandardTemplates(tx, ctx, { agencyId: owner.id, place: { unitPath: owner.unitPath, agencyPath: owner.path } });
  return installed.get('pre_visit')!;
}

/**
 * Issuing a notice asks each announced unit for its report (issue 9 §2, pre-visit): one request
 * per inspection that has a report due (announced visits and desk reviews), owned by the plan's
 * committee, due 3 working days before the visit by the working calendar (with its sentence),
 * opened at once so the unit's officers are told — in the notice's transaction. An inspection
 * that has its request already keeps it, its due day following the visit (pre-visit-follow.ts).
 */
export async function createPreVisitRequests(tx: Tx, ctx: RequestContext, calendar: WorkingCalendar, input: { ownerAgencyId: string; documentNumber: string | null; inspections: NoticedInspection[] }): Promise<string[]> {
  const [owner] = await tx.select({ id: agency.id, unitPath: agency.unitPath, path: agency.path }).from(agency).where(eq(agency.id, input.ownerAgencyId));
  const due = input.inspections.map((i) => ({ i, due: reportDue(calendar, i.kind as InspectionKind, i.startsOn) })).filter((x) => x.due !== null);
  if (!owner || !due.length) return [];
  const templateId = await preVisitTemplate(tx, ctx, owner);
  const created: string[] = [];
  for (const { i, due: d } of due) {
    const [row] = await tx
      .insert(reportRequest)
      .values({
        ownerAgencyId: owner.id,
        templateId,
        kind: 'pre_visit',
        status: 'open',
        title: `Báo cáo phục vụ kiểm tra ${i.kind === 'report' ? 'qua báo cáo ' : ''}công tác cải cách hành chính năm ${i.startsOn.slice(0, 4)} của ${i.agencyName}`,
        dueOn: d!.date,
        dueExplanation: d!.explanation,
        inspectionId: i.id,
        targetAgencyIds: [i.agencyId],
        createdBy: ctx.actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      // A notice after a reschedule: the request it has follows the visit's days.
      await movePreVisitRequest(tx, ctx, i.id, d!, null);
      continue;
    }
    await recordAudit(tx, ctx, { action: 'report_request.created', entityType: 'report_request', entityId: row.id, scope: { places: [{ unitPath: owner.unitPath, agencyPath: owner.path }] }, after: { ...row, notice: input.documentNumber } });
    await openRequest(tx, ctx, row.id);
    created.push(row.id);
  }
  return created;
}
