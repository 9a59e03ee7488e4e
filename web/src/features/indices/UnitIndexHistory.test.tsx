// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders } from '../../test/render.js';
import { UnitIndexHistory } from './UnitIndexHistory.js';

const unitId = '60000000-0000-4000-8000-000000000001';
const entry = (year: number, kind: 'par' | 'sipas', indexPct: number, rank: number, unmet: string[]) => ({
  frameworkId: `70000000-0000-4000-8000-00000000000${kind === 'par' ? 1 : 2}`,
  frameworkCode: kind === 'par' ? 'PAR-XA' : 'SIPAS-XA',
  frameworkName: '…',
  kind,
  illustrative: true,
  year,
  origin: 'demo',
  total: indexPct,
  applicableMax: 100,
  indexPct,
  pointsLost: 100 - indexPct,
  unmet: unmet.map((code) => ({ criterionId: unitId, code, name: code, points: 0, maxPoints: 1, threshold: 1, lost: 1 })),
  rank,
  peerCount: 17,
  peerAverage: 88.25,
});

describe('a unit’s index history', () => {
  it('lists each year’s index with the rank among the peers and the unmet criteria', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ unitId, unitName: 'Hoài Hải', items: [entry(2021, 'par', 72.5, 17, ['1.1', '3.2.2']), entry(2020, 'par', 75, 16, [])] })));
    renderWithProviders(
      <MemoryRouter>
        <UnitIndexHistory unitId={unitId} />
      </MemoryRouter>,
    );
    const table = await screen.findByRole('table', { name: 'Kết quả chỉ số qua các năm' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['2021Chỉ số CCHC Số liệu demo72,5 (Bình quân: 88,25%)17/171.1, 3.2.2', '2020Chỉ số CCHC Số liệu demo75 (Bình quân: 88,25%)16/17–']);
  });
});
