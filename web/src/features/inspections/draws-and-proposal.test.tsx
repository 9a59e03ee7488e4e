// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Draw, DrawVerification } from '../../../../shared/api/draws.schemas.js';
import { canonicalPool as canonicalPoolOf, drawFromPool } from '../../../../shared/domain/unannounced-draw.js';
import type { ScheduleProposal } from '../../../../shared/api/schedule-proposals.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { DrawsPanel } from './DrawsPanel.js';
import { DrawVerificationPage } from './DrawVerificationPage.js';
import { ScheduleProposalPanel } from './ScheduleProposalPanel.js';

const planId = '6c1f3d0e-2222-4c1e-9d1a-0a0a0a0a0a0a';
const desk = (n: number) => ({ agencyId: `6c1f3d0e-3333-4c1e-9d1a-0a0a0a0a0a0${n}`, name: `Bộ phận Một cửa ${n}`, unitName: `Phường ${n}`, kind: 'one_stop_desk', weight: 1, riskScore: null });
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const draw: Draw = {
  id: '6c1f3d0e-7777-4c1e-9d1a-0a0a0a0a0a0a',
  planId,
  sequence: 1,
  status: 'drawn',
  supersededAt: null,
  supersedeReason: null,
  k: 1,
  placeKinds: ['one_stop_desk'],
  weighting: 'uniform',
  riskYear: null,
  pool: [desk(1), desk(2)],
  drawn: [desk(2)],
  seedHash: 'a'.repeat(64),
  poolHash: 'b'.repeat(64),
  seed: null,
  note: null,
  createdAt: '2021-05-11T02:00:00.000Z',
  revealedAt: null,
  pendingVisits: 0,
  unvisitedPlaces: 1,
  abilities: { reveal: false },
  version: 1,
};

describe('the draw of unannounced targets', () => {
  it('shows the commitment and the drawn places, offers no reveal until the server allows it, then reveals with the version read', async () => {
    const calls: string[] = [];
    let current = draw;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        calls.push(`${init?.method ?? 'GET'} ${url} ${init?.body ?? ''}`);
        if (url.startsWith('/api/unannounced-draws?')) return json({ items: [current] });
        if (url === `/api/unannounced-draws/${draw.id}/reveal`) {
          current = { ...current, seed: 'c'.repeat(64), revealedAt: '2021-06-18T02:00:00.000Z', abilities: { reveal: false }, version: 2 };
          return json(current);
        }
        return json({ type: 'about:blank', title: 'NOT_FOUND', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
      }),
    );
    const { unmount } = renderWithProviders(
      <MemoryRouter>
        <DrawsPanel planId={planId} />
      </MemoryRouter>,
    );
    expect(await screen.findByText('a'.repeat(64))).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Các nơi được bốc' })).getByText('Bộ phận Một cửa 2')).toBeTruthy();
    expect(screen.getByText('Chưa công bố được: 1 nơi chưa được kiểm tra, 0 cuộc kiểm tra đột xuất chưa bắt đầu.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Công bố khóa' })).toBeNull();
    unmount();

    current = { ...draw, unvisitedPlaces: 0, abilities: { reveal: true } };
    renderWithProviders(
      <MemoryRouter>
        <DrawsPanel planId={planId} />
      </MemoryRouter>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Công bố khóa' }));
    expect(await screen.findByRole('link', { name: 'Trang kiểm chứng công khai' })).toBeTruthy();
    expect(calls).toContain(`POST /api/unannounced-draws/${draw.id}/reveal {"version":1}`);
  });

  it('asks for a reason when the server refuses a redraw over an unrevealed draw, sends it, and shows each draw with its number and status', async () => {
    const posts: string[] = [];
    let items: Draw[] = [draw];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (url.startsWith('/api/unannounced-draws?')) return json({ items });
        if (url === '/api/unannounced-draws' && init?.method === 'POST') {
          const body = JSON.parse(String(init.body)) as { supersedeReason?: string };
          posts.push(String(init.body));
          if (!body.supersedeReason)
            return json({ type: 'about:blank', title: 'Bad Request', status: 400, code: 'VALIDATION_FAILED', requestId: 'r', invalidParams: [{ name: 'body.supersedeReason', code: 'supersede_required', reason: 'x' }] }, 400);
          const second: Draw = { ...draw, id: '6c1f3d0e-7777-4c1e-9d1a-0a0a0a0a0a0c', sequence: 2, drawn: [desk(1)] };
          items = [second, { ...draw, status: 'superseded', supersededAt: '2021-05-12T02:00:00.000Z', supersedeReason: body.supersedeReason }];
          return json(second, 201);
        }
        return json({ type: 'about:blank', title: 'NOT_FOUND', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
      }),
    );
    renderWithProviders(
      <MemoryRouter>
        <DrawsPanel planId={planId} />
      </MemoryRouter>,
    );
    expect(await screen.findByText('Đã bốc, chưa công bố')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Bốc thăm' }));
    const reason = await screen.findByLabelText(/Lý do bốc lại/);
    await userEvent.type(reason, 'Nhầm loại địa điểm');
    await userEvent.click(screen.getByRole('button', { name: 'Bốc thăm' }));
    expect(await screen.findByText('Bị thay thế (đã bốc lại)')).toBeTruthy();
    expect(screen.getByText('Lý do bốc lại: Nhầm loại địa điểm')).toBeTruthy();
    expect(posts).toHaveLength(2);
    expect(JSON.parse(posts[1])).toMatchObject({ supersedeReason: 'Nhầm loại địa điểm' });
  });

  it('lets anyone check a revealed draw: the hashes and the draw are computed again in the browser, the pool named, every draw of the plan listed', async () => {
    const seed = 'c'.repeat(64);
    const pool = [desk(1), desk(2), desk(3)];
    const canonicalPool = canonicalPoolOf(pool, 1);
    const drawn = drawFromPool(seed, pool, 1, sha);
    const earlier = { id: '6c1f3d0e-7777-4c1e-9d1a-0a0a0a0a0a0b', sequence: 1, createdAt: '2021-05-10T02:00:00.000Z', seedHash: 'd'.repeat(64), poolHash: 'e'.repeat(64), status: 'superseded' as const, supersededAt: draw.createdAt, supersedeReason: 'Nhầm loại địa điểm', revealedAt: null };
    const v: DrawVerification = {
      id: draw.id,
      sequence: 2,
      status: 'revealed',
      supersededAt: null,
      supersedeReason: null,
      planDraws: [earlier, { id: draw.id, sequence: 2, createdAt: draw.createdAt, seedHash: sha(seed), poolHash: sha(canonicalPool), status: 'revealed', supersededAt: null, supersedeReason: null, revealedAt: '2021-06-18T02:00:00.000Z' }],
      algorithm: 'sha256-sequential-weighted-v1',
      description: 'Sort the pool by agency id…',
      k: 1,
      pool,
      canonicalPool,
      seed,
      seedHash: sha(seed),
      poolHash: sha(canonicalPool),
      drawn,
      recomputed: drawn,
      checks: { seedMatches: true, poolMatches: true, drawMatches: true },
      createdAt: draw.createdAt,
      revealedAt: '2021-06-18T02:00:00.000Z',
    };
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        urls.push(String(input));
        return json(v);
      }),
    );
    renderWithProviders(
      <MemoryRouter initialEntries={[`/verify-draw/${draw.id}`]}>
        <Routes>
          <Route path="/verify-draw/:id" element={<DrawVerificationPage />} />
        </Routes>
      </MemoryRouter>,
    );
    const checks = await screen.findByRole('table', { name: 'Kết quả kiểm chứng' });
    // Three server checks, and the two hashes and the draw the browser computed itself, all matching.
    await vi.waitFor(() => expect(within(checks).getAllByText('Khớp')).toHaveLength(6));
    expect(within(checks).queryByText('Không khớp')).toBeNull();
    // The browser's draw, by name, beside the stored result and the server's.
    const name = pool.find((c) => c.agencyId === drawn[0])!;
    const drawnTable = screen.getByRole('table', { name: 'Các nơi được bốc' });
    await vi.waitFor(() => expect(within(drawnTable).getAllByText(`${name.name} — ${name.unitName}`)).toHaveLength(3));
    // The pool by name, and the earlier draw set aside, with its reason and its commitment.
    const poolTable = await screen.findByRole('table', { name: 'Danh sách bốc thăm' });
    for (const c of pool) expect(within(poolTable).getByText(c.name)).toBeTruthy();
    const planDraws = await screen.findByRole('table', { name: 'Mọi lần bốc của kế hoạch (đến lần này)' });
    expect(within(planDraws).getByText('Bị thay thế (đã bốc lại) — Nhầm loại địa điểm')).toBeTruthy();
    expect(within(planDraws).getByText('d'.repeat(64))).toBeTruthy();
    expect(urls).toEqual([`/api/public/unannounced-draws/${draw.id}`]);
    // The algorithm explained in Vietnamese on the Vietnamese page, not the server's English.
    expect(screen.getByText(/^Xếp danh sách theo mã cơ quan\./)).toBeTruthy();
    expect(screen.queryByText('Sort the pool by agency id…')).toBeNull();
  });
});

describe('the proposed schedule', () => {
  it('shows each placement with its explanation and schedules only those the office keeps', async () => {
    const proposal: ScheduleProposal = {
      planId,
      kind: 'announced',
      from: '2021-06-01',
      to: '2021-12-15',
      firstDay: '2021-06-08',
      workingDays: 130,
      asOf: '2021-05-11',
      placements: [1, 2, 3].map((n) => ({
        agencyId: desk(n).agencyId,
        agencyName: `UBND phường ${n}`,
        teamId: '6c1f3d0e-4444-4c1e-9d1a-0a0a0a0a0a0a',
        teamName: 'Đoàn kiểm tra số 1',
        startsOn: `2021-0${5 + n}-15`,
        explanation: `Tháng ${5 + n} còn ít cuộc nhất; ngày làm việc.`,
        explanationEn: `Month ${5 + n} has the fewest visits; a working day.`,
      })),
      unplaced: [],
      perMonth: {},
    };
    const bodies: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (url === '/api/schedule-proposals') return json(proposal);
        if (url === '/api/schedule-proposals/accept') {
          bodies.push(JSON.parse(String(init?.body)));
          // Each created visit with its warnings, as the server answers (a Saturday).
          const saturday = { code: 'non_working_day', severity: 'warning', message: 'Ngày 17/07/2021 là Thứ Bảy, không phải ngày làm việc.', messageEn: '17/07/2021 is a Saturday.', date: '2021-07-17', otherInspectionId: null, overridable: true };
          return json({ created: 2, ids: [], items: [{ warnings: [] }, { warnings: [saturday] }] }, 201);
        }
        return json({ type: 'about:blank', title: 'NOT_FOUND', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
      }),
    );
    renderWithProviders(<ScheduleProposalPanel planId={planId} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Đề xuất lịch' }));
    expect(await screen.findByText('Tháng 7 còn ít cuộc nhất; ngày làm việc.')).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'UBND phường 2 15/07/2021' }));
    await userEvent.click(screen.getByRole('button', { name: 'Nhận 2 cuộc đã chọn' }));
    expect(await screen.findByText('Đã lên lịch 2 cuộc kiểm tra.')).toBeTruthy();
    expect(screen.getByText('Ngày 17/07/2021 là Thứ Bảy, không phải ngày làm việc.')).toBeTruthy();
    expect(bodies).toEqual([
      {
        planId,
        placements: [
          { agencyId: desk(1).agencyId, teamId: proposal.placements[0].teamId, startsOn: '2021-06-15' },
          { agencyId: desk(3).agencyId, teamId: proposal.placements[0].teamId, startsOn: '2021-08-15' },
        ],
      },
    ]);
  });
});
