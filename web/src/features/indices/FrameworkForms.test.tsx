// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { FrameworkDetail } from '../../../../shared/api/indices.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { FrameworkActions } from './FrameworkForms.js';
import { frameworkSummary } from './framework.test-support.js';

const draft: FrameworkDetail = {
  ...frameworkSummary({ id: '80000000-0000-4000-8000-000000000001', ownerAgencyId: '80000000-0000-4000-8000-000000000002', ownerAgencyName: 'UBND thị xã Hoài Nhơn', name: 'Bộ chỉ số cấp xã', fromYear: 2022, status: 'draft', maxPoints: 4, leafCount: 1 }),
  criteria: [{ id: '80000000-0000-4000-8000-000000000003', parentId: null, level: 'area', code: '1', name: 'Chỉ đạo', maxPoints: 4, scoringMethod: 'appraised', expectedEvidence: null, unmetBelow: null, position: 0 }],
  abilities: { update: true, publish: true, newVersion: false, score: false, import: false },
};

describe('managing a draft framework in the browser', () => {
  it('edits the tree as lines (one criterion each) and publishes', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => json({ ...draft, version: 3, ...(init?.method === 'POST' ? { status: 'published' } : {}) }));
    vi.stubGlobal('fetch', fetch);
    renderWithProviders(
      <MemoryRouter>
        <FrameworkActions framework={draft} />
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Sửa dự thảo' }));
    const lines = await screen.findByRole('textbox', { name: /Tiêu chí, mỗi dòng/ });
    expect((lines as HTMLTextAreaElement).value).toBe('1 | Chỉ đạo | 4');
    await user.clear(lines);
    await user.type(lines, '1 | Chỉ đạo | 4{enter}1.1 | Kế hoạch | 1,5{enter}1.2 | Báo cáo | 2,5');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect([url, init.method]).toEqual([`/api/index-frameworks/${draft.id}`, 'PATCH']);
    expect(JSON.parse(String(init.body))).toEqual({
      version: 2,
      name: 'Bộ chỉ số cấp xã',
      criteria: [{ code: '1', name: 'Chỉ đạo', maxPoints: 4, children: [{ code: '1.1', name: 'Kế hoạch', maxPoints: 1.5 }, { code: '1.2', name: 'Báo cáo', maxPoints: 2.5 }] }],
    });
    await user.click(screen.getByRole('button', { name: 'Ban hành' }));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(fetch.mock.calls[1][0]).toBe(`/api/index-frameworks/${draft.id}/publish`);
  });
});
