// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import type { Notice } from '../../../../shared/api/notices.schemas.js';
import { MemoryRouter } from 'react-router';
import { SessionProvider } from '../../auth/session.js';
import { json, renderWithProviders } from '../../test/render.js';
import { NoticesPanel } from './NoticesPanel.js';

const planId = '6c1f3d0e-2222-4c1e-9d1a-0a0a0a0a0a0a';
const committeeId = '6c1f3d0e-9999-4c1e-9d1a-0a0a0a0a0a0a';
const officeId = '6c1f3d0e-8888-4c1e-9d1a-0a0a0a0a0a0a';
const session = {
  user: { id: '6c1f3d0e-5555-4c1e-9d1a-0a0a0a0a0a0a', username: 'noivu', fullName: 'Phòng Nội vụ', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'secretariat', agencyId: officeId, agencyName: 'Phòng Nội vụ thị xã Hoài Nhơn' }],
  capabilities: ['inspection.read', 'inspection.schedule'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};
const plan = { id: planId, issuingAgencyId: committeeId, issuingAgencyName: 'UBND thị xã Hoài Nhơn', targets: [] };
const renderPanel = (inspections: Inspection[]) =>
  renderWithProviders(
    <SessionProvider fallback={null}>
      <MemoryRouter>
        <NoticesPanel planId={planId} inspections={inspections} canSchedule />
      </MemoryRouter>
    </SessionProvider>,
  );
const inspectionId = '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a01';
const draft: Notice = {
  id: '6c1f3d0e-7777-4c1e-9d1a-0a0a0a0a0a0a',
  planId,
  issuingAgencyId: '6c1f3d0e-8888-4c1e-9d1a-0a0a0a0a0a0a',
  issuingAgencyName: 'Phòng Nội vụ',
  status: 'draft',
  content: {
    summary: 'Lịch kiểm tra công tác cải cách hành chính năm 2021',
    legalBases: [],
    introduction: 'Thông báo như sau:',
    requests: [],
    outline: 'I. ĐẶC ĐIỂM TÌNH HÌNH',
    recipients: ['Lưu: VT, NV.'],
    signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG', signerName: 'Nguyễn Văn Hùng' },
  },
  items: [
    { inspectionId, agencyId: planId, agencyName: 'UBND phường Hoài Thanh Tây', startsOn: '2099-09-09', endsOn: '2099-09-09', startTime: '08:00', places: [], attendees: 'Lãnh đạo', reportDueOn: '2099-09-04', reportDueExplanation: null, status: 'planned', changedAfterIssue: false, canOpen: true },
  ],
  documentNumber: null,
  issuedOn: null,
  abilities: { update: true, issue: true },
  version: 1,
};

describe('schedule notices panel', () => {
  // A visit ahead: the notice is issued today by default (an earlier season's date is picked instead).
  it('drafts a notice, under the office’s own name when chosen, for the announced visits in no draft, and issues a draft with its version, date and signer', async () => {
    const posts: [string, Record<string, unknown>][] = [];
    let notices: Notice[] = [draft];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (url === '/api/session/current') return json(session);
        if (url === `/api/plans/${planId}`) return json(plan);
        if (init?.method === 'POST') {
          posts.push([url, JSON.parse(String(init.body)) as Record<string, unknown>]);
          if (url.endsWith('/issue')) {
            notices = [{ ...draft, status: 'issued', documentNumber: '01/TB-NV', issuedOn: '2021-08-16', abilities: { update: false, issue: false }, version: 2 }];
            return json(notices[0]);
          }
          return json(draft, 201);
        }
        return json({ items: notices });
      }),
    );
    // One visit is in the draft already: only the other is counted and drafted.
    const inDraft = { id: inspectionId, kind: 'announced', status: 'planned' } as Inspection;
    const pending = { id: '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a02', kind: 'announced', status: 'planned' } as Inspection;
    renderPanel([inDraft, pending]);
    await userEvent.click(await screen.findByLabelText('Cơ quan ban hành thông báo', { selector: 'input' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Phòng Nội vụ thị xã Hoài Nhơn', hidden: true }));
    await userEvent.click(await screen.findByRole('button', { name: 'Soạn thông báo (1 cuộc chưa thông báo)' }));
    await vi.waitFor(() => expect(posts[0]).toEqual(['/api/inspection-notices', { planId, issuingAgencyId: officeId, items: [{ inspectionId: pending.id }] }]));

    await userEvent.click(await screen.findByRole('button', { name: 'Ban hành thông báo' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText(/Người ký/) as HTMLInputElement).value).toBe('Nguyễn Văn Hùng');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ban hành thông báo' }));
    expect(await screen.findByText('01/TB-NV')).toBeTruthy();
    const [url, body] = posts[1];
    expect(url).toBe(`/api/inspection-notices/${draft.id}/issue`);
    expect(body).toMatchObject({ version: 1, signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG', signerName: 'Nguyễn Văn Hùng' } });
    expect(body.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('marks the issue date the server refuses (after a visit) on the field, and words the override for issuing', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (url === '/api/session/current') return json(session);
        if (url === `/api/plans/${planId}`) return json(plan);
        if (init?.method === 'POST' && url.endsWith('/issue'))
          return json(
            { type: 'about:blank', title: 'VALIDATION_FAILED', status: 400, code: 'VALIDATION_FAILED', requestId: 'r', invalidParams: [{ name: 'body.issuedOn', code: 'after_visit', reason: 'the visit is before the issue date' }] },
            400,
          );
        // A visit ahead: the date offered is today, which the server refuses here.
        return json({ items: [draft] });
      }),
    );
    renderPanel([]);
    await userEvent.click(await screen.findByRole('button', { name: 'Ban hành thông báo' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ban hành thông báo' }));
    expect(await within(dialog).findByText('Ngày ban hành sau ngày kiểm tra: thông báo phải đến đơn vị trước khi kiểm tra.')).toBeTruthy();
    expect(within(dialog).queryByText(/Dữ liệu nhập chưa hợp lệ/)).toBeNull();
  });

  it("marks an issue date before the register's last number on the field, naming that number and its date", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (url === '/api/session/current') return json(session);
        if (url === `/api/plans/${planId}`) return json(plan);
        if (init?.method === 'POST' && url.endsWith('/issue'))
          return json(
            {
              type: 'about:blank',
              title: 'VALIDATION_FAILED',
              status: 400,
              code: 'VALIDATION_FAILED',
              requestId: 'r',
              invalidParams: [{ name: 'body.issuedOn', code: 'before_last_in_register', reason: 'the last number is later', params: { documentNumber: '14/BB-NV', issuedOn: '19/10/2021' } }],
            },
            400,
          );
        return json({ items: [draft] });
      }),
    );
    renderPanel([]);
    await userEvent.click(await screen.findByRole('button', { name: 'Ban hành thông báo' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ban hành thông báo' }));
    expect(await within(dialog).findByText('Ngày ban hành trước ngày của số cuối trong sổ đăng ký văn bản (14/BB-NV ngày 19/10/2021): số văn bản được cấp theo thứ tự ngày.')).toBeTruthy();
    expect(within(dialog).queryByText(/Dữ liệu nhập chưa hợp lệ/)).toBeNull();
  });
});
