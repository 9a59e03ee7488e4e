// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../../../shared/api/notifications.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { NotificationBell } from './NotificationBell.js';

const planId = '6c1f3d0e-2222-4c1e-9d1a-0a0a0a0a0a0a';
const submitted: Notification = {
  id: '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a01',
  kind: 'plan.submitted',
  params: { planTitle: 'Kiểm tra công tác cải cách hành chính năm 2021', year: 2021, actorName: 'Đặng Thị Mỹ Linh' },
  link: { type: 'inspection_plan', id: planId, path: `/plans/${planId}` },
  createdAt: '2021-05-04T01:30:00.000Z',
  readAt: null,
};
const older: Notification = {
  id: '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a02',
  kind: 'general',
  params: { title: 'Lịch làm việc tháng 5', message: 'Đã cập nhật.' },
  link: null,
  createdAt: '2021-05-01T01:30:00.000Z',
  readAt: '2021-05-01T02:00:00.000Z',
};

/** A small server in memory: the bell's three endpoints over one list. */
function fakeServer() {
  const items = [structuredClone(submitted), structuredClone(older)];
  const unread = () => items.filter((n) => n.readAt === null).length;
  const calls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url}`);
    if (url === '/api/notifications/unread-count') return json({ unread: unread() });
    if (url.startsWith('/api/notifications?')) return json({ items, total: items.length, unread: unread() });
    const read = /^\/api\/notifications\/([^/]+)\/read$/.exec(url);
    if (method === 'POST' && read) {
      const item = items.find((n) => n.id === read[1]);
      if (!item) return json({ code: 'NOT_FOUND', status: 404, title: 'not found', type: 'about:blank', requestId: 'r' }, 404);
      item.readAt = '2021-05-04T02:00:00.000Z';
      return json(item);
    }
    return json({ code: 'NOT_FOUND', status: 404, title: 'not found', type: 'about:blank', requestId: 'r' }, 404);
  });
  vi.stubGlobal('fetch', fetch);
  return { calls };
}

function show(language: 'vi' | 'en' = 'vi') {
  renderWithProviders(
    <MemoryRouter initialEntries={['/units']}>
      <NotificationBell />
      <Routes>
        <Route path="/units" element={<p>Đơn vị</p>} />
        <Route path="/plans/:id" element={<p>Trang kế hoạch</p>} />
      </Routes>
    </MemoryRouter>,
    { language },
  );
}

describe('notification bell', () => {
  it('shows the unread count, lists the notifications in Vietnamese and marks one read', async () => {
    const server = fakeServer();
    show();
    const bell = await screen.findByRole('button', { name: 'Thông báo: 1 chưa đọc' });
    await userEvent.click(bell);
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Kế hoạch kiểm tra năm 2021 chờ phê duyệt')).toBeTruthy();
    expect(within(dialog).getByText(/Đặng Thị Mỹ Linh đã trình ký kế hoạch/)).toBeTruthy();
    expect(within(dialog).getByText('Lịch làm việc tháng 5')).toBeTruthy();
    expect(within(dialog).getByText('04/05/2021 08:30')).toBeTruthy();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Đánh dấu đã đọc: Kế hoạch kiểm tra năm 2021 chờ phê duyệt' }));
    expect(await screen.findByRole('button', { name: 'Thông báo' })).toBeTruthy();
    expect(server.calls).toContain(`POST /api/notifications/${submitted.id}/read`);
  });

  it('follows the link to the record, marking it read, in English for an English reader', async () => {
    const server = fakeServer();
    show('en');
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications: 1 unread' }));
    const link = await screen.findByRole('link', { name: 'Inspection plan 2021 awaits your approval' });
    expect(link.getAttribute('href')).toBe(`/plans/${planId}`);
    await userEvent.click(link);
    expect(await screen.findByText('Trang kế hoạch')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeTruthy();
    expect(server.calls).toContain(`POST /api/notifications/${submitted.id}/read`);
  });
});
