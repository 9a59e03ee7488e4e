// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App.js';
import { json, renderWithProviders } from '../../test/render.js';
import { apiTransport, setOutbox } from './offline/outbox.js';
import { MemoryQueueStore, OfflineQueue } from './offline/queue.js';

const INSPECTION = '11111111-1111-4111-8111-111111111111';
const CHECKLIST = '22222222-2222-4222-8222-222222222222';
const ITEM = '33333333-3333-4333-8333-333333333333';
const session = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'insp', fullName: 'Trần Văn Nam', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'inspector', agencyId: '55555555-5555-4555-8555-555555555555', agencyName: 'Phòng Nội vụ' }],
  capabilities: ['registry.read', 'plan.read', 'inspection.conduct'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};
const baseItem = {
  id: ITEM,
  checklistId: CHECKLIST,
  position: 1,
  groupCode: 'publicity',
  groupTitle: 'Niêm yết, công khai',
  code: 'NY.1',
  text: 'Thủ tục hành chính niêm yết đầy đủ',
  guidance: 'Chọn ngẫu nhiên 5 thủ tục',
  answerType: 'rating',
  evidenceRequired: true,
  assignedTaskId: null,
  rating: null,
  numberValue: null,
  textValue: null,
  note: null,
  editedAt: null,
  editedBy: null,
  editedByName: null,
  conflicts: 0,
  evidence: [],
  version: 1,
};
const checklists = {
  inspectionId: INSPECTION,
  abilities: { fill: true, addChecklist: true, recordFindings: true },
  items: [
    {
      id: CHECKLIST,
      inspectionId: INSPECTION,
      templateId: '66666666-6666-4666-8666-666666666666',
      name: 'Bảng kiểm Bộ phận Một cửa',
      kind: 'one_stop',
      groups: [{ code: 'publicity', title: 'Niêm yết, công khai' }],
      items: [baseItem],
      answered: 0,
      total: 1,
    },
  ],
};

let offline = false;
const saves: Record<string, unknown>[] = [];
const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/session/current') return json(session);
  if (url.pathname === `/api/inspections/${INSPECTION}/checklists`) return json(checklists);
  if (url.pathname === `/api/checklist-items/${ITEM}/answer` && init?.method === 'PUT') {
    if (offline) throw new TypeError('Failed to fetch');
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    saves.push(body);
    return json({ item: { ...baseItem, rating: body.rating, note: body.note, version: 2, editedAt: body.editedAt, editedBy: session.user.id, editedByName: 'Trần Văn Nam' }, outcome: 'saved' });
  }
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

beforeEach(() => {
  fetchMock.mockClear();
  saves.length = 0;
  offline = false;
  vi.stubGlobal('fetch', fetchMock);
  setOutbox(new OfflineQueue(new MemoryQueueStore(), apiTransport));
});

describe('filling a checklist on a phone', () => {
  it('saves an answer as it is chosen; offline it waits on the device and is sent when asked again', async () => {
    window.history.pushState({}, '', `/inspections/${INSPECTION}/checklists/${CHECKLIST}`);
    renderWithProviders(<App />);
    const item = await screen.findByRole('article', { name: /NY\.1/ });
    expect(within(item).getByText('Chọn ngẫu nhiên 5 thủ tục')).toBeTruthy();

    offline = true;
    await userEvent.click(within(item).getByRole('radio', { name: 'Không đạt' }));
    expect(await screen.findByText('1 thay đổi chờ gửi')).toBeTruthy();
    expect(within(item).getByText('Chờ đồng bộ')).toBeTruthy();
    expect((within(item).getByRole('radio', { name: 'Không đạt' }) as HTMLInputElement).checked).toBe(true);
    expect(saves).toEqual([]);

    offline = false;
    await userEvent.click(await screen.findByRole('button', { name: 'Gửi lại' }));
    expect(await screen.findByText('Đã lưu lên máy chủ')).toBeTruthy();
    expect(saves).toHaveLength(1);
    expect(saves[0]).toMatchObject({ version: 1, rating: 'not_met', onConflict: 'reject' });
    expect(await within(item).findByText(/Trần Văn Nam/)).toBeTruthy();
  });
});
