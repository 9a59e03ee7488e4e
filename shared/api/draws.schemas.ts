import { z } from 'zod';
import { int4, version } from './common.js';
import { documentText } from './documents.schemas.js';

/** Draws of unannounced targets with a commit–reveal record (shared/domain/unannounced-draw.ts). */

export const drawPlaceKinds = ['head_office', 'one_stop_desk', 'reception_point'] as const;
export const drawWeightings = ['uniform', 'risk'] as const;

export const createDrawBody = z.object({
  planId: z.uuid(),
  /** How many places to draw. */
  k: int4().min(1).max(200),
  /** Which places of the plan's target agencies make the pool: their head office, one-stop desks, citizen reception points. */
  placeKinds: z.array(z.enum(drawPlaceKinds)).min(1).max(3),
  /** `risk`: each place weighs 1 + its unit's risk score (0–100) in the ranking for `riskYear`. */
  weighting: z.enum(drawWeightings).default('uniform'),
  /** The year of the risk ranking (default: the year before the plan's). */
  riskYear: int4().min(1990).max(2199).optional(),
  note: documentText(1000, 0).nullish(),
  /**
   * Required when an earlier unrevealed draw of the plan shares places with this pool: why it is
   * drawn again. The earlier draws are marked superseded with this reason (audited), stay on the
   * record and remain to be revealed (docs/decisions/unannounced-draw.md).
   */
  supersedeReason: documentText(1000, 1).optional(),
});

export const listDrawsQuery = z.object({ planId: z.uuid() });
export const revealDrawBody = z.object({ version });

export const drawCandidateSchema = z.object({
  agencyId: z.uuid(),
  name: z.string(),
  unitName: z.string(),
  kind: z.string(),
  weight: z.number().int(),
  /** The unit's risk score the weight came from (risk weighting only). */
  riskScore: z.number().nullable(),
});

export const drawStatuses = ['drawn', 'superseded', 'revealed'] as const;

export const drawSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  /** 1, 2, … within the plan, in the order drawn. */
  sequence: z.number().int(),
  /** revealed (seed published) > superseded (set aside by a later draw, still to be revealed) > drawn. */
  status: z.enum(drawStatuses),
  supersededAt: z.string().nullable(),
  supersedeReason: z.string().nullable(),
  k: z.number().int(),
  placeKinds: z.array(z.enum(drawPlaceKinds)),
  weighting: z.enum(drawWeightings),
  riskYear: z.number().int().nullable(),
  pool: z.array(drawCandidateSchema),
  /** The places drawn, in the order drawn. */
  drawn: z.array(drawCandidateSchema),
  /** The commitment, stored with the result when the draw is made (the seed stays secret until revealed). */
  seedHash: z.string(),
  poolHash: z.string(),
  /** The secret seed, null until revealed. */
  seed: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  revealedAt: z.string().nullable(),
  /** Unannounced visits of the plan to a drawn place not yet started or cancelled: the reveal waits for them. */
  pendingVisits: z.number().int(),
  /** Drawn places no unannounced visit of the plan has started at yet: the reveal waits for them too. */
  unvisitedPlaces: z.number().int(),
  abilities: z.object({ reveal: z.boolean() }),
  version: z.number().int(),
});
export type Draw = z.infer<typeof drawSchema>;
export const drawListResponse = z.object({ items: z.array(drawSchema) });

/** One draw of the plan as the public check lists it: that it exists, when, and its commitment, never its places before its reveal. */
export const planDrawEntrySchema = z.object({
  id: z.uuid(),
  sequence: z.number().int(),
  createdAt: z.string(),
  seedHash: z.string(),
  poolHash: z.string(),
  status: z.enum(drawStatuses),
  supersededAt: z.string().nullable(),
  supersedeReason: z.string().nullable(),
  revealedAt: z.string().nullable(),
});

/** What anyone may check once the seed is revealed. */
export const drawVerificationSchema = z.object({
  id: z.uuid(),
  sequence: z.number().int(),
  status: z.enum(drawStatuses),
  supersededAt: z.string().nullable(),
  supersedeReason: z.string().nullable(),
  /**
   * Every draw of the same plan up to this one (sequence 1 … this), whatever its status, so that a
   * draw made and set aside cannot be hidden: numbers run without gaps.
   */
  planDraws: z.array(planDrawEntrySchema),
  algorithm: z.string(),
  /** The rule, in words, so that it can be redone by hand or in any language. */
  description: z.string(),
  k: z.number().int(),
  pool: z.array(drawCandidateSchema),
  canonicalPool: z.string(),
  seed: z.string(),
  seedHash: z.string(),
  poolHash: z.string(),
  drawn: z.array(z.uuid()),
  recomputed: z.array(z.uuid()),
  checks: z.object({ seedMatches: z.boolean(), poolMatches: z.boolean(), drawMatches: z.boolean() }),
  createdAt: z.string(),
  revealedAt: z.string(),
});
export type DrawVerification = z.infer<typeof drawVerificationSchema>;
