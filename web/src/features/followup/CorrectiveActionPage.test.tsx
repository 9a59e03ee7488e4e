// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { CorrectiveActionDetail } from '../../../../shared/api/corrective-actions.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { CorrectiveActionPage } from './CorrectiveActionPage.js';

const id = '6c1f3d0e-cccc-4c1e-9d1a-0a0a0a0a0a01';
const none = { plan: false, progress: false, report: false, accept: false, return: false, reinspectionResult: false, attachEvidence: false };
const base: CorrectiveActionDetail = {
  id,
  conclusionId: '6c1f3d0e-aaaa-4c1e-9d1a-0a0a0a0a0a01',
  conclusionNumber: '07/TB-UBND',
  conclusionIssuedOn: '2021-06-25',
  inspectionId: '6c1f3d0e-dddd-4c1e-9d1a-0a0a0a0a0a01',
  agencyId: '6c1f3d0e-bbbb-4c1e-9d1a-0a0a0a0a0a01',
  agencyName: 'UBND phường Bồng Sơn',
  planYear: 2021,
  position: 0,
  content: 'Niêm yết đầy đủ thủ tục hành chính tại Bộ phận Một cửa',
  contentGroup: 'c',
  responsibleAgencyId: '6c1f3d0e-bbbb-4c1e-9d1a-0a0a0a0a0a01',
  responsibleAgencyName: 'UBND phường Bồng Sơn',
  dueOn: '2021-07-09',
  reportDueOn: '2021-07-12',
  status: 'in_progress',
  overdue: false,
  planText: 'Rà soát và niêm yết lại trước ngày 05/7/2021.',
  reinspectionId: null,
  closedAt: null,
  abilities: { ...none, progress: true, report: true, attachEvidence: true },
  version: 2,
  history: [{ move: 'plan', fromStatus: 'open', toStatus: 'in_progress', note: 'Rà soát và niêm yết lại trước ngày 05/7/2021.', authorName: 'Trần Văn An', at: '2021-06-28T02:00:00.000Z' }],
};
const evidence = { id: '6c1f3d0e-9999-4c1e-9d1a-0a0a0a0a0a01', ownerType: 'corrective_action', ownerId: id, purpose: 'evidence', fileName: 'bang-niem-yet.jpg', mediaType: 'image/jpeg', size: 2048, sha256: 'ab', createdAt: '2021-07-05T02:00:00.000Z', url: '/api/files/x', removable: true };
const problem = (status: number, code: string, extra: object = {}) => json({ type: 'about:blank', title: code, status, code, requestId: 'r', ...extra }, status);

function serve(first: CorrectiveActionDetail, opts: { evidence: boolean }) {
  let current = first;
  const posts: { url: string; body: Record<string, unknown> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.startsWith('/api/files')) return json({ items: opts.evidence ? [evidence] : [], canAttach: true, rules: { kinds: ['jpeg', 'png', 'pdf'], maxBytes: 10485760, maxFiles: 20 } });
      if (init?.method === 'POST') {
        const body = JSON.parse(String(init.body));
        posts.push({ url, body });
        if (url.endsWith('/updates')) {
          if (body.move === 'report' && !opts.evidence) return problem(400, 'VALIDATION_FAILED', { invalidParams: [{ name: 'body.move', code: 'evidence_required', reason: 'attach' }] });
          current = { ...current, status: 'reported', version: current.version + 1, abilities: { ...none, attachEvidence: true }, history: [...current.history, { move: 'report', fromStatus: 'in_progress', toStatus: 'reported', note: body.note, authorName: 'Trần Văn An', at: '2021-07-05T03:00:00.000Z' }] };
          return json(current);
        }
        if (url.endsWith('/review')) {
          current = { ...current, status: 'closed', version: current.version + 1, abilities: none, history: [...current.history, { move: 'accept', fromStatus: 'reported', toStatus: 'closed', note: body.note ?? null, authorName: 'Lê Thị Văn Phòng', at: '2021-07-06T03:00:00.000Z' }] };
          return json(current);
        }
      }
      if (url === `/api/corrective-actions/${id}`) return json(current);
      return problem(404, 'NOT_FOUND');
    }),
  );
  renderWithProviders(
    <MemoryRouter initialEntries={[`/corrective-actions/${id}`]}>
      <Routes>
        <Route path="/corrective-actions/:id" element={<CorrectiveActionPage />} />
      </Routes>
    </MemoryRouter>,
  );
  return posts;
}

describe('corrective action page', () => {
  it('the unit cannot report the action done without evidence: the server says so, in Vietnamese', async () => {
    serve(base, { evidence: false });
    const section = (await screen.findByRole('heading', { name: 'Báo cáo của đơn vị' })).closest('section') as HTMLElement;
    await userEvent.click(within(section).getByRole('textbox', { name: /Nội dung/ }));
    await userEvent.paste('Đã niêm yết đủ 126 thủ tục.');
    await userEvent.click(within(section).getByRole('button', { name: 'Gửi báo cáo hoàn thành' }));
    expect((await within(section).findAllByText('Đính kèm tài liệu minh chứng trước khi báo cáo hoàn thành.')).length).toBeGreaterThan(0);
  });

  it('the unit reports the action done with its evidence; then it awaits the office', async () => {
    const posts = serve(base, { evidence: true });
    expect(await screen.findByText('bang-niem-yet.jpg')).toBeTruthy();
    const section = screen.getByRole('heading', { name: 'Báo cáo của đơn vị' }).closest('section') as HTMLElement;
    await userEvent.click(within(section).getByRole('textbox', { name: /Nội dung/ }));
    await userEvent.paste('Đã niêm yết đủ 126 thủ tục.');
    await userEvent.click(within(section).getByRole('button', { name: 'Gửi báo cáo hoàn thành' }));
    expect(await screen.findByText('Đã báo cáo, chờ xem xét')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Báo cáo của đơn vị' })).toBeNull();
    expect(posts[0]).toEqual({ url: `/api/corrective-actions/${id}/updates`, body: { version: 2, move: 'report', note: 'Đã niêm yết đủ 126 thủ tục.' } });
  });

  it('the office returns only with a reason, and accepts: the action closes', async () => {
    const posts = serve({ ...base, status: 'reported', abilities: { ...none, accept: true, return: true, attachEvidence: true } }, { evidence: true });
    const section = (await screen.findByRole('heading', { name: 'Xem xét báo cáo của đơn vị' })).closest('section') as HTMLElement;
    expect((within(section).getByRole('button', { name: 'Trả lại, yêu cầu bổ sung' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(within(section).getByRole('button', { name: 'Chấp nhận, đóng yêu cầu' }));
    expect(await screen.findByText('Đã hoàn thành')).toBeTruthy();
    expect(posts[0]).toEqual({ url: `/api/corrective-actions/${id}/review`, body: { version: 2, decision: 'accept' } });
  });
});
