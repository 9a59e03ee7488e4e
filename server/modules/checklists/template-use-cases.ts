import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createTemplateBody, updateTemplateBody } from '../../../shared/api/checklists.schemas.js';
import type { ChecklistGroup, ChecklistTemplateItemInput } from '../../../shared/domain/checklists.js';
import { authorize, loadForAction } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import { agency, checklistTemplate } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { templateFamilyRefusal, templateResource } from './checklists.policy.js';
import { type TemplateRow, latestRevision, replaceTemplateItems, templateFamilies, templateItems } from './templates.repository.js';

/**
 * Checklist templates, the office's (one use case per function, as framework-use-cases.ts):
 * create a draft, edit it whole, publish it (frozen from then on), make a new version.
 */

type Content = { groups: ChecklistGroup[]; items: ChecklistTemplateItemInput[] };

/** Group codes unique; item codes unique; every item in a declared group. 400 naming the field. */
export function checkTemplateContent(content: Content): void {
  const groups = new Set<string>();
  content.groups.forEach((g, i) => {
    if (groups.has(g.code)) throw AppError.invalid(`body.groups[${i}].code`, 'duplicate_code', `the group ${g.code} is listed twice`);
    // The register's assigned tasks are a content group's (the seed's II.1 b), never a place visited.
    if (g.assignedTasks && g.by === 'place') throw AppError.invalid(`body.groups[${i}].assignedTasks`, 'not_allowed', 'a group by place does not list the assigned tasks: only a content group does');
    groups.add(g.code);
  });
  const codes = new Set<string>();
  content.items.forEach((item, i) => {
    if (!groups.has(item.groupCode)) throw AppError.invalid(`body.items[${i}].groupCode`, 'unknown_group', `no group ${item.groupCode} in the template`);
    if (codes.has(item.code)) throw AppError.invalid(`body.items[${i}].code`, 'duplicate_code', `the item code ${item.code} is used twice`);
    codes.add(item.code);
  });
}

export async function createTemplate(tx: Tx, ctx: RequestContext, input: z.infer<typeof createTemplateBody>) {
  authorize(ctx.actor, 'checklist.manage', 'you may not manage checklist templates');
  const [owner] = await tx.select().from(agency).where(eq(agency.id, input.ownerAgencyId));
  if (!owner || !inReach(ctx.actor, 'checklist.manage', { unitPath: owner.unitPath, agencyPath: owner.path })) {
    throw AppError.invalid('body.ownerAgencyId', 'not_found', 'no agency you manage checklists for has this id');
  }
  checkTemplateContent(input);
  const [taken] = await tx.select({ id: checklistTemplate.id }).from(checklistTemplate).where(and(eq(checklistTemplate.ownerAgencyId, owner.id), eq(checklistTemplate.code, input.code)));
  if (taken) throw new AppError('DUPLICATE', `the agency already has a checklist coded ${input.code}; make a new version of it instead`);
  const [row] = await tx
    .insert(checklistTemplate)
    .values({ ownerAgencyId: owner.id, code: input.code, name: input.name, kind: input.kind, groups: input.groups, source: input.source, createdBy: ctx.actor.userId })
    .returning();
  await replaceTemplateItems(tx, row.id, input.items);
  await recordAudit(tx, ctx, { action: 'checklist_template.created', entityType: 'checklist_template', entityId: row.id, scope: { agencies: [owner.id] }, after: { ...row, items: input.items } });
  return row;
}

/** Edits a draft: name, source, groups and items replaced as a whole. */
export async function updateTemplate(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof updateTemplateBody>) {
  const before = await loadForAction(tx, ctx, templateResource, id, 'update', input.version);
  checkTemplateContent(input);
  const beforeItems = await templateItems(tx, id);
  const after = await updateVersioned(tx, checklistTemplate, id, input.version, { name: input.name, source: input.source, groups: input.groups });
  await replaceTemplateItems(tx, id, input.items);
  await recordAudit(tx, ctx, {
    action: 'checklist_template.updated',
    entityType: 'checklist_template',
    entityId: id,
    scope: { agencies: [before.ownerAgencyId] },
    before: { name: before.name, groups: before.groups, items: beforeItems, version: before.version },
    after: { name: after.name, groups: after.groups, items: input.items, version: after.version },
  });
  return after;
}

/** 409 INVALID_STATE when the move would fork the versions (templateFamilyRefusal); the family is locked first. */
async function refuseFork(tx: Tx, row: TemplateRow, action: 'publish' | 'new_version'): Promise<void> {
  await tx.select({ id: checklistTemplate.id }).from(checklistTemplate).where(and(eq(checklistTemplate.ownerAgencyId, row.ownerAgencyId), eq(checklistTemplate.code, row.code))).for('update');
  const refusal = templateFamilyRefusal(row, (await templateFamilies(tx, [row]))(row), action);
  if (refusal) throw new AppError('INVALID_STATE', refusal);
}

/** Publishes a draft: teams may use it from now on; it is frozen. */
export async function publishTemplate(tx: Tx, ctx: RequestContext, id: string, version: number) {
  const template = await loadForAction(tx, ctx, templateResource, id, 'publish', version);
  if (!(await templateItems(tx, id)).length) throw new AppError('INVALID_STATE', 'a checklist without items cannot be published');
  await refuseFork(tx, template, 'publish');
  const after = await updateVersioned(tx, checklistTemplate, id, version, { status: 'published' });
  await recordAudit(tx, ctx, { action: 'checklist_template.published', entityType: 'checklist_template', entityId: id, scope: { agencies: [template.ownerAgencyId] }, before: { status: 'draft' }, after: { status: after.status, version: after.version } });
  return after;
}

/** A new draft revision of a published template, its groups and items copied. */
export async function newTemplateVersion(tx: Tx, ctx: RequestContext, id: string, version: number) {
  const previous = await loadForAction(tx, ctx, templateResource, id, 'new_version', version);
  await refuseFork(tx, previous, 'new_version');
  const items = await templateItems(tx, id);
  const [row] = await tx
    .insert(checklistTemplate)
    .values({
      ownerAgencyId: previous.ownerAgencyId,
      code: previous.code,
      name: previous.name,
      kind: previous.kind,
      revision: (await latestRevision(tx, previous.ownerAgencyId, previous.code)) + 1,
      previousId: previous.id,
      groups: previous.groups,
      source: previous.source,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await replaceTemplateItems(
    tx,
    row.id,
    items.map(({ groupCode, code, text, guidance, answerType, evidenceRequired }) => ({ groupCode, code, text, guidance, answerType: answerType as ChecklistTemplateItemInput['answerType'], evidenceRequired })),
  );
  await recordAudit(tx, ctx, { action: 'checklist_template.version_created', entityType: 'checklist_template', entityId: row.id, scope: { agencies: [row.ownerAgencyId] }, after: { ...row, previousId: previous.id } });
  return row;
}
