import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail } from '../../../shared/api/plans.schemas.js';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { countRows, makeAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { createDraft, issueNewPlan, planBody, type Authority } from './plans.test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function authorityWithClients() {
  const a = await makeAuthority(t.database.db);
  const [sec, leader, unitA, inspector] = await Promise.all([
    signIn(t.app, a.users.secretariat.username, TEST_PASSWORD),
    signIn(t.app, a.users.leader.username, TEST_PASSWORD),
    signIn(t.app, a.users.unitOfficerA.username, TEST_PASSWORD),
    signIn(t.app, a.users.inspector.username, TEST_PASSWORD),
  ]);
  return { a, sec, leader, unitA, inspector };
}

async function auditActions(entityId: string): Promise<string[]> {
  const res = (await t.database.db.execute(
    (await import('drizzle-orm')).sql`select action from audit_event where entity_id = ${entityId} order by id`,
  )) as unknown as { rows: { action: string }[] };
  return res.rows.map((r) => r.action);
}

describe('plans: lifecycle', () => {
  let a: Authority;
  let sec: Client;
  let leader: Client;
  let unitA: Client;
  beforeAll(async () => {
    ({ a, sec, leader, unitA } = await authorityWithClients());
  });

  it('creates a draft with abilities for the standing office, and audits it', async () => {
    const plan = await createDraft(sec, a);
    expect(plan.status).toBe('draft');
    expect(plan.revision).toBe(1);
    expect(plan.seriesId).toBe(plan.id);
    expect(plan.documentNumber).toBeNull();
    expect(plan.targets.map((x) => x.agencyId).sort()).toEqual([a.wardACommittee.id, a.wardBCommittee.id, a.homeAffairs.id].sort());
    expect(plan.abilities).toMatchObject({ update: true, submit: true, issue: false });
    expect((await leader.get(`/api/plans/${plan.id}`)).json().abilities).toMatchObject({ update: false, submit: false, issue: false });
    expect(await auditActions(plan.id)).toEqual(['plan.created']);
  });

  it('goes draft → submitted → (returned) → submitted → issued → in_progress → closed', async () => {
    let plan = await createDraft(sec, a);
    let res = await sec.post(`/api/plans/${plan.id}/submit`, { version: plan.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('submitted');
    res = await leader.post(`/api/plans/${plan.id}/return`, { version: res.json().version, reason: 'Bổ sung nơi nhận' });
    expect(res.json().status).toBe('draft');
    res = await sec.post(`/api/plans/${plan.id}/submit`, { version: res.json().version });
    res = await leader.post(`/api/plans/${plan.id}/issue`, { version: res.json().version, issuedOn: '2021-05-05' });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json();
    expect(plan.status).toBe('issued');
    expect(plan.number).toBeGreaterThanOrEqual(1);
    expect(plan.documentNumber).toMatch(/^\d{2,}\/KH-UBND$/);
    expect(plan.issuedOn).toBe('2021-05-05');
    res = await sec.post(`/api/plans/${plan.id}/start`, { version: plan.version });
    expect(res.json().status).toBe('in_progress');
    res = await leader.post(`/api/plans/${plan.id}/close`, { version: res.json().version });
    expect(res.json().status).toBe('closed');
    expect(await auditActions(plan.id)).toEqual(['plan.created', 'plan.submitted', 'plan.returned', 'plan.submitted', 'plan.issued', 'plan.started', 'plan.closed']);
  });

  it('refuses transitions the status does not allow with 409 INVALID_STATE', async () => {
    const plan = await createDraft(sec, a);
    const issueDraft = await leader.post(`/api/plans/${plan.id}/issue`, { version: plan.version, issuedOn: '2021-05-05' });
    expect(issueDraft.statusCode).toBe(409);
    expect(issueDraft.json().code).toBe('INVALID_STATE');
    const startDraft = await sec.post(`/api/plans/${plan.id}/start`, { version: plan.version });
    expect(startDraft.json().code).toBe('INVALID_STATE');
    const amendDraft = await sec.post(`/api/plans/${plan.id}/amendments`, { version: plan.version });
    expect(amendDraft.json().code).toBe('INVALID_STATE');
  });

  it('refuses an action of the other side with 403', async () => {
    const plan = await createDraft(sec, a);
    const res = await leader.post(`/api/plans/${plan.id}/submit`, { version: plan.version });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    const submitted = (await sec.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).json();
    const selfIssue = await sec.post(`/api/plans/${plan.id}/issue`, { version: submitted.version, issuedOn: '2021-05-05' });
    expect(selfIssue.statusCode).toBe(403);
  });

  it('freezes the content once issued', async () => {
    const plan = await issueNewPlan(sec, leader, a);
    const res = await sec.patch(`/api/plans/${plan.id}`, { version: plan.version, content: { summary: 'Sửa sau khi ban hành' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INVALID_STATE');
    expect((await sec.get(`/api/plans/${plan.id}`)).json().content.summary).toBe(plan.content.summary);
  });

  it('edits only the sections named, and answers 409 VERSION_CONFLICT to a stale version', async () => {
    const plan = await createDraft(sec, a);
    const purposes = [{ kind: 'bullet', content: 'Mục đích mới.' }];
    const res = await sec.patch(`/api/plans/${plan.id}`, { version: plan.version, content: { purposes }, periodTo: '2021-11' });
    expect(res.statusCode, res.body).toBe(200);
    const updated: PlanDetail = res.json();
    expect(updated.content.purposes).toEqual(purposes);
    expect(updated.content.requirements).toEqual(plan.content.requirements);
    expect(updated.periodTo).toBe('2021-11');
    expect(updated.version).toBe(plan.version + 1);
    const stale = await sec.patch(`/api/plans/${plan.id}`, { version: plan.version, content: { purposes: [] } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await sec.get(`/api/plans/${plan.id}`)).json().content.purposes).toEqual(purposes);
  });

  it('keeps history through an amending version; issuing it supersedes the original', async () => {
    // An authority of its own: the amendment of August is the last date of its register, and
    // numbers follow dates (the other tests issue in May).
    const { a, sec, leader } = await authorityWithClients();
    const original = await issueNewPlan(sec, leader, a);
    const res = await sec.post(`/api/plans/${original.id}/amendments`, { version: original.version });
    expect(res.statusCode, res.body).toBe(201);
    const amendment: PlanDetail = res.json();
    expect(amendment).toMatchObject({ status: 'draft', seriesId: original.id, revision: 2, amendsPlanId: original.id, documentNumber: null });
    expect(amendment.content).toEqual(original.content);
    // Only one amendment at a time.
    expect((await sec.post(`/api/plans/${original.id}/amendments`, { version: original.version })).json().code).toBe('INVALID_STATE');

    const edited = await sec.patch(`/api/plans/${amendment.id}`, { version: amendment.version, content: { summary: 'Kiểm tra công tác cải cách hành chính năm 2021 (sửa đổi, bổ sung)' } });
    const submitted = await sec.post(`/api/plans/${amendment.id}/submit`, { version: edited.json().version });
    const issued = await leader.post(`/api/plans/${amendment.id}/issue`, { version: submitted.json().version, issuedOn: '2021-08-02' });
    expect(issued.statusCode, issued.body).toBe(200);
    const after: PlanDetail = issued.json();
    expect(after.status).toBe('issued');
    expect(after.number).not.toBe(original.number);
    expect(after.history.map((h) => [h.revision, h.status])).toEqual([[1, 'superseded'], [2, 'issued']]);

    const old: PlanDetail = (await sec.get(`/api/plans/${original.id}`)).json();
    expect(old.status).toBe('superseded');
    expect(old.content.summary).toBe(original.content.summary);
    expect(old.documentNumber).toBe(original.documentNumber);
    expect(await auditActions(original.id)).toContain('plan.superseded');
  });

  it("starts from last year's plan: a draft with the year and dates moved forward", async () => {
    const last = await issueNewPlan(sec, leader, a);
    const res = await sec.post('/api/plans/from-previous', { sourcePlanId: last.id });
    expect(res.statusCode, res.body).toBe(201);
    const next: PlanDetail = res.json();
    expect(next).toMatchObject({ status: 'draft', year: 2022, periodFrom: '2022-05', periodTo: '2022-12', documentNumber: null, revision: 1 });
    expect(next.seriesId).toBe(next.id);
    expect(next.content.summary).toBe('Kiểm tra công tác cải cách hành chính năm 2022');
    expect(JSON.stringify(next.content)).not.toContain('năm 2021');
    expect(next.targets.map((x) => x.agencyId).sort()).toEqual(last.targets.map((x) => x.agencyId).sort());
    expect(next.content.recipients).toEqual(last.content.recipients);
    // The source is untouched.
    expect((await sec.get(`/api/plans/${last.id}`)).json().content.summary).toBe(last.content.summary);
  });

  it('shows a unit officer issued plans that target their agency, never drafts', async () => {
    const draft = await createDraft(sec, a);
    const issued = await issueNewPlan(sec, leader, a);
    const notTargeted = await issueNewPlan(sec, leader, a, '2021-05-06', { targetAgencyIds: [a.wardBCommittee.id] });
    expect((await unitA.get(`/api/plans/${draft.id}`)).statusCode).toBe(404);
    expect((await unitA.get(`/api/plans/${issued.id}`)).statusCode).toBe(200);
    expect((await unitA.get(`/api/plans/${notTargeted.id}`)).statusCode).toBe(404);
    const list = (await unitA.get('/api/plans')).json().items.map((p: { id: string }) => p.id);
    expect(list).toContain(issued.id);
    expect(list).not.toContain(draft.id);
    expect((await unitA.get(`/api/plans/${issued.id}`)).json().abilities).toMatchObject({ update: false, issue: false, amend: false });
  });
});

describe('plans: the list', () => {
  it('comes a page at a time, newest first, and says whether another page follows', async () => {
    const { a, sec } = await authorityWithClients();
    const made = [await createDraft(sec, a), await createDraft(sec, a), await createDraft(sec, a)];
    const first = (await sec.get('/api/plans?pageSize=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const second = (await sec.get('/api/plans?pageSize=2&page=2')).json();
    expect(second).toMatchObject({ hasMore: false });
    expect([...first.items, ...second.items].map((p: { id: string }) => p.id).sort()).toEqual(made.map((p) => p.id).sort());
    expect((await sec.get('/api/plans?pageSize=500')).statusCode).toBe(400);
  });
});

describe('plans: scope and input', () => {
  it('answers 404 across authorities, for reads, writes and documents', async () => {
    const one = await authorityWithClients();
    const other = await authorityWithClients();
    const plan = await createDraft(one.sec, one.a);
    expect((await other.sec.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await other.leader.get(`/api/documents/plan/${plan.id}.docx`)).statusCode).toBe(404);
    const patch = await other.sec.patch(`/api/plans/${plan.id}`, { version: plan.version, content: { summary: 'x' } });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().code).toBe('NOT_FOUND');
    expect((await other.sec.get('/api/plans')).json().items.map((p: { id: string }) => p.id)).not.toContain(plan.id);
    // And the other authority cannot aim a plan at this one's committee or agencies.
    const cross = await other.sec.post('/api/plans', planBody(other.a, { targetAgencyIds: [one.a.wardACommittee.id] }));
    expect(cross.statusCode).toBe(400);
    expect(cross.json().invalidParams[0].name).toBe('body.targetAgencyIds.0');
  });

  it('answers 400 naming the field, and writes nothing', async () => {
    const { a, sec } = await authorityWithClients();
    const before = await countRows(t.database.db, 'inspection_plan', sql`issuing_agency_id = ${a.townCommittee.id}`);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ periodFrom: '2021-13' }, 'body.periodFrom'],
      [{ periodFrom: '2021-12', periodTo: '2021-05' }, 'body.periodTo'],
      [{ issuingAgencyId: a.homeAffairs.id }, 'body.issuingAgencyId'],
      [{ content: { ...planBody(a).content, purposes: [{ kind: 'table', content: 'x' }] } }, 'body.content.purposes.0.kind'],
    ];
    for (const [override, field] of cases) {
      const res = await sec.post('/api/plans', planBody(a, override));
      expect(res.statusCode, JSON.stringify(override)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    }
    expect(await countRows(t.database.db, 'inspection_plan', sql`issuing_agency_id = ${a.townCommittee.id}`)).toBe(before);
  });

  it('lets only the standing office draft', async () => {
    const { a, leader, inspector } = await authorityWithClients();
    expect((await leader.post('/api/plans', planBody(a))).statusCode).toBe(403);
    expect((await inspector.post('/api/plans', planBody(a))).statusCode).toBe(403);
  });
});

describe('plans: document', () => {
  async function documentXml(client: Client, url: string) {
    const res = await client.get(url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    return zip.file('word/document.xml')!.async('string');
  }

  it('prints a draft with DỰ THẢO and a blank number, the issued plan with its number and date', async () => {
    const { a, sec, leader } = await authorityWithClients();
    const draft = await createDraft(sec, a);
    const draftXml = await documentXml(sec, `/api/documents/plan/${draft.id}.docx`);
    expect(draftXml).toContain('DỰ THẢO');
    expect(draftXml).toMatch(/Số:\s+\/KH-UBND/);

    const issued = await issueNewPlan(sec, leader, a, '2021-05-05');
    const xml = await documentXml(leader, `/api/documents/plan/${issued.id}.docx`);
    expect(xml).toContain(`Số: ${String(issued.number).padStart(2, '0')}/KH-UBND`);
    expect(xml).toMatch(/Số: \d{2,}\/KH-/);
    expect(xml).toContain('ngày 05 tháng 5 năm 2021');
    expect(xml).not.toContain('DỰ THẢO');
    expect(xml).toContain('MỤC ĐÍCH, YÊU CẦU');
    expect(xml).toContain('Từ tháng 5/2021 đến tháng 12/2021.');
    expect(xml).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(xml).toContain('Phạm Trương');
  });
});
