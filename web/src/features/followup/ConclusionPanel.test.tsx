// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Conclusion, ConclusionAction } from '../../../../shared/api/conclusions.schemas.js';
import { sessionKey } from '../../auth/session.js';
import { createQueryClient } from '../../lib/query-client.js';
import { json, renderWithProviders } from '../../test/render.js';
import { ConclusionPanel } from './ConclusionPanel.js';
import { ConclusionView } from './ConclusionPage.js';
import { ReinspectionActionsPanel } from './ReinspectionActionsPanel.js';

const inspectionId = '6c1f3d0e-dddd-4c1e-9d1a-0a0a0a0a0a01';
const officeId = '6c1f3d0e-ffff-4c1e-9d1a-0a0a0a0a0a01';
const conclusionId = '6c1f3d0e-aaaa-4c1e-9d1a-0a0a0a0a0a01';
const teamId = '6c1f3d0e-7777-4c1e-9d1a-0a0a0a0a0a01';
const problem = { type: 'about:blank', title: 'NOT_FOUND', status: 404, code: 'NOT_FOUND', requestId: 'r' };
const office = () => {
  const queryClient = createQueryClient();
  queryClient.setQueryData(sessionKey, { capabilities: ['conclusion.draft', 'inspection.schedule'] });
  return queryClient;
};
const action = (n: number, status: ConclusionAction['status']): ConclusionAction => ({
  id: `6c1f3d0e-cccc-4c1e-9d1a-0a0a0a0a0a0${n}`,
  position: n,
  content: `Yêu cầu số ${n}`,
  contentGroup: 'c',
  responsibleAgencyId: '6c1f3d0e-bbbb-4c1e-9d1a-0a0a0a0a0a01',
  responsibleAgencyName: 'UBND phường Bồng Sơn',
  dueOn: '2021-07-09',
  dueWorkingDays: null,
  reportDueOn: null,
  reportDueWorkingDays: null,
  status,
  overdue: status !== 'closed',
  version: 1,
});

describe('conclusion panel on the inspection page', () => {
  it('lets the office draft the notice in its own name under authorisation (TUQ.) and opens it', async () => {
    const posts: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (init?.method === 'POST') {
          posts.push(JSON.parse(String(init.body)));
          return json({ id: conclusionId }, 201);
        }
        if (url.startsWith('/api/settings/standing-body')) return json({ unitId: officeId, unitName: 'Thị xã Hoài Nhơn', agencyId: officeId, agencyName: 'Phòng Nội vụ', version: 1 });
        if (url.startsWith('/api/conclusions')) return json({ items: [] });
        return json(problem, 404);
      }),
    );
    renderWithProviders(
      <MemoryRouter initialEntries={['/inspections/x']}>
        <Routes>
          <Route path="/inspections/x" element={<ConclusionPanel inspectionId={inspectionId} status="closed" />} />
          <Route path="/conclusions/:id" element={<p>trang thông báo</p>} />
        </Routes>
      </MemoryRouter>,
      { queryClient: office() },
    );
    expect(await screen.findByText('Chưa có thông báo kết luận.')).toBeTruthy();
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Ban hành dưới danh nghĩa Phòng Nội vụ (TUQ. Chủ tịch)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Dự thảo thông báo kết luận từ biên bản' }));
    expect(await screen.findByText('trang thông báo')).toBeTruthy();
    expect(posts).toEqual([{ inspectionId, issuingAgencyId: officeId }]);
  });

  it('offers no draft before the visit has taken place', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ items: [] })));
    renderWithProviders(
      <MemoryRouter>
        <ConclusionPanel inspectionId={inspectionId} status="notified" />
      </MemoryRouter>,
      { queryClient: office() },
    );
    expect(await screen.findByText('Chưa có thông báo kết luận.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Dự thảo thông báo kết luận từ biên bản' })).toBeNull();
  });
});

describe('re-inspection from the open actions', () => {
  it('lists only the actions still open and schedules the re-inspection with them', async () => {
    const issued = {
      id: conclusionId,
      inspectionId,
      inspectionKind: 'announced',
      agencyId: '6c1f3d0e-bbbb-4c1e-9d1a-0a0a0a0a0a01',
      agencyName: 'UBND phường Bồng Sơn',
      planId: '6c1f3d0e-8888-4c1e-9d1a-0a0a0a0a0a01',
      issuingAgencyId: officeId,
      issuingAgencyName: 'UBND thị xã Hoài Nhơn',
      status: 'issued',
      content: { summary: 'Kết luận', legalBases: [], introduction: '', overview: [], strengths: [], shortcomings: [], requirementsIntro: '', organisation: [], recipients: [], signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } },
      actions: [action(1, 'closed'), action(2, 'in_progress'), action(3, 'open')],
      documentNumber: '05/TB-UBND',
      issuedOn: '2021-06-25',
      abilities: { update: false, issue: false, reinspect: true },
      version: 4,
    } satisfies Conclusion;
    const posts: { url: string; body: Record<string, unknown> }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (init?.method === 'POST') {
          posts.push({ url, body: JSON.parse(String(init.body)) });
          return json({ inspectionId: '6c1f3d0e-5555-4c1e-9d1a-0a0a0a0a0a01', actionIds: [] }, 201);
        }
        if (url.endsWith('/pdf-availability')) return json({ available: false });
        if (url.endsWith('/teams')) return json({ items: [{ id: teamId, name: 'Đoàn kiểm tra số 1' }] });
        return json(problem, 404);
      }),
    );
    renderWithProviders(
      <MemoryRouter initialEntries={['/conclusions/x']}>
        <Routes>
          <Route path="/conclusions/x" element={<ConclusionView c={issued} />} />
          <Route path="/inspections/:id" element={<p>cuộc kiểm tra lại</p>} />
        </Routes>
      </MemoryRouter>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Kiểm tra lại các yêu cầu chưa hoàn thành' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByRole('checkbox', { name: 'Yêu cầu số 1' })).toBeNull();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Yêu cầu số 3' }));
    await userEvent.click(within(dialog).getByLabelText(/Đoàn kiểm tra/));
    await userEvent.click((await screen.findAllByRole('option', { name: 'Đoàn kiểm tra số 1', hidden: true })).at(-1)!);
    await userEvent.click(within(dialog).getByRole('button', { name: /Ngày kiểm tra lại/ }));
    await userEvent.click((await screen.findAllByRole('button', { name: /^20 /, hidden: true }))[0]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lập cuộc kiểm tra lại' }));
    expect(await screen.findByText('cuộc kiểm tra lại')).toBeTruthy();
    expect(posts[0].url).toBe(`/api/conclusions/${conclusionId}/reinspection`);
    expect(posts[0].body).toMatchObject({ teamId, actionIds: [action(2, 'in_progress').id] });
    expect(posts[0].body.startsOn).toMatch(/^\d{4}-\d{2}-20$/);
  });

  it("shows a re-inspection's checklist: the actions it was built from, each linking to its page", async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        urls.push(String(input));
        return json({ items: [{ ...action(2, 'in_progress'), conclusionNumber: '05/TB-UBND' }], total: 1 });
      }),
    );
    renderWithProviders(
      <MemoryRouter>
        <ReinspectionActionsPanel inspectionId={inspectionId} />
      </MemoryRouter>,
    );
    expect((await screen.findByRole('link', { name: 'Yêu cầu số 2' })).getAttribute('href')).toBe(`/corrective-actions/${action(2, 'in_progress').id}`);
    expect(urls[0]).toContain(`reinspectionId=${inspectionId}`);
  });
});
