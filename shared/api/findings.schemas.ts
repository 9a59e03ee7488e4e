import { z } from 'zod';
import { plainString, version } from './common.js';
import { documentText } from './documents.schemas.js';
import { findingKinds, findingSeverities } from '../domain/checklists.js';
import { escalationStatuses } from '../domain/follow-up.js';

/** Findings (phát hiện) of an inspection and the library of good practices. */

const findingContent = {
  kind: z.enum(findingKinds),
  contentGroup: documentText(40),
  /** Required for a shortcoming or a violation; none for a good practice. */
  severity: z.enum(findingSeverities).nullish().transform((s) => s ?? null),
  title: documentText(300),
  text: documentText(8000),
  recommendation: documentText(4000, 0).nullish().transform((s) => s || null),
  /** Checklist evidence of the same inspection the finding rests on. */
  evidenceIds: z.array(z.uuid()).max(50).default([]),
};

export const createFindingBody = z.object({
  /** A finding from a checklist item (of the same inspection), or free. */
  checklistItemId: z.uuid().nullish().transform((s) => s ?? null),
  ...findingContent,
});
export const updateFindingBody = z.object({ version, ...findingContent });
export const withdrawFindingBody = z.object({ version });

export const findingSchema = z.object({
  id: z.uuid(),
  inspectionId: z.uuid(),
  checklistItemId: z.uuid().nullable(),
  checklistItemCode: z.string().nullable(),
  kind: z.enum(findingKinds),
  contentGroup: z.string(),
  severity: z.enum(findingSeverities).nullable(),
  title: z.string(),
  text: z.string(),
  recommendation: z.string().nullable(),
  evidenceIds: z.array(z.uuid()),
  withdrawnAt: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), withdraw: z.boolean() }),
  /** The proposals for a public-service inspection that name this finding, of those the caller may see. */
  escalations: z.array(z.object({ id: z.uuid(), status: z.enum(escalationStatuses), documentNumber: z.string().nullable() })),
});
export type Finding = z.infer<typeof findingSchema>;
export const findingListResponse = z.object({ items: z.array(findingSchema) });

export const goodPracticesQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2199).optional(),
  unitId: z.uuid().optional(),
  contentGroup: plainString(40).optional(),
  /** Words of the title or text, without diacritics as well. */
  q: plainString(200).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const goodPracticeSchema = z.object({
  id: z.uuid(),
  inspectionId: z.uuid(),
  year: z.number().int(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  contentGroup: z.string(),
  /** The group's Vietnamese title on the visit's checklists (its code when none has it). */
  contentGroupTitle: z.string(),
  title: z.string(),
  text: z.string(),
  recommendation: z.string().nullable(),
  visitedOn: z.string(),
  photoUrls: z.array(z.string()),
});
export type GoodPractice = z.infer<typeof goodPracticeSchema>;
export const goodPracticeListResponse = z.object({ items: z.array(goodPracticeSchema), total: z.number().int() });

/** The findings of the visits the caller may see (withdrawn ones left out): the dashboard's links to its findings figures. */
export const listFindingsQuery = z.object({
  /** Visits starting in the year. */
  visitYear: z.coerce.number().int().min(1990).max(2100).optional(),
  /** Visits to agencies in the unit's subtree. */
  unitId: z.uuid().optional(),
  /** `own` (with unitId): only the visits of the plans issued by the unit's own agencies — its People's Committee or standing office (the dashboard's issuer=own, the results report's season: docs/decisions/results-report-scope.md). */
  issuer: z.enum(['own']).optional(),
  kind: z.enum(findingKinds).optional(),
  /** The content group's code ('a', 'b', 'c' or a place group). */
  contentGroup: plainString(40).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const findingListItemSchema = goodPracticeSchema.omit({ photoUrls: true, text: true, recommendation: true }).extend({
  kind: z.enum(findingKinds),
  severity: z.enum(findingSeverities).nullable(),
});
export type FindingListItem = z.infer<typeof findingListItemSchema>;
export const findingsPageResponse = z.object({ items: z.array(findingListItemSchema), total: z.number().int() });
