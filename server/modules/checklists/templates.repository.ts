import { and, asc, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
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

/** Where a template code stands at its owner: its latest published revision (0 if none) and its open draft. */
export type TemplateFamily = { latestPublished: number; draftId: string | null; draftRevision: number | null };
const familyKey = (ownerAgencyId: string, code: string) => `${ownerAgencyId}|${code}`;

/** The families of the given templates, in one statement, keyed by owner and code (`familyOf`). */
export async function templateFamilies(tx: DbOrTx, rows: { ownerAgencyId: string; code: string }[]): Promise<(row: { ownerAgencyId: string; code: string }) => TemplateFamily> {
  const pairs = [...new Map(rows.map((r) => [familyKey(r.ownerAgencyId, r.code), r])).values()];
  const members = pairs.length
    ? await tx
        .select({ id: checklistTemplate.id, ownerAgencyId: checklistTemplate.ownerAgencyId, code: checklistTemplate.code, revision: checklistTemplate.revision, status: checklistTemplate.status })
        .from(checklistTemplate)
        .where(or(...pairs.map((p) => and(eq(checklistTemplate.ownerAgencyId, p.ownerAgencyId), eq(checklistTemplate.code, p.code)))))
    : [];
  const families = new Map<string, TemplateFamily>();
  for (const m of members) {
    const key = familyKey(m.ownerAgencyId, m.code);
    const f = families.get(key) ?? { latestPublished: 0, draftId: null, draftRevision: null };
    if (m.status === 'published') f.latestPublished = Math.max(f.latestPublished, m.revision);
    else if (f.draftRevision === null || m.revision > f.draftRevision) Object.assign(f, { draftId: m.id, draftRevision: m.revision });
    families.set(key, f);
  }
  return (row) => families.get(familyKey(row.ownerAgencyId, row.code)) ?? { latestPublished: 0, draftId: null, draftRevision: null };
}
