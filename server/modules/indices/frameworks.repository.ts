import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { CriterionInput, CriterionLevel } from '../../../shared/api/indices.schemas.js';
import { compareCodes, leavesOf, round2 } from '../../../shared/domain/index-scoring.js';
import { agency, indexCriterion, indexFramework, unit } from '../../db/schema/index.js';
import { unitColumns, unitInReach } from '../../authz/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { insertRowsAsJson } from '../../db/bulk-insert.js';
import type { Actor } from '../../http/actor.js';
import { frameworkVisible } from './indices.policy.js';

export type FrameworkRow = typeof indexFramework.$inferSelect & {
  ownerAgencyName: string;
  ownerUnitPath: string;
  ownerPath: string;
};
export type CriterionRow = typeof indexCriterion.$inferSelect;

const columns = { framework: indexFramework, ownerAgencyName: agency.name, ownerUnitPath: agency.unitPath, ownerPath: agency.path };
const flatten = ({ framework, ...owner }: { framework: typeof indexFramework.$inferSelect; ownerAgencyName: string; ownerUnitPath: string; ownerPath: string }): FrameworkRow => ({
  ...framework,
  ...owner,
});

export interface FrameworkFilter {
  kind?: string;
  year?: number;
  unitKind?: string;
}

/** Frameworks the actor may see, newest first within each code. */
export async function listFrameworks(tx: DbOrTx, actor: Actor, f: FrameworkFilter): Promise<FrameworkRow[]> {
  const conditions: SQL[] = [frameworkVisible(actor, 'agency')];
  if (f.kind) conditions.push(eq(indexFramework.kind, f.kind));
  if (f.year) conditions.push(sql`${indexFramework.fromYear} <= ${f.year} and (${indexFramework.toYear} is null or ${indexFramework.toYear} >= ${f.year})`);
  if (f.unitKind) conditions.push(sql`${f.unitKind} = any(${indexFramework.unitKinds})`);
  const rows = await tx
    .select(columns)
    .from(indexFramework)
    .innerJoin(agency, eq(agency.id, indexFramework.ownerAgencyId))
    .where(and(...conditions))
    .orderBy(asc(indexFramework.kind), asc(indexFramework.code), desc(indexFramework.revision));
  return rows.map(flatten);
}

/** One framework the actor may see, or null (404). */
export async function findVisibleFramework(tx: DbOrTx, actor: Actor, id: string): Promise<FrameworkRow | null> {
  const [row] = await tx
    .select(columns)
    .from(indexFramework)
    .innerJoin(agency, eq(agency.id, indexFramework.ownerAgencyId))
    .where(and(eq(indexFramework.id, id), frameworkVisible(actor, 'agency')));
  return row ? flatten(row) : null;
}

/** A framework's nodes in code order. */
export async function criteriaOf(tx: DbOrTx, frameworkId: string): Promise<CriterionRow[]> {
  const rows = await tx.select().from(indexCriterion).where(eq(indexCriterion.frameworkId, frameworkId));
  return rows.sort(compareCodes);
}

/** The nodes of several frameworks, by framework. */
export async function criteriaOfMany(tx: DbOrTx, frameworkIds: string[]): Promise<Map<string, CriterionRow[]>> {
  const out = new Map<string, CriterionRow[]>(frameworkIds.map((id) => [id, []]));
  if (!frameworkIds.length) return out;
  const rows = await tx.select().from(indexCriterion).where(inArray(indexCriterion.frameworkId, frameworkIds));
  for (const r of rows.sort(compareCodes)) out.get(r.frameworkId)!.push(r);
  return out;
}

/** Maximum and leaf count of a tree, for lists. */
export function treeTotals(nodes: CriterionRow[]): { maxPoints: number; leafCount: number } {
  const leaves = leavesOf(nodes);
  return { maxPoints: round2(leaves.reduce((a, l) => a + l.maxPoints, 0)), leafCount: leaves.length };
}

const levelAt = (depth: number): CriterionLevel => (depth === 0 ? 'area' : depth === 1 ? 'criterion' : 'sub_criterion');

/**
 * Inserts a nested tree under a framework in one statement whatever its size (a criteria import
 * is up to 1,000 nodes; docs/decisions/registry-import-in-sets.md): ids are chosen here, so a
 * node names its parent before either is stored, and the foreign key is checked at the end of
 * the statement.
 */
export async function insertTree(tx: DbOrTx, frameworkId: string, tree: CriterionInput[]): Promise<void> {
  const rows: (typeof indexCriterion.$inferInsert)[] = [];
  const walk = (nodes: CriterionInput[], parentId: string | null, depth: number) => {
    for (const [position, node] of nodes.entries()) {
      const id = randomUUID();
      rows.push({
        id,
        frameworkId,
        parentId,
        level: levelAt(depth),
        code: node.code,
        name: node.name,
        maxPoints: node.maxPoints,
        scoringMethod: node.scoringMethod ?? 'appraised',
        expectedEvidence: node.expectedEvidence ?? null,
        unmetBelow: node.unmetBelow ?? null,
        position,
      });
      if (node.children?.length) walk(node.children, id, depth + 1);
    }
  };
  walk(tree, null, 0);
  await insertRowsAsJson(tx, indexCriterion, rows);
}

/** The stored tree back in the nested input shape (to copy a version). */
export function toInputTree(nodes: CriterionRow[], parentId: string | null = null): CriterionInput[] {
  return nodes
    .filter((n) => n.parentId === parentId)
    .sort(compareCodes)
    .map((n) => {
      const children = toInputTree(nodes, n.id);
      return {
        code: n.code,
        name: n.name,
        maxPoints: n.maxPoints,
        scoringMethod: n.scoringMethod as CriterionInput['scoringMethod'],
        expectedEvidence: n.expectedEvidence,
        unmetBelow: n.unmetBelow,
        ...(children.length ? { children } : {}),
      };
    });
}

/** The active units of these kinds the actor scores (`index.score`), in Vietnamese order: the rows of a score template. */
export async function unitsToScore(db: DbOrTx, actor: Actor, unitKinds: string[]): Promise<{ code: string | null; name: string }[]> {
  return db
    .select({ code: unit.code, name: unit.name })
    .from(unit)
    .where(and(inArray(unit.kind, unitKinds), sql`${unit.active}`, unitInReach(actor, 'index.score', unitColumns('unit'))))
    .orderBy(sql`${unit.sortKey} collate "C"`);
}
