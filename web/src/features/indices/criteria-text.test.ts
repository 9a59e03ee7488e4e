import { describe, expect, it } from 'vitest';
import { criteriaFromText, criteriaToText } from './criteria-text.js';

describe('criteria as lines', () => {
  it('nests by code, reads decimal commas and evidence, and reports lines it cannot read', () => {
    const { criteria, errors } = criteriaFromText('1 | Chỉ đạo, điều hành | 4\n1.1 | Kế hoạch CCHC | 1,5 | Kế hoạch năm\n1.2 | Báo cáo | 2.5\n\n2 | Cải cách TTHC | 6\n9.1 | Không có cha | 1\nhỏng');
    expect(criteria).toEqual([
      { code: '1', name: 'Chỉ đạo, điều hành', maxPoints: 4, children: [{ code: '1.1', name: 'Kế hoạch CCHC', maxPoints: 1.5, expectedEvidence: 'Kế hoạch năm' }, { code: '1.2', name: 'Báo cáo', maxPoints: 2.5 }] },
      { code: '2', name: 'Cải cách TTHC', maxPoints: 6 },
    ]);
    expect(errors).toEqual(['6: 9.1 | Không có cha | 1', '7: hỏng']);
  });

  it('writes a tree back as the same lines', () => {
    expect(criteriaToText([{ code: '1', name: 'A', maxPoints: 4, expectedEvidence: null }, { code: '1.1', name: 'B', maxPoints: 1.5, expectedEvidence: 'E' }])).toBe('1 | A | 4\n1.1 | B | 1,5 | E');
  });
});
