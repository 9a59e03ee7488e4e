// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import type { Agency } from '../../../../shared/api/registry.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { placesFrom } from './places.js';
import { ScheduleInspectionModal } from './ScheduleInspectionModal.js';

const id = (n: number) => `6c1f3d0e-0000-4c1e-9d1a-0a0a0a0a0a${String(n).padStart(2, '0')}`;
const planId = id(1);
const teamId = id(2);
const unitId = id(3);
const committee = id(10);
const agency = (n: number, name: string, kind: Agency['kind'], parentAgencyId: string | null, active = true) => ({ id: id(n), unitId, unitName: 'Phường Tam Quan Bắc', parentAgencyId, name, kind, active }) as Agency;
const unitAgencies = [
  agency(10, 'UBND phường Tam Quan Bắc', 'peoples_committee', null),
  agency(11, 'Văn phòng HĐND và UBND phường', 'office', committee),
  agency(12, 'Bộ phận Một cửa phường Tam Quan Bắc', 'one_stop_desk', id(11)),
  agency(13, 'Điểm tiếp công dân phường Tam Quan Bắc', 'reception_point', committee),
  agency(14, 'Bộ phận Một cửa cũ', 'one_stop_desk', committee, false),
];
const earlier = (n: number, status: Inspection['status'], startsOn: string) => ({ id: id(n), agencyId: committee, kind: 'announced', status, startsOn, teamName: 'Đoàn kiểm tra số 1' }) as Inspection;

// What GET /api/agencies?placesOf=<committee> answers: the head office and the active desks and reception points under it.
const placesOfCommittee = [unitAgencies[0], unitAgencies[2], unitAgencies[3]];

type Route = (url: string, init?: RequestInit) => Response | undefined;
const notFound = () => json({ type: 'about:blank', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
const refused = (name: string, code: string) => json({ type: 'about:blank', title: 'invalid', status: 400, code: 'VALIDATION_FAILED', requestId: 'r', invalidParams: [{ name, code, reason: 'x' }] }, 400);

/**
 * The API the dialog reads (the plan of May–December 2021 targeting the ward's committee, its founded
 * team), then `route` for the rest; every POST /api/inspections body lands in the returned list.
 */
function stubApi(route: Route = () => undefined, answer: () => Response = () => refused('body.note', 'too_big')) {
  const bodies: Record<string, unknown>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.startsWith('/api/plans?') || url === '/api/plans') return json({ items: [], hasMore: false });
      if (url === `/api/plans/${planId}`) return json({ id: planId, periodFrom: '2021-05', periodTo: '2021-12', targets: [{ agencyId: committee, name: 'UBND phường Tam Quan Bắc', unitName: 'Phường Tam Quan Bắc' }] });
      if (url === `/api/plans/${planId}/teams`) return json({ items: [{ id: teamId, name: 'Đoàn kiểm tra số 1', status: 'founded' }] });
      if (url === `/api/agencies/${committee}`) return json(unitAgencies[0]);
      if (url === '/api/inspections' && init?.method === 'POST') {
        bodies.push(JSON.parse(String(init.body)) as Record<string, unknown>);
        return answer();
      }
      return route(url, init) ?? notFound();
    }),
  );
  return bodies;
}

describe('the places of an inspection', () => {
  it('offers the head office first, then its active one-stop desks and reception points by name', () => {
    expect(placesFrom(unitAgencies[0], [...unitAgencies].reverse()).map((p) => p.name)).toEqual(['UBND phường Tam Quan Bắc', 'Bộ phận Một cửa phường Tam Quan Bắc', 'Điểm tiếp công dân phường Tam Quan Bắc']);
  });
});

describe('scheduling dialog', () => {
  it('sends the places chosen and the earlier inspection a re-inspection follows; shows the server’s field code by the field', async () => {
    const bodies = stubApi(
      (url) => {
        if (url.startsWith(`/api/agencies?placesOf=${committee}`)) return json({ items: placesOfCommittee, nextCursor: null, total: placesOfCommittee.length });
        if (url.startsWith(`/api/inspections?agencyId=${committee}`)) return json({ items: [earlier(20, 'closed', '2021-06-10'), earlier(21, 'planned', '2021-11-10')], total: 2 });
        return undefined;
      },
      () => refused('body.reinspectionOfId', 'not_taken_place'),
    );
    renderWithProviders(<ScheduleInspectionModal opened onClose={() => {}} planId={planId} initial={{ agencyId: committee, teamId, kind: 'reinspection', startsOn: '2021-12-07' }} />);
    expect(await screen.findByText('Trong thời gian của Kế hoạch: 01/05/2021 – 31/12/2021.')).toBeTruthy();

    // Places: the head office is chosen; add the one-stop desk.
    expect(((await screen.findByRole('checkbox', { name: 'Trụ sở: UBND phường Tam Quan Bắc' })) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Bộ phận Một cửa phường Tam Quan Bắc' }));
    expect(screen.getByRole('checkbox', { name: 'Điểm tiếp công dân phường Tam Quan Bắc' })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'Bộ phận Một cửa cũ' })).toBeNull();
    // Every place of the agency is on the page: no search for more.
    expect(screen.queryByRole('combobox', { name: 'Tìm thêm địa điểm' })).toBeNull();

    // Re-inspection: only the visit that has taken place is offered.
    const picker = await screen.findByRole('combobox', { name: /^Tái kiểm tra cuộc kiểm tra/ });
    await userEvent.click(picker);
    const listbox = await screen.findByRole('listbox', { name: /Tái kiểm tra cuộc kiểm tra/, hidden: true });
    expect(within(listbox).getAllByRole('option', { hidden: true }).map((o) => o.textContent)).toEqual(['Kiểm tra có báo trước · 10/06/2021 · Đoàn kiểm tra số 1']);
    await userEvent.click(within(listbox).getByRole('option', { hidden: true }));

    await userEvent.click(screen.getByRole('button', { name: 'Lên lịch kiểm tra' }));
    expect(await screen.findByText('Việc này chưa diễn ra.')).toBeTruthy();
    expect(bodies).toEqual([expect.objectContaining({ kind: 'reinspection', startsOn: '2021-12-07', places: [committee, id(12)], reinspectionOfId: id(20) })]);
  });

  it('warns of a day off the working calendar before saving, naming the holiday or the weekday', async () => {
    stubApi();
    renderWithProviders(<ScheduleInspectionModal opened onClose={() => {}} planId={planId} initial={{ agencyId: committee, teamId, kind: 'announced', startsOn: '2021-09-04' }} />);
    expect(await screen.findByText('Ngày 04/09/2021 không phải ngày làm việc (Thứ Bảy).')).toBeTruthy();
  });

  it('finds, on the server, a place beyond the first page of an agency with many desks, and sends it', async () => {
    // A province's department with 120 desks: the first page holds 50, the search finds the others.
    const desks = Array.from({ length: 120 }, (_, n) => agency(100 + n, `Bộ phận Một cửa số ${n + 1}`, 'one_stop_desk', committee));
    const searches: string[] = [];
    const bodies = stubApi((url) => {
      if (!url.startsWith('/api/agencies?')) return undefined;
      const query = new URL(url, 'http://x').searchParams;
      expect(query.get('placesOf')).toBe(committee);
      const q = query.get('q');
      if (q) searches.push(q);
      const all = [unitAgencies[0], ...desks];
      const hits = q ? all.filter((a) => a.name.toLowerCase().endsWith(q.toLowerCase())) : all;
      return json({ items: hits.slice(0, Number(query.get('limit'))), nextCursor: null, total: hits.length });
    });
    renderWithProviders(<ScheduleInspectionModal opened onClose={() => {}} planId={planId} initial={{ agencyId: committee, teamId, kind: 'announced', startsOn: '2021-09-07' }} />);
    expect(await screen.findByText('Đang hiện 50 trong 121 địa điểm của cơ quan; tìm để chọn địa điểm khác.')).toBeTruthy();
    expect(screen.getAllByRole('checkbox')).toHaveLength(50);
    expect(screen.queryByRole('checkbox', { name: 'Bộ phận Một cửa số 99' })).toBeNull();

    const search = screen.getByRole('combobox', { name: 'Tìm thêm địa điểm' });
    await userEvent.type(search, 'một cửa số 99');
    await userEvent.click(await screen.findByRole('option', { name: 'Bộ phận Một cửa số 99', hidden: true }));
    expect(searches).toContain('một cửa số 99');
    const chosen = (await screen.findByRole('checkbox', { name: 'Bộ phận Một cửa số 99' })) as HTMLInputElement;
    expect(chosen.checked).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Lên lịch kiểm tra' }));
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ kind: 'announced', places: [committee, id(100 + 98)] });
  });

  it('asks no place of a desk review (kind report) and sends none', async () => {
    const bodies = stubApi();
    renderWithProviders(<ScheduleInspectionModal opened onClose={() => {}} planId={planId} initial={{ agencyId: committee, teamId, kind: 'report', startsOn: '2021-09-07' }} />);
    expect(await screen.findByText(/Kiểm tra qua báo cáo: Đoàn kiểm tra xem xét báo cáo của đơn vị/)).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    const submit = screen.getByRole('button', { name: 'Lên lịch kiểm tra' });
    await vi.waitFor(() => expect((submit as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(submit);
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ kind: 'report', startsOn: '2021-09-07' });
    expect(bodies[0]).not.toHaveProperty('places');
  });
});
