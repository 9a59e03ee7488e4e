import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { agency, difficulty, reformArea } from '../../db/schema/index.js';
import { findFilterUnit } from '../../authz/guard.js';
import { AppError } from '../../http/app-error.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { findVisibleAgency, matchesText } from '../registry/registry.repository.js';
import { visibleDifficulties } from './difficulties.policy.js';

/** A difficulty with its unit's name and paths and its area's names. */
export type DifficultyRow = typeof difficulty.$inferSelect & { agencyName: string; agencyUnitPath: string; agencyPath: string; reformAreaName: string; reformAreaNameEn: string };

function select(tx: DbOrTx) {
  return tx
    .select({ row: difficulty, agencyName: agency.name, agencyUnitPath: agency.unitPath, agencyPath: agency.path, reformAreaName: reformArea.name, reformAreaNameEn: reformArea.nameEn })
    .from(difficulty)
    .innerJoin(agency, eq(agency.id, difficulty.agencyId))
    .innerJoin(reformArea, eq(reformArea.id, difficulty.reformAreaId));
}
type Selected = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];
const flatten = ({ row, ...joined }: Selected): DifficultyRow => ({ ...row, ...joined });

export async function findVisibleDifficulty(tx: DbOrTx, actor: Actor, id: string): Promise<DifficultyRow | null> {
  const [row] = await select(tx).where(and(eq(difficulty.id, id), visibleDifficulties(actor)));
  return row ? flatten(row) : null;
}

export interface DifficultyFilter {
  q?: string;
  forwardedToMe?: 'true' | 'false';
  status?: string;
  /** open: raised or forwarded; answered: answered or closed. */
  state?: 'open' | 'answered';
  reformAreaId?: string;
  agencyId?: string;
  year?: number;
  /** Raised by agencies in the unit's subtree. */
  unitId?: string;
}

function baseConditions(actor: Actor, f: DifficultyFilter): SQL | undefined {
  return and(
    visibleDifficulties(actor),
    f.q?.trim() ? matchesText(sql`${difficulty.title} || ' ' || ${difficulty.body}`, f.q) : undefined,
    f.reformAreaId ? eq(difficulty.reformAreaId, f.reformAreaId) : undefined,
    f.agencyId ? eq(difficulty.agencyId, f.agencyId) : undefined,
    f.forwardedToMe === 'true' ? eq(difficulty.forwardedTo, actor.userId) : undefined,
    f.year ? sql`${difficulty.raisedOn} >= ${`${f.year}-01-01`}::date and ${difficulty.raisedOn} <= ${`${f.year}-12-31`}::date` : undefined,
    f.unitId ? sql`${agency.unitPath} like (select u.path from unit u where u.id = ${f.unitId}::uuid) || '%'` : undefined,
  );
}

/** A page of the difficulties the actor may see, newest first, and counts under the same filters but status. */
export async function listDifficulties(tx: DbOrTx, actor: Actor, f: DifficultyFilter, page: { page: number; pageSize: number }) {
  // A unit or agency the caller does not see, as a filter: not found (issue 12 review), never an empty page.
  if (f.unitId) await findFilterUnit(tx, actor, f.unitId);
  if (f.agencyId && !(await findVisibleAgency(tx, actor, f.agencyId))) throw AppError.notFound('agency');
  const base = baseConditions(actor, f);
  const where = and(
    base,
    f.status ? eq(difficulty.status, f.status) : undefined,
    f.state ? sql`${difficulty.status} in ${f.state === 'open' ? sql`('raised','forwarded')` : sql`('answered','closed')`}` : undefined,
  );
  const rows = await select(tx)
    .where(where)
    .orderBy(desc(difficulty.raisedOn), desc(difficulty.createdAt), desc(difficulty.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [counts] = await tx
    .select({
      total: sql<number>`count(*) filter (where ${where ?? sql`true`})::int`,
      open: sql<number>`count(*) filter (where ${difficulty.status} in ('raised','forwarded'))::int`,
      answered: sql<number>`count(*) filter (where ${difficulty.status} in ('answered','closed'))::int`,
      average: sql<string | null>`round(avg(${difficulty.responseWorkingDays}), 1)`,
    })
    .from(difficulty)
    .innerJoin(agency, eq(agency.id, difficulty.agencyId))
    .where(base);
  return {
    rows: rows.map(flatten),
    total: Number(counts.total),
    counts: { open: Number(counts.open), answered: Number(counts.answered), averageResponseWorkingDays: counts.average === null ? null : Number(counts.average) },
  };
}

export const activeReformArea = async (tx: DbOrTx, id: string) => (await tx.select().from(reformArea).where(and(eq(reformArea.id, id), eq(reformArea.active, true))))[0] ?? null;
export const listReformAreas = (tx: DbOrTx) => tx.select().from(reformArea).orderBy(reformArea.position);
