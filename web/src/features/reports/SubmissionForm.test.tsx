// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Submission, TemplateTable } from '../../../../shared/api/reports.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { SubmissionForm } from './SubmissionForm.js';
import { submissionFixture } from './test-fixtures.js';

type Handler = (body: { version: number; content: Submission['content'] }) => Response | Promise<Response>;
let onSave: Handler;
let onSubmit: Handler;
let onForm: (url: URL, body: FormData) => Response | Promise<Response>;
const saves: { version: number; content: Submission['content'] }[] = [];

const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/files') return json({ items: [], canAttach: true, rules: null });
  if (url.pathname.endsWith('/draft') && init?.method === 'PUT') {
    const body = JSON.parse(String(init.body));
    saves.push(body);
    return onSave(body);
  }
  if (url.pathname.endsWith('/submit')) return onSubmit(JSON.parse(String(init?.body)));
  if (url.pathname.endsWith('/form') && init?.method === 'POST') return onForm(url, init.body as FormData);
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

const saved = (body: { version: number; content: Submission['content'] }, over: Partial<Submission> = {}) =>
  json(submissionFixture({ status: 'draft', displayStatus: 'draft', version: body.version + 1, content: body.content as Submission['content'], ...over }));

beforeEach(() => {
  localStorage.clear();
  saves.length = 0;
  fetchMock.mockClear();
  onSave = (b) => saved(b);
  onSubmit = (b) => saved(b, { status: 'submitted', displayStatus: 'submitted_on_time', late: false });
  onForm = () => json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
  vi.stubGlobal('fetch', fetchMock);
});

describe('the unit’s report form', () => {
  it('checks cells and totals as one types, and autosaves the typed content', async () => {
    renderWithProviders(<SubmissionForm submission={submissionFixture()} autosaveDelayMs={20} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Hồ sơ nhận — Đất đai'), '1.200');
    await user.type(screen.getByLabelText('Hồ sơ nhận — Tư pháp'), '35');
    expect((await screen.findByTestId('total-ho_so-nhan')).textContent).toBe('1.235');
    await user.type(screen.getByLabelText('Tỷ lệ đúng hạn — Đất đai'), '120');
    expect(await screen.findByText('Giá trị ngoài khoảng cho phép.')).toBeTruthy();
    expect(await screen.findByText('Còn 1 ô nhập chưa đúng.')).toBeTruthy();
    await user.type(screen.getByLabelText('1. Kết quả thực hiện'), 'Giảm hồ sơ trễ hạn');
    expect(await screen.findByText('Đã lưu bản nháp.')).toBeTruthy();
    const last = saves.at(-1)!;
    // The wrong cell is not sent (the server would refuse the whole save); the rest is, typed.
    expect(last.content.tables.ho_so).toEqual([{ nhan: 1200 }, { nhan: 35 }]);
    expect(last.content.answers).toEqual({ ket_qua: 'Giảm hồ sơ trễ hạn' });
    // Saved: nothing is left waiting in the browser.
    expect(localStorage.getItem('par-inspect.report-draft.11111111-1111-4111-8111-111111111111')).toBeNull();
  });

  it('keeps the draft in the browser when the network fails and restores it after the tab is closed', async () => {
    onSave = () => {
      throw new TypeError('Failed to fetch');
    };
    const first = renderWithProviders(<SubmissionForm submission={submissionFixture()} autosaveDelayMs={20} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('1. Kết quả thực hiện'), 'Đã rà soát 7 hồ sơ');
    expect(await screen.findByText('Mất kết nối: bản nháp được giữ trên máy này và sẽ lưu khi có mạng.')).toBeTruthy();
    first.unmount();

    // The tab is opened again, the network is back: the server still has the empty report.
    onSave = (b) => saved(b);
    renderWithProviders(<SubmissionForm submission={submissionFixture()} autosaveDelayMs={20} />);
    expect(await screen.findByText('Đã khôi phục bản nháp')).toBeTruthy();
    expect((screen.getByLabelText('1. Kết quả thực hiện') as HTMLTextAreaElement).value).toBe('Đã rà soát 7 hồ sơ');
    expect(await screen.findByText('Đã lưu bản nháp.')).toBeTruthy();
    expect(saves.at(-1)).toEqual({ version: 1, content: { answers: { ket_qua: 'Đã rà soát 7 hồ sơ' }, tables: { ho_so: [{}, {}] } } });
  });

  it('shows the other person’s version on a 409 and never overwrites it silently', async () => {
    const theirs = { version: 4, content: { answers: { ket_qua: 'Bản của chị Hồng' }, tables: { ho_so: [{ nhan: 7 }, {}] } }, updatedAt: '2021-06-20T03:00:00.000Z', updatedByName: 'Lê Thị Hồng' };
    onSave = (b) =>
      b.version === 1
        ? json({ type: 'x', title: 'conflict', status: 409, code: 'VERSION_CONFLICT', requestId: 'r', current: theirs }, 409)
        : saved(b);
    renderWithProviders(<SubmissionForm submission={submissionFixture()} autosaveDelayMs={20} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('1. Kết quả thực hiện'), 'Bản của tôi');
    expect(await screen.findByText('Báo cáo đã được người khác sửa')).toBeTruthy();
    expect(screen.getByText(/Lê Thị Hồng đã lưu báo cáo lúc 20\/06\/2021 10:00/)).toBeTruthy();
    expect(screen.getByTestId('theirs-ket_qua').textContent).toBe('Bản của chị Hồng');
    expect(saves).toHaveLength(1);

    // Their version is taken: the form shows it and nothing of mine is sent.
    await user.click(screen.getByRole('button', { name: 'Dùng bản của người kia' }));
    expect(await screen.findByDisplayValue('Bản của chị Hồng')).toBeTruthy();
    expect((screen.getByLabelText('Hồ sơ nhận — Đất đai') as HTMLInputElement).value).toBe('7');
    expect(saves).toHaveLength(1);

    // A later change goes on their version.
    await user.type(screen.getByLabelText('Hồ sơ nhận — Tư pháp'), '3');
    expect(await screen.findByText('Đã lưu bản nháp.')).toBeTruthy();
    expect(saves.at(-1)).toEqual({ version: 4, content: { answers: { ket_qua: 'Bản của chị Hồng' }, tables: { ho_so: [{ nhan: 7 }, { nhan: 3 }] } } });
  });

  it('keeps mine over theirs when chosen, sent on their version', async () => {
    const theirs = { version: 2, content: { answers: { ket_qua: 'Bản khác' }, tables: { ho_so: [{}, {}] } }, updatedAt: '2021-06-20T03:00:00.000Z', updatedByName: 'Lê Thị Hồng' };
    onSave = (b) => (b.version === 1 ? json({ type: 'x', title: 'conflict', status: 409, code: 'VERSION_CONFLICT', requestId: 'r', current: theirs }, 409) : saved(b));
    renderWithProviders(<SubmissionForm submission={submissionFixture()} autosaveDelayMs={20} />);
    const user = userEvent.setup();
    // One change (pasted), so that no autosave can fire between keystrokes on a loaded machine.
    await user.click(await screen.findByLabelText('1. Kết quả thực hiện'));
    await user.paste('Bản của tôi');
    await user.click(await screen.findByRole('button', { name: 'Giữ bản của tôi (ghi đè)' }));
    expect(await screen.findByText('Đã lưu bản nháp.')).toBeTruthy();
    expect(saves.at(-1)).toEqual({ version: 2, content: { answers: { ket_qua: 'Bản của tôi' }, tables: { ho_so: [{}, {}] } } });
  });

  it('names an unanswered section when the submit is refused', async () => {
    onSubmit = () => json({ type: 'x', title: 'invalid', status: 400, code: 'VALIDATION_FAILED', requestId: 'r', invalidParams: [{ name: 'body.content.answers.ket_qua', code: 'unanswered', reason: 'answer' }] }, 400);
    renderWithProviders(<SubmissionForm submission={submissionFixture()} autosaveDelayMs={20} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Gửi báo cáo' }));
    expect(await screen.findByText(/^1\. Kết quả thực hiện: /)).toBeTruthy();
  });

  it('fills the tables from the .xlsx form: each refused cell listed, then the tables replaced and the answers kept', async () => {
    let sent: { version: string | null; file: string | null } | null = null;
    onForm = (url, body) => {
      sent = { version: url.searchParams.get('version'), file: (body.get('file') as File | null)?.name ?? null };
      return json(
        {
          type: 'x', title: 'Invalid', status: 400, code: 'VALIDATION_FAILED', requestId: 'r',
          invalidParams: [
            { name: 'file.Biểu 1. Hồ sơ thủ tục hành c!C3', code: 'cell_not_a_number', reason: 'Hồ sơ nhận: not a number', params: { column: 'Hồ sơ nhận' } },
            { name: 'file.Biểu 1. Hồ sơ thủ tục hành c!A5', code: 'unknown_row', reason: 'x' },
          ],
        },
        400,
      );
    };
    renderWithProviders(<SubmissionForm submission={submissionFixture({ version: 3, content: { answers: { ket_qua: 'Giữ nguyên' }, tables: { ho_so: [{}, {}] } } })} autosaveDelayMs={20} />);
    const user = userEvent.setup();
    expect((await screen.findByRole('link', { name: 'Tải biểu nhập liệu (.xlsx)' })).getAttribute('href')).toBe('/api/report-submissions/11111111-1111-4111-8111-111111111111/form.xlsx');
    // Mantine's FileInput is a button over a hidden file input.
    const formInput = () => screen.getByTestId('tables-form-xlsx').querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'bieu-da-dien.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    await user.upload(formInput(), file);
    await user.click(screen.getByRole('button', { name: 'Tải lên và điền bảng' }));
    const errors = await screen.findByRole('table', { name: 'Lỗi trong tệp' });
    expect(errors.textContent).toContain('Biểu 1. Hồ sơ thủ tục hành c!C3');
    expect(errors.textContent).toContain('Hồ sơ nhận: Nhập một số.');
    expect(errors.textContent).not.toContain('not a number');
    expect(errors.textContent).toContain('Mã dòng không có trong biểu mẫu.');
    expect(sent).toEqual({ version: '3', file: 'bieu-da-dien.xlsx' });

    onForm = () => json(submissionFixture({ status: 'draft', displayStatus: 'draft', version: 4, content: { answers: { ket_qua: 'Giữ nguyên' }, tables: { ho_so: [{ nhan: 120 }, { nhan: 30 }] } } }));
    await user.upload(formInput(), file);
    await user.click(screen.getByRole('button', { name: 'Tải lên và điền bảng' }));
    expect(await screen.findByText('Đã điền các bảng từ tệp.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Lỗi trong tệp' })).toBeNull();
    expect((screen.getByLabelText('Hồ sơ nhận — Đất đai') as HTMLInputElement).value).toBe('120');
    expect(screen.getByTestId('total-ho_so-nhan').textContent).toBe('150');
    expect((screen.getByLabelText('1. Kết quả thực hiện') as HTMLTextAreaElement).value).toBe('Giữ nguyên');
    // The next autosave is based on the version the upload made.
    await user.type(screen.getByLabelText('1. Kết quả thực hiện'), '.');
    expect(await screen.findByText('Đã lưu bản nháp.')).toBeTruthy();
    expect(saves.at(-1)!.version).toBe(4);
  });

  it('reads the refused cells of the .xlsx form in English when the page is in English', async () => {
    onForm = () =>
      json(
        {
          type: 'x', title: 'Invalid', status: 400, code: 'VALIDATION_FAILED', requestId: 'r',
          invalidParams: [{ name: 'file.Biểu 1. Hồ sơ thủ tục hành c!C3', code: 'cell_not_a_whole_number', reason: 'Hồ sơ nhận: not a whole number', params: { column: 'Hồ sơ nhận' } }],
        },
        400,
      );
    renderWithProviders(<SubmissionForm submission={submissionFixture({ version: 3 })} autosaveDelayMs={20} />, { language: 'en' });
    const user = userEvent.setup();
    const formInput = (await screen.findByTestId('tables-form-xlsx')).querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(formInput, new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'f.xlsx'));
    await user.click(screen.getByRole('button', { name: 'Upload and fill the tables' }));
    const errors = await screen.findByRole('table', { name: 'Errors in the file' });
    expect(errors.textContent).toContain('Hồ sơ nhận: Enter a whole number.');
  });

  it("shows the template's check under the cell that goes over its whole, as one types", async () => {
    const base = submissionFixture();
    const table = base.template.body.items[1] as TemplateTable;
    const withCheck = {
      ...table,
      columns: [table.columns[0], { key: 'truc_tuyen', label: 'Trong đó: trực tuyến', type: 'integer' as const, total: true }, table.columns[1]],
      checks: [{ across: 'columns' as const, parts: ['truc_tuyen'], whole: 'nhan' }],
    };
    const submission = submissionFixture({ template: { ...base.template, body: { ...base.template.body, items: [base.template.body.items[0], withCheck] } } });
    renderWithProviders(<SubmissionForm submission={submission} autosaveDelayMs={20} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Hồ sơ nhận — Đất đai'), '10');
    await user.type(screen.getByLabelText('Trong đó: trực tuyến — Đất đai'), '12');
    expect(await screen.findByText('Lớn hơn Hồ sơ nhận (10).')).toBeTruthy();
    await user.clear(screen.getByLabelText('Trong đó: trực tuyến — Đất đai'));
    await user.type(screen.getByLabelText('Trong đó: trực tuyến — Đất đai'), '4');
    expect(screen.queryByText('Lớn hơn Hồ sơ nhận (10).')).toBeNull();
  });
});
