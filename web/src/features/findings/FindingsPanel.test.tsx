// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../../../shared/api/findings.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { FindingsPanel } from './FindingsPanel.js';

const inspectionId = '11111111-1111-4111-8111-111111111111';
const finding = (over: Partial<Finding>): Finding => ({
  id: '22222222-2222-4222-8222-222222222221',
  inspectionId,
  checklistItemId: null,
  checklistItemCode: null,
  kind: 'violation',
  contentGroup: 'desk',
  severity: 'serious',
  title: 'Vắng mặt trong giờ làm việc',
  text: 'Công chức Bộ phận Một cửa vắng mặt không lý do.',
  recommendation: null,
  evidenceIds: [],
  withdrawnAt: null,
  createdBy: null,
  createdAt: '2021-09-21T02:00:00.000Z',
  version: 1,
  abilities: { update: false, withdraw: false },
  escalations: [],
  ...over,
});
let findings: Finding[];

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const path = new URL(input, 'http://localhost').pathname;
      if (path === `/api/inspections/${inspectionId}/findings`) return json({ items: findings });
      if (path === `/api/inspections/${inspectionId}/checklists`) return json({ inspectionId, items: [], abilities: { fill: false, addChecklist: false, recordFindings: false } });
      return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
    }),
  );
});

describe('findings panel', () => {
  it('links a finding to the proposals for a public-service inspection that name it (the server sends only those the viewer may see)', async () => {
    findings = [
      finding({ escalations: [{ id: '33333333-3333-4333-8333-333333333331', status: 'proposed', documentNumber: '12/UBND-NV' }, { id: '33333333-3333-4333-8333-333333333332', status: 'draft', documentNumber: null }] }),
      finding({ id: '22222222-2222-4222-8222-222222222222', kind: 'shortcoming', severity: 'minor', title: 'Niêm yết chưa đầy đủ' }),
    ];
    renderWithProviders(
      <MemoryRouter>
        <FindingsPanel inspectionId={inspectionId} />
      </MemoryRouter>,
    );
    const named = await screen.findByRole('article', { name: 'Vắng mặt trong giờ làm việc' });
    expect(within(named).getByText('Đã đề nghị kiểm tra công vụ:')).toBeTruthy();
    expect(within(named).getByRole('link', { name: '12/UBND-NV (Đã đề nghị)' }).getAttribute('href')).toBe('/escalations/33333333-3333-4333-8333-333333333331');
    expect(within(named).getByRole('link', { name: 'dự thảo đề nghị (Dự thảo)' }).getAttribute('href')).toBe('/escalations/33333333-3333-4333-8333-333333333332');
    const other = screen.getByRole('article', { name: 'Niêm yết chưa đầy đủ' });
    expect(within(other).queryByText('Đã đề nghị kiểm tra công vụ:')).toBeNull();
  });
});
