import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { ChecklistGroup, ChecklistTemplateItemInput } from '../../../shared/domain/checklists.js';
import { agency, checklistTemplate, checklistTemplateItem } from '../../db/schema/index.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { templateOwnerVisible } from './checklists.policy.js';

export type TemplateRow = typeof checklistTemplate.$inferSelect & {
  groups: ChecklistGroup[];
  ownerAgencyName: string;
  ownerUnitPath: string;
  ownerPath: string;
};
export type TemplateItemRow = typeof checklistTemplateItem.$inferSelect;

const columns = { template: checklistTemplate, ownerAgencyName: agency.name, ownerUnitPath: agency.unitPath, ownerPath: agency.path };
type Selected = { template: typeof checklistTemplate.$inferSelect; ownerAgencyName: string; ownerUnitPath: string; ownerPath: string };
const flatten = ({ template, ...owner }: Selected): TemplateRow => ({ ...template, groups: template.groups as ChecklistGroup[], ...owner });

/** Templates the actor may read, by kind and code, newest revision first. */
export async function listTemplates(tx: DbOrTx, actor: Actor, f: { kind?: string; status?: string }): Promise<TemplateRow[]> {
  const conditions: (SQL | undefined)[] = [templateOwnerVisible(actor, 'agency'), f.kind ? eq(checklistTemplate.kind, f.kind) : undefined, f.status ? eq(checklistTemplate.status, f.status) : undefined];
  const rows = await tx
    .select(columns)
    .from(checklistTemplate)
    .innerJoin(agency, eq(agency.id, checklistTemplate.ownerAgencyId))
    .where(and(...conditions))
    .orderBy(asc(checklistTemplate.kind), asc(checklistTemplate.code), desc(checklistTemplate.revision));
  return rows.map(flatten);
}

/** One template the actor may read, or null (404). */
export async function findVisibleTemplate(tx: DbOrTx, actor: Actor, id: string): Promise<TemplateRow | null> {
  const [row] = await tx
    .select(columns)
    .from(checklistTemplate)
    .innerJoin(agency, eq(agency.id, checklistTemplate.ownerAgencyId))
    .where(and(eq(checklistTemplate.id, id), templateOwnerVisible(actor, 'agency')));
  return row ? flatten(row) : null;
}

export async function templateItems(tx: DbOrTx, templateId: string): Promise<TemplateItemRow[]> {
  return tx.select().from(checklistTemplateItem).where(eq(checklistTemplateItem.templateId, templateId)).orderBy(asc(checklistTemplateItem.position));
}

export async function itemCounts(tx: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await tx.select({ id: checklistTemplateItem.templateId, n: count() }).from(checklistTemplateItem).where(inArray(checklistTemplateItem.templateId, ids)).groupBy(checklistTemplateItem.templateId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** Replaces a draft's items as a whole, in the order given. */
export async function replaceTemplateItems(tx: Tx, templateId: string, items: ChecklistTemplateItemInput[]): Promise<void> {
  await tx.delete(checklistTemplateItem).where(eq(checklistTemplateItem.templateId, templateId));
  if (items.length) await tx.insert(checklistTemplateItem).values(items.map((item, position) => ({ ...item, templateId, position })));
}

/** The highest revision of a code at an owner (for the next version). */
export async function latestRevision(tx: DbOrTx, ownerAgencyId: string, code: string): Promise<number> {
  const [row] = await tx
    .select({ revision: checklistTemplate.revision })
    .from(checklistTemplate)
    .where(and(eq(checklistTemplate.ownerAgencyId, ownerAgencyId), eq(checklistTemplate.code, code)))
    .orderBy(desc(checklistTemplate.revision))
    .limit(1);
  return row?.revision ?? 0;
}
