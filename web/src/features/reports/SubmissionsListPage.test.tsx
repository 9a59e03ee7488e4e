// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Browser, json, renderWithProviders } from '../../test/render.js';
import { SubmissionsListPage } from './SubmissionsListPage.js';

const id = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const submission = (n: number, timeliness: string | null) => ({
  id: id(n),
  requestId: id(999),
  requestTitle: 'Báo cáo CCHC quý III',
  agencyId: id(500 + n),
  agencyName: `UBND phường ${n}${timeliness ? ` (${timeliness})` : ''}`,
  status: 'not_started',
  displayStatus: 'not_started',
  late: null,
  submittedAt: null,
  returnReason: null,
  version: 1,
});

/** The lists asked of the server (their query strings). */
const asked: string[] = [];
beforeEach(() => {
  asked.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://x');
      if (url.pathname !== '/api/report-submissions') return json({ type: 'about:blank', title: 'NOT_FOUND', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
      asked.push(url.search);
      const page = Number(url.searchParams.get('page') ?? 1);
      // 60 reports: a first page of 50 and a second of 10, each row naming its page and filter.
      return json({ items: Array.from({ length: page === 1 ? 50 : page === 2 ? 10 : 0 }, (_, i) => submission((page - 1) * 50 + i + 1, url.searchParams.get('timeliness'))), total: 60 });
    }),
  );
});

const statusField = () => screen.getByLabelText('Tình trạng', { selector: 'input' }) as HTMLInputElement;


const renderAt = (address: string) =>
  renderWithProviders(
    <MemoryRouter initialEntries={[address]}>
      <SubmissionsListPage />
      <Browser />
    </MemoryRouter>,
  );

describe('the units’ reports list', () => {
  it('keeps its status filter in the address: chosen, it is a new entry on the first page; back restores the page before', async () => {
    const user = userEvent.setup();
    renderAt('/reports/submissions?dueYear=2021&page=2');
    expect(await screen.findByText('UBND phường 60')).toBeTruthy();
    expect(asked).toEqual(['?dueYear=2021&page=2&pageSize=50']);

    await user.click(statusField());
    await user.click(await screen.findByRole('option', { name: 'Chưa gửi (quá hạn)', hidden: true }));
    expect(await screen.findByText('UBND phường 1 (missing)')).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('/reports/submissions?dueYear=2021&timeliness=missing');
    expect(asked.at(-1)).toBe('?dueYear=2021&timeliness=missing&page=1&pageSize=50');

    await user.click(screen.getByRole('button', { name: 'Quay lại' }));
    expect(await screen.findByText('UBND phường 60')).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('/reports/submissions?dueYear=2021&page=2');
    expect(statusField().value).toBe('');
    expect(screen.queryByText('UBND phường 1 (missing)')).toBeNull();
  });

  it('moves a page past the last (a link kept from a longer list) to the last page, in place', async () => {
    renderAt('/reports/submissions?page=99');
    expect(await screen.findByText('UBND phường 60')).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('/reports/submissions?page=2');
    expect(asked).toEqual(['?page=99&pageSize=50', '?page=2&pageSize=50']);
  });

  it('opens with the status and page of its address (a reload, a shared link); a status deselected leaves the address', async () => {
    const user = userEvent.setup();
    renderAt('/reports/submissions?timeliness=late&page=2');
    expect(await screen.findByText('UBND phường 60 (late)')).toBeTruthy();
    expect(statusField().value).toBe('Trễ hạn');
    expect(asked).toEqual(['?timeliness=late&page=2&pageSize=50']);

    // The page's own pagination keeps the filter.
    await user.click(screen.getByRole('button', { name: '1' }));
    expect(await screen.findByText('UBND phường 1 (late)')).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('/reports/submissions?timeliness=late');

    // Chosen again, the status is deselected (Mantine's Select).
    await user.click(statusField());
    await user.click(await screen.findByRole('option', { name: 'Trễ hạn', hidden: true }));
    expect(await screen.findByText('UBND phường 1')).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('/reports/submissions');
    expect(asked.at(-1)).toBe('?page=1&pageSize=50');
  });
});
