import { and, asc, eq, sql } from 'drizzle-orm';
import { agency, selfInspection } from '../../db/schema/index.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { visibleSelfInspections } from './self-inspections.policy.js';

/** A self-inspection with its unit's name and paths (policy and presenter need them). */
export type SelfInspectionRow = typeof selfInspection.$inferSelect & { agencyName: string; agencyUnitPath: string; agencyPath: string };

function select(tx: DbOrTx) {
  return tx
    .select({ row: selfInspection, agencyName: agency.name, agencyUnitPath: agency.unitPath, agencyPath: agency.path })
    .from(selfInspection)
    .innerJoin(agency, eq(agency.id, selfInspection.agencyId));
}
type Selected = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];
const flatten = ({ row, ...joined }: Selected): SelfInspectionRow => ({ ...row, ...joined });

export async function findVisibleSelfInspection(tx: DbOrTx, actor: Actor, id: string): Promise<SelfInspectionRow | null> {
  const [row] = await select(tx).where(and(eq(selfInspection.id, id), visibleSelfInspections(actor)));
  return row ? flatten(row) : null;
}

export interface SelfInspectionFilter {
  year?: number;
  agencyId?: string;
  status?: string;
}

/** The self-inspections the actor may see, newest year first, then by unit. */
export async function listSelfInspections(tx: DbOrTx, actor: Actor, f: SelfInspectionFilter): Promise<SelfInspectionRow[]> {
  const rows = await select(tx)
    .where(
      and(
        visibleSelfInspections(actor),
        f.year ? eq(selfInspection.year, f.year) : undefined,
        f.agencyId ? eq(selfInspection.agencyId, f.agencyId) : undefined,
        f.status ? eq(selfInspection.status, f.status) : undefined,
      ),
    )
    .orderBy(sql`${selfInspection.year} desc`, asc(agency.sortKey), asc(selfInspection.id))
    .limit(5000);
  return rows.map(flatten);
}

/** How many files each self-inspection has as its plan document. */
export async function planDocumentCounts(tx: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<{ owner_id: string; n: number }>(
    tx,
    sql`select owner_id, count(*)::int as n from file_attachment where owner_type = 'self_inspection' and purpose = 'plan_document' and owner_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) group by owner_id`,
  );
  return new Map(rows.map((r) => [r.owner_id, Number(r.n)]));
}
