// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import type { Notice } from '../../../../shared/api/notices.schemas.js';
import { MemoryRouter } from 'react-router';
import { json, renderWithProviders } from '../../test/render.js';
import { NoticesPanel } from './NoticesPanel.js';

const planId = '6c1f3d0e-2222-4c1e-9d1a-0a0a0a0a0a0a';
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
    { inspectionId, agencyId: planId, agencyName: 'UBND phường Hoài Thanh Tây', startsOn: '2099-09-09', endsOn: '2099-09-09', startTime: '08:00', places: [], attendees: 'Lãnh đạo', reportDueOn: '2099-09-04', reportDueExplanation: null, status: 'planned', changedAfterIssue: false },
  ],
  documentNumber: null,
  issuedOn: null,
  abilities: { update: true, issue: true },
  version: 1,
};

describe('schedule notices panel', () => {
  // A visit ahead: the notice is issued today by default (an earlier season's date is picked instead).
  it('drafts a notice for the announced visits without one, and issues a draft with its version, date and signer', async () => {
    const posts: [string, Record<string, unknown>][] = [];
    let notices: Notice[] = [draft];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
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
    const pending = { id: inspectionId, kind: 'announced', status: 'planned' } as Inspection;
    renderWithProviders(
      <MemoryRouter>
        <NoticesPanel planId={planId} inspections={[pending]} canSchedule />
      </MemoryRouter>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Soạn thông báo (1 cuộc chưa thông báo)' }));
    await vi.waitFor(() => expect(posts[0]).toEqual(['/api/inspection-notices', { planId, items: [{ inspectionId }] }]));

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
});
