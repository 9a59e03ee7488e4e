// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TemplateDetail } from '../../../../shared/api/checklists.schemas.js';
import { App } from '../../App.js';
import { json, renderWithProviders } from '../../test/render.js';

const office = '55555555-5555-4555-8555-555555555555';
const committee = '77777777-7777-4777-8777-777777777777';
const session = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'vanphong', fullName: 'Trần Văn Nam', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'secretariat', agencyId: office, agencyName: 'Phòng Nội vụ thị xã Hoài Nhơn' }],
  capabilities: ['registry.read', 'plan.read', 'checklist.read', 'checklist.manage'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};
const v1Id = '10000000-0000-4000-8000-000000000001';
const v2Id = '10000000-0000-4000-8000-000000000002';

const published: TemplateDetail = {
  id: v1Id,
  ownerAgencyId: committee,
  ownerAgencyName: 'UBND thị xã Hoài Nhơn',
  code: 'KT-MOT-CUA',
  name: 'Bảng kiểm Bộ phận Một cửa',
  kind: 'one_stop',
  revision: 1,
  previousId: null,
  status: 'published',
  source: 'Nghị định 61/2018/NĐ-CP',
  itemCount: 2,
  version: 2,
  current: true,
  draftId: null,
  abilities: { update: false, publish: false, newVersion: true },
  groups: [{ code: 'a', title: 'Cơ sở vật chất', by: 'place', assignedTasks: false }],
  items: [
    { id: '20000000-0000-4000-8000-000000000001', groupCode: 'a', code: 'a.1', text: 'Niêm yết TTHC', guidance: 'Xem bảng niêm yết', answerType: 'rating', evidenceRequired: true },
    { id: '20000000-0000-4000-8000-000000000002', groupCode: 'a', code: 'a.2', text: 'Số hồ sơ trễ hạn', guidance: null, answerType: 'number', evidenceRequired: false },
  ],
};
const draftOf = (p: TemplateDetail): TemplateDetail => ({ ...p, id: v2Id, revision: 2, previousId: p.id, status: 'draft', version: 1, current: false, draftId: null, abilities: { update: true, publish: true, newVersion: false } });

let templates: TemplateDetail[];
let putAnswer: ((body: unknown) => Response) | null;
const calls: { method: string; path: string; body: unknown }[] = [];
const problem = (code: string, status: number, invalidParams?: unknown[]) => json({ type: 'x', title: code, status, code, requestId: 'req-1', ...(invalidParams ? { invalidParams } : {}) }, status);
const summary = ({ groups: _g, items: _i, ...rest }: TemplateDetail) => rest;

const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
  const url = new URL(input, 'http://localhost');
  const method = init?.method ?? 'GET';
  const body = init?.body ? JSON.parse(String(init.body)) : undefined;
  calls.push({ method, path: url.pathname, body });
  const find = (id: string) => templates.find((x) => x.id === id);
  if (url.pathname === '/api/session/current') return json(session);
  if (url.pathname.startsWith('/api/notifications')) return json({ count: 0, items: [] });
  if (url.pathname === `/api/agencies/${office}`) return json({ id: office, name: 'Phòng Nội vụ thị xã Hoài Nhơn', parentAgencyId: committee, parentAgencyName: 'UBND thị xã Hoài Nhơn' });
  if (url.pathname === '/api/checklist-templates' && method === 'GET') return json({ items: [...templates].sort((a, b) => b.revision - a.revision).map(summary) });
  if (url.pathname === '/api/checklist-templates' && method === 'POST') {
    const created: TemplateDetail = { ...published, ...body, id: '10000000-0000-4000-8000-000000000009', revision: 1, status: 'draft', version: 1, itemCount: 0, ownerAgencyName: 'UBND thị xã Hoài Nhơn', abilities: { update: true, publish: true, newVersion: false }, items: [] };
    templates.push(created);
    return json(created, 201);
  }
  const m = /^\/api\/checklist-templates\/([^/]+)(\/publish|\/versions)?$/.exec(url.pathname);
  const tpl = m && find(m[1]);
  if (!tpl) return problem('NOT_FOUND', 404);
  if (method === 'PUT') {
    if (putAnswer) return putAnswer(body);
    const items = body.items.map((i: object, n: number) => ({ ...i, id: `30000000-0000-4000-8000-00000000000${n}` }));
    Object.assign(tpl, { name: body.name, source: body.source, groups: body.groups, items, itemCount: items.length, version: tpl.version + 1 });
    return json(tpl);
  }
  if (m[2] === '/publish') {
    for (const other of templates.filter((x) => x.code === tpl.code)) Object.assign(other, { current: false, draftId: null, abilities: { ...other.abilities, newVersion: false } });
    Object.assign(tpl, { status: 'published', version: tpl.version + 1, current: true, abilities: { update: false, publish: false, newVersion: true } });
    return json(tpl);
  }
  if (m[2] === '/versions') {
    const draft = draftOf(tpl);
    templates.push(draft);
    Object.assign(tpl, { draftId: draft.id, abilities: { ...tpl.abilities, newVersion: false } });
    return json(draft, 201);
  }
  return json(tpl);
});

beforeEach(() => {
  localStorage.clear();
  calls.length = 0;
  putAnswer = null;
  templates = [structuredClone(published)];
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});

describe('the checklist template editor', () => {
  it('makes a new version of a published template, edits groups and items, saves with its version and publishes after confirming', async () => {
    window.history.pushState({}, '', `/checklist-templates/${v1Id}`);
    renderWithProviders(<App />);
    const user = userEvent.setup();
    // The published version is read-only, with what teams see.
    expect(await screen.findByText(/Phiên bản này đã ban hành và không sửa được nữa/)).toBeTruthy();
    expect(screen.getByText('Niêm yết TTHC')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lưu dự thảo' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Tạo phiên bản mới' }));

    // The draft of version 2, its content copied.
    const nameField = await screen.findByLabelText(/Tên mẫu/);
    expect((nameField as HTMLInputElement).value).toBe('Bảng kiểm Bộ phận Một cửa');
    expect(calls.find((c) => c.path.endsWith('/versions'))!.body).toEqual({ version: 2 });
    const group1 = screen.getByRole('region', { name: 'Nhóm 1' });
    await user.clear(within(group1).getByLabelText(/Tiêu đề nhóm/));
    await user.type(within(group1).getByLabelText(/Tiêu đề nhóm/), 'Cơ sở vật chất, trang thiết bị');
    // An item added at the end, typed, evidence required, moved to the top; a2 removed.
    await user.click(screen.getByRole('button', { name: 'Thêm mục vào nhóm 1' }));
    const added = screen.getByRole('group', { name: 'Mục a.3' });
    await user.type(within(added).getByLabelText(/Nội dung kiểm tra/), 'Có ghế chờ, nước uống');
    await user.click(within(added).getByLabelText('Cần bằng chứng'));
    await user.click(screen.getByRole('button', { name: 'Đưa mục a.3 lên' }));
    await user.click(screen.getByRole('button', { name: 'Đưa mục a.3 lên' }));
    await user.click(screen.getByRole('button', { name: 'Xóa mục a.2' }));
    // A second group, a content group listing the agency's assigned tasks.
    await user.click(screen.getByRole('button', { name: 'Thêm nhóm' }));
    const group2 = screen.getByRole('region', { name: 'Nhóm 2' });
    await user.type(within(group2).getByLabelText(/Tiêu đề nhóm/), 'Nhiệm vụ được giao');
    // It follows the last group (by place), which offers no assigned tasks; made a content group, it does.
    expect(within(group2).queryByLabelText(/Liệt kê nhiệm vụ được giao/)).toBeNull();
    await user.click(within(group2).getByLabelText(/^Nhóm theo/));
    await user.click((await screen.findAllByRole('option', { name: 'Nội dung kiểm tra', hidden: true })).at(-1)!);
    await user.click(within(group2).getByLabelText(/Liệt kê nhiệm vụ được giao/));
    expect(screen.getByText('Có thay đổi chưa lưu.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Lưu dự thảo' }));

    expect(await screen.findByText('Đã lưu dự thảo.')).toBeTruthy();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe(`/api/checklist-templates/${v2Id}`);
    expect(put.body).toEqual({
      version: 1,
      name: 'Bảng kiểm Bộ phận Một cửa',
      source: 'Nghị định 61/2018/NĐ-CP',
      groups: [
        { code: 'a', title: 'Cơ sở vật chất, trang thiết bị', by: 'place', assignedTasks: false },
        { code: 'b', title: 'Nhiệm vụ được giao', by: 'content', assignedTasks: true },
      ],
      items: [
        { groupCode: 'a', code: 'a.3', text: 'Có ghế chờ, nước uống', guidance: null, answerType: 'rating', evidenceRequired: true },
        { groupCode: 'a', code: 'a.1', text: 'Niêm yết TTHC', guidance: 'Xem bảng niêm yết', answerType: 'rating', evidenceRequired: true },
      ],
    });

    // Publishing asks first; it goes with the version the save returned.
    await user.click(screen.getByRole('button', { name: 'Ban hành' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/không ai sửa được nó nữa/)).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/publish'))).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Ban hành' }));
    expect(await screen.findByText(/Phiên bản này đã ban hành và không sửa được nữa/)).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith('/publish'))!.body).toEqual({ version: 2 });
    expect(screen.queryByRole('button', { name: 'Lưu dự thảo' })).toBeNull();
    // Version 1 is now an older version, linked from the versions list.
    const versions = screen.getByRole('navigation', { name: 'Các phiên bản' });
    expect(within(versions).getByRole('link', { name: /Phiên bản 1 · Đã ban hành/ }).getAttribute('href')).toBe(`/checklist-templates/${v1Id}`);
  });

  it('shows the server’s field errors on the fields they name, and a stale save as a conflict to reload', async () => {
    templates.push(draftOf(published));
    window.history.pushState({}, '', `/checklist-templates/${v2Id}`);
    renderWithProviders(<App />);
    const user = userEvent.setup();
    const group1 = await screen.findByRole('region', { name: 'Nhóm 1' });
    // The second item given the first one's code: the use case names it `body.items[1].code`.
    const second = within(group1).getByRole('group', { name: 'Mục a.2' });
    await user.clear(within(second).getByLabelText(/Mã mục/));
    await user.type(within(second).getByLabelText(/Mã mục/), 'a.1');
    putAnswer = () => problem('VALIDATION_FAILED', 400, [{ name: 'body.items[1].code', code: 'duplicate_code', reason: 'twice' }]);
    await user.click(screen.getByRole('button', { name: 'Lưu dự thảo' }));
    expect(await screen.findByText('Mã này đã dùng ở mục khác.')).toBeTruthy();
    expect(screen.getByText('Dự thảo chưa lưu được: xem các ô được đánh dấu.')).toBeTruthy();
    const codeFields = within(group1).getAllByLabelText(/Mã mục/);
    expect(codeFields[1].getAttribute('aria-invalid')).toBe('true');
    expect(codeFields[0].getAttribute('aria-invalid')).not.toBe('true');
    // An empty group title fails zod: `body.groups.0.title`.
    putAnswer = () => problem('VALIDATION_FAILED', 400, [{ name: 'body.groups.0.title', code: 'too_small', reason: 'empty' }]);
    await user.click(screen.getByRole('button', { name: 'Lưu dự thảo' }));
    expect(await screen.findByText('Giá trị quá ngắn hoặc quá nhỏ.')).toBeTruthy();
    expect(within(group1).getByLabelText(/Tiêu đề nhóm/).getAttribute('aria-invalid')).toBe('true');

    // Someone else saved first: 409, said plainly, with Reload.
    putAnswer = () => problem('VERSION_CONFLICT', 409);
    await user.click(screen.getByRole('button', { name: 'Lưu dự thảo' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Tải lại' })).toBeTruthy();
    templates[1].name = 'Tên do người khác sửa';
    templates[1].version = 5;
    await user.click(within(alert).getByRole('button', { name: 'Tải lại' }));
    expect(((await screen.findByDisplayValue('Tên do người khác sửa')) as HTMLInputElement).value).toBe('Tên do người khác sửa');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers a new version only on the latest published revision, and the open draft instead of a second one', async () => {
    const v2: TemplateDetail = { ...draftOf(published), status: 'published', version: 2, current: true, abilities: { update: false, publish: false, newVersion: true } };
    templates = [{ ...structuredClone(published), current: false, abilities: { update: false, publish: false, newVersion: false } }, v2];
    window.history.pushState({}, '', `/checklist-templates/${v1Id}`);
    const { unmount } = renderWithProviders(<App />);
    expect(await screen.findByText('Đây là một phiên bản cũ, chỉ để xem.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tạo phiên bản mới' })).toBeNull();
    unmount();

    const draftId = '10000000-0000-4000-8000-000000000003';
    Object.assign(v2, { draftId, abilities: { update: false, publish: false, newVersion: false } });
    templates.push({ ...draftOf(v2), id: draftId, revision: 3, previousId: v2Id });
    window.history.pushState({}, '', `/checklist-templates/${v2Id}`);
    renderWithProviders(<App />);
    const open = await screen.findByRole('link', { name: 'Mở dự thảo phiên bản 3' });
    expect(open.getAttribute('href')).toBe(`/checklist-templates/${draftId}`);
    expect(screen.queryByRole('button', { name: 'Tạo phiên bản mới' })).toBeNull();
  });

  it('lists templates with their newest and published versions, and creates a new draft', async () => {
    templates.push(draftOf(published));
    window.history.pushState({}, '', '/checklist-templates');
    renderWithProviders(<App />);
    const user = userEvent.setup();
    const link = await screen.findByRole('link', { name: 'Bảng kiểm Bộ phận Một cửa' });
    expect(link.getAttribute('href')).toBe(`/checklist-templates/${v2Id}`);
    expect(screen.getByRole('link', { name: /Phiên bản 1/ }).getAttribute('href')).toBe(`/checklist-templates/${v1Id}`);
    expect(screen.getByRole('link', { name: 'Mẫu bảng kiểm' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Mẫu bảng kiểm mới' }));
    const form = screen.getByRole('form', { name: 'Mẫu bảng kiểm mới' });
    await user.type(within(form).getByLabelText(/Mã mẫu/), 'KT-TIEP-DAN');
    await user.type(within(form).getByLabelText(/Tên mẫu/), 'Bảng kiểm tiếp công dân');
    await user.type(within(form).getByLabelText(/Nhóm nội dung đầu tiên/), 'Nơi tiếp công dân');
    await user.click(within(form).getByRole('button', { name: 'Tạo dự thảo' }));
    expect(await screen.findByRole('region', { name: 'Nhóm 1' })).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/checklist-templates')!.body).toEqual({
      ownerAgencyId: committee,
      kind: 'content',
      code: 'KT-TIEP-DAN',
      name: 'Bảng kiểm tiếp công dân',
      source: null,
      groups: [{ code: 'a', title: 'Nơi tiếp công dân', by: 'content', assignedTasks: false }],
      items: [],
    });
  });
});
