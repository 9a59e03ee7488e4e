/**
 * The files of a unit's report and the template's required attachments (issue 9 §1, §5). A file
 * of a report is kept under a purpose: the report made outside (`report_file`, the signed scan or
 * the .docx), the template's attachments (`attachment_1`… in the template's order) or other
 * evidence. server/modules/reports/reports.files.ts registers their rules from this list.
 */

/** At most this many attachments in a template (one purpose each). */
export const MAX_TEMPLATE_ATTACHMENTS = 20;
export const attachmentSlots: readonly string[] = Array.from({ length: MAX_TEMPLATE_ATTACHMENTS }, (_, i) => `attachment_${i + 1}`);
export const submissionFilePurposes: readonly string[] = ['report_file', ...attachmentSlots, 'evidence'];

export interface TemplateAttachmentDef {
  label: string;
  required: boolean;
  /** The purpose its files are kept under; absent: its slot by position (`attachment_<i+1>`). */
  purpose?: string;
}

/** The purpose the i-th attachment of a template is attached as. */
export const attachmentPurpose = (a: Pick<TemplateAttachmentDef, 'purpose'>, index: number): string => a.purpose ?? `attachment_${index + 1}`;

/**
 * What is wrong with a template's attachments, as [index, code]: a purpose the report's files do
 * not know (a file could never be attached to it, so a required one could never be met), or two
 * attachments kept under one purpose.
 */
export function attachmentProblems(attachments: readonly Pick<TemplateAttachmentDef, 'purpose'>[]): AttachmentProblem[] {
  const seen = new Set<string>();
  const out: AttachmentProblem[] = [];
  attachments.forEach((a, index) => {
    const purpose = attachmentPurpose(a, index);
    if (!submissionFilePurposes.includes(purpose)) out.push({ index, code: 'unknown_purpose' });
    else if (seen.has(purpose)) out.push({ index, code: 'duplicate' });
    seen.add(purpose);
  });
  return out;
}

export interface AttachmentProblem {
  index: number;
  code: 'unknown_purpose' | 'duplicate';
}
