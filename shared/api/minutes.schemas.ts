import { z } from 'zod';
import { isoDate, version } from './common.js';
import { documentText } from './documents.schemas.js';

/**
 * Inspection minutes (Biên bản kiểm tra, reference §4.2 e, Decree 30 Mẫu 1.9): drafted by the team
 * from its checklists and findings, edited while a draft, finalised (numbered BB, frozen) and kept
 * with the signed scan.
 */

const clockTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'expected HH:MM');

const shape = (str: (max: number) => z.ZodType<string, string>, lines: z.ZodType<string[], string[]>, optionalStr: (max: number) => z.ZodType<string, string>) => {
  const person = z.object({ name: str(200), position: optionalStr(300) });
  return {
    /** Trích yếu: "Kiểm tra công tác cải cách hành chính tại UBND phường Bồng Sơn". */
    summary: str(500),
    legalBases: lines,
    /** The day and the time the check began, and where it was held. */
    heldOn: isoDate,
    startTime: clockTime,
    place: str(500),
    /** I. Thành phần: the team's members present, the unit's representatives. */
    teamPresent: z.array(person).max(40),
    unitRepresentatives: z.array(person).max(40),
    /** II. Nội dung kiểm tra: per content group, what was checked and found (documents sighted included). */
    contents: z.array(z.object({ title: str(500), lines })).max(30),
    /** III. Nhận xét, đánh giá của Đoàn kiểm tra: strengths, shortcomings, requests. */
    strengths: lines,
    shortcomings: lines,
    requests: lines,
    /** IV. Ý kiến của đơn vị được kiểm tra. */
    unitComments: lines,
    closingTime: clockTime,
    copies: z.number().int().min(1).max(20),
    /** The signatures: the unit's representative (post and name), the head of the team, the secretary. */
    unitSignerPosition: str(100),
    unitSignerName: optionalStr(100),
    teamLeaderName: optionalStr(100),
    secretaryName: optionalStr(100),
    recipients: lines,
  };
};

const inText = (max: number) => documentText(max) as unknown as z.ZodType<string, string>;
const inOptional = (max: number) => documentText(max, 0) as unknown as z.ZodType<string, string>;
const inLines = z.array(documentText(3000)).max(80) as unknown as z.ZodType<string[], string[]>;
const out = () => z.string() as unknown as z.ZodType<string, string>;
const outLines = z.array(z.string()) as unknown as z.ZodType<string[], string[]>;

export const minutesContentInput = z.object(shape(inText, inLines, inOptional));
export const minutesContentSchema = z.object(shape(out, outLines, out));
export type MinutesContent = z.infer<typeof minutesContentSchema>;

export const minutesStatuses = ['draft', 'final'] as const;
export type MinutesStatus = (typeof minutesStatuses)[number];

export const createMinutesBody = z.object({
  inspectionId: z.uuid(),
  content: minutesContentInput.partial().optional(),
});

export const updateMinutesBody = z.object({ version, content: minutesContentInput.partial() });

export const finalizeMinutesBody = z.object({ version });

export const listMinutesQuery = z.object({ inspectionId: z.uuid() });

export const minutesSchema = z.object({
  id: z.uuid(),
  inspectionId: z.uuid(),
  inspectionKind: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  teamName: z.string(),
  status: z.enum(minutesStatuses),
  content: minutesContentSchema,
  /** "03/BB-NV" once final. */
  documentNumber: z.string().nullable(),
  finalizedOn: z.string().nullable(),
  /** Uploaded scans of the signed paper copy (file ids, newest first). */
  signedScans: z.array(z.object({ id: z.uuid(), fileName: z.string(), uploadedAt: z.string() })),
  abilities: z.object({ update: z.boolean(), finalize: z.boolean(), uploadSignedScan: z.boolean() }),
  version: z.number().int(),
});
export type Minutes = z.infer<typeof minutesSchema>;

export const minutesListResponse = z.object({ items: z.array(minutesSchema) });
