import { z } from 'zod';
import { isoDate, plainString } from './common.js';

/** The typed catalogue of audited actions (conventions.md §8); the UI labels each one. */
export const auditActions = [
  'session.signed_in',
  'session.signed_out',
  'user.password_changed',
  'user.created',
  'user.updated',
  'user.notification_preferences_updated',
  'unit.created',
  'unit.updated',
  'unit.deactivated',
  'unit.succession_added',
  'agency.created',
  'agency.updated',
  'agency.deactivated',
  'registry.imported',
  'setting.updated',
  'calendar.year_updated',
  'demo.seeded',
  'document.registered',
  'plan.created',
  'plan.updated',
  'plan.submitted',
  'plan.returned',
  'plan.issued',
  'plan.started',
  'plan.closed',
  'plan.superseded',
  'plan.amendment_created',
  'team.created',
  'team.updated',
  'team.members_replaced',
  'team.founded',
  'inspection.created',
  'inspection.updated',
  'inspection.started',
  'inspection.closed',
  'inspection.cancelled',
  'inspection.rescheduled',
  'inspection.notified',
  'notice.created',
  'notice.updated',
  'notice.issued',
  'job.retried',
  'document.frozen',
  'file.attached',
  'file.detached',
  'index_framework.created',
  'index_framework.updated',
  'index_framework.published',
  'index_framework.version_created',
  'index_scores.saved',
  'index_scores.imported',
  'feedback.recorded',
  'feedback.updated',
  'risk_weights.updated',
  'unannounced_draw.created',
  'unannounced_draw.revealed',
  'checklist_template.created',
  'checklist_template.updated',
  'checklist_template.published',
  'checklist_template.version_created',
  'checklist.created',
  'checklist.answer_saved',
  'checklist.evidence_added',
  'checklist.evidence_removed',
  'finding.created',
  'finding.updated',
  'finding.withdrawn',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** The kinds of record the audit trail speaks of. */
export const auditEntityTypes = ['unit', 'agency', 'user', 'setting', 'calendar_year', 'registry', 'system', 'inspection_plan', 'inspection_team', 'document_register_entry', 'issued_document', 'file_attachment', 'inspection', 'inspection_notice', 'index_framework', 'index_score_sheet', 'index_score_import', 'citizen_feedback', 'risk_weights', 'unannounced_draw', 'checklist_template', 'inspection_checklist', 'inspection_checklist_item', 'finding'] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export const auditQuery = z.object({
  entityType: z.enum(auditEntityTypes).optional(),
  entityId: plainString(100).optional(),
  actorId: z.uuid().optional(),
  action: z.enum(auditActions).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditListResponse = z.object({
  items: z.array(auditEventSchema),
  /** The number of matching events, counted up to a limit (10,000). */
  total: z.number().int(),
  /** True when more events match than `total` says (the count stopped at its limit). */
  totalIsLowerBound: z.boolean(),
});
