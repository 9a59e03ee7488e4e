// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders } from '../../test/render.js';
import { DifficultyQueueCard } from '../difficulties/DifficultyQueueCard.js';
import { ReviewQueueCard } from './ReviewQueueCard.js';

const calls: string[] = [];
/** How many reports wait for review on the server (the card is sent the first page). */
let queued = 1;
const fetchMock = vi.fn(async (input: string) => {
  const url = new URL(input, 'http://localhost');
  calls.push(`${url.pathname}${url.search}`);
  if (url.pathname === '/api/report-submissions')
    return json({ items: [{ id: '11111111-1111-4111-8111-111111111111', requestId: '22222222-2222-4222-8222-222222222222', requestTitle: 'Báo cáo CCHC quý II năm 2021', agencyId: '33333333-3333-4333-8333-333333333333', agencyName: 'UBND phường Bồng Sơn', status: 'submitted', displayStatus: 'submitted_late', late: true, submittedAt: '2021-06-21T03:00:00.000Z', returnReason: null, version: 3 }], total: queued });
  if (url.pathname === '/api/difficulties')
    return json({ items: [{ id: '44444444-4444-4444-8444-444444444444', agencyName: 'UBND xã Hoài Hảo', title: 'Thiếu công chức một cửa', raisedOn: '2021-09-01', forwardedOn: '2021-09-03' }], total: 1, counts: { open: 1, answered: 0, averageResponseWorkingDays: null } });
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});
beforeEach(() => {
  calls.length = 0;
  queued = 1;
  vi.stubGlobal('fetch', fetchMock);
});

describe('the office’s and the leader’s queues in “Việc của tôi”', () => {
  it('lists the reports waiting for review from one server-scoped request', async () => {
    renderWithProviders(
      <MemoryRouter>
        <ReviewQueueCard />
      </MemoryRouter>,
    );
    expect((await screen.findByRole('link', { name: 'UBND phường Bồng Sơn — Báo cáo CCHC quý II năm 2021' })).getAttribute('href')).toBe('/reports/submissions/11111111-1111-4111-8111-111111111111');
    expect(screen.getByText('Muộn')).toBeTruthy();
    expect(calls).toEqual(['/api/report-submissions?toReview=true&pageSize=200']);
    expect(screen.getByText('1 báo cáo')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Xem tất cả' })).toBeNull();
  });

  it('shows the total of the queue and links to the whole paged list when the server holds more than it sent', async () => {
    queued = 240;
    renderWithProviders(
      <MemoryRouter>
        <ReviewQueueCard />
      </MemoryRouter>,
    );
    expect(await screen.findByText('240 báo cáo')).toBeTruthy();
    expect((await screen.findByRole('link', { name: 'Xem tất cả' })).getAttribute('href')).toBe('/reports/submissions?toReview=true');
  });

  it('lists the difficulties raised (office) or forwarded to the caller (leader)', async () => {
    renderWithProviders(
      <MemoryRouter>
        <DifficultyQueueCard queue="leader" />
      </MemoryRouter>,
    );
    expect(await screen.findByText('Khó khăn, vướng mắc chuyển đến tôi')).toBeTruthy();
    expect((await screen.findByRole('link', { name: 'UBND xã Hoài Hảo — Thiếu công chức một cửa' })).getAttribute('href')).toBe('/difficulties/44444444-4444-4444-8444-444444444444');
    expect(calls[0]).toContain('status=forwarded');
    expect(calls[0]).toContain('forwardedToMe=true');
  });
});
