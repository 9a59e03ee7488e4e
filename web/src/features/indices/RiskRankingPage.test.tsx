// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { defaultRiskWeights } from '../../../../shared/domain/risk-ranking.js';
import { json, renderWithProviders } from '../../test/render.js';
import { RiskRankingPage } from './RiskRankingPage.js';

const town = { id: '10000000-0000-4000-8000-000000000001', name: 'Hoài Nhơn', kind: 'town' };
const item = (n: number, name: string, vi: string, en: string) => ({
  unitId: `20000000-0000-4000-8000-00000000000${n}`,
  unitName: name,
  unitKind: 'ward',
  targetAgencyId: `30000000-0000-4000-8000-00000000000${n}`,
  rank: n,
  score: 100 / n,
  factors: [],
  figures: { unmetCount: 5, pointsLost: 7.5, indexPct: 80, satisfactionPct: 78.2, complaints: 3, lastInspectedYear: 2019 },
  explanation: { vi, en },
});
const ranking = {
  parentUnitId: town.id,
  year: 2021,
  parFramework: { id: '40000000-0000-4000-8000-000000000001', name: 'Bộ chỉ số CCHC cấp xã (minh họa)', illustrative: true },
  sipasFramework: null,
  averageIndex: 86,
  averageSatisfaction: 84,
  unavailable: ['openActions', 'overdueActions', 'overdueTasks', 'lateReports'],
  weights: defaultRiskWeights,
  items: [
    item(1, 'Hoài Hải', 'Hạng 1 (điểm rủi ro 100): 5 tiêu chí chưa đạt (mất 7,5 điểm); SIPAS 78,2%, thấp hơn bình quân 6,1 điểm; chưa được kiểm tra từ năm 2019.', 'Rank 1 (risk score 100): 5 unmet criteria (7.5 points lost).'),
    item(2, 'Tam Quan Nam', 'Hạng 2 (điểm rủi ro 50): 2 phản ánh, kiến nghị năm 2021.', 'Rank 2 (risk score 50): 2 complaints in 2021.'),
  ],
};

function Probe() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function render(language: 'vi' | 'en' = 'vi') {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.startsWith('/api/units')) return json({ items: [town, { id: 'x', name: 'Bồng Sơn', kind: 'ward' }], nextCursor: null, total: 2 });
    if (url.startsWith('/api/risk-ranking')) return json(ranking);
    if (url.startsWith('/api/risk-weights')) return json({ unitId: town.id, weights: defaultRiskWeights, version: null, abilities: { update: false } });
    return json({}, 404);
  });
  vi.stubGlobal('fetch', fetch);
  renderWithProviders(
    <MemoryRouter initialEntries={['/risk-ranking']}>
      <Routes>
        <Route path="/risk-ranking" element={<RiskRankingPage />} />
        <Route path="/plans" element={<Probe />} />
      </Routes>
    </MemoryRouter>,
    { language },
  );
  return fetch;
}

describe('the risk ranking page', () => {
  it('shows each rank explained in Vietnamese, says which factors have no data yet, and takes the chosen units to a new plan', async () => {
    const fetch = render();
    expect(await screen.findByText(/Hạng 1 \(điểm rủi ro 100\): 5 tiêu chí chưa đạt \(mất 7,5 điểm\)/)).toBeTruthy();
    expect(String(fetch.mock.calls.find(([u]) => String(u).startsWith('/api/risk-ranking'))![0])).toContain(`parentUnitId=${town.id}`);
    expect(screen.getByText(/Chưa tính \(chưa có dữ liệu trong hệ thống\): Biện pháp khắc phục chưa hoàn thành/)).toBeTruthy();
    // The whole ranking as .xlsx, for the unit and year shown.
    expect(screen.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href')).toBe(`/api/risk-ranking.xlsx?parentUnitId=${town.id}&year=2021`);
    const user = userEvent.setup();
    const toPlan = screen.getByRole('button', { name: /Lập kế hoạch kiểm tra với 0 đơn vị/ });
    expect((toPlan as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Chọn Hoài Hải' }));
    await user.click(screen.getByRole('checkbox', { name: 'Chọn Tam Quan Nam' }));
    // The chosen units are named before the office goes on (the plan dialog lists them again).
    expect((await screen.findByTestId('risk-selected')).textContent).toBe('Đã chọn 2: Hoài Hải, Tam Quan Nam');
    await user.click(screen.getByRole('button', { name: /Lập kế hoạch kiểm tra với 2 đơn vị đã chọn/ }));
    expect((await screen.findByTestId('where')).textContent).toBe(`/plans?newPlan=1&year=2022&targets=${ranking.items[0].targetAgencyId},${ranking.items[1].targetAgencyId}`);
  });

  it('speaks English when asked', async () => {
    render('en');
    expect(await screen.findByText('Rank 2 (risk score 50): 2 complaints in 2021.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Export to Excel' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Why' })).toBeTruthy();
  });
});
