import { and, eq } from 'drizzle-orm';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import type { AnswerType } from '../../../shared/domain/checklists.js';
import type { Clock } from '../../clock.js';
import { checklistTemplate, inspectionChecklist, inspectionChecklistItem } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisibleInspection } from '../inspections/inspections.repository.js';
import { assignedTasksFor } from './assigned-task-source.js';
import { assertFills } from './checklists.policy.js';
import { findVisibleTemplate, templateFamilies, templateItems } from './templates.repository.js';

/**
 * The team (or the office) adds a checklist to an inspection from a published template: the
 * template's items are copied group by group; a group that lists assigned tasks (group b) gets one
 * item per task of the inspected agency from the register, after the template's own items.
 */
export async function createChecklist(tx: Tx, ctx: RequestContext, clock: Clock, inspectionId: string, templateId: string) {
  const inspection = await findVisibleInspection(tx, ctx.actor, inspectionId);
  if (!inspection) throw AppError.notFound('inspection');
  assertFills(ctx.actor, inspection);
  const template = await findVisibleTemplate(tx, ctx.actor, templateId);
  if (!template) throw AppError.invalid('body.templateId', 'not_found', 'no checklist template you may use has this id');
  if (template.status !== 'published') throw AppError.invalid('body.templateId', 'not_published', 'publish the template before using it');
  // A new checklist is made from the current revision only; those made earlier keep theirs.
  if ((await templateFamilies(tx, [template]))(template).latestPublished !== template.revision) {
    throw AppError.invalid('body.templateId', 'not_current', 'a newer revision of this template is published: use it');
  }
  // One checklist per template code on an inspection, whatever revision it was made from.
  const [taken] = await tx
    .select({ id: inspectionChecklist.id })
    .from(inspectionChecklist)
    .innerJoin(checklistTemplate, eq(checklistTemplate.id, inspectionChecklist.templateId))
    .where(and(eq(inspectionChecklist.inspectionId, inspectionId), eq(checklistTemplate.ownerAgencyId, template.ownerAgencyId), eq(checklistTemplate.code, template.code)));
  if (taken) throw new AppError('DUPLICATE', 'the inspection already has a checklist of this template');

  const [checklist] = await tx
    .insert(inspectionChecklist)
    .values({ inspectionId, templateId, name: template.name, kind: template.kind, createdBy: ctx.actor.userId })
    .returning();
  const source = await templateItems(tx, templateId);
  const rows: (typeof inspectionChecklistItem.$inferInsert)[] = [];
  for (const group of template.groups) {
    for (const item of source.filter((i) => i.groupCode === group.code)) {
      rows.push({ checklistId: checklist.id, position: rows.length, groupCode: group.code, groupTitle: group.title, code: item.code, text: item.text, guidance: item.guidance, answerType: item.answerType as AnswerType, evidenceRequired: item.evidenceRequired });
    }
    if (group.assignedTasks) {
      const tasks = await assignedTasksFor(tx, { agencyId: inspection.agencyId, year: inspection.planYear, asOf: vietnamLocalTime(clock.now()).date, actor: ctx.actor });
      tasks.forEach((task, i) => {
        rows.push({ checklistId: checklist.id, position: rows.length, groupCode: group.code, groupTitle: group.title, code: `${group.code}.NV${i + 1}`, text: task.text, guidance: task.guidance, answerType: 'rating', evidenceRequired: true, assignedTaskId: task.id });
      });
    }
  }
  if (rows.length) await tx.insert(inspectionChecklistItem).values(rows);
  await recordAudit(tx, ctx, {
    action: 'checklist.created',
    entityType: 'inspection_checklist',
    entityId: checklist.id,
    scope: { places: [issuerPlace(inspection)] },
    after: { inspectionId, templateId, templateRevision: template.revision, items: rows.length },
  });
  return checklist;
}
