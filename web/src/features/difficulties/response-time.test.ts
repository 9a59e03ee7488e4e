import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n.js';
import { responseTimeText } from './response-time.js';

describe('responseTimeText', () => {
  const vi = translator('vi');
  const en = translator('en');
  const d = { raisedOn: '2021-09-20', responseWorkingDays: null, waitingWorkingDays: null, status: 'raised' as const };

  it('counts the answer or the wait in working days', () => {
    expect(responseTimeText(vi, { ...d, status: 'answered', responseWorkingDays: 6 })).toBe('6 ngày làm việc');
    expect(responseTimeText(vi, { ...d, waitingWorkingDays: 4 })).toBe('Đã chờ 4 ngày làm việc');
  });

  it('reads an open one of an earlier year (no count from the server) as not answered since its date, in vi and en', () => {
    expect(responseTimeText(vi, d)).toBe('Chưa trả lời (nêu ngày 20/09/2021)');
    expect(responseTimeText(en, { ...d, status: 'forwarded' })).toBe('Not answered (raised 20/09/2021)');
    expect(responseTimeText(vi, { ...d, status: 'closed' })).toBe('—');
  });
});
