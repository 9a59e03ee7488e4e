// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FrameworkDetail, Sheet } from '../../../../shared/api/indices.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { frameworkSummary } from './framework.test-support.js';
import { SheetForm } from './ScoreSheetPage.js';

const id = (n: number) => `50000000-0000-4000-8000-00000000000${n}`;
const node = (n: number, parent: number | null, code: string, name: string, maxPoints: number, unmetBelow: number | null = null) => ({
  id: id(n),
  parentId: parent === null ? null : id(parent),
  level: parent === null ? ('area' as const) : ('criterion' as const),
  code,
  name,
  maxPoints,
  scoringMethod: 'appraised' as const,
  expectedEvidence: null,
  unmetBelow,
  position: n,
});
const framework: FrameworkDetail = {
  ...frameworkSummary({ id: id(9), ownerAgencyId: id(8), name: 'Bộ chỉ số CCHC cấp xã (minh họa)', illustrative: true }),
  criteria: [node(1, null, '1', 'Chỉ đạo, điều hành', 10), node(2, 1, '1.1', 'Kế hoạch CCHC', 4), node(3, 1, '1.2', 'Hồ sơ đúng hạn', 6, 5)],
  abilities: { update: false, publish: false, newVersion: true, score: true, import: true },
};
const sheet: Sheet = {
  frameworkId: framework.id,
  unitId: id(7),
  unitName: 'Hoài Hải',
  year: 2021,
  version: 3,
  origin: 'demo',
  updatedAt: '2021-12-01T00:00:00.000Z',
  entries: [
    { criterionId: id(2), selfPoints: 4, appraisedPoints: 3.5, finalPoints: null, notApplicable: false, unmet: true },
    { criterionId: id(3), selfPoints: null, appraisedPoints: 5.5, finalPoints: null, notApplicable: false, unmet: false },
  ],
  summary: { total: 9, applicableMax: 10, indexPct: 90, pointsLost: 1, unmet: [], scoredLeaves: 2, applicableLeaves: 2, leafCount: 2, complete: true },
  abilities: { update: true },
};

describe('a unit’s score sheet', () => {
  it('flags unmet criteria, recomputes the totals as points are typed, and saves the whole sheet with its version', async () => {
    const fetch = vi.fn(async () => json({ ...sheet, version: 4 }));
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(<SheetForm framework={framework} sheet={sheet} />);
    expect(screen.getByRole('heading', { name: 'Điểm Hoài Hải năm 2021' })).toBeTruthy();
    expect(screen.getByText('Số liệu demo')).toBeTruthy();
    expect(screen.getByTestId('sheet-summary').textContent).toBe('Tổng 9/10 điểm; chỉ số 90%; 1 tiêu chí chưa đạt (mất 1 điểm).');
    const row = (code: string) => screen.getByRole('cell', { name: code }).closest('tr')!;
    expect(within(row('1.1')).getByText('Chưa đạt')).toBeTruthy();
    expect(within(row('1.2')).queryByText('Chưa đạt')).toBeNull();

    const user = userEvent.setup();
    // A final 4,5 on 1.2 falls below its own threshold (5): now unmet too.
    await user.type(screen.getByRole('textbox', { name: '1.2 Chính thức' }), '4,5');
    expect(await within(row('1.2')).findByText('Chưa đạt')).toBeTruthy();
    expect(screen.getByTestId('sheet-summary').textContent).toBe('Tổng 8/10 điểm; chỉ số 80%; 2 tiêu chí chưa đạt (mất 2 điểm).');

    await user.click(screen.getByRole('button', { name: 'Lưu điểm' }));
    await screen.findByText('Đã lưu điểm.');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/api/index-frameworks/${framework.id}/sheets/${sheet.unitId}/2021`);
    expect(init.method).toBe('PUT');
    expect(JSON.parse(String(init.body))).toEqual({
      version: 3,
      entries: [
        { criterionId: id(2), selfPoints: 4, appraisedPoints: 3.5, finalPoints: null, notApplicable: false },
        { criterionId: id(3), selfPoints: null, appraisedPoints: 5.5, finalPoints: 4.5, notApplicable: false },
      ],
    });
  });

  it('says a partly scored sheet has no index yet, and is left out of averages and ranks', async () => {
    renderWithProviders(<SheetForm framework={framework} sheet={sheet} />);
    expect(screen.queryByTestId('sheet-incomplete')).toBeNull();
    const user = userEvent.setup();
    await user.clear(screen.getByRole('textbox', { name: '1.1 Tự đánh giá' }));
    await user.clear(screen.getByRole('textbox', { name: '1.1 Thẩm định' }));
    // 1.1 is no longer scored: no index; what is lost is what was judged (1.2: 5,5 of 6).
    expect((await screen.findByTestId('sheet-incomplete')).textContent).toBe('Chưa chấm đủ: 1/2 tiêu chí có điểm. Phiếu chưa đủ chưa có chỉ số, không tính vào bình quân và xếp hạng.');
    expect(screen.getByTestId('sheet-summary').textContent).toBe('Tổng 5,5/10 điểm; chỉ số –; 0 tiêu chí chưa đạt (mất 0,5 điểm).');
  });
});
