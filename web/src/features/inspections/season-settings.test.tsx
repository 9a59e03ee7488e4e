// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { ReminderTimeSetting, ScheduleRulesSetting } from '../../../../shared/api/schedule-settings.schemas.js';
import { SessionProvider } from '../../auth/session.js';
import { json, renderWithProviders } from '../../test/render.js';
import { CalendarFeedSection } from './CalendarFeedSection.js';
import { ScheduleRulesPage } from './ScheduleRulesPage.js';

type Handler = (method: string, url: string, body: unknown) => Response | undefined;
function fakeServer(handler: Handler) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, url: String(input), body });
      return handler(method, String(input), body) ?? json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
    }),
  );
  return calls;
}

const sessionWith = (capabilities: string[]) => ({
  user: { id: '6c1f3d0e-5555-4c1e-9d1a-0a0a0a0a0a0a', username: 'secretariat', fullName: 'Văn phòng', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'secretariat', agencyId: '6c1f3d0e-6666-4c1e-9d1a-0a0a0a0a0a0a', agencyName: 'Phòng Nội vụ' }],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
  capabilities,
});
const unitId = '6c1f3d0e-7777-4c1e-9d1a-0a0a0a0a0a0a';
const reminder: ReminderTimeSetting = { unitId, unitName: 'Hoài Nhơn', time: '07:00', version: null, source: 'installation', canUpdate: true };
const renderPage = () =>
  renderWithProviders(
    <SessionProvider fallback={null}>
      <MemoryRouter>
        <ScheduleRulesPage />
      </MemoryRouter>
    </SessionProvider>,
  );

describe('schedule rules page', () => {
  it("shows the standing office its authority's rules, saves them with their version and unit, and offers to reload on a stale version", async () => {
    let current: ScheduleRulesSetting = { noticeLeadWorkingDays: 2, revisitMinDays: 30, unitId, unitName: 'Hoài Nhơn', version: null, source: 'installation', canUpdate: true };
    let stale = false;
    const calls = fakeServer((method, url, body) => {
      if (url === '/api/session/current') return json(sessionWith(['inspection.schedule']));
      if (url.startsWith('/api/settings/reminder-time')) return json({ ...reminder, source: 'default' });
      if (!url.startsWith('/api/settings/schedule-rules')) return undefined;
      if (method === 'GET') return url.includes('scope=authority') ? json(current) : undefined;
      if (stale) return json({ type: 'x', title: 'conflict', status: 409, code: 'VERSION_CONFLICT', requestId: 'r' }, 409);
      const b = body as { noticeLeadWorkingDays: number; revisitMinDays: number };
      current = { ...current, ...b, version: (current.version ?? 0) + 1, source: 'authority' };
      return json(current);
    });
    renderPage();
    expect(await screen.findByText('Quy tắc của Hoài Nhơn')).toBeTruthy();
    expect(await screen.findByText('Đang dùng giá trị chung của toàn hệ thống.')).toBeTruthy();
    // Not the installation's administrator: no installation-wide section.
    expect(screen.queryByText('Giá trị chung của toàn hệ thống')).toBeNull();
    const lead = screen.getByRole('textbox', { name: /Thông báo đến đơn vị trước hạn gửi báo cáo/ });
    await userEvent.clear(lead);
    await userEvent.type(lead, '5');
    await userEvent.click(screen.getAllByRole('button', { name: 'Lưu' })[0]);
    expect(await screen.findByText('Cơ quan đã đặt riêng (phiên bản 1).')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ noticeLeadWorkingDays: 5, revisitMinDays: 30, version: null, unitId });

    // Someone else saved meanwhile: 409, and Reload brings their version.
    stale = true;
    const revisit = screen.getByRole('textbox', { name: /Khoảng cách tối thiểu/ });
    await userEvent.clear(revisit);
    await userEvent.type(revisit, '60');
    await userEvent.click(screen.getAllByRole('button', { name: 'Lưu' })[0]);
    expect(await screen.findByRole('alert')).toBeTruthy();
    current = { ...current, noticeLeadWorkingDays: 4, revisitMinDays: 45, version: 7, source: 'authority' };
    stale = false;
    await userEvent.click(screen.getByRole('button', { name: 'Tải lại' }));
    expect(await screen.findByText('Cơ quan đã đặt riêng (phiên bản 7).')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /Khoảng cách tối thiểu/ }) as HTMLInputElement).value).toBe('45');
  });

  it("shows the installation's administrator the installation-wide values too, read-only where the server says so", async () => {
    fakeServer((method, url) => {
      if (url === '/api/session/current') return json(sessionWith(['schedule.configure', 'authority.configure']));
      if (method !== 'GET' || !url.startsWith('/api/settings/schedule-rules')) return undefined;
      return url.includes('scope=installation')
        ? json({ noticeLeadWorkingDays: 2, revisitMinDays: 1, unitId: null, unitName: null, version: 3, source: 'installation', canUpdate: true })
        : json({ noticeLeadWorkingDays: 2, revisitMinDays: 1, unitId, unitName: 'Việt Nam', version: null, source: 'installation', canUpdate: false });
    });
    renderPage();
    expect(await screen.findByText('Giá trị chung của toàn hệ thống')).toBeTruthy();
    expect(await screen.findByText('Đã đặt (phiên bản 3).')).toBeTruthy();
    expect(await screen.findByText('Bạn chỉ được xem các giá trị này.')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Lưu' })).toHaveLength(1);
  });

  it("sets the authority's daily reminder time, from the installation's, with its unit and version; a bad time is shown on the field", async () => {
    let current: ReminderTimeSetting = { ...reminder };
    const calls = fakeServer((method, url, body) => {
      if (url === '/api/session/current') return json(sessionWith(['inspection.schedule']));
      if (url.startsWith('/api/settings/schedule-rules')) return json({ noticeLeadWorkingDays: 2, revisitMinDays: 1, unitId, unitName: 'Hoài Nhơn', version: null, source: 'default', canUpdate: true });
      if (!url.startsWith('/api/settings/reminder-time')) return undefined;
      if (method === 'GET') return json(current);
      const b = body as { time: string };
      if (b.time === '25:00') return json({ type: 'x', title: 'bad', status: 400, code: 'VALIDATION_FAILED', requestId: 'r', invalidParams: [{ name: 'body.time', code: 'invalid_format', reason: 'expected HH:MM' }] }, 400);
      current = { ...current, time: b.time, version: 1, source: 'authority' };
      return json(current);
    });
    renderPage();
    const input = await screen.findByRole('textbox', { name: /Giờ gửi nhắc việc/ });
    expect((input as HTMLInputElement).value).toBe('07:00');
    await userEvent.clear(input);
    await userEvent.type(input, '25:00');
    const saveButtons = () => screen.getAllByRole('button', { name: 'Lưu' });
    await userEvent.click(saveButtons()[1]);
    expect(await screen.findByText('Sai định dạng.')).toBeTruthy();
    await userEvent.clear(input);
    await userEvent.type(input, '15:30');
    await userEvent.click(saveButtons()[1]);
    expect(await screen.findByText('Cơ quan đã đặt riêng (phiên bản 1).')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ unitId, time: '15:30', version: null });
  });
});

describe('calendar feed section', () => {
  it('makes a secret address shown once with a copy button, then revokes it', async () => {
    let active = false;
    const calls = fakeServer((method, url) => {
      if (url !== '/api/me/calendar-feed') return undefined;
      if (method === 'GET') return json({ active, createdAt: active ? '2021-06-01T02:00:00.000Z' : null });
      if (method === 'POST') {
        active = true;
        return json({ url: `http://localhost/api/calendar-feed/${'a'.repeat(43)}` });
      }
      active = false;
      return new Response(null, { status: 204 });
    });
    renderWithProviders(<CalendarFeedSection />, { language: 'en' });
    expect(await screen.findByText('You have no calendar address.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Create a calendar address' }));
    expect(((await screen.findByRole('textbox', { name: 'Your calendar address' })) as HTMLInputElement).value).toBe(`http://localhost/api/calendar-feed/${'a'.repeat(43)}`);
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke the address' }));
    expect(await screen.findByText('You have no calendar address.')).toBeTruthy();
    expect(calls.map((c) => c.method)).toEqual(expect.arrayContaining(['POST', 'DELETE']));
  });
});
