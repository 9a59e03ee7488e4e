import { describe, expect, it } from 'vitest';
import { planChanges, planFormValues } from './plan-form.js';
import type { PlanDetail } from './plans.types.js';

const plan = {
  id: '11111111-1111-4111-8111-111111111111',
  year: 2022,
  periodFrom: '2022-05',
  periodTo: '2022-12',
  targets: [{ agencyId: '22222222-2222-4222-8222-222222222222', name: 'Phòng Nội vụ', unitName: 'Thị xã Hoài Nhơn' }],
  content: {
    summary: 'Kiểm tra công tác cải cách hành chính năm 2022',
    legalBases: [],
    introduction: [{ kind: 'paragraph', content: 'Thực hiện …' }],
    purposes: [{ kind: 'bullet', content: 'Rà soát, đánh giá.' }],
    requirements: [],
    contents: [{ kind: 'lettered', letter: 'a', content: 'Công tác lãnh đạo.' }],
    formsThroughReports: [{ kind: 'paragraph', italic: true, content: 'Đoàn kiểm tra sử dụng …' }],
    formsDirectAnnounced: [],
    formsUnannounced: [],
    formsReinspection: [],
    targetsDescription: [],
    focus: [],
    standingOfficeHeading: 'Giao Phòng Nội vụ là cơ quan thường trực',
    standingOfficeDuties: [],
    unitDuties: [],
    closing: [],
    recipients: ['Sở Nội vụ;', 'Lưu: VT.'],
    signature: { authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', signerName: 'Phạm Trương' },
  },
} as unknown as PlanDetail;

describe('plan form', () => {
  it('sends nothing when nothing changed', () => {
    const values = planFormValues(plan);
    expect(planChanges(values, { ...values })).toBeNull();
  });

  it('sends only the sections and fields that changed', () => {
    const initial = planFormValues(plan);
    const values = {
      ...initial,
      periodTo: '2022-11',
      sections: { ...initial.sections, purposes: `${initial.sections.purposes}\n- Đôn đốc, hướng dẫn.` },
      recipients: '- Sở Nội vụ;\n- Thường trực Thị ủy;\n- Lưu: VT.',
      signature: { ...initial.signature, onBehalfOf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH' },
    };
    expect(planChanges(initial, values)).toEqual({
      periodTo: '2022-11',
      content: {
        purposes: [
          { kind: 'bullet', content: 'Rà soát, đánh giá.' },
          { kind: 'bullet', content: 'Đôn đốc, hướng dẫn.' },
        ],
        recipients: ['Sở Nội vụ;', 'Thường trực Thị ủy;', 'Lưu: VT.'],
        signature: { authority: 'TM. ỦY BAN NHÂN DÂN', onBehalfOf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', signerName: 'Phạm Trương' },
      },
    });
  });

  it('opens each section as the text that reads back to the same blocks', () => {
    const values = planFormValues(plan);
    expect(values.sections.contents).toBe('a) Công tác lãnh đạo.');
    expect(values.sections.formsThroughReports).toBe('*Đoàn kiểm tra sử dụng …*');
    expect(values.recipients).toBe('Sở Nội vụ;\nLưu: VT.');
  });
});
