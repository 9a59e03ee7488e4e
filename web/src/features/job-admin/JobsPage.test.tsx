// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { FailedJob, JobOverview } from '../../../../shared/api/job-admin.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { SessionProvider } from '../../auth/session.js';
import { JobsPage } from './JobsPage.js';

const counts = { created: 0, retry: 1, active: 0, completed: 7, cancelled: 0, failed: 1 };
const overview = (mail: JobOverview['mail']): JobOverview => ({
  queues: [{ name: 'notifications.send-email', title: { vi: 'Gửi thư điện tử thông báo', en: 'Send notification e-mail' }, retryLimit: 10, retryDelaySeconds: 60, retryBackoff: true, cron: null, daily: false, counts }],
  dailyRunTime: { time: '07:00', version: null },
  mail,
});
const failedJob: FailedJob = {
  id: '6c1f3d0e-3333-4c1e-9d1a-0a0a0a0a0a0a',
  queue: 'notifications.send-email',
  title: { vi: 'Gửi thư điện tử thông báo', en: 'Send notification e-mail' },
  createdAt: '2021-05-04T01:00:00.000Z',
  failedAt: '2021-05-05T01:00:00.000Z',
  attempts: 11,
  error: 'connect ECONNREFUSED 127.0.0.1:25',
  payload: { outboxId: '6c1f3d0e-4444-4c1e-9d1a-0a0a0a0a0a0a' },
  scope: 'user',
};

const session = {
  user: { id: '6c1f3d0e-5555-4c1e-9d1a-0a0a0a0a0a0a', username: 'admin', fullName: 'Quản trị', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'admin', agencyId: '6c1f3d0e-6666-4c1e-9d1a-0a0a0a0a0a0a', agencyName: 'UBND tỉnh' }],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};

function fakeServer(mail: JobOverview['mail'], capabilities: string[] = ['user.manage', 'jobs.schedule']) {
  const calls: string[] = [];
  let failed = [failedJob];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = String(input);
      calls.push(`${init?.method ?? 'GET'} ${url}`);
      if (url === '/api/session/current') return json({ ...session, capabilities });
      if (url === '/api/admin/jobs') return json(overview(mail));
      if (url.startsWith('/api/admin/jobs/failed')) return json({ items: failed, total: failed.length });
      if (init?.method === 'POST' && url.endsWith('/retry')) {
        failed = [];
        return json({ id: failedJob.id, queue: failedJob.queue, state: 'retry' });
      }
      return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
    }),
  );
  return { calls };
}

const show = (language: 'vi' | 'en' = 'vi') =>
  renderWithProviders(
    <SessionProvider fallback={null}>
      <MemoryRouter>
        <JobsPage />
      </MemoryRouter>
    </SessionProvider>,
    { language },
  );

describe('jobs page', () => {
  it('says that e-mail is off, lists the queues and retries a failed job', async () => {
    const server = fakeServer({ enabled: false, from: null });
    show();
    expect(await screen.findByText('Chưa bật gửi thư điện tử')).toBeTruthy();
    expect(screen.getAllByText('Gửi thư điện tử thông báo').length).toBeGreaterThan(0);
    expect(await screen.findByText('connect ECONNREFUSED 127.0.0.1:25')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Chạy lại: Gửi thư điện tử thông báo' }));
    expect(await screen.findByText('Không có công việc nào thất bại.')).toBeTruthy();
    expect(server.calls).toContain(`POST /api/admin/jobs/notifications.send-email/${failedJob.id}/retry`);
  });

  it('names the sender when e-mail is on', async () => {
    fakeServer({ enabled: true, from: 'CCHC <cchc@hoainhon.test>' });
    show('en');
    expect(await screen.findByText(/E-mail is on; sender: CCHC <cchc@hoainhon.test>/)).toBeTruthy();
  });

  it('shows the daily run time read-only to an admin whose reach is not the whole installation', async () => {
    fakeServer({ enabled: false, from: null }, ['user.manage']);
    show();
    expect(await screen.findByText(/Công việc hằng ngày chạy lúc 07:00/)).toBeTruthy();
    expect(screen.queryByLabelText(/Giờ chạy công việc hằng ngày/)).toBeNull();
  });
});
