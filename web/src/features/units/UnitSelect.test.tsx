// @vitest-environment happy-dom
import { useState } from 'react';
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Unit } from '../../../../shared/api/registry.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { UnitSelect } from './UnitSelect.js';

const province: Unit = {
  id: '11111111-1111-4111-8111-111111111111', code: '52', name: 'Tỉnh Gia Lai', kind: 'province', parentId: null,
  validFrom: null, validTo: null, active: true, version: 1,
};
const commune: Unit = {
  id: '22222222-2222-4222-8222-222222222222', code: null, name: 'Xã Hoài Thanh Tây', kind: 'commune',
  parentId: province.id, validFrom: null, validTo: null, active: true, version: 1,
};

/** The server: a search finds the commune (diacritics ignored); the first page has only the province. */
const fetchMock = vi.fn(async (input: string) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/units') {
    const q = url.searchParams.get('q');
    return json({ items: q === 'hoai thanh' ? [commune] : [province], nextCursor: null, total: 1 });
  }
  if (url.pathname === `/api/units/${commune.id}`) return json({ ...commune, parentName: province.name, successions: [] });
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});
const unitRequests = () => fetchMock.mock.calls.map(([u]) => new URL(u, 'http://localhost')).filter((u) => u.pathname === '/api/units');

function Picker({ initial = null, onChange }: { initial?: string | null; onChange?: (id: string | null) => void }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <UnitSelect
      label="Đơn vị"
      value={value}
      onChange={(id) => {
        setValue(id);
        onChange?.(id);
      }}
    />
  );
}

beforeEach(() => {
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});

describe('UnitSelect', () => {
  it('asks the server for units as the user types, 50 at most, and picks what it finds', async () => {
    const chosen = vi.fn();
    renderWithProviders(<Picker onChange={chosen} />);
    const user = userEvent.setup();
    const input = await screen.findByRole('combobox', { name: /^Đơn vị/ });
    await user.click(input);
    expect(await screen.findByRole('option', { name: 'Tỉnh Gia Lai (Tỉnh)', hidden: true })).toBeTruthy();
    expect(unitRequests()[0].searchParams.get('limit')).toBe('50');

    await user.type(input, 'hoai thanh');
    await user.click(await screen.findByRole('option', { name: 'Xã Hoài Thanh Tây (Xã)', hidden: true }));
    expect(chosen).toHaveBeenCalledWith(commune.id);
    expect(unitRequests().some((u) => u.searchParams.get('q') === 'hoai thanh' && u.searchParams.get('limit') === '50')).toBe(true);
    // The page never filtered a list of its own: it shows what the server found.
    expect(unitRequests().every((u) => !u.searchParams.has('q') || u.searchParams.get('q') === 'hoai thanh')).toBe(true);
  });

  it('shows the label of a value it was given, read from the server', async () => {
    renderWithProviders(<Picker initial={commune.id} />);
    expect(await screen.findByDisplayValue('Xã Hoài Thanh Tây (Xã)')).toBeTruthy();
  });
});
