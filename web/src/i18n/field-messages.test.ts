import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/api/common.js';
import { errorCodes, fieldErrorCodes } from '../../../shared/api/errors.js';
import { errorMessageKeys, fieldIssueKeys, fieldMessageKey } from './errors.js';
import { en } from './messages.en.js';
import { vi } from './messages.vi.js';

const messages = { vi: vi as Record<string, string>, en: en as Record<string, string> };

describe('every error code has a message in Vietnamese and English', () => {
  it.each(fieldErrorCodes)('field-level code %s', (code) => {
    const key = fieldIssueKeys[code];
    expect(key, `no message key for ${code}`).toBeTruthy();
    for (const [language, table] of Object.entries(messages)) {
      expect(table[key]?.trim(), `${language} has no message for ${code} (${key})`).toBeTruthy();
    }
    // Vietnamese is not English left untranslated.
    expect(vi[key]).not.toBe(en[key]);
  });

  it.each(errorCodes)('problem code %s', (code) => {
    const key = errorMessageKeys[code];
    for (const [language, table] of Object.entries(messages)) expect(table[key]?.trim(), `${language}: ${code}`).toBeTruthy();
  });

  it('names an impossible day of the shared date schema in Vietnamese, not as a generic "custom" check (issue 12 review #2)', () => {
    const issue = isoDate.safeParse('2021-02-30').error!.issues[0] as { params?: { code?: string } };
    expect(issue.params?.code).toBe('invalid_date');
    expect(vi[fieldMessageKey(issue.params!.code!)]).toContain('không có trên lịch');
  });

  it('reads a code the catalogue does not know as a generic "invalid", never as server prose', () => {
    expect(fieldMessageKey('some_new_code')).toBe('field.invalid');
    expect(fieldMessageKey('control_characters')).toBe('field.control_characters');
  });
});
