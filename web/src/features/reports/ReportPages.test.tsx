// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportTemplate, Submission } from '../../../../shared/api/reports.schemas.js';
import { App } from '../../App.js';
import { json, renderWithProviders } from '../../test/render.js';
import { submissionFixture } from './test-fixtures.js';

const officeAgency = '55555555-5555-4555-8555-555555555555';
const session = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'vanphong', fullName: 'Trần Văn Nam', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'secretariat', agencyId: officeAgency, agencyName: 'Phòng Nội vụ thị xã Hoài Nhơn' }],
  capabilities: ['registry.read', 'plan.read', 'report.manage', 'report.read_all'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};
const draftTemplate: ReportTemplate = {
  id: '66666666-6666-4666-8666-666666666666',
  ownerAgencyId: officeAgency,
  ownerAgencyName: 'Phòng Nội vụ thị xã Hoài Nhơn',
  code: 'bao_cao_dot_xuat',
  revision: 1,
  name: 'Báo cáo đột xuất về TTHC',
  kind: 'other',
  year: 2021,
  status: 'draft',
  body: { items: [], attachments: [] },
  basedOnId: null,
  publishedAt: null,
  abilities: { update: true, publish: true, copy: true },
  version: 1,
};

let template: ReportTemplate;
let submission: Submission;
let publishRefusal: { name: string; code: string; reason: string }[] | null;
const calls: { method: string; path: string; body: unknown }[] = [];
const notFound = () => json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);

const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
  const url = new URL(input, 'http://localhost');
  const method = init?.method ?? 'GET';
  const body = init?.body ? JSON.parse(String(init.body)) : undefined;
  calls.push({ method, path: url.pathname, body });
  if (url.pathname === '/api/session/current') return json(session);
  if (url.pathname === '/api/notifications/unread-count' || url.pathname.startsWith('/api/notifications')) return json({ count: 0, items: [] });
  if (url.pathname === `/api/report-templates/${template.id}` && method === 'PATCH') {
    template = { ...template, ...body, version: template.version + 1 };
    return json(template);
  }
  if (url.pathname === `/api/report-templates/${template.id}/publish` && publishRefusal) return json({ type: 'x', title: 'invalid', status: 400, code: 'VALIDATION_FAILED', requestId: 'r', invalidParams: publishRefusal }, 400);
  if (url.pathname === `/api/report-templates/${template.id}/publish`) {
    template = { ...template, status: 'published', publishedAt: '2021-06-01T02:00:00.000Z', abilities: { update: false, publish: false, copy: true }, version: template.version + 1 };
    return json(template);
  }
  if (url.pathname === `/api/report-templates/${template.id}`) return json(template);
  if (url.pathname === '/api/files') return json({ items: [], canAttach: false, rules: null });
  if (url.pathname === `/api/report-submissions/${submission.id}/return`) {
    submission = { ...submission, status: 'returned', displayStatus: 'returned', returnReason: body.reason, version: submission.version + 1, abilities: { edit: false, submit: false, review: false }, history: [...submission.history, { action: 'returned', reason: body.reason, late: null, actorName: 'Trần Văn Nam', at: '2021-06-26T02:00:00.000Z', hasContent: false }] };
    return json(submission);
  }
  if (url.pathname === `/api/report-submissions/${submission.id}`) return json(submission);
  return notFound();
});

beforeEach(() => {
  localStorage.clear();
  calls.length = 0;
  template = draftTemplate;
  publishRefusal = null;
  submission = submissionFixture({
    status: 'submitted',
    displayStatus: 'submitted_late',
    late: true,
    submittedAt: '2021-06-26T01:00:00.000Z',
    version: 3,
    content: { answers: { ket_qua: 'Đã giải quyết đúng hạn 98%' }, tables: { ho_so: [{ nhan: 120, ty_le: 98 }, { nhan: 30 }] } },
    history: [{ action: 'submitted', reason: null, late: true, actorName: 'Lê Thị Hồng', at: '2021-06-26T01:00:00.000Z', hasContent: true }],
    allowedMoves: ['accept', 'return'],
    abilities: { edit: false, submit: false, review: true },
  });
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});

describe('the template builder', () => {
  it('builds sections, a typed table with totals and fixed rows, an attachment, and publishes (frozen afterwards)', async () => {
    window.history.pushState({}, '', `/reports/templates/${draftTemplate.id}`);
    renderWithProviders(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Thêm mục' }));
    await user.type(screen.getByLabelText(/Tiêu đề mục/), '1. Kết quả giải quyết hồ sơ');
    await user.type(screen.getAllByLabelText('Hướng dẫn')[0], 'Nêu số liệu và nguyên nhân trễ hạn.');
    await user.click(screen.getByRole('button', { name: 'Thêm biểu số liệu' }));
    await user.type(screen.getByLabelText(/Tên biểu/), 'Biểu 1. Hồ sơ TTHC');
    await user.type(screen.getByLabelText(/Tên cột 1 của biểu 1/), 'Hồ sơ nhận');
    await user.click(screen.getByRole('button', { name: 'Thêm cột' }));
    await user.type(screen.getByLabelText(/Tên cột 2 của biểu 1/), 'Tỷ lệ đúng hạn');
    await user.selectOptions(screen.getByLabelText('Kiểu dữ liệu cột 2 của biểu 1'), 'percent');
    await user.click(screen.getByLabelText('Dòng cố định (chỉ tiêu)'));
    await user.type(screen.getByLabelText(/Tên dòng 1 của biểu 1/), 'Đất đai');
    await user.click(screen.getByRole('button', { name: 'Thêm dòng' }));
    await user.type(screen.getByLabelText(/Tên dòng 2 của biểu 1/), 'Tư pháp');
    // A check as data: row 2 at most row 1, in every numeric column.
    await user.click(screen.getByRole('button', { name: 'Thêm ràng buộc' }));
    await user.selectOptions(screen.getByLabelText('Ràng buộc 1 của biểu 1: so sánh'), 'rows');
    expect((screen.getByLabelText('Ràng buộc 1 của biểu 1: không vượt quá') as HTMLSelectElement).value).toBe('dong_1');
    expect((within(screen.getByTestId('check-1-1')).getByLabelText('Tư pháp') as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Thêm tài liệu kèm theo' }));
    await user.type(screen.getByLabelText(/Tài liệu kèm theo 1/), 'Bảng tổng hợp hồ sơ trễ hạn');
    await user.click(screen.getByRole('button', { name: 'Ban hành' }));

    expect(await screen.findByText('Phiên bản này đã ban hành nên được giữ nguyên; muốn thay đổi, hãy tạo phiên bản mới.')).toBeTruthy();
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({
      version: 1,
      name: 'Báo cáo đột xuất về TTHC',
      year: 2021,
      body: {
        items: [
          { type: 'section', key: 'muc_1', heading: '1. Kết quả giải quyết hồ sơ', guidance: 'Nêu số liệu và nguyên nhân trễ hạn.', answer: true },
          {
            type: 'table',
            key: 'bieu_1',
            title: 'Biểu 1. Hồ sơ TTHC',
            guidance: '',
            columns: [
              { key: 'cot_1', label: 'Hồ sơ nhận', type: 'integer', total: true },
              { key: 'cot_2', label: 'Tỷ lệ đúng hạn', type: 'percent', total: false },
            ],
            fixedRows: [
              { key: 'dong_1', label: 'Đất đai' },
              { key: 'dong_2', label: 'Tư pháp' },
            ],
            maxRows: 200,
            checks: [{ across: 'rows', parts: ['dong_2'], whole: 'dong_1' }],
          },
        ],
        attachments: [{ label: 'Bảng tổng hợp hồ sơ trễ hạn', required: true }],
      },
    });
    // Published on the version the save returned; the builder is gone, the preview shows the table.
    expect(calls.find((c) => c.path.endsWith('/publish'))!.body).toEqual({ version: 2 });
    expect(screen.queryByRole('button', { name: 'Thêm mục' })).toBeNull();
    const table = screen.getByRole('table', { name: 'Biểu 1. Hồ sơ TTHC' });
    expect(within(table).getByText('Tư pháp')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tạo phiên bản mới để sửa' })).toBeTruthy();
    // Its blank .xlsx form, for units that fill the tables offline.
    expect(screen.getByRole('link', { name: 'Tải biểu nhập liệu trống của phiên bản này (.xlsx)' }).getAttribute('href')).toBe(`/api/report-templates/${template.id}/form.xlsx`);
  });
});

describe('the template’s problems the server finds', () => {
  it('names the column totalled though not a number and the attachment under an unknown purpose, in Vietnamese', async () => {
    template = {
      ...draftTemplate,
      body: {
        items: [{ type: 'table', key: 'bieu_1', title: 'Biểu 1', guidance: '', columns: [{ key: 'cot_1', label: 'Số hồ sơ', type: 'integer', total: true }, { key: 'cot_2', label: 'Ghi chú', type: 'text', total: true }], fixedRows: null, maxRows: 200 }],
        attachments: [{ label: 'Ảnh chụp', required: true, purpose: 'photos' }],
      },
    };
    publishRefusal = [
      { name: 'body.items.0.columns.1.total', code: 'total_not_numeric', reason: 'the column cot_2 is not a number' },
      { name: 'body.attachments.0.purpose', code: 'unknown_purpose', reason: 'unknown purpose' },
    ];
    window.history.pushState({}, '', `/reports/templates/${draftTemplate.id}`);
    renderWithProviders(<App />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Ban hành' }));
    const alert = await screen.findByRole('alert', { name: /Mẫu chưa lưu được/ });
    expect(within(alert).getByText('Mục 1, cột 2: Chỉ cột số mới có dòng tổng cộng.')).toBeTruthy();
    expect(within(alert).getByText('Tài liệu kèm theo 1: Mục đính kèm không hợp lệ.')).toBeTruthy();
  });
});

describe('the office’s review', () => {
  it('returns a late report with reasons the unit sees, and keeps the history', async () => {
    window.history.pushState({}, '', `/reports/submissions/${submission.id}`);
    renderWithProviders(<App />);
    const user = userEvent.setup();
    expect(await screen.findByText('Đã gửi muộn')).toBeTruthy();
    // The report as a Decree 30 .docx through the document pipeline, and its tables as .xlsx.
    expect(screen.getByRole('link', { name: 'Tải báo cáo (.docx)' }).getAttribute('href')).toBe(`/api/documents/report-submission/${submission.id}.docx`);
    // The report as sent, read only, with its total.
    expect(screen.getByText('Đã giải quyết đúng hạn 98%')).toBeTruthy();
    expect(screen.getByTestId('total-ho_so-nhan').textContent).toBe('150');
    await user.click(screen.getByRole('button', { name: 'Trả lại báo cáo' }));
    await user.type(screen.getByLabelText(/Lý do trả lại/), 'Thiếu số liệu lĩnh vực tư pháp.');
    await user.click(screen.getByRole('button', { name: 'Trả lại' }));
    expect((await screen.findByTestId('return-reason')).textContent).toBe('Thiếu số liệu lĩnh vực tư pháp.');
    expect(calls.find((c) => c.path.endsWith('/return'))!.body).toEqual({ version: 3, reason: 'Thiếu số liệu lĩnh vực tư pháp.' });
    expect(screen.getAllByText('Bị trả lại').length).toBeGreaterThan(0);
    const history = screen.getByText('Lịch sử gửi, trả lại').closest('div')!;
    expect(within(history).getByText(/Đã gửi/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Chấp nhận báo cáo' })).toBeNull();
  });
});
