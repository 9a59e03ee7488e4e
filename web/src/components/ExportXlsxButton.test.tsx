// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { CorrectiveActionsPage } from '../features/followup/CorrectiveActionsPage.js';
import { FindingsListPage } from '../features/findings/FindingsListPage.js';
import { SubmissionsListPage } from '../features/reports/SubmissionsListPage.js';
import { json, renderWithProviders } from '../test/render.js';

const town = '10000000-0000-4000-8000-000000000001';
const id = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const submission = (n: number) => ({ id: id(n), requestId: id(999), requestTitle: 'Báo cáo CCHC quý III', agencyId: id(500 + n), agencyName: `UBND phường ${n}`, status: 'not_started', displayStatus: 'not_started', late: null, submittedAt: null, returnReason: null, version: 1 });

/** Answers the lists; records every URL asked. */
function stubApi() {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://x');
      urls.push(url.pathname + url.search);
      if (url.pathname === `/api/units/${town}`) return json({ id: town, name: 'Thị xã Hoài Nhơn' });
      if (url.pathname === '/api/report-submissions') {
        const page = Number(url.searchParams.get('page') ?? 1);
        return json({ items: Array.from({ length: page === 1 ? 50 : 10 }, (_, i) => submission((page - 1) * 50 + i + 1)), total: 60 });
      }
      if (url.pathname === '/api/corrective-actions/board') return json({ asOf: '2021-12-20', total: { open: 0, overdue: 0, closed: 0 }, byAgency: [], agencyCount: 0, byContentGroup: [] });
      if (url.pathname === '/api/findings' || url.pathname === '/api/corrective-actions') return json({ items: [], total: 0 });
      return json({ type: 'about:blank', title: 'NOT_FOUND', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
    }),
  );
  return urls;
}

describe('"Xuất Excel" on the lists', () => {
  it('the units’ reports: paged on the server with the total, the export carrying the page’s filters', async () => {
    const urls = stubApi();
    renderWithProviders(
      <MemoryRouter initialEntries={[`/reports/submissions?dueYear=2021&unitId=${town}&timeliness=missing`]}>
        <SubmissionsListPage />
      </MemoryRouter>,
    );
    expect(await screen.findByText('60 báo cáo')).toBeTruthy();
    expect(urls).toContain(`/api/report-submissions?dueYear=2021&unitId=${town}&timeliness=missing&page=1&pageSize=50`);
    expect(screen.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href')).toBe(`/api/report-submissions/export.xlsx?dueYear=2021&unitId=${town}&timeliness=missing`);
    await userEvent.click(screen.getByRole('button', { name: '2' }));
    expect(await screen.findByText('UBND phường 60')).toBeTruthy();
    expect(urls).toContain(`/api/report-submissions?dueYear=2021&unitId=${town}&timeliness=missing&page=2&pageSize=50`);
  });

  it('the units’ reports: a link with its page (?page=2) opens that page', async () => {
    const urls = stubApi();
    renderWithProviders(
      <MemoryRouter initialEntries={['/reports/submissions?timeliness=missing&page=2']}>
        <SubmissionsListPage />
      </MemoryRouter>,
    );
    expect(await screen.findByText('UBND phường 60')).toBeTruthy();
    expect(urls.filter((u) => u.startsWith('/api/report-submissions?'))).toEqual(['/api/report-submissions?timeliness=missing&page=2&pageSize=50']);
  });

  it('the findings, with the dashboard’s filters', async () => {
    stubApi();
    renderWithProviders(
      <MemoryRouter initialEntries={[`/findings?visitYear=2021&unitId=${town}&kind=violation`]}>
        <FindingsListPage />
      </MemoryRouter>,
      { language: 'en' },
    );
    expect((await screen.findByRole('link', { name: 'Export to Excel' })).getAttribute('href')).toBe(`/api/findings/export.xlsx?visitYear=2021&unitId=${town}&kind=violation`);
  });

  it('the corrective actions: the board and the export filtered by the unit of the URL', async () => {
    const urls = stubApi();
    renderWithProviders(
      <MemoryRouter initialEntries={[`/corrective-actions?visitYear=2021&unitId=${town}&state=overdue`]}>
        <CorrectiveActionsPage />
      </MemoryRouter>,
    );
    expect((await screen.findByRole('link', { name: 'Xuất Excel' })).getAttribute('href')).toBe(`/api/corrective-actions/export.xlsx?state=overdue&visitYear=2021&unitId=${town}`);
    await screen.findByRole('table', { name: 'Theo đơn vị' });
    expect(urls).toContain(`/api/corrective-actions/board?unitId=${town}&visitYear=2021`);
  });
});
