import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActionInput, ConclusionContent, createConclusionBody, updateConclusionBody } from '../../../shared/api/conclusions.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import { queryRows, type DbOrTx, type Tx } from '../../db/client.js';
import { inspectionConclusion } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { issuerInfo } from '../document-register/issuer-header.js';
import { findVisibleInspection } from '../inspections/inspections.repository.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { conclusionSource, defaultConclusionContent } from './conclusion-document.js';
import { conclusionResource } from './conclusions.policy.js';
import { replaceActions, type CheckedAction } from './conclusions.repository.js';
import { draftFromMinutesOrFindings } from './findings-source.js';

/**
 * The issuer of a document of the plan (notice, conclusion, escalation): the plan's People's
 * Committee, an agency under it, or the standing body configured for its authority (signing
 * TL./TUQ.) — a province's Sở Nội vụ is filed with no parent agency, not under the committee
 * (issue 8 review: Gia Lai's office could not issue its notice).
 */
export async function assertUnderPlanIssuer(tx: DbOrTx, planIssuingAgencyId: string, agencyId: string, field = 'body.issuingAgencyId') {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select a.id from agency a join agency c on c.id = ${planIssuingAgencyId}::uuid where a.id = ${agencyId}::uuid and a.active
          and (a.path like c.path || '%' or exists (select 1 from standing_body sb where sb.unit_id = c.unit_id and sb.agency_id = a.id))`,
  );
  if (!rows.length) throw AppError.invalid(field, 'not_under_plan_issuer', "the document is issued by the plan's People's Committee or its standing office");
}

/**
 * The requirements as stored: the responsible agency is the inspected one unless named, and must
 * lie in the plan issuer's area (the unit, or an office of the committee); a fixed due date comes
 * after the visit.
 */
export async function checkedActions(tx: DbOrTx, ctx: { inspectedAgencyId: string; issuerUnitPath: string; visitStartsOn: string }, actions: ActionInput[]): Promise<CheckedAction[]> {
  const ids = [...new Set(actions.map((a) => a.responsibleAgencyId).filter((x): x is string => !!x))];
  const known = ids.length
    ? await queryRows<{ id: string }>(tx, sql`select id from agency where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) and active and unit_path like ${ctx.issuerUnitPath} || '%'`)
    : [];
  const ok = new Set(known.map((r) => r.id));
  return actions.map((a, i) => {
    if (a.responsibleAgencyId && !ok.has(a.responsibleAgencyId)) throw AppError.invalid(`body.actions.${i}.responsibleAgencyId`, 'out_of_scope', "no such active agency in the plan issuer's area");
    for (const key of ['dueOn', 'reportDueOn'] as const) {
      const d = a[key];
      if (d && d < ctx.visitStartsOn) throw AppError.invalid(`body.actions.${i}.${key}`, 'before_visit', 'a deadline comes after the visit');
    }
    return {
      content: a.content,
      contentGroup: a.contentGroup ?? null,
      responsibleAgencyId: a.responsibleAgencyId ?? ctx.inspectedAgencyId,
      dueOn: a.dueOn ?? null,
      dueWorkingDays: a.dueWorkingDays ?? null,
      reportDueOn: a.reportDueOn ?? null,
      reportDueWorkingDays: a.reportDueWorkingDays ?? null,
    };
  });
}

/**
 * The standing office drafts the conclusion of an inspection that has taken place: sections I–V
 * start from the inspection, its plan and team (and the findings of its minutes, when there are
 * any); the requirements are the corrective actions.
 */
export async function createConclusion(tx: Tx, ctx: RequestContext, input: z.infer<typeof createConclusionBody>) {
  const row = await findVisibleInspection(tx, ctx.actor, input.inspectionId);
  if (!row) throw AppError.notFound('inspection');
  if (!inReach(ctx.actor, 'conclusion.draft', issuerPlace(row))) throw new AppError('FORBIDDEN', 'only the standing office drafts conclusions');
  if (row.status !== 'under_way' && row.status !== 'closed') throw new AppError('INVALID_STATE', `the inspection is ${row.status}: a conclusion follows the visit`);
  const [taken] = await tx.select({ id: inspectionConclusion.id }).from(inspectionConclusion).where(eq(inspectionConclusion.inspectionId, row.id));
  if (taken) throw new AppError('DUPLICATE', 'the inspection has a conclusion already');
  const issuingAgencyId = input.issuingAgencyId ?? row.issuingAgencyId;
  await assertUnderPlanIssuer(tx, row.issuingAgencyId, issuingAgencyId);
  const src = await conclusionSource(tx, { planId: row.planId, teamId: row.teamId, agencyName: row.agencyName, inspectionKind: row.kind, inspectionStartsOn: row.startsOn, inspectionEndsOn: row.endsOn, planYear: row.planYear });
  const fromFindings = await draftFromMinutesOrFindings(tx, row.id);
  const content: ConclusionContent = {
    ...defaultConclusionContent({ ...src, ...fromFindings }, await issuerInfo(tx, issuingAgencyId), await issuerInfo(tx, row.issuingAgencyId)),
    ...input.content,
  };
  const actions = await checkedActions(tx, { inspectedAgencyId: row.agencyId, issuerUnitPath: row.issuerUnitPath, visitStartsOn: row.startsOn }, input.actions ?? []);
  const [created] = await tx.insert(inspectionConclusion).values({ inspectionId: row.id, issuingAgencyId, content, createdBy: ctx.actor.userId }).returning();
  await replaceActions(tx, created.id, actions);
  await recordAudit(tx, ctx, { action: 'conclusion.created', entityType: 'inspection_conclusion', entityId: created.id, scope: { places: [issuerPlace(row)] }, after: { ...created, actions } });
  return created;
}

/** Edits a draft: its texts and its requirements as a whole (versioned); an issued one is frozen (409). */
export async function updateConclusion(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof updateConclusionBody>) {
  const row = await loadForAction(tx, ctx, conclusionResource, id, 'edit', input.version);
  const actions = input.actions ? await checkedActions(tx, { inspectedAgencyId: row.agencyId, issuerUnitPath: row.issuerUnitPath, visitStartsOn: row.inspectionStartsOn }, input.actions) : null;
  const content = input.content ? { ...(row.content as ConclusionContent), ...input.content } : undefined;
  const after = await updateVersioned(tx, inspectionConclusion, id, input.version, content ? { content } : {});
  if (actions) await replaceActions(tx, id, actions);
  await recordAudit(tx, ctx, {
    action: 'conclusion.updated',
    entityType: 'inspection_conclusion',
    entityId: id,
    scope: { places: [issuerPlace(row)] },
    before: { version: row.version, ...(content ? { content: row.content } : {}) },
    after: { version: after.version, ...(content ? { content } : {}), ...(actions ? { actions } : {}) },
  });
  return after;
}
