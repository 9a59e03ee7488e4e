// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App.js';
import { json, renderWithProviders } from '../../test/render.js';

const office = '55555555-5555-4555-8555-555555555555';
const session = (locale: 'vi' | 'en') => ({
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'vanphong', fullName: 'Trần Văn Nam', locale, mustChangePassword: false },
  roles: [{ role: 'secretariat', agencyId: office, agencyName: 'Phòng Nội vụ thị xã Hoài Nhơn' }],
  capabilities: ['registry.read', 'report.read_all', 'report.manage'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
});
const line = (n: number, agencyName: string, asked: number, onTime: number, late: number, returned: number, missing: number, onTimeRate: number | null, pending = 0) => ({
  agencyId: `00000000-0000-4000-8000-00000000000${n}`,
  agencyName,
  asked,
  onTime,
  late,
  returned,
  missing,
  pending,
  onTimeRate,
});
const byYear: Record<string, ReturnType<typeof line>[]> = {
  '2021': [line(1, 'UBND phường Bồng Sơn', 4, 4, 0, 0, 0, 100), line(2, 'UBND phường Tam Quan', 4, 2, 1, 1, 0, 50), line(3, 'UBND xã Hoài Hải', 4, 3, 0, 0, 1, 75)],
  '2022': [line(4, 'UBND phường Hoài Đức', 4, 1, 1, 0, 0, 50, 2)],
};
let locale: 'vi' | 'en';
const asked: string[] = [];

const fetchMock = vi.fn(async (input: string) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/session/current') return json(session(locale));
  if (url.pathname.startsWith('/api/notifications')) return json({ count: 0, items: [] });
  if (url.pathname === '/api/report-statistics') {
    const year = url.searchParams.get('year')!;
    asked.push(year);
    return json({ year: Number(year), items: byYear[year] ?? [] });
  }
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

beforeEach(() => {
  locale = 'vi';
  asked.length = 0;
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});

const names = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0].textContent);

describe('the on-time reporting rate page', () => {
  it('shows each unit’s figures of the year, worst rate first, sorts by any column and follows the year picked', async () => {
    window.history.pushState({}, '', '/reports/statistics?year=2021');
    renderWithProviders(<App />);
    const user = userEvent.setup();
    const table = await screen.findByRole('table', { name: 'Tỷ lệ báo cáo đúng hạn năm 2021' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Cơ quan, đơn vị', 'Được yêu cầu', 'Đúng hạn', 'Muộn hạn', 'Bị trả lại', 'Chưa gửi', 'Chưa đến hạn', 'Tỷ lệ đúng hạn ▲']);
    expect(names(table)).toEqual(['UBND phường Tam Quan', 'UBND xã Hoài Hải', 'UBND phường Bồng Sơn']);
    expect(within(within(table).getAllByRole('row')[1]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['UBND phường Tam Quan', '4', '2', '1', '1', '0', '0', '50%']);

    await user.click(within(table).getByRole('button', { name: 'Cơ quan, đơn vị' }));
    expect(names(table)).toEqual(['UBND phường Bồng Sơn', 'UBND phường Tam Quan', 'UBND xã Hoài Hải']);
    expect(within(table).getAllByRole('columnheader')[0].getAttribute('aria-sort')).toBe('ascending');
    await user.click(within(table).getByRole('button', { name: /Chưa gửi/ }));
    expect(names(table)[0]).toBe('UBND xã Hoài Hải');

    expect(screen.getByRole('link', { name: 'Tải bảng (.xlsx)' }).getAttribute('href')).toBe('/api/report-statistics.xlsx?year=2021');
    const year = screen.getByRole('textbox', { name: 'Năm' });
    await user.clear(year);
    await user.type(year, '2022');
    expect(await screen.findByRole('table', { name: 'Tỷ lệ báo cáo đúng hạn năm 2022' })).toBeTruthy();
    expect(names(screen.getByRole('table'))).toEqual(['UBND phường Hoài Đức']);
    // Two of its four reports are not yet due: neither missing nor in the rate.
    expect(within(within(screen.getByRole('table')).getAllByRole('row')[1]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['UBND phường Hoài Đức', '4', '1', '1', '0', '0', '2', '50%']);
    expect(asked).toContain('2022');
    expect(screen.getByRole('link', { name: 'Tải bảng (.xlsx)' }).getAttribute('href')).toBe('/api/report-statistics.xlsx?year=2022');
  });

  it('is reached from the requests page and reads in English', async () => {
    locale = 'en';
    window.history.pushState({}, '', '/reports/requests');
    renderWithProviders(<App />, { language: 'en' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'On-time reporting rate' }));
    expect(await screen.findByRole('heading', { name: 'On-time reporting rate by unit' })).toBeTruthy();
    expect(await screen.findByText(/No report request is due in \d{4} yet\./)).toBeTruthy();
  });
});
