import { z } from 'zod';
import { isoDate, text, version } from './common.js';
import { documentText } from './documents.schemas.js';
import { signatureInput, signatureSchema } from './plans.schemas.js';

/** Inspection teams (đoàn kiểm tra), founded by a decision in the Chairman's name. */

export const teamMemberRoles = ['truong_doan', 'pho_truong_doan', 'thanh_vien', 'thu_ky'] as const;
export type TeamMemberRole = (typeof teamMemberRoles)[number];

/** How each role prints in the decision (Điều 1), as in the sample decision. */
export const teamMemberRoleLabels: Record<TeamMemberRole, string> = {
  truong_doan: 'Trưởng đoàn',
  pho_truong_doan: 'Phó Trưởng đoàn',
  thanh_vien: 'thành viên',
  thu_ky: 'Thư ký',
};

export const teamStatuses = ['draft', 'founded'] as const;
export const honorifics = ['Ông', 'Bà'] as const;

/** Texts of the decision and the member list are printed: NFC, trimmed, printable. */
const nfc = (max: number) => documentText(max);

/** Editable texts of the founding decision (Mẫu 1.2); Điều 1 is built from the members. */
export const teamDecisionInput = z.object({
  summary: nfc(500),
  legalBases: z.array(nfc(2000)).max(30),
  /** Điều 2: duties and powers of the team. */
  duties: nfc(5000),
  /** Điều 3: who carries the decision out. */
  implementation: nfc(5000),
  recipients: z.array(nfc(300)).max(40),
  signature: signatureInput,
});
export const teamDecisionSchema = z.object({
  summary: z.string(),
  legalBases: z.array(z.string()),
  duties: z.string(),
  implementation: z.string(),
  recipients: z.array(z.string()),
  signature: signatureSchema,
});
export type TeamDecision = z.infer<typeof teamDecisionSchema>;

export const teamMemberInput = z.object({
  honorific: z.enum(honorifics).nullish(),
  fullName: nfc(200),
  /** As printed: "Phó Chủ tịch UBND thị xã", "Trưởng phòng Nội vụ". */
  position: nfc(300),
  agencyId: z.uuid(),
  role: z.enum(teamMemberRoles),
  /** A user account with the inspector role, to give the member access to the inspection work. */
  userId: z.uuid().nullish(),
});

export const teamMemberSchema = z.object({
  id: z.uuid(),
  honorific: z.enum(honorifics).nullable(),
  fullName: z.string(),
  position: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  role: z.enum(teamMemberRoles),
  userId: z.uuid().nullable(),
});

/** Not an error: a member whose own agency is among the plan's targets. */
export const teamWarningSchema = z.object({
  code: z.literal('member_inspects_own_agency'),
  memberIndex: z.number().int(),
  agencyId: z.uuid(),
  agencyName: z.string(),
});

export const teamAbilitiesSchema = z.object({ update: z.boolean(), found: z.boolean() });

export const teamSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  name: z.string(),
  status: z.enum(teamStatuses),
  decision: teamDecisionSchema,
  members: z.array(teamMemberSchema),
  /** "16/QĐ-UBND" once founded. */
  documentNumber: z.string().nullable(),
  number: z.number().int().nullable(),
  issuedOn: z.string().nullable(),
  warnings: z.array(teamWarningSchema),
  abilities: teamAbilitiesSchema,
  version: z.number().int(),
});
export type Team = z.infer<typeof teamSchema>;
export const teamListResponse = z.object({ items: z.array(teamSchema) });

export const createTeamBody = z.object({
  /** "Đoàn kiểm tra công tác cải cách hành chính năm 2021 của thị xã Hoài Nhơn". */
  name: text(500),
  /** Defaults drawn from the plan when omitted. */
  decision: teamDecisionInput.optional(),
});

export const updateTeamBody = z.object({
  version,
  name: text(500).optional(),
  decision: teamDecisionInput.partial().optional(),
});

export const replaceMembersBody = z.object({
  version,
  members: z.array(teamMemberInput).max(50),
});

/** The Chairman signs the founding decision: the register gives the QĐ number. */
export const foundTeamBody = z.object({
  version,
  issuedOn: isoDate,
  signature: signatureInput.optional(),
});
