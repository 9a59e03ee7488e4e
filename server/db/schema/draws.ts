import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './identity.js';
import { inspectionPlan } from './plans.js';

/**
 * A draw of unannounced targets with its commit–reveal record (shared/domain/unannounced-draw.ts).
 * As secret as the visits it chooses: only the office and the leaders of the plan's issuing agency
 * see it (modules/draws/draws.policy.ts) until the seed is revealed; from then on anyone may check
 * it through the public verification endpoint. `seed` is never shown before `revealed_at`.
 * Never deleted: every draw of a plan is numbered (`sequence`, 1, 2, … per plan); a draw made again
 * over places of an earlier unrevealed one first marks that one superseded, with a reason
 * (docs/decisions/unannounced-draw.md), and the public check lists every draw of the plan.
 */
export const unannouncedDraw = pgTable(
  'unannounced_draw',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid()
      .notNull()
      .references(() => inspectionPlan.id),
    /** 1, 2, … within the plan, in the order drawn: a gap or a missing number would show. */
    sequence: integer().notNull(),
    k: integer().notNull(),
    /** head_office | one_stop_desk | reception_point: which places of the plan's targets made the pool. */
    placeKinds: text().array().notNull(),
    /** uniform | risk (the risk ranking of the units, issue 11 §3). */
    weighting: text().notNull(),
    riskYear: integer(),
    /** [{ agencyId, name, unitName, weight, score }] in canonical order (by agency id). */
    pool: jsonb().notNull(),
    seed: text().notNull(),
    seedHash: text().notNull(),
    poolHash: text().notNull(),
    /** Agency ids in the order drawn. */
    drawn: jsonb().notNull(),
    note: text(),
    createdBy: uuid().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revealedAt: timestamp({ withTimezone: true }),
    revealedBy: uuid().references(() => appUser.id),
    /** Set aside by a later draw over the same places (or given up), with the reason: still revealable, never deleted. */
    supersededAt: timestamp({ withTimezone: true }),
    supersedeReason: text(),
    supersededBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('unannounced_draw_plan_id_idx').on(t.planId),
    unique('unannounced_draw_plan_sequence_key').on(t.planId, t.sequence),
    check('unannounced_draw_superseded_check', sql`(${t.supersededAt} is null) = (${t.supersedeReason} is null)`),
    check('unannounced_draw_weighting_check', sql`${t.weighting} in ('uniform','risk')`),
    check('unannounced_draw_k_check', sql`${t.k} between 1 and 200`),
  ],
);
