import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createNoticeBody, NoticeContent, updateNoticeBody } from '../../../shared/api/notices.schemas.js';
import { planAcceptsTeams, type PlanStatus } from '../../../shared/domain/plan-status.js';
import { loadForAction } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import type { Tx } from '../../db/client.js';
import { documentRegisterEntry, inspectionNotice, inspectionTeam } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { assertUnderPlanIssuer } from '../conclusions/create-conclusion.js';
import { issuerInfo } from '../document-register/issuer-header.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisiblePlan } from '../plans/plans.repository.js';
import { defaultNoticeContent } from './notice-document.js';
import { checkedItems } from './notice-items.js';
import { noticeResource } from './notices.policy.js';
import { replaceItems } from './notices.repository.js';
import type { ScheduleEnv } from '../inspections/schedule-checks.js';
import { updateInspection } from '../inspections/update-inspection.js';

/** The standing office drafts a notice for announced inspections of an issued plan; the texts start from the plan. */
export async function createNotice(tx: Tx, ctx: RequestContext, input: z.infer<typeof createNoticeBody>) {
  const plan = await findVisiblePlan(tx, ctx.actor, input.planId);
  if (!plan) throw AppError.notFound('plan');
  if (!inReach(ctx.actor, 'inspection.schedule', issuerPlace(plan))) throw new AppError('FORBIDDEN', 'only the standing office drafts notices');
  if (!planAcceptsTeams(plan.status as PlanStatus)) throw new AppError('INVALID_STATE', `the plan is ${plan.status}`);
  const issuingAgencyId = input.issuingAgencyId ?? plan.issuingAgencyId;
  await assertUnderPlanIssuer(tx, plan.issuingAgencyId, issuingAgencyId);
  const items = await checkedItems(tx, plan.id, input.items);
  const teams = await tx
    .select({ name: inspectionTeam.name, number: documentRegisterEntry.number, symbol: documentRegisterEntry.symbol, issuedOn: inspectionTeam.issuedOn })
    .from(inspectionTeam)
    .innerJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionTeam.registerEntryId))
    .where(and(eq(inspectionTeam.planId, plan.id), eq(inspectionTeam.status, 'founded'), sql`${inspectionTeam.id} in (select team_id from inspection where id in (${sql.join(items.map((i) => sql`${i.inspectionId}::uuid`), sql`, `)}))`));
  const content: NoticeContent = { ...defaultNoticeContent(plan, await issuerInfo(tx, issuingAgencyId), await issuerInfo(tx, plan.issuingAgencyId), teams), ...input.content };
  const [row] = await tx.insert(inspectionNotice).values({ planId: plan.id, issuingAgencyId, content, createdBy: ctx.actor.userId }).returning();
  await replaceItems(tx, row.id, items);
  await recordAudit(tx, ctx, { action: 'notice.created', entityType: 'inspection_notice', entityId: row.id, scope: { places: [issuerPlace(plan)] }, after: { ...row, items } });
  return row;
}

/** An error of a use case called for one row, its fields named as the row's (`body.places` → `body.items.2.places`). */
async function asRow<T>(n: number, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof AppError) || !err.invalidParams) throw err;
    throw new AppError(err.code, err.detail, err.invalidParams.map((p) => ({ ...p, name: p.name.replace(/^body\./, `body.items.${n}.`) })), err.extensions);
  }
}

/**
 * Edits a draft notice: its texts and its table (versioned). A row's time and places belong to
 * its inspection: they are changed here through the inspection's own use case (its checks, its
 * version, its audit event), in the notice's transaction, so a save refused anywhere changes
 * nothing (issue 8 review: the page saved the inspections first, then the notice).
 */
export async function updateNotice(tx: Tx, ctx: RequestContext, env: ScheduleEnv, id: string, input: z.infer<typeof updateNoticeBody>) {
  const notice = await loadForAction(tx, ctx, noticeResource, id, 'edit', input.version);
  const items = input.items ? await checkedItems(tx, notice.planId, input.items, id) : null;
  for (const [n, item] of (input.items ?? []).entries()) {
    if (item.startTime === undefined && item.places === undefined) continue;
    if (item.inspectionVersion === undefined) throw AppError.invalid(`body.items.${n}.inspectionVersion`, 'required', "the inspection's version goes with a change of its time or places");
    const changes = { ...(item.startTime !== undefined ? { startTime: item.startTime } : {}), ...(item.places ? { places: item.places } : {}) };
    await asRow(n, () => updateInspection(tx, ctx, env, item.inspectionId, { version: item.inspectionVersion!, ...changes }));
  }
  const content = input.content ? { ...(notice.content as NoticeContent), ...input.content } : undefined;
  const after = await updateVersioned(tx, inspectionNotice, id, input.version, content ? { content } : {});
  if (items) await replaceItems(tx, id, items);
  await recordAudit(tx, ctx, {
    action: 'notice.updated',
    entityType: 'inspection_notice',
    entityId: id,
    scope: { places: [issuerPlace(notice)] },
    before: { version: notice.version, ...(content ? { content: notice.content } : {}) },
    after: { version: after.version, ...(content ? { content } : {}), ...(items ? { items } : {}) },
  });
  return after;
}
