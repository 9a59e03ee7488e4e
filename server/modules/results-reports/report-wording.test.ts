import { describe, expect, it } from 'vitest';
import { reportWording } from './report-wording.js';

describe('the results report’s words by the issuing authority’s level (reference §4.2 g, §7)', () => {
  it('a province reports to the Ministry, its leaders and its Sở Nội vụ follow up — no town words', () => {
    const w = reportWording({ kind: 'province' }, null);
    expect(w.recipients).toEqual(['Bộ Nội vụ (để báo cáo);', 'TT. Tỉnh ủy, TT. HĐND tỉnh;', 'Chủ tịch, các PCT UBND tỉnh;', 'Sở Nội vụ;', 'Các cơ quan, đơn vị được kiểm tra;', 'Lưu: VT, SNV.']);
    expect(w.followUp).toBe('Giao Sở Nội vụ theo dõi, đôn đốc việc khắc phục và tổng hợp, báo cáo kết quả.');
    expect(`${w.recipients.join(' ')} ${w.followUp}`).not.toMatch(/thị xã|Thị ủy|Phòng Nội vụ/);
  });

  it('a ward after 2025 reports to the province above it; its office follows up', () => {
    const w = reportWording({ kind: 'ward' }, { name: 'Tỉnh Gia Lai', kind: 'province' });
    expect(w.recipients.slice(0, 4)).toEqual(['UBND tỉnh Gia Lai (để báo cáo);', 'Sở Nội vụ tỉnh Gia Lai;', 'TT. Đảng ủy, TT. HĐND phường;', 'Chủ tịch, các PCT UBND phường;']);
    expect(w.followUp).toContain('Giao Văn phòng HĐND và UBND phường');
    expect(reportWording({ kind: 'commune' }, { name: 'Tỉnh Gia Lai', kind: 'province' }).recipients).toContain('Chủ tịch, các PCT UBND xã;');
  });

  it('names the province above with its level word when the registry names it without one ("Gia Lai")', () => {
    const w = reportWording({ kind: 'ward' }, { name: 'Gia Lai', kind: 'province' });
    expect(w.recipients.slice(0, 2)).toEqual(['UBND tỉnh Gia Lai (để báo cáo);', 'Sở Nội vụ tỉnh Gia Lai;']);
    expect(reportWording({ kind: 'ward' }, { name: 'Hồ Chí Minh', kind: 'city' }).recipients[0]).toBe('UBND thành phố Hồ Chí Minh (để báo cáo);');
  });

  it('a town (the seasons before 2025) keeps its words', () => {
    const w = reportWording({ kind: 'town' }, { name: 'Tỉnh Bình Định', kind: 'province' });
    expect(w.recipients.slice(0, 3)).toEqual(['UBND tỉnh Bình Định (để báo cáo);', 'Sở Nội vụ;', 'TT. Thị ủy, TT. HĐND thị xã;']);
    expect(w.followUp).toContain('Giao Phòng Nội vụ');
  });
});
