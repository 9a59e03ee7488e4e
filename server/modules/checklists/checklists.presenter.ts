import type { ChecklistItem, Evidence, InspectionChecklists, TemplateDetail } from '../../../shared/api/checklists.schemas.js';
import { isAnswered, type AnswerType, type ChecklistTemplateKind, type EvidenceKind, type Rating } from '../../../shared/domain/checklists.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import type { InspectionRow } from '../inspections/inspections.repository.js';
import { checklistAbilities, templateAbilities } from './checklists.policy.js';
import { checklistsOf, conflictCounts, evidenceOf, itemsOf, type ChecklistItemRow, type EvidenceRow } from './checklists.repository.js';
import { itemCounts, templateFamilies, templateItems, type TemplateRow } from './templates.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentEvidence(e: EvidenceRow): Evidence {
  return {
    id: e.id,
    itemId: e.itemId,
    clientId: e.clientId,
    kind: e.kind as EvidenceKind,
    url: e.attachmentId ? `/api/files/${e.attachmentId}` : null,
    fileName: e.fileName,
    mediaType: e.mediaType,
    size: e.size,
    capturedAt: iso(e.capturedAt),
    documentTitle: e.documentTitle,
    documentNumber: e.documentNumber,
    documentDate: e.documentDate,
    note: e.note,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
  };
}

function presentItem(item: ChecklistItemRow & { editedByName: string | null }, evidence: EvidenceRow[], conflicts: number): ChecklistItem {
  return {
    id: item.id,
    checklistId: item.checklistId,
    position: item.position,
    groupCode: item.groupCode,
    groupTitle: item.groupTitle,
    code: item.code,
    text: item.text,
    guidance: item.guidance,
    answerType: item.answerType as AnswerType,
    evidenceRequired: item.evidenceRequired,
    assignedTaskId: item.assignedTaskId,
    rating: item.rating as Rating | null,
    numberValue: item.numberValue,
    textValue: item.textValue,
    note: item.note,
    editedAt: iso(item.editedAt),
    editedBy: item.editedBy,
    editedByName: item.editedByName,
    conflicts,
    evidence: evidence.map(presentEvidence),
    version: item.version,
  };
}

/** Every checklist of an inspection with items, answers and evidence: what a device keeps offline. */
export async function presentChecklists(db: DbOrTx, actor: Actor, inspection: InspectionRow): Promise<InspectionChecklists> {
  const checklists = await checklistsOf(db, inspection.id);
  const items = await itemsOf(db, checklists.map((c) => c.id));
  const ids = items.map((i) => i.id);
  const evidence = await evidenceOf(db, ids);
  const conflicts = await conflictCounts(db, ids);
  return {
    inspectionId: inspection.id,
    abilities: checklistAbilities(actor, inspection),
    items: checklists.map((c) => {
      const mine = items.filter((i) => i.checklistId === c.id);
      const groups = [...new Map(mine.map((i) => [i.groupCode, { code: i.groupCode, title: i.groupTitle }])).values()];
      return {
        id: c.id,
        inspectionId: c.inspectionId,
        templateId: c.templateId,
        name: c.name,
        kind: c.kind as ChecklistTemplateKind,
        groups,
        items: mine.map((i) => presentItem(i, evidence.filter((e) => e.itemId === i.id), conflicts.get(i.id) ?? 0)),
        answered: mine.filter((i) => isAnswered(i)).length,
        total: mine.length,
      };
    }),
  };
}

/** One item as the answer of a save. */
export async function presentItemById(db: DbOrTx, item: ChecklistItemRow): Promise<ChecklistItem> {
  const [withName] = (await itemsOf(db, [item.checklistId])).filter((i) => i.id === item.id);
  return presentItem(withName, await evidenceOf(db, [item.id]), (await conflictCounts(db, [item.id])).get(item.id) ?? 0);
}

export async function presentTemplates(db: DbOrTx, actor: Actor, rows: TemplateRow[]) {
  const counts = await itemCounts(db, rows.map((r) => r.id));
  const familyOf = await templateFamilies(db, rows);
  return rows.map((r) => ({
    id: r.id,
    ownerAgencyId: r.ownerAgencyId,
    ownerAgencyName: r.ownerAgencyName,
    code: r.code,
    name: r.name,
    kind: r.kind as ChecklistTemplateKind,
    revision: r.revision,
    previousId: r.previousId,
    status: r.status as 'draft' | 'published',
    source: r.source,
    itemCount: counts.get(r.id) ?? 0,
    version: r.version,
    current: r.status === 'published' && r.revision === familyOf(r).latestPublished,
    draftId: familyOf(r).draftId,
    abilities: templateAbilities(actor, r, familyOf(r)),
  }));
}

export async function presentTemplate(db: DbOrTx, actor: Actor, row: TemplateRow): Promise<TemplateDetail> {
  const [summary] = await presentTemplates(db, actor, [row]);
  const items = await templateItems(db, row.id);
  return {
    ...summary,
    groups: row.groups,
    items: items.map((i) => ({ id: i.id, groupCode: i.groupCode, code: i.code, text: i.text, guidance: i.guidance, answerType: i.answerType as AnswerType, evidenceRequired: i.evidenceRequired })),
  };
}
