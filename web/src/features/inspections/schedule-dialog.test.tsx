// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import type { Agency } from '../../../../shared/api/registry.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { placesUnder } from './places.js';
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

describe('the places of an inspection', () => {
  it('offers the head office first, then its active one-stop desks and reception points at any depth', () => {
    expect(placesUnder(unitAgencies[0], unitAgencies).map((p) => p.name)).toEqual(['UBND phường Tam Quan Bắc', 'Bộ phận Một cửa phường Tam Quan Bắc', 'Điểm tiếp công dân phường Tam Quan Bắc']);
  });
});

describe('scheduling dialog', () => {
  it('sends the places chosen and the earlier inspection a re-inspection follows; shows the server’s field code by the field', async () => {
    const bodies: Record<string, unknown>[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (url.startsWith('/api/plans?') || url === '/api/plans') return json({ items: [], hasMore: false });
        if (url === `/api/plans/${planId}`) return json({ id: planId, periodFrom: '2021-05', periodTo: '2021-12', targets: [{ agencyId: committee, name: 'UBND phường Tam Quan Bắc', unitName: 'Phường Tam Quan Bắc' }] });
        if (url === `/api/plans/${planId}/teams`) return json({ items: [{ id: teamId, name: 'Đoàn kiểm tra số 1', status: 'founded' }] });
        if (url === `/api/agencies/${committee}`) return json(unitAgencies[0]);
        if (url.startsWith(`/api/agencies?unitId=${unitId}`)) return json({ items: unitAgencies, nextCursor: null, total: unitAgencies.length });
        if (url.startsWith(`/api/inspections?agencyId=${committee}`)) return json({ items: [earlier(20, 'closed', '2021-06-10'), earlier(21, 'planned', '2021-11-10')], total: 2 });
        if (url === '/api/inspections' && init?.method === 'POST') {
          bodies.push(JSON.parse(String(init.body)) as Record<string, unknown>);
          return json({ type: 'about:blank', title: 'invalid', status: 400, code: 'VALIDATION_FAILED', requestId: 'r', invalidParams: [{ name: 'body.reinspectionOfId', code: 'not_taken_place', reason: 'x' }] }, 400);
        }
        return json({ type: 'about:blank', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
      }),
    );
    renderWithProviders(<ScheduleInspectionModal opened onClose={() => {}} planId={planId} initial={{ agencyId: committee, teamId, kind: 'reinspection', startsOn: '2021-12-07' }} />);
    expect(await screen.findByText('Trong thời gian của Kế hoạch: 01/05/2021 – 31/12/2021.')).toBeTruthy();

    // Places: the head office is chosen; add the one-stop desk.
    expect(((await screen.findByRole('checkbox', { name: 'Trụ sở: UBND phường Tam Quan Bắc' })) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Bộ phận Một cửa phường Tam Quan Bắc' }));
    expect(screen.getByRole('checkbox', { name: 'Điểm tiếp công dân phường Tam Quan Bắc' })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'Bộ phận Một cửa cũ' })).toBeNull();

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
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        if (url.startsWith('/api/plans?') || url === '/api/plans') return json({ items: [], hasMore: false });
        if (url === `/api/plans/${planId}`) return json({ id: planId, periodFrom: '2021-05', periodTo: '2021-12', targets: [{ agencyId: committee, name: 'UBND phường Tam Quan Bắc', unitName: 'Phường Tam Quan Bắc' }] });
        if (url === `/api/plans/${planId}/teams`) return json({ items: [{ id: teamId, name: 'Đoàn kiểm tra số 1', status: 'founded' }] });
        return json({ type: 'about:blank', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
      }),
    );
    renderWithProviders(<ScheduleInspectionModal opened onClose={() => {}} planId={planId} initial={{ agencyId: committee, teamId, kind: 'announced', startsOn: '2021-09-04' }} />);
    expect(await screen.findByText('Ngày 04/09/2021 không phải ngày làm việc (Thứ Bảy).')).toBeTruthy();
  });
});
