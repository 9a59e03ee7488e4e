import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardInspectionsLink, type DashboardDto } from '../../../shared/api/dashboard.schemas.js';
import type { Client } from '../../test/harness.js';
import { openDemoDashboard, type DemoDashboard } from './demo-dashboard.test-support.js';

/**
 * Each number of the dashboard links to the list of exactly the records it counts (issue 11 §4):
 * on the demo season (Hoài Nhơn 2021, as dashboard-demo.test.ts), every link is followed onto the
 * list's API with the link's own query, and the list's total is the figure. The web side (the
 * pages read the same query from the URL) is web/src/features/dashboard/dashboard-links.test.tsx.
 */
let leader: Client;
let d: DashboardDto;
let demo: DemoDashboard | undefined;
beforeAll(async () => {
  demo = await openDemoDashboard();
  ({ leader, d } = demo);
});
afterAll(() => demo?.close());

/** The web page a link opens → the API list it reads, and how that list says its count. */
const lists: Record<string, { api: string; paged: boolean; count: (body: never) => number }> = {
  '/inspections': { api: '/api/inspections', paged: true, count: (b: { total: number }) => b.total },
  '/findings': { api: '/api/findings', paged: true, count: (b: { total: number }) => b.total },
  '/corrective-actions': { api: '/api/corrective-actions', paged: true, count: (b: { total: number }) => b.total },
  '/difficulties': { api: '/api/difficulties', paged: true, count: (b: { total: number }) => b.total },
  '/reports/submissions': { api: '/api/report-submissions', paged: false, count: (b: { items: unknown[] }) => b.items.length },
};

/** Follows a dashboard link onto its list's API (the whole list on one page) and answers the list's count. */
async function countBehind(link: string): Promise<number> {
  const url = new URL(link, 'http://x');
  const list = lists[url.pathname];
  expect(list, link).toBeDefined();
  if (list.paged) url.searchParams.set('pageSize', '200');
  const res = await leader.get(`${list.api}?${url.searchParams.toString()}`);
  expect(res.statusCode, `${link}: ${res.body.slice(0, 300)}`).toBe(200);
  return list.count(res.json() as never);
}

describe("the dashboard's links on the demo season", () => {
  it('every inspections figure (by status, month, kind, team) is the total of the list it links to', async () => {
    const i = d.inspections;
    const figures: [string, number][] = [
      ...i.byStatus.map((s): [string, number] => [dashboardInspectionsLink(d, { status: s.status }), s.count]),
      ...i.byMonth.map((m): [string, number] => [dashboardInspectionsLink(d, { month: m.month, live: true }), m.count]),
      ...i.byKind.map((k): [string, number] => [dashboardInspectionsLink(d, { kind: k.kind, live: true }), k.count]),
      ...i.teams.map((tm): [string, number] => [dashboardInspectionsLink(d, { teamId: tm.teamId, live: true }), tm.count]),
    ];
    for (const [link, count] of figures) expect(await countBehind(link), link).toBe(count);
    expect(i.byStatus.reduce((a, s) => a + s.count, 0)).toBeGreaterThan(0);
  });

  it('every report, finding and corrective-action figure is the total of the list it links to', async () => {
    let followed = 0;
    for (const s of d.sections.filter((x) => x.key !== 'difficulties')) {
      for (const item of s.items) {
        expect(item.link, `${s.key}.${item.key}`).toMatch(new RegExp(`unitId=${d.unit.id}`));
        expect(await countBehind(item.link!), `${s.key}.${item.key} → ${item.link}`).toBe(item.value);
        followed++;
      }
    }
    // Reports 3, findings 3 kinds and at least one group, corrective actions 3.
    expect(followed).toBeGreaterThanOrEqual(10);
    const figure = (key: string) => d.sections.find((x) => x.key === key)!.items.reduce((a, it) => a + (it.value ?? 0), 0);
    expect(figure('reports')).toBeGreaterThan(0);
    expect(figure('findings')).toBeGreaterThan(0);
    expect(figure('corrective_actions')).toBeGreaterThan(0);
  });

  it("the scope line, the reports due and a team's closed count are the totals of the lists they link to", async () => {
    const i = d.inspections;
    expect(i.reports.asOf).toBe('2021-12-20');
    const figures: [string, number][] = [
      [dashboardInspectionsLink(d, {}), i.total],
      [dashboardInspectionsLink(d, { reportDue: true, live: true }), i.reports.due],
      [dashboardInspectionsLink(d, { reportDueBy: i.reports.asOf!, live: true }), i.reports.dueByToday],
      ...i.teams.map((tm): [string, number] => [dashboardInspectionsLink(d, { teamId: tm.teamId, status: 'closed' }), tm.closed]),
    ];
    for (const [link, count] of figures) expect(await countBehind(link), link).toBe(count);
    expect(i.reports.due).toBeGreaterThan(0);
  });

  it("the index figures' links show the sheets they are computed from: units scored and their mean", async () => {
    let followed = 0;
    for (const s of d.indices.filter((x) => x.framework)) {
      const res = await leader.get(`/api/index-frameworks/${s.framework!.id}/results?year=${d.year}&unitId=${d.unit.id}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { average: number | null; items: { unitId: string; indexPct: number | null }[] };
      const scored = body.items.filter((r) => r.indexPct !== null);
      expect(scored.length, s.kind).toBe(s.scored);
      if (s.scored >= 2) expect(body.average, s.kind).toBeCloseTo(s.average!, 1);
      // A unit's own results (its unmet criteria link): that unit only.
      const unit = s.units[0];
      const own = (await leader.get(`/api/index-frameworks/${s.framework!.id}/results?year=${d.year}&unitId=${unit.unitId}`)).json() as { items: { indexPct: number | null }[] };
      expect(own.items.filter((r) => r.indexPct !== null).length).toBe(unit.scored);
      followed++;
    }
    expect(followed).toBeGreaterThan(0);
    expect((await leader.get(`/api/index-frameworks/${d.indices.find((x) => x.framework)!.framework!.id}/results?year=2021&unitId=nope`)).statusCode).toBe(400);
  });

  it("the difficulties' figures are the counts of the list they link to", async () => {
    const s = d.sections.find((x) => x.key === 'difficulties')!;
    const link = new URL(s.items[0].link!, 'http://x');
    expect(link.pathname).toBe('/difficulties');
    const list = (await leader.get(`/api/difficulties?${link.searchParams.toString()}`)).json() as { counts: { open: number; answered: number } };
    const value = (key: string) => s.items.find((i) => i.key === key)!.value;
    expect(list.counts).toMatchObject({ open: value('open'), answered: value('answered') });
    // Each count links to exactly its records: "Đã trả lời" to the answered (or closed) ones, "Chưa trả lời" to the open ones.
    for (const key of ['answered', 'open']) {
      const item = s.items.find((i) => i.key === key)!;
      expect(item.link).toContain(`state=${key}`);
      expect(await countBehind(item.link!), `${key} → ${item.link}`).toBe(item.value);
    }
    // The mean response time is a measure, not a count (not in the counts' chart): null when nothing was answered.
    const mean = s.items.find((i) => i.key === 'response_days')!;
    expect(mean.measure).toBe(true);
    if (value('answered') === 0) expect(mean.value).toBeNull();
  });

  it('a unit subtree carries over: a ward of the town counts its own records only', async () => {
    const ward = d.choices.find((c) => c.id !== d.unit.id)!;
    const sub = (await leader.get(`/api/dashboard?year=2021&unitId=${ward.id}`)).json() as DashboardDto;
    for (const s of sub.inspections.byStatus) expect(await countBehind(dashboardInspectionsLink(sub, { status: s.status }))).toBe(s.count);
    for (const s of sub.sections.filter((x) => x.key !== 'difficulties')) for (const item of s.items) expect(await countBehind(item.link!), `${ward.name} ${s.key}.${item.key}`).toBe(item.value);
  });

  it("without a year it opens on the latest season up to this year in the caller's scope, by the server's clock", async () => {
    // At the demo's clock (20/12/2021) the town's leader lands on 2021.
    expect(((await leader.get('/api/dashboard')).json() as DashboardDto).year).toBe(2021);
    // Five years on, the town's last season is still 2021; the province of Gia Lai runs its 2026 cycle.
    const later = new Date('2026-11-30T03:00:00Z');
    const town = await demo!.signInAt(later, 'leader');
    const mine = (await town.get('/api/dashboard')).json() as DashboardDto;
    expect([mine.year, mine.unit.id]).toEqual([2021, d.unit.id]);
    // A draft plan for the next year (the office drafting from the ranking) is not a season yet.
    const office = await demo!.signInAt(later, 'secretariat');
    const plans = (await office.get('/api/plans?year=2021')).json() as { items: { id: string }[] };
    const draft = await office.post('/api/plans/from-previous', { sourcePlanId: plans.items[0].id, year: 2022 });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(((await town.get('/api/dashboard')).json() as DashboardDto).year).toBe(2021);
    const gialai = await demo!.signInAt(later, 'gialai');
    expect(((await gialai.get('/api/dashboard')).json() as DashboardDto).year).toBe(2026);
    // Before the Gia Lai season (a clock in 2025) nothing of 2026 counts: no season then, so the clock's year.
    const before = await demo!.signInAt(new Date('2025-03-01T03:00:00Z'), 'gialai');
    expect(((await before.get('/api/dashboard')).json() as DashboardDto).year).toBeLessThanOrEqual(2025);
    // A year asked is kept, and a malformed one refused naming it.
    expect(((await gialai.get('/api/dashboard?year=2021')).json() as DashboardDto).year).toBe(2021);
    const bad = await gialai.get('/api/dashboard?year=20x1');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { invalidParams: { name: string }[] }).invalidParams.map((p) => p.name)).toContain('query.year');
  });

  it('the new filters refuse unknown values with 400 naming the field', async () => {
    const bad: [string, string][] = [
      ['/api/findings?kind=praise', 'kind'],
      ['/api/findings?unitId=not-a-uuid', 'unitId'],
      ['/api/corrective-actions?state=late', 'state'],
      ['/api/difficulties?state=late', 'state'],
      ['/api/report-submissions?timeliness=soon', 'timeliness'],
      ['/api/inspections?month=13&year=2021', 'month'],
      ['/api/inspections?month=3', 'year'],
      ['/api/inspections?live=maybe', 'live'],
      ['/api/inspections?reportDueBy=2021-13-01', 'reportDueBy'],
    ];
    for (const [url, field] of bad) {
      const res = await leader.get(url);
      expect(res.statusCode, url).toBe(400);
      expect((res.json() as { invalidParams: { name: string }[] }).invalidParams.map((p) => p.name), url).toContain(`query.${field}`);
    }
  });
});
