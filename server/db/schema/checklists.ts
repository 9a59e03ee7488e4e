import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { fileAttachment } from './files.js';
import { appUser } from './identity.js';
import { inspection } from './inspections.js';
import { agency } from './registry.js';

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

/**
 * One version of a checklist template (bảng kiểm), edited by the standing office: the content
 * groups a–c of the plan (II.1) or the places of a one-stop desk visit (reference §4.3). A draft
 * is edited whole; publishing freezes it; a change afterwards is a new revision of the same code.
 * `groups` lists the groups in order: [{ code, title, by: 'content'|'place', assignedTasks }]
 * (assignedTasks: the group lists the inspected agency's assigned tasks, one item each).
 */
export const checklistTemplate = pgTable(
  'checklist_template',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    code: text().notNull(),
    name: text().notNull(),
    /** 'content' (groups a–c) | 'one_stop' (places of a one-stop desk visit). */
    kind: text().notNull(),
    revision: integer().notNull().default(1),
    previousId: uuid().references((): AnyPgColumn => checklistTemplate.id),
    groups: jsonb().notNull(),
    source: text(),
    /** 'draft' | 'published'. */
    status: text().notNull().default('draft'),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('checklist_template_owner_code_revision_key').on(t.ownerAgencyId, t.code, t.revision),
    check('checklist_template_kind_check', sql`${t.kind} in ('content','one_stop')`),
    check('checklist_template_status_check', sql`${t.status} in ('draft','published')`),
  ],
);

/** One question of a template, in its group. */
export const checklistTemplateItem = pgTable(
  'checklist_template_item',
  {
    id: uuid().primaryKey().defaultRandom(),
    templateId: uuid()
      .notNull()
      .references(() => checklistTemplate.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    groupCode: text().notNull(),
    code: text().notNull(),
    text: text().notNull(),
    guidance: text(),
    /** 'rating' (met / partly met / not met / not applicable) | 'number' | 'text'. */
    answerType: text().notNull(),
    evidenceRequired: boolean().notNull().default(false),
  },
  (t) => [
    index('checklist_template_item_template_id_idx').on(t.templateId, t.position),
    check('checklist_template_item_answer_type_check', sql`${t.answerType} in ('rating','number','text')`),
  ],
);

/**
 * The checklist of one inspection, made from a published template: its items are copied, so a
 * later template revision never changes what a team checked.
 */
export const inspectionChecklist = pgTable(
  'inspection_checklist',
  {
    id: uuid().primaryKey().defaultRandom(),
    inspectionId: uuid()
      .notNull()
      .references(() => inspection.id),
    templateId: uuid()
      .notNull()
      .references(() => checklistTemplate.id),
    name: text().notNull(),
    kind: text().notNull(),
    createdBy: uuid().references(() => appUser.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('inspection_checklist_inspection_template_key').on(t.inspectionId, t.templateId)],
);

/**
 * One item of an inspection's checklist and its current answer. Every save is a revision
 * (inspection_checklist_item_revision); `version` is the item's optimistic-concurrency version.
 */
export const inspectionChecklistItem = pgTable(
  'inspection_checklist_item',
  {
    id: uuid().primaryKey().defaultRandom(),
    checklistId: uuid()
      .notNull()
      .references(() => inspectionChecklist.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    groupCode: text().notNull(),
    groupTitle: text().notNull(),
    code: text().notNull(),
    text: text().notNull(),
    guidance: text(),
    answerType: text().notNull(),
    evidenceRequired: boolean().notNull().default(false),
    /** Group b): the assigned task this item checks (id in the assigned-tasks register). */
    assignedTaskId: uuid(),
    /** 'met' | 'partly_met' | 'not_met' | 'not_applicable'. */
    rating: text(),
    numberValue: numeric({ precision: 14, scale: 2, mode: 'number' }),
    textValue: text(),
    note: text(),
    /** When the answer shown was typed (on the device), and by whom. */
    editedAt: timestamp({ withTimezone: true }),
    editedBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('inspection_checklist_item_checklist_id_idx').on(t.checklistId, t.position),
    check('inspection_checklist_item_answer_type_check', sql`${t.answerType} in ('rating','number','text')`),
    check('inspection_checklist_item_rating_check', sql`${t.rating} is null or ${t.rating} in ('met','partly_met','not_met','not_applicable')`),
  ],
);

/**
 * The history of an item's answers: one row per save. A save made from a stale version with
 * `keep_both` is kept here too (`conflictWithVersion`), so two devices that edited the same item
 * offline both keep what they typed; the item shows the later of the two.
 */
export const inspectionChecklistItemRevision = pgTable(
  'inspection_checklist_item_revision',
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => inspectionChecklistItem.id, { onDelete: 'cascade' }),
    /** Idempotency key chosen by the device: a save sent twice is kept once. */
    clientRevisionId: uuid().notNull(),
    /** The item version this save produced, or null when it was kept in history only. */
    itemVersion: integer(),
    /** The version the device edited from. */
    baseVersion: integer().notNull(),
    /** Saved from a stale version: the item was at this version then. */
    conflictWithVersion: integer(),
    rating: text(),
    numberValue: numeric({ precision: 14, scale: 2, mode: 'number' }),
    textValue: text(),
    note: text(),
    editedAt: timestamp({ withTimezone: true }).notNull(),
    editedBy: uuid()
      .notNull()
      .references(() => appUser.id),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_checklist_item_revision_client_key').on(t.clientRevisionId), index('inspection_checklist_item_revision_item_id_idx').on(t.itemId)],
);

/**
 * Evidence of an item: a photo (its capture time kept), a file (both file_attachment rows owned
 * by the item), or a reference to a document sighted (title, number, date).
 */
export const checklistEvidence = pgTable(
  'checklist_evidence',
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => inspectionChecklistItem.id, { onDelete: 'cascade' }),
    /** Idempotency key chosen by the device (an offline upload retried is stored once). */
    clientId: uuid().notNull(),
    /** 'photo' | 'file' | 'document'. */
    kind: text().notNull(),
    attachmentId: uuid().references(() => fileAttachment.id, { onDelete: 'cascade' }),
    capturedAt: timestamp({ withTimezone: true }),
    documentTitle: text(),
    documentNumber: text(),
    documentDate: date({ mode: 'string' }),
    note: text(),
    createdBy: uuid().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('checklist_evidence_client_id_key').on(t.clientId),
    index('checklist_evidence_item_id_idx').on(t.itemId),
    check('checklist_evidence_kind_check', sql`${t.kind} in ('photo','file','document')`),
    check('checklist_evidence_shape_check', sql`(${t.kind} = 'document') = (${t.attachmentId} is null) and (${t.kind} <> 'document' or ${t.documentTitle} is not null)`),
  ],
);

/**
 * A finding (phát hiện) of an inspection: a good practice worth replicating (mô hình hay, sáng
 * kiến), a shortcoming, or a violation; from a checklist item or free. Minutes, conclusion notices
 * and corrective actions build on it: keep this shape stable (add columns, never rename).
 */
export const finding = pgTable(
  'finding',
  {
    id: uuid().primaryKey().defaultRandom(),
    inspectionId: uuid()
      .notNull()
      .references(() => inspection.id),
    checklistItemId: uuid().references(() => inspectionChecklistItem.id),
    /** 'good_practice' | 'shortcoming' | 'violation'. */
    kind: text().notNull(),
    /** The content group: 'a' | 'b' | 'c' (plan II.1) or a place group of the one-stop checklist. */
    contentGroup: text().notNull(),
    /** 'minor' | 'moderate' | 'serious'; null for a good practice. */
    severity: text(),
    title: text().notNull(),
    text: text().notNull(),
    /** What the team recommends (a shortcoming's fix; a good practice's replication). */
    recommendation: text(),
    /** Withdrawn by the team (kept for the record, left out of minutes and the library). */
    withdrawnAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('finding_inspection_id_idx').on(t.inspectionId),
    index('finding_checklist_item_id_idx').on(t.checklistItemId),
    index('finding_kind_idx').on(t.kind),
    check('finding_kind_check', sql`${t.kind} in ('good_practice','shortcoming','violation')`),
    check('finding_severity_check', sql`(${t.kind} = 'good_practice' and ${t.severity} is null) or (${t.kind} <> 'good_practice' and ${t.severity} in ('minor','moderate','serious'))`),
  ],
);

/** The checklist evidence a finding rests on (of the same inspection). */
export const findingEvidence = pgTable(
  'finding_evidence',
  {
    findingId: uuid()
      .notNull()
      .references(() => finding.id, { onDelete: 'cascade' }),
    evidenceId: uuid()
      .notNull()
      .references(() => checklistEvidence.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ name: 'finding_evidence_pkey', columns: [t.findingId, t.evidenceId] }), index('finding_evidence_evidence_id_idx').on(t.evidenceId)],
);
