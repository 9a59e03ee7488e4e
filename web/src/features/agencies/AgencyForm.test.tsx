// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Agency } from '../../../../shared/api/registry.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { AgencyForm, agencyFormValues, type AgencyFormValues } from './AgencyForm.js';

const unitId = '11111111-1111-4111-8111-111111111111';
const agency = (n: number, name: string, unitName = 'Thị xã Hoài Nhơn'): Agency => ({
  id: `22222222-2222-4222-8222-22222222220${n}`,
  unitId,
  unitName,
  parentAgencyId: null,
  parentAgencyName: null,
  name,
  shortName: null,
  kind: 'department',
  code: null,
  docAbbreviation: null,
  placeName: null,
  headName: null,
  headTitle: null,
  phone: null,
  email: null,
  address: null,
  validFrom: null,
  validTo: null,
  active: true,
  isStandingBody: false,
  version: 1,
});
const edited = agency(1, 'Phòng Nội vụ');
const formerParent = agency(2, 'UBND thị xã Hoài Nhơn');
// Far beyond the first page of a national register: only a search finds it.
const farAway = agency(3, 'Sở Nội vụ', 'Tỉnh Gia Lai');

const fetchMock = vi.fn(async (input: string) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/agencies') {
    const q = url.searchParams.get('q');
    // The server's first page holds the agency being edited and its parent, not the one sought.
    const items = q === 'so noi vu' ? [farAway] : [edited, formerParent];
    return json({ items, nextCursor: 'more', total: 15000 });
  }
  if (url.pathname === `/api/agencies/${formerParent.id}`) return json({ ...formerParent, abilities: {} });
  if (url.pathname === `/api/units/${unitId}`) return json({ id: unitId, code: null, name: 'Thị xã Hoài Nhơn', kind: 'district', parentId: null, validFrom: null, validTo: null, active: true, version: 1, parentName: null, successions: [] });
  if (url.pathname === '/api/units') return json({ items: [], nextCursor: null, total: 0 });
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});
const agencyRequests = () => fetchMock.mock.calls.map(([u]) => new URL(u, 'http://localhost')).filter((u) => u.pathname === '/api/agencies');

beforeEach(() => {
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});

describe('AgencyForm: the parent agency', () => {
  it('is searched on the server (q and limit), so an agency beyond the first page can be chosen; the edited agency is never offered', async () => {
    const submitted = vi.fn<(v: AgencyFormValues) => void>();
    renderWithProviders(
      <AgencyForm initial={agencyFormValues({ ...edited, parentAgencyId: formerParent.id })} agencyId={edited.id} pending={false} error={null} onSubmit={submitted} onCancel={() => {}} />,
    );
    // The parent given from outside is named from its own record.
    expect(await screen.findByDisplayValue('UBND thị xã Hoài Nhơn — Thị xã Hoài Nhơn')).toBeTruthy();
    const user = userEvent.setup();
    const input = screen.getByRole('combobox', { name: 'Cơ quan cấp trên' });
    await user.clear(input);
    await user.click(input);
    expect(await screen.findByRole('option', { name: 'UBND thị xã Hoài Nhơn — Thị xã Hoài Nhơn', hidden: true })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /^Phòng Nội vụ/, hidden: true })).toBeNull();

    await user.type(input, 'so noi vu');
    await user.click(await screen.findByRole('option', { name: 'Sở Nội vụ — Tỉnh Gia Lai', hidden: true }));
    expect(agencyRequests().some((u) => u.searchParams.get('q') === 'so noi vu' && u.searchParams.get('limit') === '50')).toBe(true);
    expect(agencyRequests().every((u) => u.searchParams.get('limit') === '50')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(submitted).toHaveBeenCalledWith(expect.objectContaining({ parentAgencyId: farAway.id, name: 'Phòng Nội vụ' }));
  });
});
