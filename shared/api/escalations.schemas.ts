import { z } from 'zod';
import { isoDate, version } from './common.js';
import { documentText } from './documents.schemas.js';
import { signatureInput, signatureSchema } from './plans.schemas.js';
import { escalationForms, escalationMoves, escalationStatuses } from '../domain/follow-up.js';

/**
 * Escalation to the public-service inspection team (M12, plan III.1): a Tờ trình or a công văn,
 * numbered at issue, with the findings and evidence attached, then accepted or declined and its
 * result recorded.
 */

const contentShape = (str: (max: number) => z.ZodType<string, string>, lines: z.ZodType<string[], string[]>) => ({
  /** Trích yếu: "Đề nghị kiểm tra công vụ tại UBND phường Tam Quan Bắc" (after "V/v" on a công văn). */
  summary: str(500),
  /** "Kính gửi:" lines. */
  addressees: lines,
  /** The body, one paragraph per line: what was found, why a public-service inspection is asked for. */
  body: lines,
  recipients: lines,
});
const inText = (max: number) => documentText(max) as unknown as z.ZodType<string, string>;
const inLines = z.array(documentText(3000)).max(60) as unknown as z.ZodType<string[], string[]>;
const outLines = z.array(z.string()) as unknown as z.ZodType<string[], string[]>;

export const escalationContentInput = z.object({ ...contentShape(inText, inLines), signature: signatureInput });
export const escalationContentSchema = z.object({ ...contentShape(() => z.string(), outLines), signature: signatureSchema });
export type EscalationContent = z.infer<typeof escalationContentSchema>;

export const createEscalationBody = z.object({
  inspectionId: z.uuid(),
  form: z.enum(escalationForms),
  /** The plan's People's Committee (default) or its standing office. */
  issuingAgencyId: z.uuid().optional(),
  content: escalationContentInput.partial().optional(),
  /** Findings of the inspection the proposal is made from. */
  findingIds: z.array(z.uuid()).max(50).optional(),
});
export const updateEscalationBody = z.object({ version, form: z.enum(escalationForms).optional(), content: escalationContentInput.partial().optional(), findingIds: z.array(z.uuid()).max(50).optional() });
export const issueEscalationBody = z.object({ version, issuedOn: isoDate, signature: signatureInput.optional() });
export const decideEscalationBody = z.object({ version, decision: z.enum(['accept', 'decline']), decidedOn: isoDate, note: documentText(3000).optional() });
export const escalationResultBody = z.object({ version, resultOn: isoDate, result: documentText(5000) });
export const listEscalationsQuery = z.object({ inspectionId: z.uuid().optional(), planId: z.uuid().optional() });

export const escalationSchema = z.object({
  id: z.uuid(),
  inspectionId: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  planId: z.uuid(),
  issuingAgencyId: z.uuid(),
  issuingAgencyName: z.string(),
  form: z.enum(escalationForms),
  status: z.enum(escalationStatuses),
  content: escalationContentSchema,
  documentNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
  resultOn: z.string().nullable(),
  result: z.string().nullable(),
  /** The findings the proposal is made from; the recorded result is theirs. */
  findings: z.array(z.object({ id: z.uuid(), kind: z.string(), title: z.string() })),
  allowedMoves: z.array(z.enum(escalationMoves)),
  abilities: z.object({ update: z.boolean(), issue: z.boolean(), decide: z.boolean(), recordResult: z.boolean() }),
  version: z.number().int(),
});
export type Escalation = z.infer<typeof escalationSchema>;
export const escalationListResponse = z.object({ items: z.array(escalationSchema) });
