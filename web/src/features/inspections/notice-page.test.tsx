// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import type { Notice } from '../../../../shared/api/notices.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { NoticePage } from './NoticePage.js';

const id = (n: number) => `6c1f3d0e-0000-4c1e-9d1a-0a0a0a0a0a${String(n).padStart(2, '0')}`;
const planId = id(1);
const noticeId = id(2);
const visit = (n: number, agencyName: string, startsOn: string, status: Inspection['status'] = 'planned') =>
  ({ id: id(n), planId, agencyId: id(n + 50), agencyName, kind: 'announced', status, startsOn, endsOn: startsOn, startTime: '08:00', teamName: 'Đoàn kiểm tra số 1', places: [{ agencyId: id(n + 50), name: agencyName, kind: 'peoples_committee' }], reportDueExplanation: null, version: 3 }) as unknown as Inspection;
const wardA = visit(10, 'UBND phường Hoài Thanh Tây', '2021-09-09');
const wardB = visit(11, 'UBND phường Tam Quan Bắc', '2021-09-07');
const notified = visit(12, 'UBND xã Hoài Mỹ', '2021-06-15', 'notified');
const item = (i: Inspection, attendees: string) => ({ inspectionId: i.id, agencyId: i.agencyId, agencyName: i.agencyName, startsOn: i.startsOn, endsOn: i.endsOn, startTime: i.startTime, places: [i.agencyName], attendees, reportDueOn: null, reportDueExplanation: 'chậm nhất ngày 06/9/2021', status: i.status, changedAfterIssue: false, canOpen: true });
const draft: Notice = {
  id: noticeId,
  planId,
  issuingAgencyId: id(3),
  issuingAgencyName: 'Phòng Nội vụ',
  status: 'draft',
  content: {
    summary: 'Lịch kiểm tra công tác cải cách hành chính năm 2021',
    legalBases: ['Căn cứ Kế hoạch số 15/KH-UBND'],
    introduction: 'Thông báo như sau:',
    requests: ['Gửi báo cáo đúng hạn.'],
    outline: 'I. ĐẶC ĐIỂM TÌNH HÌNH',
    recipients: ['Lưu: VT, NV.'],
    signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG', signerName: 'Nguyễn Văn Hùng' },
  },
  items: [item(wardA, 'Lãnh đạo UBND phường')],
  documentNumber: null,
  issuedOn: null,
  abilities: { update: true, issue: true },
  version: 4,
};

function serve(notice: Notice, patch?: (body: Record<string, unknown>) => Response) {
  const patches: Record<string, unknown>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (init?.method === 'PATCH') {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        patches.push({ url, ...body });
        return patch ? patch(body) : json(notice);
      }
      if (url === `/api/inspection-notices/${noticeId}`) return json(notice);
      if (url.startsWith(`/api/inspections?planId=${planId}`)) return json({ items: [wardB, wardA, notified], total: 3 });
      if (url === '/api/documents/pdf-availability') return json({ available: false });
      return json({ type: 'about:blank', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
    }),
  );
  renderWithProviders(
    <MemoryRouter initialEntries={[`/notices/${noticeId}`]}>
      <Routes>
        <Route path="/notices/:id" element={<NoticePage />} />
      </Routes>
    </MemoryRouter>,
  );
  return patches;
}

describe('notice page', () => {
  it('edits a draft: the inspections it covers, attendees, the annex and signer, saved with its version', async () => {
    const patches = serve(draft);
    expect(await screen.findByRole('heading', { name: 'Dự thảo thông báo lịch kiểm tra' })).toBeTruthy();
    // The announced visits still planned are offered; a notified one is not.
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Đưa UBND phường Tam Quan Bắc vào thông báo' }));
    expect(screen.queryByRole('checkbox', { name: /UBND xã Hoài Mỹ/ })).toBeNull();
    const attendees = await screen.findAllByRole('textbox', { name: 'Thành phần làm việc' });
    await userEvent.type(attendees[0], 'Chủ tịch UBND phường, công chức Một cửa');
    const outline = screen.getByRole('textbox', { name: /Phụ lục — Đề cương báo cáo/ });
    await userEvent.clear(outline);
    await userEvent.type(outline, 'I. Kết quả');
    const signer = screen.getByRole('textbox', { name: 'Họ và tên người ký' });
    await userEvent.clear(signer);
    await userEvent.type(signer, 'Trần Thị Lan');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu dự thảo' }));
    await vi.waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toMatchObject({
      url: `/api/inspection-notices/${noticeId}`,
      version: 4,
      items: [{ inspectionId: wardB.id, attendees: 'Chủ tịch UBND phường, công chức Một cửa' }, { inspectionId: wardA.id, attendees: 'Lãnh đạo UBND phường' }],
      content: { outline: 'I. Kết quả', signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG', signerName: 'Trần Thị Lan' }, legalBases: ['Căn cứ Kế hoạch số 15/KH-UBND'] },
    });
  });

  it("saves a row's new time with the notice, in one request (one transaction on the server), the inspection's version beside it", async () => {
    const patches = serve(draft);
    const time = (await screen.findAllByRole('textbox', { name: 'Giờ bắt đầu' }))[0];
    await userEvent.clear(time);
    await userEvent.type(time, '14:00');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu dự thảo' }));
    await vi.waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toMatchObject({ url: `/api/inspection-notices/${noticeId}`, version: 4, items: [{ inspectionId: wardA.id, inspectionVersion: 3, startTime: '14:00' }] });
    expect(patches.filter((p) => String(p.url).startsWith('/api/inspections/'))).toEqual([]);
  });

  it('says so when someone else saved first (409), offering to reload', async () => {
    serve(draft, () => json({ type: 'about:blank', title: 'conflict', status: 409, code: 'VERSION_CONFLICT', requestId: 'r' }, 409));
    await userEvent.click(await screen.findByRole('button', { name: 'Lưu dự thảo' }));
    expect(await screen.findByRole('button', { name: 'Tải lại' })).toBeTruthy();
  });

  it('shows an issued notice read-only', async () => {
    serve({ ...draft, status: 'issued', documentNumber: '05/TB-NV', issuedOn: '2021-08-16', abilities: { update: false, issue: false } });
    expect(await screen.findByRole('heading', { name: 'Thông báo lịch kiểm tra số 05/TB-NV, ngày 16/08/2021' })).toBeTruthy();
    expect(screen.getByText('Thông báo đã ban hành: nội dung được giữ nguyên, không sửa được.')).toBeTruthy();
    expect(screen.getByText('Lãnh đạo UBND phường')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lưu dự thảo' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
  it('issues the draft from its page with the same dialog as the schedule page, for whoever the server lets (here the leader, who may not edit)', async () => {
    const ahead = { ...draft, items: [{ ...item(wardA, 'Lãnh đạo UBND phường'), startsOn: '2099-09-09', endsOn: '2099-09-09' }], abilities: { update: false, issue: true } };
    const posts: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (init?.method === 'POST') {
          posts.push(`${url} ${String(init.body)}`);
          return json({ ...ahead, status: 'issued', documentNumber: '07/TB-NV', issuedOn: '2099-01-05', abilities: { update: false, issue: false } });
        }
        if (url === `/api/inspection-notices/${noticeId}`) return json(posts.length ? { ...ahead, status: 'issued', documentNumber: '07/TB-NV', issuedOn: '2099-01-05', abilities: { update: false, issue: false } } : ahead);
        if (url === '/api/documents/pdf-availability') return json({ available: false });
        return json({ items: [], total: 0 });
      }),
    );
    renderWithProviders(
      <MemoryRouter initialEntries={[`/notices/${noticeId}`]}>
        <Routes>
          <Route path="/notices/:id" element={<NoticePage />} />
        </Routes>
      </MemoryRouter>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Ban hành thông báo' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('textbox', { name: /Người ký/ })).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ban hành thông báo' }));
    await vi.waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toContain(`/api/inspection-notices/${noticeId}/issue`);
    expect(JSON.parse(posts[0].split(' ').slice(1).join(' '))).toMatchObject({ version: 4, signature: { signerName: 'Nguyễn Văn Hùng' } });
    expect(await screen.findByRole('heading', { name: /Thông báo lịch kiểm tra số 07\/TB-NV/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ban hành thông báo' })).toBeNull();
  });
});
