// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App.js';
import { currentYear, formatDate, todayIso } from '../../i18n/dates.js';
import { json, renderWithProviders } from '../../test/render.js';

const office = '77777777-7777-4777-8777-777777777777';
const ward = '55555555-5555-4555-8555-555555555555';
const session = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'vp', fullName: 'Trần Văn Phòng', locale: 'vi', mustChangePassword: false },
  roles: [
    { role: 'secretariat', agencyId: office, agencyName: 'Văn phòng UBND huyện' },
    { role: 'secretariat', agencyId: ward, agencyName: 'UBND phường Bồng Sơn' },
  ],
  capabilities: ['registry.read', 'plan.read', 'register.read', 'register.record'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};

let serial = 0;
const entry = (agencyId: string, year: number, number: number, issuedOn: string, summary: string) => ({
  id: `30000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
  agencyId,
  agencyName: agencyId === ward ? 'UBND phường Bồng Sơn' : 'Văn phòng UBND huyện',
  year,
  number,
  typeCode: 'thong_bao',
  symbol: 'TB-UBND',
  documentNumber: `${number}/TB-UBND`,
  summary,
  issuedOn,
  signerName: 'Phạm Trương',
  signerPosition: 'Phó Chủ tịch',
  subjectType: null,
  subjectId: null,
  createdAt: `${issuedOn}T02:00:00Z`,
});

const refusal = {
  type: 'about:blank',
  title: 'VALIDATION_FAILED',
  status: 400,
  code: 'VALIDATION_FAILED',
  requestId: 'r',
  invalidParams: [{ name: 'body.issuedOn', code: 'before_last_in_register', reason: 'the last number is later', params: { documentNumber: '17/TB-UBND', issuedOn: '22/06/2021' } }],
};

/** The register as the server holds it; the lists asked (query strings) and the bodies posted. */
let register: ReturnType<typeof entry>[] = [];
let refuse = false;
const asked: string[] = [];
const posted: unknown[] = [];
const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/session/current') return json(session);
  if (url.pathname === '/api/document-register' && init?.method === 'POST') {
    const body = JSON.parse(String(init.body));
    posted.push(body);
    if (refuse) return json(refusal, 400);
    const year = Number(body.issuedOn.slice(0, 4));
    const added = { ...entry(body.agencyId, year, 18, body.issuedOn, body.summary), signerName: body.signerName, signerPosition: body.signerPosition };
    register.push(added);
    return json(added, 201);
  }
  if (url.pathname === '/api/document-register') {
    const found = register.filter((e) => e.agencyId === url.searchParams.get('agencyId') && e.year === Number(url.searchParams.get('year')));
    if (url.searchParams.get('latest') === 'true') return json({ items: found.slice(-1) });
    asked.push(url.search);
    return json({ items: found });
  }
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

beforeEach(() => {
  register = [];
  refuse = false;
  asked.length = 0;
  posted.length = 0;
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});

const openAt = (address: string) => {
  window.history.pushState({}, '', address);
  renderWithProviders(<App />);
};

describe('the document register page', () => {
  it('lists the register of the agency and year in the address, by number; it is in the navigation', async () => {
    register = [entry(ward, 2021, 1, '2021-01-04', 'Thông báo lịch tiếp công dân'), entry(ward, 2021, 2, '2021-02-05', 'Thông báo kết luận'), entry(office, 2021, 1, '2021-01-05', 'Của văn phòng')];
    openAt(`/register?agencyId=${ward}&year=2021`);
    const table = await screen.findByRole('table', { name: 'Văn bản đã vào sổ năm 2021' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      '1/TB-UBND04/01/2021Thông báoThông báo lịch tiếp công dânPhạm TrươngPhó Chủ tịch',
      '2/TB-UBND05/02/2021Thông báoThông báo kết luậnPhạm TrươngPhó Chủ tịch',
    ]);
    expect(asked).toEqual([`?agencyId=${ward}&year=2021`]);
    expect((screen.getByLabelText('Cơ quan', { selector: 'input' }) as HTMLInputElement).value).toBe('UBND phường Bồng Sơn');
    expect(within(screen.getByRole('navigation')).getByRole('link', { name: 'Sổ đăng ký văn bản' })).toBeTruthy();
  });

  it('says so when the year has nothing yet (the first agency, this year, without an address)', async () => {
    openAt('/register');
    expect(await screen.findByText(`Sổ năm ${currentYear()} chưa có văn bản nào.`)).toBeTruthy();
    expect(asked).toEqual([`?agencyId=${office}&year=${currentYear()}`]);
  });

  it('records a document made outside the app: it takes the next number and shows in the list', async () => {
    const user = userEvent.setup();
    openAt(`/register?agencyId=${ward}`);
    await screen.findByText(`Sổ năm ${currentYear()} chưa có văn bản nào.`);
    await user.click(screen.getByRole('button', { name: 'Vào sổ văn bản ngoài hệ thống' }));
    const dialog = await screen.findByRole('dialog');

    // Nothing goes out until every field is filled.
    await user.click(within(dialog).getByRole('button', { name: 'Vào sổ, lấy số' }));
    expect(within(dialog).getAllByText('Bắt buộc nhập.')).toHaveLength(4);
    expect(posted).toEqual([]);

    await user.click(within(dialog).getByLabelText(/Loại văn bản/, { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Thông báo (TB)', hidden: true }));
    await user.type(within(dialog).getByLabelText(/Trích yếu nội dung/), 'Thông báo lịch trực Tết');
    await user.type(within(dialog).getByLabelText(/Họ tên người ký/), 'Phạm Trương');
    await user.type(within(dialog).getByLabelText(/Chức vụ người ký/), 'Phó Chủ tịch');
    await user.click(within(dialog).getByRole('button', { name: 'Vào sổ, lấy số' }));

    expect(await screen.findByText(/^Đã vào sổ: số 18\/TB-UBND ngày /)).toBeTruthy();
    expect(posted).toEqual([{ agencyId: ward, typeCode: 'thong_bao', summary: 'Thông báo lịch trực Tết', issuedOn: todayIso(), signerName: 'Phạm Trương', signerPosition: 'Phó Chủ tịch' }]);
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')[1].textContent).toBe(`18/TB-UBND${formatDate(todayIso())}Thông báoThông báo lịch trực TếtPhạm TrươngPhó Chủ tịch`);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("shows a date before the register's last number at the date field, with that number and its date", async () => {
    const user = userEvent.setup();
    refuse = true;
    openAt(`/register?agencyId=${ward}&year=2021`);
    await screen.findByText('Sổ năm 2021 chưa có văn bản nào.');
    await user.click(screen.getByRole('button', { name: 'Vào sổ văn bản ngoài hệ thống' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText(/Loại văn bản/, { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Thông báo (TB)', hidden: true }));
    await user.type(within(dialog).getByLabelText(/Trích yếu nội dung/), 'Thông báo');
    await user.type(within(dialog).getByLabelText(/Họ tên người ký/), 'Phạm Trương');
    await user.type(within(dialog).getByLabelText(/Chức vụ người ký/), 'Phó Chủ tịch');
    await user.click(within(dialog).getByRole('button', { name: 'Vào sổ, lấy số' }));

    const message = 'Ngày ban hành trước ngày của số cuối trong sổ đăng ký văn bản (17/TB-UBND ngày 22/06/2021): số văn bản được cấp theo thứ tự ngày.';
    expect(await within(dialog).findByText(message)).toBeTruthy();
    // On the date field itself.
    expect(within(dialog).getByRole('button', { name: /Ngày ban hành/ }).getAttribute('aria-invalid')).toBe('true');
    expect(posted).toHaveLength(1);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
