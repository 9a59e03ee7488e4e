import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import { ManualClock } from '../../clock.js';
import { documentKindCodes } from '../../documents/document-kinds.js';
import '../../documents/kinds/index.js';
import { createTestApp, signIn, uniq, type Client, type TestApp } from '../../test/harness.js';
import { makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { makeSeason, schedule, type Season } from './inspections.test-support.js';

/**
 * The secrecy rule (issue 8 §4): before an unannounced visit starts, the inspected unit's people
 * — and anyone else outside the office, the leaders and the team — cannot learn of it through any
 * GET endpoint: not in lists, records, counts, the audit browser, documents or files.
 *
 * The requests are generated from the OpenAPI document, so an endpoint added later is covered
 * without anyone remembering to. Each is made before the visit is scheduled and again after: a
 * response that does not change on its own must not change at all (a count that moves leaks as
 * much as a name), and no response may name the visit's id or its note.
 */

type OpenApi = { paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean; schema?: { enum?: string[] } }[] }>> };

let t: TestApp;
let s: Season;
const clock = new ManualClock('2021-05-11T02:00:00Z');
beforeAll(async () => {
  // Its own database: it compares whole responses (the audit trail among them), which test files running beside it change on a shared server.
  t = await createTestApp({ clock, privateDatabase: true });
  s = await makeSeason(t);
});
afterAll(() => t.close());

/** Every GET of the API with real ids of the season in its path and query ("{id}" chosen by the path it is in). */
function requestsFor(doc: OpenApi, secretId: string, drawId = secretId): string[] {
  const ids: Record<string, string> = {
    units: s.a.wardB.id,
    agencies: s.a.wardBDesk.id,
    plans: s.plan.id,
    teams: s.team1.id,
    inspections: secretId,
    'unannounced-draws': drawId,
    public: drawId,
  };
  const query: Record<string, string[]> = {
    planId: [s.plan.id],
    teamId: [s.team1.id],
    agencyId: [s.a.wardBCommittee.id, s.a.wardBDesk.id],
    placesOf: [s.a.wardBCommittee.id],
    unitId: [s.a.wardB.id],
    parentId: [s.a.wardB.id],
    issuingAgencyId: [s.a.townCommittee.id],
    kind: ['unannounced', 'one_stop_desk'],
    entityType: ['inspection'],
    entityId: [secretId],
    ownerType: ['inspection'],
    ownerId: [secretId],
    year: ['2021'],
    date: ['2021-06-15'],
    from: ['2021-06-01'],
    to: ['2021-06-30'],
    workingDays: ['3'],
    direction: ['before'],
    asOf: ['2021-06-15'],
  };
  const urls: string[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    const op = methods.get;
    if (!op) continue;
    const params = op.parameters ?? [];
    let paths = [template];
    if (template.includes('{kind}')) paths = documentKindCodes().map((k) => template.replace('{kind}', k));
    paths = paths.flatMap((p) => {
      const resource = p.split('/')[2];
      return [p.replace('{file}', `${secretId}.docx`).replace('{year}', '2021').replace(/\{[^}]+\}/g, ids[resource] ?? secretId)];
    });
    const queryParams = params.filter((p) => p.in === 'query');
    for (const path of paths) {
      // Once with what is required only, then once per value of every parameter we can fill.
      const required = queryParams.filter((p) => p.required);
      const fill = (p: (typeof queryParams)[number], i: number) => {
        const values = (query[p.name] ?? []).filter((v) => !p.schema?.enum || p.schema.enum.includes(v));
        return values[Math.min(i, values.length - 1)];
      };
      const build = (chosen: typeof queryParams, i: number) => {
        const pairs = chosen.map((p) => [p.name, fill(p, i)] as const).filter(([, v]) => v !== undefined);
        return pairs.length ? `${path}?${new URLSearchParams(pairs as [string, string][]).toString()}` : path;
      };
      urls.push(build(required, 0));
      const fillable = queryParams.filter((p) => (query[p.name] ?? []).length);
      for (const p of fillable) for (let i = 0; i < query[p.name].length; i++) urls.push(build([...required.filter((r) => r.name !== p.name), p], i));
    }
  }
  return [...new Set(urls)];
}

/** A response as compared: status and body, the request id, the session's sliding expiry (wall clock) and the secret ids masked. */
async function comparable(res: LightMyRequestResponse, secretId: string, drawId = secretId): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) {
    // A workbook is compared by what its cells say (the zip's bytes carry a time stamp).
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells = book.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues() }));
    return `${res.statusCode} ${JSON.stringify(cells).split(secretId).join('<SECRET>').split(drawId).join('<SECRET>')}`;
  }
  if (!type.includes('json')) return `${res.statusCode} ${type} ${res.rawPayload.length}`;
  return `${res.statusCode} ${res.body.replace(/"requestId":"[^"]+"/g, '"requestId":"-"').replace(/"expiresAt":"[^"]+"/g, '"expiresAt":"-"').split(secretId).join('<SECRET>').split(drawId).join('<SECRET>')}`;
}

async function snapshot(who: Client, urls: string[], secretId: string) {
  const out = new Map<string, string>();
  for (const url of urls) {
    const res = await who.get(url);
    expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(500);
    out.set(url, await comparable(res, secretId));
  }
  return out;
}

describe('an unannounced visit before it starts', () => {
  it('is invisible through every GET endpoint to the inspected unit, its desk and other inspectors; the office and the team see it', async () => {
    const doc = t.app.swagger() as unknown as OpenApi;
    const marker = `Kiểm tra đột xuất ${uniq()}`;
    const placeholder = crypto.randomUUID();
    // The ward's own administrator reads the ward's audit trail: the visit is not in it either.
    const wardAdminUser = await makeUser(t.database.db, [{ role: 'admin', agencyId: s.a.wardBCommittee.id }], 'Quản trị phường B');
    const wardAdmin = await signIn(t.app, wardAdminUser.username, TEST_PASSWORD);
    const outsiders = { unitOfficerB: s.unitOfficerB, deskOfficer: s.deskOfficer, inspector2: s.inspector2, unitOfficerA: s.unitOfficerA, wardAdmin };

    // Twice before: what changes by itself (metrics, clocks) is compared for leaks only.
    const before = new Map<string, Map<string, string>>();
    const stable = new Map<string, Set<string>>();
    for (const [name, who] of Object.entries(outsiders)) {
      const urls = requestsFor(doc, placeholder);
      const first = await snapshot(who, urls, placeholder);
      const second = await snapshot(who, urls, placeholder);
      before.set(name, first);
      // Probes report their own timings: checked for leaks only.
      const probe = (u: string) => u.startsWith('/api/health') || u.startsWith('/api/metrics');
      stable.set(name, new Set(urls.filter((u) => !probe(u) && first.get(u) === second.get(u))));
    }

    const visit = await schedule(s.secretariat, {
      planId: s.plan.id,
      agencyId: s.a.wardBCommittee.id,
      teamId: s.team1.id,
      kind: 'unannounced',
      startsOn: '2021-06-15',
      places: [s.a.wardBDesk.id],
      note: marker,
    });
    // The office draws the desk it goes to: the draw is as secret as the visit.
    const drawn = await s.secretariat.post('/api/unannounced-draws', { planId: s.plan.id, k: 1, placeKinds: ['one_stop_desk'], note: marker });
    expect(drawn.statusCode, drawn.body).toBe(201);
    const drawId: string = drawn.json().id;
    // Positive controls: the office, the leader and the team's inspector see it.
    for (const who of [s.secretariat, s.leader, s.inspector]) {
      expect((await who.get(`/api/inspections/${visit.id}`)).statusCode).toBe(200);
      expect((await who.get(`/api/inspections?planId=${s.plan.id}&kind=unannounced`)).json().total).toBe(1);
    }
    const leaderAudit = await s.leader.get(`/api/audit?entityType=inspection&entityId=${visit.id}`);
    expect(leaderAudit.json().total).toBe(1);

    let checked = 0;
    for (const [name, who] of Object.entries(outsiders)) {
      const urls = requestsFor(doc, placeholder);
      const real = requestsFor(doc, visit.id, drawId);
      for (let i = 0; i < urls.length; i++) {
        const res = await who.get(real[i]);
        expect(res.statusCode, `${name} ${real[i]}`).toBeLessThan(500);
        expect(res.body, `${name} ${real[i]}`).not.toContain(marker);
        const now = await comparable(res, visit.id, drawId);
        if (stable.get(name)!.has(urls[i])) {
          // The record itself answers exactly as an unknown id does.
          expect(now, `${name} ${real[i]}`).toBe(before.get(name)!.get(urls[i]));
          checked++;
        }
        expect(now.replace('<SECRET>', ''), `${name} ${real[i]}`).not.toContain(visit.id);
        expect(res.body, `${name} ${real[i]}`).not.toContain(drawn.json().seedHash);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect((await s.unitOfficerB.get(`/api/inspections/${visit.id}`)).statusCode).toBe(404);

    // On arrival the team starts it: from then on the unit sees it.
    clock.set('2021-06-15T01:30:00Z');
    const started = await s.inspector.post(`/api/inspections/${visit.id}/start`, { version: visit.version });
    expect(started.statusCode, started.body).toBe(200);
    for (const who of [s.unitOfficerB, s.deskOfficer, s.inspector2]) {
      const seen = await who.get(`/api/inspections/${visit.id}`);
      expect(seen.statusCode).toBe(200);
      // The office's note is internal to the inspecting side: the unit and its desk never read it.
      expect(seen.json().note).toBe(who === s.inspector2 ? marker : null);
      expect((await who.get(`/api/inspections?kind=unannounced&planId=${s.plan.id}`)).json().items.map((i: { id: string }) => i.id)).toEqual([visit.id]);
    }
    // Ward A's officer has nothing to do with it, before or after.
    expect((await s.unitOfficerA.get(`/api/inspections/${visit.id}`)).statusCode).toBe(404);
    // Every GET endpoint, five outsiders, twice before and once after: on a loaded machine's
    // PostgreSQL this passed 120 s (the suite's limit); the limit only bounds a failure.
  }, 600_000);
});
