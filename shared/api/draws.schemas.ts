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

export const drawSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  k: z.number().int(),
  placeKinds: z.array(z.enum(drawPlaceKinds)),
  weighting: z.enum(drawWeightings),
  riskYear: z.number().int().nullable(),
  pool: z.array(drawCandidateSchema),
  /** The places drawn, in the order drawn. */
  drawn: z.array(drawCandidateSchema),
  /** The commitment, stored before the draw: SHA-256 of the seed and of the canonical pool. */
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

/** What anyone may check once the seed is revealed. */
export const drawVerificationSchema = z.object({
  id: z.uuid(),
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
