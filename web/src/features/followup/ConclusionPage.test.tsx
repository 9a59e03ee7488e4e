// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Conclusion } from '../../../../shared/api/conclusions.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { ConclusionPage } from './ConclusionPage.js';

const id = '6c1f3d0e-aaaa-4c1e-9d1a-0a0a0a0a0a01';
const wardId = '6c1f3d0e-bbbb-4c1e-9d1a-0a0a0a0a0a01';
const actionId = '6c1f3d0e-cccc-4c1e-9d1a-0a0a0a0a0a01';
const officeId = '6c1f3d0e-9999-4c1e-9d1a-0a0a0a0a0a01';
const signature = { onBehalfOf: 'TUQ. CHỦ TỊCH', position: 'CHÁNH VĂN PHÒNG', signerName: 'Nguyễn Văn Hùng' };

const draft: Conclusion = {
  id,
  inspectionId: '6c1f3d0e-dddd-4c1e-9d1a-0a0a0a0a0a01',
  inspectionKind: 'announced',
  agencyId: wardId,
  agencyName: 'UBND phường Bồng Sơn',
  planId: '6c1f3d0e-eeee-4c1e-9d1a-0a0a0a0a0a01',
  issuingAgencyId: '6c1f3d0e-ffff-4c1e-9d1a-0a0a0a0a0a01',
  issuingAgencyName: 'Văn phòng HĐND và UBND thị xã',
  status: 'draft',
  content: {
    summary: 'Kết luận kiểm tra công tác cải cách hành chính tại UBND phường Bồng Sơn',
    legalBases: ['Căn cứ Kế hoạch số 15/KH-UBND ngày 05/5/2021'],
    introduction: 'Ngày 16/6/2021, Đoàn kiểm tra đã kiểm tra…',
    overview: ['Thời gian kiểm tra: ngày 16/6/2021.'],
    strengths: ['Bộ phận Một cửa bố trí đủ công chức.'],
    shortcomings: [],
    requirementsIntro: 'Yêu cầu Chủ tịch UBND phường chỉ đạo:',
    organisation: ['Văn phòng theo dõi, đôn đốc.'],
    recipients: ['Như trên;', 'Lưu: VT.'],
    signature,
  },
  actions: [],
  documentNumber: null,
  issuedOn: null,
  abilities: { update: true, issue: true, reinspect: false },
  version: 3,
};

const issued = (body: { issuedOn: string }): Conclusion => ({
  ...draft,
  status: 'issued',
  documentNumber: '07/TB-VP',
  issuedOn: body.issuedOn,
  content: { ...draft.content, shortcomings: ['Chưa niêm yết đầy đủ thủ tục hành chính.'] },
  actions: [
    { id: actionId, position: 0, content: 'Niêm yết đầy đủ thủ tục hành chính', contentGroup: 'c', responsibleAgencyId: wardId, responsibleAgencyName: 'UBND phường Bồng Sơn', dueOn: '2021-07-09', dueWorkingDays: 10, reportDueOn: null, reportDueWorkingDays: null, status: 'open', overdue: false, version: 1 },
  ],
  abilities: { update: false, issue: false, reinspect: false },
  version: 5,
});

describe('conclusion notice page', () => {
  it('lets the office edit sections I–V and the requirements (N working days), then issue it; once issued it is read-only with its number', async () => {
    let current: Conclusion = draft;
    const calls: { method: string; url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        const method = init?.method ?? 'GET';
        const body = init?.body ? JSON.parse(String(init.body)) : undefined;
        calls.push({ method, url, body });
        if (url.endsWith('/pdf-availability')) return json({ available: false });
        if (url.startsWith('/api/agencies')) return json({ items: [{ id: officeId, name: 'Phòng Văn hóa và Thông tin' }], nextCursor: null, total: 1 });
        if (method === 'PATCH' && url === `/api/conclusions/${id}`) {
          current = { ...current, content: { ...current.content, ...body.content }, version: current.version + 1 };
          return json(current);
        }
        if (method === 'POST' && url === `/api/conclusions/${id}/issue`) {
          // The first try: a requirement falls due before the notice's date.
          if (calls.filter((c) => c.url.endsWith('/issue')).length === 1) {
            const reason = 'requirement 1 is due on 2021-08-01, before the notice';
            return json({ type: 'about:blank', title: 'VALIDATION_FAILED', status: 400, code: 'VALIDATION_FAILED', requestId: 'r', invalidParams: [{ name: 'body.issuedOn', code: 'after_requirement_due', reason }, { name: 'body.actions.0.dueOn', code: 'due_before_notice', reason }] }, 400);
          }
          return json((current = issued(body)));
        }
        if (url === `/api/conclusions/${id}`) return json(current);
        return json({ type: 'about:blank', title: 'NOT_FOUND', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
      }),
    );
    renderWithProviders(
      <MemoryRouter initialEntries={[`/conclusions/${id}`]}>
        <Routes>
          <Route path="/conclusions/:id" element={<ConclusionPage />} />
        </Routes>
      </MemoryRouter>,
    );
    const shortcomings = await screen.findByRole('textbox', { name: /III\. Hạn chế, tồn tại/ });
    await userEvent.click(shortcomings);
    await userEvent.paste('Chưa niêm yết đầy đủ thủ tục hành chính.');
    await userEvent.click(screen.getByRole('button', { name: 'Thêm yêu cầu' }));
    await userEvent.click(screen.getByRole('textbox', { name: 'Nội dung yêu cầu' }));
    await userEvent.paste('Niêm yết đầy đủ thủ tục hành chính');
    await userEvent.click(screen.getByRole('button', { name: 'Thêm yêu cầu' }));
    await userEvent.click(screen.getAllByRole('textbox', { name: 'Nội dung yêu cầu' })[1]);
    await userEvent.paste('Cập nhật thủ tục trên Cổng dịch vụ công');
    await userEvent.type(screen.getAllByLabelText(/Đơn vị thực hiện/)[1], 'Phòng');
    await userEvent.click((await screen.findAllByRole('option', { name: 'Phòng Văn hóa và Thông tin', hidden: true })).at(-1)!);
    await userEvent.click(screen.getByRole('button', { name: 'Lưu dự thảo' }));
    expect(await screen.findByText('Đã lưu.')).toBeTruthy();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toMatchObject({
      version: 3,
      content: { shortcomings: ['Chưa niêm yết đầy đủ thủ tục hành chính.'], strengths: ['Bộ phận Một cửa bố trí đủ công chức.'] },
      actions: [
        { content: 'Niêm yết đầy đủ thủ tục hành chính', dueWorkingDays: 10 },
        { content: 'Cập nhật thủ tục trên Cổng dịch vụ công', dueWorkingDays: 10, responsibleAgencyId: officeId },
      ],
    });
    expect(patch?.body).not.toHaveProperty('actions.0.responsibleAgencyId');

    const issueSection = screen.getByRole('heading', { name: 'Ký và ban hành' }).closest('section') as HTMLElement;
    expect((within(issueSection).getByRole('textbox', { name: /Người ký/ }) as HTMLInputElement).value).toBe('Nguyễn Văn Hùng');
    // Irreversible: asked first; cancelling sends nothing.
    await userEvent.click(within(issueSection).getByRole('button', { name: 'Ký, vào số và ban hành' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ký, vào số và ban hành' });
    expect(within(dialog).getByText(/không sửa được nữa/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    expect(calls.some((c) => c.url.endsWith('/issue'))).toBe(false);
    const confirmIssue = async () => {
      await userEvent.click(within(issueSection).getByRole('button', { name: 'Ký, vào số và ban hành' }));
      await userEvent.click(within(await screen.findByRole('dialog', { name: 'Ký, vào số và ban hành' })).getByRole('button', { name: 'Ký, vào số và ban hành' }));
    };
    // Refused: the date says why, and the requirement is marked (not "outside the years 1900–2199").
    await confirmIssue();
    expect(await screen.findByText('Hạn thực hiện trước ngày ban hành thông báo.')).toBeTruthy();
    expect(screen.getByText(/Sau hạn thực hiện của một yêu cầu ở mục IV/)).toBeTruthy();
    expect(screen.queryByText(/1900–2199/)).toBeNull();
    await confirmIssue();
    expect(await screen.findByText(/Số: 07\/TB-VP/)).toBeTruthy();
    expect(screen.getByText('Thông báo đã ban hành: nội dung không được sửa đổi.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lưu dự thảo' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Niêm yết đầy đủ thủ tục hành chính' }).getAttribute('href')).toBe(`/corrective-actions/${actionId}`);
    expect(screen.getByRole('link', { name: 'Tải thông báo (.docx)' }).getAttribute('href')).toBe(`/api/documents/conclusion/${id}.docx`);
    const issue = calls.findLast((c) => c.method === 'POST' && c.url.endsWith('/issue'));
    expect(issue?.body).toMatchObject({ version: 4, signature: { signerName: 'Nguyễn Văn Hùng', position: 'CHÁNH VĂN PHÒNG' } });
  });
});
