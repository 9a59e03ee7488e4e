import { z } from 'zod';
import { isoDate, version } from './common.js';
import { documentText } from './documents.schemas.js';
import { answerTypes, checklistTemplateKinds, evidenceKinds, ratings } from '../domain/checklists.js';

/** Checklist templates (the office's), inspection checklists (the team's), answers and evidence. */

const code = documentText(40).refine((s) => /^[\p{L}\p{N}._-]+$/u.test(s), { message: 'letters, digits, dot, dash, underscore', params: { code: 'invalid_format' } });

export const checklistGroupSchema = z.object({
  code,
  title: documentText(300),
  by: z.enum(['content', 'place']),
  assignedTasks: z.boolean().default(false),
});

export const templateItemSchema = z.object({
  groupCode: code,
  code,
  text: documentText(1000),
  guidance: documentText(2000, 0).nullish().transform((s) => s || null),
  answerType: z.enum(answerTypes),
  evidenceRequired: z.boolean().default(false),
});

const templateContent = {
  name: documentText(300),
  source: documentText(1000, 0).nullish().transform((s) => s || null),
  groups: z.array(checklistGroupSchema).min(1).max(30),
  items: z.array(templateItemSchema).max(500),
};

export const createTemplateBody = z.object({
  ownerAgencyId: z.uuid(),
  code,
  kind: z.enum(checklistTemplateKinds),
  ...templateContent,
});
export const updateTemplateBody = z.object({ version, ...templateContent });
export const templateMoveBody = z.object({ version });

export const listTemplatesQuery = z.object({
  kind: z.enum(checklistTemplateKinds).optional(),
  status: z.enum(['draft', 'published']).optional(),
});

export const templateSummarySchema = z.object({
  id: z.uuid(),
  ownerAgencyId: z.uuid(),
  ownerAgencyName: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(checklistTemplateKinds),
  revision: z.number().int(),
  previousId: z.uuid().nullable(),
  status: z.enum(['draft', 'published']),
  source: z.string().nullable(),
  itemCount: z.number().int(),
  version: z.number().int(),
  /** The latest published revision of its code: the one a new checklist is made from. */
  current: z.boolean(),
  /** The open draft of the same code, if any (the next version being edited). */
  draftId: z.uuid().nullable(),
  abilities: z.object({ update: z.boolean(), publish: z.boolean(), newVersion: z.boolean() }),
});
export const templateDetailSchema = templateSummarySchema.extend({
  groups: z.array(z.object({ code: z.string(), title: z.string(), by: z.enum(['content', 'place']), assignedTasks: z.boolean() })),
  items: z.array(
    z.object({ id: z.uuid(), groupCode: z.string(), code: z.string(), text: z.string(), guidance: z.string().nullable(), answerType: z.enum(answerTypes), evidenceRequired: z.boolean() }),
  ),
});
export type TemplateDetail = z.infer<typeof templateDetailSchema>;
export const templateListResponse = z.object({ items: z.array(templateSummarySchema) });

export const createChecklistBody = z.object({ templateId: z.uuid() });

/** The answer fields of an item; which one counts depends on its answer type. */
export const answerSchema = z.object({
  rating: z.enum(ratings).nullable(),
  numberValue: z.number().min(-1e12).max(1e12).nullable(),
  textValue: z.string().nullable(),
  note: z.string().nullable(),
});
export type Answer = z.infer<typeof answerSchema>;

export const saveAnswerBody = z.object({
  /** The item version the device edited from. */
  version,
  /** Chosen by the device for this save: a save sent twice is kept once. */
  clientRevisionId: z.uuid(),
  /** When the answer was typed, on the device (offline saves arrive later). */
  editedAt: z.iso.datetime({ offset: true }),
  rating: z.enum(ratings).nullable().default(null),
  numberValue: z.number().min(-1e12).max(1e12).multipleOf(0.01).nullable().default(null),
  textValue: documentText(4000, 0).nullable().default(null).transform((s) => s || null),
  note: documentText(4000, 0).nullable().default(null).transform((s) => s || null),
  /**
   * From a stale version: 'reject' answers 409 VERSION_CONFLICT with the item's current answer
   * (nothing saved); 'keep_both' keeps this save in the item's history beside the other, and the
   * item shows the one typed later.
   */
  onConflict: z.enum(['reject', 'keep_both']).default('reject'),
});

export const evidenceSchema = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  clientId: z.uuid(),
  kind: z.enum(evidenceKinds),
  /** Photos and files: the download address (authorized through the item's inspection). */
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  mediaType: z.string().nullable(),
  size: z.number().int().nullable(),
  capturedAt: z.string().nullable(),
  documentTitle: z.string().nullable(),
  documentNumber: z.string().nullable(),
  documentDate: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const checklistItemSchema = answerSchema.extend({
  id: z.uuid(),
  checklistId: z.uuid(),
  position: z.number().int(),
  groupCode: z.string(),
  groupTitle: z.string(),
  code: z.string(),
  text: z.string(),
  guidance: z.string().nullable(),
  answerType: z.enum(answerTypes),
  evidenceRequired: z.boolean(),
  assignedTaskId: z.uuid().nullable(),
  editedAt: z.string().nullable(),
  editedBy: z.uuid().nullable(),
  editedByName: z.string().nullable(),
  /** Saves kept in history from stale versions (two devices offline on the same item). */
  conflicts: z.number().int(),
  evidence: z.array(evidenceSchema),
  version: z.number().int(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistSchema = z.object({
  id: z.uuid(),
  inspectionId: z.uuid(),
  templateId: z.uuid(),
  name: z.string(),
  kind: z.enum(checklistTemplateKinds),
  groups: z.array(z.object({ code: z.string(), title: z.string() })),
  items: z.array(checklistItemSchema),
  answered: z.number().int(),
  total: z.number().int(),
});
export type Checklist = z.infer<typeof checklistSchema>;

export const checklistAbilitiesSchema = z.object({
  /** Fill the checklists: answers, notes, evidence (the team, the office). */
  fill: z.boolean(),
  /** Add a checklist from a template. */
  addChecklist: z.boolean(),
  /** Record findings. */
  recordFindings: z.boolean(),
});
export type ChecklistAbilities = z.infer<typeof checklistAbilitiesSchema>;

export const inspectionChecklistsResponse = z.object({
  inspectionId: z.uuid(),
  items: z.array(checklistSchema),
  abilities: checklistAbilitiesSchema,
});
export type InspectionChecklists = z.infer<typeof inspectionChecklistsResponse>;

export const saveAnswerResponse = z.object({
  item: checklistItemSchema,
  /** 'saved': the item shows this answer; 'kept_in_history': a later answer of another device stays shown. */
  outcome: z.enum(['saved', 'kept_in_history', 'already_saved']),
});

export const revisionSchema = answerSchema.extend({
  id: z.uuid(),
  itemVersion: z.number().int().nullable(),
  baseVersion: z.number().int(),
  conflictWithVersion: z.number().int().nullable(),
  editedAt: z.string(),
  editedBy: z.uuid(),
  editedByName: z.string(),
  receivedAt: z.string(),
});
export const itemHistoryResponse = z.object({ items: z.array(revisionSchema) });

export const documentEvidenceBody = z.object({
  clientId: z.uuid(),
  documentTitle: documentText(500),
  documentNumber: documentText(100, 0).nullish().transform((s) => s || null),
  documentDate: isoDate.nullish().transform((s) => s || null),
  note: documentText(2000, 0).nullish().transform((s) => s || null),
});

export const uploadEvidenceQuery = z.object({
  kind: z.enum(['photo', 'file']),
  clientId: z.uuid(),
  /** A photo: when it was taken, on the device. */
  capturedAt: z.iso.datetime({ offset: true }).optional(),
});
