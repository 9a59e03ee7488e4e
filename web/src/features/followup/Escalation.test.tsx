// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Escalation } from '../../../../shared/api/escalations.schemas.js';
import { sessionKey } from '../../auth/session.js';
import { createQueryClient } from '../../lib/query-client.js';
import { json, renderWithProviders } from '../../test/render.js';
import { EscalationPage } from './EscalationPage.js';
import { EscalationsPanel } from './EscalationsPanel.js';

const id = '6c1f3d0e-eeee-4c1e-9d1a-0a0a0a0a0a01';
const inspectionId = '6c1f3d0e-dddd-4c1e-9d1a-0a0a0a0a0a01';
const noAbilities = { update: false, issue: false, decide: false, recordResult: false };
const draft: Escalation = {
  id,
  inspectionId,
  agencyId: '6c1f3d0e-bbbb-4c1e-9d1a-0a0a0a0a0a01',
  agencyName: 'UBND phường Tam Quan Bắc',
  planId: '6c1f3d0e-ffff-4c1e-9d1a-0a0a0a0a0a01',
  issuingAgencyId: '6c1f3d0e-9999-4c1e-9d1a-0a0a0a0a0a01',
  issuingAgencyName: 'Phòng Nội vụ thị xã',
  form: 'to_trinh',
  status: 'draft',
  content: { summary: 'Đề nghị kiểm tra công vụ tại UBND phường Tam Quan Bắc', addressees: ['Đoàn kiểm tra công vụ thị xã'], body: ['Qua kiểm tra đột xuất…'], recipients: ['Lưu: VT.'], signature: { position: 'TRƯỞNG PHÒNG', signerName: 'Nguyễn Văn Hùng' } },
  documentNumber: null,
  issuedOn: null,
  decidedOn: null,
  decisionNote: null,
  resultOn: null,
  result: null,
  findings: [],
  allowedMoves: ['edit', 'issue'],
  abilities: { ...noAbilities, update: true, issue: true },
  version: 1,
};
const problem = { type: 'about:blank', title: 'NOT_FOUND', status: 404, code: 'NOT_FOUND', requestId: 'r' };

describe('escalation to a public-service inspection', () => {
  it('is drafted from the chosen findings of the visit (a Tờ trình or a công văn)', async () => {
    const calls: { method: string; url: string; body: Record<string, unknown> | undefined }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        const method = init?.method ?? 'GET';
        const body = init?.body ? JSON.parse(String(init.body)) : undefined;
        calls.push({ method, url, body });
        if (url.endsWith('/findings'))
          return json({
            items: [
              { id: '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a01', kind: 'violation', title: 'Vắng mặt không lý do', text: '01 công chức vắng mặt trong giờ làm việc', withdrawnAt: null },
              { id: '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a02', kind: 'good_practice', title: 'Mô hình hay', text: 'Zalo OA', withdrawnAt: null },
            ],
          });
        if (method === 'POST' && url === '/api/escalations') return json({ ...draft, form: body!.form }, 201);
        if (method === 'PATCH') return json({ ...draft, version: 2 });
        if (url.startsWith('/api/escalations')) return json({ items: [] });
        return json(problem, 404);
      }),
    );
    const queryClient = createQueryClient();
    queryClient.setQueryData(sessionKey, { capabilities: ['conclusion.draft', 'inspection.read_all'] });
    renderWithProviders(
      <MemoryRouter initialEntries={['/inspections/x']}>
        <Routes>
          <Route path="/inspections/x" element={<EscalationsPanel inspectionId={inspectionId} status="under_way" />} />
          <Route path="/escalations/:id" element={<p>trang đề nghị</p>} />
        </Routes>
      </MemoryRouter>,
      { queryClient },
    );
    expect(await screen.findByText('Chưa có đề nghị kiểm tra công vụ.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Đề nghị kiểm tra công vụ' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: /Vắng mặt không lý do/ }));
    expect(screen.queryByRole('checkbox', { name: /Mô hình hay/ })).toBeNull();
    await userEvent.click(screen.getByText('Công văn'));
    await userEvent.click(screen.getByRole('button', { name: 'Lập dự thảo đề nghị' }));
    expect(await screen.findByText('trang đề nghị')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ inspectionId, form: 'cong_van', findingIds: ['6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a01'] });
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ version: 1, content: { body: ['Vắng mặt không lý do: 01 công chức vắng mặt trong giờ làm việc', 'Qua kiểm tra đột xuất…'] } });
  });

  it('is not shown at all to whoever may not read escalations (the team), rather than "none"', async () => {
    const fetchMock = vi.fn(async (_url: string) => json({ items: [] }));
    vi.stubGlobal('fetch', fetchMock);
    const queryClient = createQueryClient();
    queryClient.setQueryData(sessionKey, { capabilities: ['inspection.conduct'] });
    const { container } = renderWithProviders(
      <MemoryRouter>
        <EscalationsPanel inspectionId={inspectionId} status="closed" />
      </MemoryRouter>,
      { queryClient },
    );
    expect(container.querySelector('#escalations-title')).toBeNull();
    expect(screen.queryByText('Chưa có đề nghị kiểm tra công vụ.')).toBeNull();
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('escalations'))).toBe(false);
  });

  it('is tracked: proposed, accepted, then its result recorded', async () => {
    let current: Escalation = { ...draft, findings: [{ id: '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a01', kind: 'violation', title: 'Vắng mặt không lý do' }], status: 'proposed', documentNumber: '12/TTr-NV', issuedOn: '2021-09-10', abilities: { ...noAbilities, decide: true }, version: 3 };
    const posts: { url: string; body: Record<string, unknown> }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (url.endsWith('/pdf-availability')) return json({ available: false });
        if (init?.method === 'POST') {
          const body = JSON.parse(String(init.body));
          posts.push({ url, body });
          current = url.endsWith('/decision')
            ? { ...current, status: 'accepted', decidedOn: body.decidedOn, decisionNote: body.note ?? null, abilities: { ...noAbilities, recordResult: true }, version: 4 }
            : { ...current, status: 'concluded', resultOn: body.resultOn, result: body.result, abilities: noAbilities, version: 5 };
          return json(current);
        }
        if (url === `/api/escalations/${id}`) return json(current);
        return json(problem, 404);
      }),
    );
    renderWithProviders(
      <MemoryRouter initialEntries={[`/escalations/${id}`]}>
        <Routes>
          <Route path="/escalations/:id" element={<EscalationPage />} />
        </Routes>
      </MemoryRouter>,
    );
    expect(await screen.findByText('Đã đề nghị')).toBeTruthy();
    expect(screen.getByText(/Số: 12\/TTr-NV/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Chấp nhận kiểm tra' }));
    expect(await screen.findByText('Được chấp nhận')).toBeTruthy();
    await userEvent.click(await screen.findByRole('textbox', { name: /Kết quả kiểm tra công vụ/ }));
    await userEvent.paste('Kiểm điểm 01 công chức.');
    await userEvent.click(screen.getByRole('button', { name: 'Ghi nhận kết quả kiểm tra công vụ' }));
    expect(await screen.findByText('Đã có kết quả')).toBeTruthy();
    expect(screen.getByText('Kiểm điểm 01 công chức.')).toBeTruthy();
    // The result stands beside the findings it answers.
    expect(screen.getByRole('link', { name: 'Vắng mặt không lý do' })).toBeTruthy();
    expect(screen.getByText('Kết quả: Kiểm điểm 01 công chức.')).toBeTruthy();
    expect(posts.map((p) => p.url.split('/').pop())).toEqual(['decision', 'result']);
    expect(posts[1].body).toMatchObject({ version: 4, result: 'Kiểm điểm 01 công chức.' });
  });
});
