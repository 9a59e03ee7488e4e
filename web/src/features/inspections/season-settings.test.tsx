// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { ScheduleRulesSetting } from '../../../../shared/api/schedule-settings.schemas.js';
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

describe('schedule rules page', () => {
  it('shows the rules in force, saves them with their version, and offers to reload on a stale version', async () => {
    let current: ScheduleRulesSetting = { noticeLeadWorkingDays: 2, revisitMinDays: 30, version: null, source: 'default' };
    let stale = false;
    const calls = fakeServer((method, url, body) => {
      if (url !== '/api/settings/schedule-rules') return undefined;
      if (method === 'GET') return json(current);
      if (stale) return json({ type: 'x', title: 'conflict', status: 409, code: 'VERSION_CONFLICT', requestId: 'r' }, 409);
      const b = body as { noticeLeadWorkingDays: number; revisitMinDays: number };
      current = { ...b, version: (current.version ?? 0) + 1, source: 'setting' };
      return json(current);
    });
    renderWithProviders(
      <MemoryRouter>
        <ScheduleRulesPage />
      </MemoryRouter>,
    );
    expect(await screen.findByText('Đang dùng giá trị mặc định của hệ thống (chưa đặt lần nào).')).toBeTruthy();
    const lead = screen.getByRole('textbox', { name: /Thông báo đến đơn vị trước hạn gửi báo cáo/ });
    await userEvent.clear(lead);
    await userEvent.type(lead, '5');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Đã đặt (phiên bản 1).')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ noticeLeadWorkingDays: 5, revisitMinDays: 30, version: null });

    // Someone else saved meanwhile: 409, and Reload brings their version.
    stale = true;
    const revisit = screen.getByRole('textbox', { name: /Khoảng cách tối thiểu/ });
    await userEvent.clear(revisit);
    await userEvent.type(revisit, '60');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    current = { noticeLeadWorkingDays: 4, revisitMinDays: 45, version: 7, source: 'setting' };
    stale = false;
    await userEvent.click(screen.getByRole('button', { name: 'Tải lại' }));
    expect(await screen.findByText('Đã đặt (phiên bản 7).')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /Khoảng cách tối thiểu/ }) as HTMLInputElement).value).toBe('45');
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
