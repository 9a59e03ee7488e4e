// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Unit } from '../../../../shared/api/registry.schemas.js';
import { App } from '../../App.js';
import { json, renderWithProviders } from '../../test/render.js';

const province: Unit = {
  id: '11111111-1111-4111-8111-111111111111', code: '52', name: 'Tỉnh Gia Lai', kind: 'province', parentId: null,
  validFrom: null, validTo: null, active: true, version: 1,
};
const commune: Unit = {
  id: '22222222-2222-4222-8222-222222222222', code: null, name: 'Xã Hoài Thanh Tây', kind: 'commune',
  parentId: province.id, validFrom: null, validTo: null, active: true, version: 1,
};
const other: Unit = { ...commune, id: '33333333-3333-4333-8333-333333333333', name: 'Xã Ân Hảo' };
const session = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'secretariat', fullName: 'Nguyễn Văn Thư', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'secretariat', agencyId: '55555555-5555-4555-8555-555555555555', agencyName: 'Sở Nội vụ' }],
  capabilities: ['registry.read', 'unit.create', 'agency.create', 'plan.read', 'plan.draft'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};

const fetchMock = vi.fn(async (input: string) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/session/current') return json(session);
  if (url.pathname === '/api/units') {
    const q = url.searchParams.get('q');
    if (q) return json({ items: [commune], nextCursor: null, total: 1 });
    // Two pages: the province and the other commune, then (after "Xem thêm") the commune searched.
    if (url.searchParams.get('after') === 'page-2') return json({ items: [commune], nextCursor: null, total: 3 });
    return json({ items: [province, other], nextCursor: 'page-2', total: 3 });
  }
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

beforeEach(() => {
  fetchMock.mockClear();
  window.history.pushState({}, '', '/units');
  vi.stubGlobal('fetch', fetchMock);
});

describe('registry pages', () => {
  it('shows the first page of units with the total, and the next one on "Xem thêm"', async () => {
    renderWithProviders(<App />);
    expect(await screen.findByText('Đang hiện 2 trong 3 kết quả')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Xem thêm' }));
    expect(await screen.findByText('3 kết quả')).toBeTruthy();
    expect(fetchMock.mock.calls.map(([u]) => u)).toContain('/api/units?after=page-2');
    expect(screen.queryByRole('button', { name: 'Xem thêm' })).toBeNull();
  });
});

describe('registry search', () => {
  it('finds "Hoài Thanh Tây" by typing "hoai thanh tay" into Tìm kiếm', async () => {
    renderWithProviders(<App />);
    const tree = await screen.findByRole('list', { name: 'Cây đơn vị hành chính' });
    expect(screen.getByTestId('current-user').textContent).toBe('Nguyễn Văn Thư');
    expect(within(tree).getByText('Tỉnh Gia Lai')).toBeTruthy();

    await userEvent.setup().type(screen.getByLabelText('Tìm kiếm'), 'hoai thanh tay');
    // The list narrows when the server's answer arrives (after the debounce): the count of one
    // result is that event, found as it appears (findBy…), with no polling of the list.
    expect(await screen.findByText('1 kết quả')).toBeTruthy();
    expect(screen.queryByText('Xã Ân Hảo')).toBeNull();

    expect(fetchMock.mock.calls.map(([u]) => u)).toContain('/api/units?q=hoai+thanh+tay');
    expect((await screen.findByRole('link', { name: 'Xã Hoài Thanh Tây' })).getAttribute('href')).toBe(`/units/${commune.id}`);
  });
});
