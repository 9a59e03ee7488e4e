import { and, asc, desc, eq, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { agency, inspectionPlan, unannouncedDraw } from '../../db/schema/index.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { agencyColumns, agencyInReach } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import type { DrawPlaceKind } from './draws.policy.js';

export type DrawRow = typeof unannouncedDraw.$inferSelect & { planYear: number; issuerUnitPath: string; issuerPath: string; issuerUnitId: string };

/**
 * SQL: the draws the actor may see. A draw is as secret as the visits it chooses: only who reads
 * every inspection of the plan's issuing agency (the office and the leaders in scope) sees it;
 * the team is not told which places were drawn from, nor anyone else. Once revealed, the public
 * verification endpoint shows it (draws.routes.ts) — never this list.
 */
const drawVisible = (actor: Actor): SQL => agencyInReach(actor, 'inspection.read_all', agencyColumns('agency'));

function select(tx: DbOrTx) {
  return tx
    .select({ draw: unannouncedDraw, planYear: inspectionPlan.year, issuerUnitPath: agency.unitPath, issuerPath: agency.path, issuerUnitId: agency.unitId })
    .from(unannouncedDraw)
    .innerJoin(inspectionPlan, eq(inspectionPlan.id, unannouncedDraw.planId))
    .innerJoin(agency, eq(agency.id, inspectionPlan.issuingAgencyId));
}
const flatten = ({ draw, ...rest }: { draw: typeof unannouncedDraw.$inferSelect; planYear: number; issuerUnitPath: string; issuerPath: string; issuerUnitId: string }): DrawRow => ({ ...draw, ...rest });

export async function findVisibleDraw(tx: DbOrTx, actor: Actor, id: string): Promise<DrawRow | null> {
  const [row] = await select(tx).where(and(eq(unannouncedDraw.id, id), drawVisible(actor)));
  return row ? flatten(row) : null;
}

/** A revealed draw by id, whoever asks (the public verification). */
export async function findRevealedDraw(tx: DbOrTx, id: string): Promise<DrawRow | null> {
  const [row] = await select(tx).where(and(eq(unannouncedDraw.id, id), sql`${unannouncedDraw.revealedAt} is not null`));
  return row ? flatten(row) : null;
}

/**
 * Every draw of the plan up to `sequence` (the public check lists them so that no draw can be
 * hidden). Only called for a revealed draw, whose reveal waited for the earlier ones (`secretDrawsBlocking`).
 */
export async function planDrawsUpTo(tx: DbOrTx, planId: string, sequence: number) {
  return tx
    .select()
    .from(unannouncedDraw)
    .where(and(eq(unannouncedDraw.planId, planId), lte(unannouncedDraw.sequence, sequence)))
    .orderBy(asc(unannouncedDraw.sequence));
}

/**
 * Draws of the plan still secret and in force (neither revealed nor superseded) that this draw's
 * reveal would betray: any earlier one (the public check lists draws 1 … this one), and for a
 * superseded draw any draw at all (its status says a later draw exists).
 */
export async function secretDrawsBlocking(tx: DbOrTx, row: Pick<DrawRow, 'id' | 'planId' | 'sequence' | 'supersededAt'>): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(unannouncedDraw)
    .where(
      and(
        eq(unannouncedDraw.planId, row.planId),
        sql`${unannouncedDraw.id} <> ${row.id}`,
        isNull(unannouncedDraw.revealedAt),
        isNull(unannouncedDraw.supersededAt),
        row.supersededAt ? undefined : lt(unannouncedDraw.sequence, row.sequence),
      ),
    );
  return Number(r?.n ?? 0);
}

/** The plan's draws in force (neither revealed nor superseded), for the redraw check (create-draw.ts); locked. */
export async function openDraws(tx: DbOrTx, planId: string) {
  return tx
    .select()
    .from(unannouncedDraw)
    .where(and(eq(unannouncedDraw.planId, planId), isNull(unannouncedDraw.revealedAt), isNull(unannouncedDraw.supersededAt)))
    .orderBy(asc(unannouncedDraw.sequence))
    .for('update');
}

export async function listVisibleDraws(tx: DbOrTx, actor: Actor, planId: string): Promise<DrawRow[]> {
  const rows = await select(tx)
    .where(and(eq(unannouncedDraw.planId, planId), drawVisible(actor)))
    .orderBy(desc(unannouncedDraw.sequence));
  return rows.map(flatten);
}

export interface PoolPlace {
  agencyId: string;
  name: string;
  kind: string;
  unitName: string;
  unitPath: string;
}

/**
 * The places of the plan's target agencies of the given kinds: the target itself for
 * `head_office`, its active one-stop desks and reception points under it for the others.
 */
export async function poolPlaces(tx: DbOrTx, planId: string, kinds: readonly DrawPlaceKind[]): Promise<PoolPlace[]> {
  const subKinds = kinds.filter((k) => k !== 'head_office');
  const headOffice = kinds.includes('head_office');
  return queryRows<PoolPlace>(
    tx,
    sql`select distinct p.id as "agencyId", p.name, p.kind, u.name as "unitName", p.unit_path as "unitPath"
          from inspection_plan_target t
          join agency a on a.id = t.agency_id
          join agency p on p.active and (${headOffice ? sql`p.id = a.id` : sql`false`}
                or (${subKinds.length ? sql`p.kind in (${sql.join(subKinds.map((k) => sql`${k}`), sql`, `)})` : sql`false`} and p.path like a.path || '%' and p.id <> a.id))
          join unit u on u.id = p.unit_id
         where t.plan_id = ${planId}::uuid
         order by p.id`,
  );
}

export interface DrawVisits {
  /** Unannounced visits of the plan to a drawn place, neither started nor cancelled. */
  pending: number;
  /** Drawn places no unannounced visit of the plan has started at since the draw was made (as the agency or a place visited). */
  unvisited: number;
}

/**
 * Where the visits to the drawn places stand. The reveal waits until every drawn place has had an
 * unannounced visit of the plan started there and none is still to come (docs/decisions/unannounced-draw.md):
 * revealing earlier would tell the world where the team is going next. A visit started before the
 * draw was made (`drawnAt`, its created_at) is no visit of the draw: it cannot have followed it.
 */
export async function drawVisits(tx: DbOrTx, planId: string, agencyIds: string[], drawnAt: Date): Promise<DrawVisits> {
  if (!agencyIds.length) return { pending: 0, unvisited: 0 };
  const ids = sql.join(agencyIds.map((id) => sql`${id}::uuid`), sql`, `);
  const [row] = await queryRows<{ pending: number; unvisited: number }>(
    tx,
    sql`with visit as (
          select i.id, i.started_at, i.status, i.agency_id as place from inspection i
           where i.plan_id = ${planId}::uuid and i.kind = 'unannounced'
          union
          select i.id, i.started_at, i.status, ip.agency_id from inspection i join inspection_place ip on ip.inspection_id = i.id
           where i.plan_id = ${planId}::uuid and i.kind = 'unannounced'
        )
        select (select count(distinct v.id) from visit v where v.place in (${ids}) and v.started_at is null and v.status <> 'cancelled')::int as pending,
               (select count(*) from unnest(array[${ids}]) as d(place)
                 where not exists (select 1 from visit v where v.place = d.place and v.started_at >= ${drawnAt.toISOString()}::timestamptz))::int as unvisited`,
  );
  return { pending: Number(row?.pending ?? 0), unvisited: Number(row?.unvisited ?? 0) };
}
