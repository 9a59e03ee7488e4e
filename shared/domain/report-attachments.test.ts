import { describe, expect, it } from 'vitest';
import { attachmentProblems, attachmentPurpose, submissionFilePurposes } from './report-attachments.js';

describe('a template’s attachments and the purposes of a report’s files', () => {
  it('keeps the i-th attachment in its slot unless it names a purpose', () => {
    expect(attachmentPurpose({}, 0)).toBe('attachment_1');
    expect(attachmentPurpose({ purpose: 'report_file' }, 3)).toBe('report_file');
    expect(submissionFilePurposes).toEqual(expect.arrayContaining(['report_file', 'evidence', 'attachment_1', 'attachment_20']));
  });

  it('refuses a purpose the report’s files do not know, and two attachments under one purpose', () => {
    expect(attachmentProblems([{}, { purpose: 'evidence' }, { purpose: 'report_file' }])).toEqual([]);
    expect(attachmentProblems([{}, { purpose: 'photos' }])).toEqual([{ index: 1, code: 'unknown_purpose' }]);
    expect(attachmentProblems([{ purpose: 'attachment_21' }])).toEqual([{ index: 0, code: 'unknown_purpose' }]);
    expect(attachmentProblems([{ purpose: 'attachment_2' }, {}])).toEqual([{ index: 1, code: 'duplicate' }]);
  });
});
