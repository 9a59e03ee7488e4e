import { describe, expect, it } from 'vitest';
import { draftTexts, factParagraphs } from './draft-texts.js';
import type { ReportFigures } from './report-figures.js';

/** A season's figures, as little as the texts read: visits, conclusions, findings. */
function season(o: { visits: number; issued: number; pending: number; shortcomings: number }): ReportFigures {
  return {
    year: 2026,
    inspections: { total: o.visits, byStatus: [{ status: 'closed', count: o.visits }], byKind: [{ kind: 'announced', count: o.visits }], byMonth: [], teams: [], reports: { due: 0, dueByToday: 0 }, agencies: o.visits },
    indices: [],
    sections: [{ key: 'findings', items: [{ key: 'shortcoming', value: o.shortcomings }, { key: 'violation', value: 0 }, { key: 'good_practice', value: 0 }] }],
    facts: { inspectedByKind: [], conclusionsIssued: o.issued, conclusionsPending: o.pending, escalations: { sent: 0, accepted: 0 } },
  } as unknown as ReportFigures;
}

describe('the starting texts of a results report follow its figures', () => {
  it('no conclusion issued yet (3 visits without one): none said to have been announced', () => {
    const f = season({ visits: 3, issued: 0, pending: 3, shortcomings: 1 });
    const t = draftTexts(f);
    expect(factParagraphs(f).measures[0]).toContain('Đã ban hành 0 thông báo kết luận kiểm tra; 3 cuộc');
    expect(t.measures).not.toMatch(/đã thông báo kết luận/);
    expect(t.measures).toContain('sẽ thông báo kết luận kiểm tra');
  });

  it('some conclusions issued, some pending: announced to those concluded only', () => {
    const t = draftTexts(season({ visits: 3, issued: 1, pending: 2, shortcomings: 1 }));
    expect(t.measures).toContain('đã thông báo kết luận kiểm tra đến các cơ quan, đơn vị đã được kết luận');
    expect(t.measures).not.toContain('đến từng cơ quan');
  });

  it('every conclusion issued: announced to each unit', () => {
    expect(draftTexts(season({ visits: 3, issued: 3, pending: 0, shortcomings: 1 })).measures).toContain('đã thông báo kết luận kiểm tra đến từng cơ quan, đơn vị');
  });

  it('no shortcoming found: no paragraph of their causes after "chưa phát hiện tồn tại, hạn chế"', () => {
    const f = season({ visits: 2, issued: 2, pending: 0, shortcomings: 0 });
    expect(factParagraphs(f).shortcomings).toEqual(['Năm 2026 chưa phát hiện tồn tại, hạn chế.']);
    expect(draftTexts(f).shortcomings).toBe('');
  });

  it('shortcomings found: their causes follow them', () => {
    const f = season({ visits: 2, issued: 2, pending: 0, shortcomings: 2 });
    expect(factParagraphs(f).shortcomings[0]).toContain('phát hiện 2 tồn tại, hạn chế');
    expect(draftTexts(f).shortcomings).toMatch(/^Nguyên nhân chủ yếu/);
  });

  it('no visit: no word of units having followed the plan or prepared for a team', () => {
    expect(draftTexts(season({ visits: 0, issued: 0, pending: 0, shortcomings: 0 })).strengths).not.toMatch(/kế hoạch kiểm tra|Đoàn kiểm tra/);
    expect(draftTexts(season({ visits: 1, issued: 0, pending: 1, shortcomings: 0 })).strengths).toContain('chấp hành nghiêm kế hoạch kiểm tra');
  });
});
