// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportCompilation } from '../../../../shared/api/reports.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { CompilationPanel } from './CompilationPanel.js';

const requestId = '22222222-2222-4222-8222-222222222222';
const id = '99999999-9999-4999-8999-999999999999';
const base: ReportCompilation = { id, requestId, status: 'queued', total: null, processed: 0, xlsxUrl: null, docxUrl: null, createdAt: '2021-07-05T02:00:00.000Z', finishedAt: null };
let polls: ReportCompilation[];
const calls: string[] = [];

const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
  const url = new URL(input, 'http://localhost');
  calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
  if (url.pathname === `/api/report-requests/${requestId}/compilations` && init?.method === 'POST') return json(base, 202);
  if (url.pathname === `/api/report-compilations/${id}`) return json(polls.length > 1 ? polls.shift()! : polls[0]);
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

beforeEach(() => {
  calls.length = 0;
  polls = [
    { ...base, status: 'running', total: 3400, processed: 1250 },
    { ...base, status: 'done', total: 3400, processed: 3400, xlsxUrl: `/api/report-compilations/${id}/compilation.xlsx`, docxUrl: `/api/report-compilations/${id}/report.docx`, finishedAt: '2021-07-05T02:01:00.000Z' },
  ];
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});

describe('compiling a request’s reports', () => {
  it('starts the job, shows its progress, then offers the .xlsx and the draft report', async () => {
    renderWithProviders(<CompilationPanel requestId={requestId} />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Tổng hợp báo cáo đã chấp nhận' }));
    expect(await screen.findByText('Đã đọc 1250/3400 báo cáo')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Tiến độ tổng hợp' })).toBeTruthy();
    // The page polls on its own until the job is done (no waiting in the test beyond findBy).
    expect((await screen.findByRole('link', { name: 'Tải bảng tổng hợp (.xlsx)' })).getAttribute('href')).toBe(`/api/report-compilations/${id}/compilation.xlsx`);
    expect(screen.getByRole('link', { name: 'Tải dự thảo báo cáo (.docx)' }).getAttribute('href')).toBe(`/api/report-compilations/${id}/report.docx`);
    expect(screen.getByText('Đã tổng hợp 3400 báo cáo được tiếp nhận.')).toBeTruthy();
    expect(calls[0]).toBe(`POST /api/report-requests/${requestId}/compilations`);
  });
});
