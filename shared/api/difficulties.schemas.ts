import { z } from 'zod';
import { plainString, queryInt4, text, uuid, version } from './common.js';
import { documentText } from './documents.schemas.js';
import { difficultyMoves, difficultyStatuses } from '../domain/difficulty-status.js';

/** Difficulties raised to the committee (khó khăn, vướng mắc; issue 9 §7, M17): requests and responses. */

export const reformAreaSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string(), nameEn: z.string(), active: z.boolean() });
export type ReformArea = z.infer<typeof reformAreaSchema>;
export const reformAreaListResponse = z.object({ items: z.array(reformAreaSchema) });

export const raiseDifficultyBody = z.object({
  /** The raising unit: the caller's own (another unit's agency is not found). */
  agencyId: uuid,
  reformAreaId: uuid,
  title: text(300),
  body: documentText(8000),
});

export const forwardDifficultyBody = z.object({
  version,
  /** A leader of the committee over the unit (one of `forwardTargets`). */
  leaderUserId: uuid,
  note: documentText(2000).optional(),
});
export const answerDifficultyBody = z.object({ version, answer: documentText(8000) });
export const closeDifficultyBody = z.object({ version });

export const listDifficultiesQuery = z.object({
  /** Words of the title or the text, any case and diacritics. */
  q: plainString(200).optional(),
  status: z.enum(difficultyStatuses).optional(),
  /** open: raised or forwarded (not answered yet); answered: answered or closed (the dashboard's two counts). */
  state: z.enum(['open', 'answered']).optional(),
  /** true: only those forwarded to the caller (a leader's queue in "Việc của tôi"). */
  forwardedToMe: z.enum(['true', 'false']).optional(),
  reformAreaId: uuid.optional(),
  agencyId: uuid.optional(),
  /** The year it was raised. */
  year: queryInt4().min(1990).max(2199).optional(),
  /** Raised by agencies in the unit's subtree (the dashboard's filter). */
  unitId: uuid.optional(),
  page: queryInt4().min(1).max(100000).default(1),
  pageSize: queryInt4().min(1).max(200).default(50),
});

export const difficultySchema = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  reformAreaId: z.uuid(),
  reformAreaName: z.string(),
  title: z.string(),
  body: z.string(),
  raisedOn: z.string(),
  raisedByName: z.string(),
  status: z.enum(difficultyStatuses),
  forwardedToName: z.string().nullable(),
  forwardNote: z.string().nullable(),
  forwardedOn: z.string().nullable(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  /**
   * Answered: working days from raising to answer; open: working days waited so far (today in
   * Việt Nam), null when it was raised in an earlier year than today's (shown as "not answered,
   * raised dd/mm/yyyy": a count across seasons reads as nonsense).
   */
  responseWorkingDays: z.number().int().nullable(),
  waitingWorkingDays: z.number().int().nullable(),
  abilities: z.object({ moves: z.array(z.enum(difficultyMoves)), attach: z.boolean() }),
  version: z.number().int(),
});
export type Difficulty = z.infer<typeof difficultySchema>;
export const difficultyDetailSchema = difficultySchema.extend({
  /** The leaders the office may forward it to (empty unless the caller may forward). */
  forwardTargets: z.array(z.object({ userId: z.uuid(), fullName: z.string() })),
});
export type DifficultyDetail = z.infer<typeof difficultyDetailSchema>;

export const difficultyListResponse = z.object({
  items: z.array(difficultySchema),
  total: z.number().int(),
  /** Counts under the same filters but status; the average response time of those answered. */
  counts: z.object({ open: z.number().int(), answered: z.number().int(), averageResponseWorkingDays: z.number().nullable() }),
});
