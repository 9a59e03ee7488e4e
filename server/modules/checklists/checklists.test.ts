import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Checklist, InspectionChecklists, TemplateDetail } from '../../../shared/api/checklists.schemas.js';
import type { Inspection } from '../../../shared/api/inspections.schemas.js';
import { standardContentTemplate } from '../../../shared/domain/checklists.js';
import { ManualClock } from '../../clock.js';
import { sampleExe, samplePdf, samplePng } from '../../files/sample-files.js';
import { countRows } from '../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { multipart } from '../../test/multipart.js';
import { makeSeason, schedule, type Season } from '../inspections/inspections.test-support.js';
import { publishedOneStopTemplate } from './checklists.test-support.js';

const clock = new ManualClock('2021-06-15T01:00:00Z'); // 08:00 on Tuesday 15/6/2021 in Việt Nam
let t: TestApp;
let s: Season;
let template: TemplateDetail;

beforeAll(async () => {
  t = await createTestApp({ clock });
  s = await makeSeason(t);
  template = await publishedOneStopTemplate(s.secretariat, s.a.townCommittee.id);
});
afterAll(() => t.close());

let day = 0;
/** An unannounced visit of team 1 (the inspector's) to ward B's one-stop desk, on a day of its own. */
async function deskVisit(): Promise<Inspection> {
  day += 1;
  return schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team1.id, kind: 'unannounced', startsOn: `2021-06-${String(14 + day).padStart(2, '0')}`, places: [s.a.wardBDesk.id], overrideReason: 'Kiểm tra đột xuất' });
}
async function start(i: Inspection): Promise<Inspection> {
  clock.set(`${i.startsOn}T01:00:00Z`);
  const res = await s.inspector.post(`/api/inspections/${i.id}/start`, { version: i.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function checklistOf(who: Client, i: Inspection): Promise<Checklist> {
  const res = await who.post(`/api/inspections/${i.id}/checklists`, { templateId: template.id });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as InspectionChecklists).items[0];
}
const answer = (version: number, over: Record<string, unknown> = {}) => ({ version, clientRevisionId: crypto.randomUUID(), editedAt: clock.now().toISOString(), rating: 'met', ...over });
const upload = (who: Client, itemId: string, query: string, data: Buffer, filename: string, contentType: string) =>
  who.request({ method: 'POST', url: `/api/checklist-items/${itemId}/evidence/upload?${query}`, ...multipart([{ name: 'file', filename, contentType, data }]) });

describe('checklist templates', () => {
  it('the office drafts, publishes and versions; a published template is frozen; others may not manage', async () => {
    const { groups, items, name, kind } = standardContentTemplate;
    const body = { ownerAgencyId: s.a.townCommittee.id, code: `ND-${crypto.randomUUID().slice(0, 6)}`, kind, name, groups, items };
    expect((await s.inspector.post('/api/checklist-templates', body)).statusCode).toBe(403);
    expect((await s.unitOfficerA.post('/api/checklist-templates', body)).statusCode).toBe(403);
    const bad = await s.secretariat.post('/api/checklist-templates', { ...body, items: [{ ...items[0], groupCode: 'z' }] });
    expect(bad.json().invalidParams[0]).toMatchObject({ name: 'body.items[0].groupCode', code: 'unknown_group' });
    const placeTasks = await s.secretariat.post('/api/checklist-templates', { ...body, groups: [...groups, { code: 'p', title: 'Bộ phận Một cửa', by: 'place', assignedTasks: true }] });
    expect(placeTasks.statusCode).toBe(400);
    expect(placeTasks.json().invalidParams[0]).toMatchObject({ name: `body.groups[${groups.length}].assignedTasks`, code: 'not_allowed' });
    const draft = await s.secretariat.post('/api/checklist-templates', body);
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ status: 'draft', revision: 1, itemCount: items.length, abilities: { update: true, publish: true } });
    expect((await s.secretariat.post(`/api/checklist-templates`, body)).json().code).toBe('DUPLICATE');
    const edited = await s.secretariat.put(`/api/checklist-templates/${draft.json().id}`, { version: draft.json().version, name: 'Bảng kiểm sửa', groups, items: items.slice(0, 3) });
    expect(edited.json()).toMatchObject({ name: 'Bảng kiểm sửa', itemCount: 3, version: 2 });
    expect((await s.secretariat.put(`/api/checklist-templates/${draft.json().id}`, { version: 1, name: 'x', groups, items })).json().code).toBe('VERSION_CONFLICT');
    const published = await s.secretariat.post(`/api/checklist-templates/${draft.json().id}/publish`, { version: 2 });
    expect(published.json().status).toBe('published');
    const frozen = await s.secretariat.put(`/api/checklist-templates/${draft.json().id}`, { version: 3, name: 'x', groups, items });
    expect([frozen.statusCode, frozen.json().code]).toEqual([409, 'INVALID_STATE']);
    const next = await s.secretariat.post(`/api/checklist-templates/${draft.json().id}/versions`, { version: 3 });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({ revision: 2, status: 'draft', previousId: draft.json().id, itemCount: 3 });
    // Inspectors read the templates; the inspected unit does not.
    expect((await s.inspector.get(`/api/checklist-templates/${draft.json().id}`)).statusCode).toBe(200);
    expect((await s.unitOfficerA.get(`/api/checklist-templates/${draft.json().id}`)).statusCode).toBe(404);
    expect((await s.unitOfficerA.get('/api/checklist-templates')).json().items).toEqual([]);
  });

  it('versions never fork: a new version only from the latest published revision, never while a draft is open', async () => {
    const { groups, items, name, kind } = standardContentTemplate;
    const body = { ownerAgencyId: s.a.townCommittee.id, code: `NV-${crypto.randomUUID().slice(0, 6)}`, kind, name, groups, items };
    const r1 = (await s.secretariat.post('/api/checklist-templates', body)).json();
    const p1 = (await s.secretariat.post(`/api/checklist-templates/${r1.id}/publish`, { version: r1.version })).json();
    expect(p1).toMatchObject({ current: true, draftId: null, abilities: { newVersion: true } });
    const r2 = await s.secretariat.post(`/api/checklist-templates/${r1.id}/versions`, { version: p1.version });
    expect(r2.statusCode, r2.body).toBe(201);
    // A second draft from r1 while r2 is open: refused; r1 points at the open draft instead.
    const again = await s.secretariat.post(`/api/checklist-templates/${r1.id}/versions`, { version: p1.version });
    expect([again.statusCode, again.json().code]).toEqual([409, 'INVALID_STATE']);
    expect((await s.secretariat.get(`/api/checklist-templates/${r1.id}`)).json()).toMatchObject({ current: true, draftId: r2.json().id, abilities: { newVersion: false } });
    const p2 = await s.secretariat.post(`/api/checklist-templates/${r2.json().id}/publish`, { version: r2.json().version });
    expect(p2.statusCode, p2.body).toBe(200);
    // r1 is now an older version: no new version from it (it would lose r2's edits).
    const fromOld = await s.secretariat.post(`/api/checklist-templates/${r1.id}/versions`, { version: p1.version });
    expect([fromOld.statusCode, fromOld.json().code]).toEqual([409, 'INVALID_STATE']);
    expect((await s.secretariat.get(`/api/checklist-templates/${r1.id}`)).json()).toMatchObject({ current: false, abilities: { newVersion: false } });
    const r3 = await s.secretariat.post(`/api/checklist-templates/${r2.json().id}/versions`, { version: p2.json().version });
    expect(r3.json()).toMatchObject({ revision: 3, previousId: r2.json().id });
  });
});

describe('filling an inspection’s checklist', () => {
  it('is the team’s: the unit sees nothing of an unannounced visit before it starts, then reads but never edits', async () => {
    const visit = await deskVisit();
    const list = await checklistOf(s.inspector, visit);
    expect(list.total).toBe(template.itemCount);
    const item = list.items[0];
    // Before the start: the unit, its desk and an inspector of another team cannot even see it.
    for (const who of [s.unitOfficerB, s.deskOfficer, s.inspector2]) {
      expect((await who.get(`/api/inspections/${visit.id}/checklists`)).statusCode).toBe(404);
      expect((await who.get(`/api/inspections/${visit.id}/findings`)).statusCode).toBe(404);
      expect((await who.put(`/api/checklist-items/${item.id}/answer`, answer(1))).statusCode).toBe(404);
      expect((await who.get(`/api/checklist-items/${item.id}/history`)).statusCode).toBe(404);
    }
    await start(visit);
    const read = await s.unitOfficerB.get(`/api/inspections/${visit.id}/checklists`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ fill: false, addChecklist: false, recordFindings: false });
    // Seen, never edited: 403 for the unit and the other team's inspector.
    for (const who of [s.unitOfficerB, s.deskOfficer, s.inspector2]) {
      expect((await who.put(`/api/checklist-items/${item.id}/answer`, answer(1))).statusCode).toBe(403);
      expect((await who.post(`/api/checklist-items/${item.id}/evidence`, { clientId: crypto.randomUUID(), documentTitle: 'Sổ theo dõi' })).statusCode).toBe(403);
      expect((await who.post(`/api/inspections/${visit.id}/findings`, { kind: 'violation', severity: 'minor', contentGroup: 'conduct', title: 'x', text: 'y' })).statusCode).toBe(403);
      expect((await upload(who, item.id, `kind=photo&clientId=${crypto.randomUUID()}`, samplePng(), 'a.png', 'image/png')).statusCode).toBe(403);
    }
    expect((await s.unitOfficerB.post(`/api/inspections/${visit.id}/checklists`, { templateId: template.id })).statusCode).toBe(403);
    expect(await countRows(t.database.db, 'inspection_checklist_item_revision', sql`item_id = ${item.id}`)).toBe(0);
    expect((await s.inspector.get(`/api/inspections/${visit.id}/checklists`)).json().abilities.fill).toBe(true);
  });

  it('autosaves answers with versions; a stale save is 409 with the current answer, or kept beside it; a repeated save is kept once', async () => {
    const visit = await start(await deskVisit());
    const list = await checklistOf(s.inspector, visit);
    const rating = list.items.find((i) => i.answerType === 'rating')!;
    const number = list.items.find((i) => i.answerType === 'number')!;

    const first = answer(1, { rating: 'partly_met', note: 'Thiếu 2 thủ tục' });
    const saved = await s.inspector.put(`/api/checklist-items/${rating.id}/answer`, first);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ outcome: 'saved', item: { rating: 'partly_met', note: 'Thiếu 2 thủ tục', version: 2, editedByName: expect.any(String) } });
    // The same save again (the device never heard the answer): kept once.
    expect((await s.inspector.put(`/api/checklist-items/${rating.id}/answer`, first)).json()).toMatchObject({ outcome: 'already_saved', item: { version: 2 } });

    // A second device typed from version 1 earlier, offline.
    const earlier = new Date(clock.now().getTime() - 60_000).toISOString();
    const stale = await s.secretariat.put(`/api/checklist-items/${rating.id}/answer`, answer(1, { rating: 'not_met', editedAt: earlier }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: 2, rating: 'partly_met', note: 'Thiếu 2 thủ tục' } });
    expect(await countRows(t.database.db, 'inspection_checklist_item_revision', sql`item_id = ${rating.id}`)).toBe(1);

    const keptEarlier = await s.secretariat.put(`/api/checklist-items/${rating.id}/answer`, answer(1, { rating: 'not_met', editedAt: earlier, onConflict: 'keep_both' }));
    expect(keptEarlier.json()).toMatchObject({ outcome: 'kept_in_history', item: { rating: 'partly_met', version: 2, conflicts: 1 } });
    // Typed later than the shown answer: it becomes the answer; both stay in the history.
    const later = new Date(clock.now().getTime() + 60_000).toISOString();
    const keptLater = await s.secretariat.put(`/api/checklist-items/${rating.id}/answer`, answer(1, { rating: 'met', editedAt: later, onConflict: 'keep_both' }));
    expect(keptLater.json()).toMatchObject({ outcome: 'saved', item: { rating: 'met', version: 3, conflicts: 2 } });
    const history = (await s.inspector.get(`/api/checklist-items/${rating.id}/history`)).json().items;
    expect(history.map((h: { rating: string; itemVersion: number | null; conflictWithVersion: number | null }) => [h.rating, h.itemVersion, h.conflictWithVersion])).toEqual([
      ['partly_met', 2, null],
      ['not_met', null, 2],
      ['met', 3, 2],
    ]);

    // Only the item's own kind of answer.
    const wrong = await s.inspector.put(`/api/checklist-items/${number.id}/answer`, answer(1));
    expect(wrong.json().invalidParams[0]).toMatchObject({ name: 'body.rating', code: 'wrong_answer_type' });
    const counted = await s.inspector.put(`/api/checklist-items/${number.id}/answer`, answer(1, { rating: null, numberValue: 3 }));
    expect(counted.json().item).toMatchObject({ numberValue: 3, version: 2 });
    const checklists: InspectionChecklists = (await s.inspector.get(`/api/inspections/${visit.id}/checklists`)).json();
    expect(checklists.items[0].answered).toBe(2);
  });

  it('keeps photos with their capture time, files and documents sighted; refuses a wrong type or a photo too large, storing nothing', async () => {
    const visit = await start(await deskVisit());
    const item = (await checklistOf(s.inspector, visit)).items[0];
    const clientId = crypto.randomUUID();
    const capturedAt = '2021-06-17T01:12:30.000Z';
    const photo = await upload(s.inspector, item.id, `kind=photo&clientId=${clientId}&capturedAt=${capturedAt}`, samplePng(6, 4, [10, 20, 30]), 'IMG_0001.png', 'image/png');
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({ kind: 'photo', capturedAt, fileName: 'IMG_0001.png', mediaType: 'image/png', clientId });
    // The same upload again (retried from the queue): kept once.
    const again = await upload(s.inspector, item.id, `kind=photo&clientId=${clientId}&capturedAt=${capturedAt}`, samplePng(6, 4, [10, 20, 30]), 'IMG_0001.png', 'image/png');
    expect(again.json().id).toBe(photo.json().id);
    // Whoever sees the inspection downloads it; an outsider does not.
    expect((await s.unitOfficerB.get(photo.json().url)).statusCode).toBe(200);
    expect((await s.unitOfficerA.get(photo.json().url)).statusCode).toBe(404);

    const refusals: [string, Buffer, string, string, string][] = [
      ['photo', sampleExe(), 'anh.jpg', 'image/jpeg', 'file_type_not_allowed'],
      ['photo', samplePdf('bien ban'), 'bien-ban.pdf', 'application/pdf', 'file_type_not_allowed'],
      ['photo', Buffer.concat([samplePng(), Buffer.alloc(9 * 1024 * 1024, 0)]), 'lon.png', 'image/png', 'file_too_large'],
      ['file', sampleExe(), 'setup.exe', 'application/octet-stream', 'file_type_not_allowed'],
    ];
    for (const [kind, data, name, type, code] of refusals) {
      const res = await upload(s.inspector, item.id, `kind=${kind}&clientId=${crypto.randomUUID()}`, data, name, type);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
      expect(res.json().invalidParams[0]).toMatchObject({ name: 'file', code });
    }
    const file = await upload(s.inspector, item.id, `kind=file&clientId=${crypto.randomUUID()}`, samplePdf('So theo doi'), 'so-theo-doi.pdf', 'application/pdf');
    expect(file.statusCode, file.body).toBe(201);
    const doc = await s.inspector.post(`/api/checklist-items/${item.id}/evidence`, { clientId: crypto.randomUUID(), documentTitle: 'Quyết định công bố danh mục TTHC', documentNumber: '1234/QĐ-UBND', documentDate: '2021-03-02' });
    expect(doc.statusCode, doc.body).toBe(201);
    const stored = (await s.inspector.get(`/api/inspections/${visit.id}/checklists`)).json().items[0].items[0].evidence;
    expect(stored.map((e: { kind: string }) => e.kind)).toEqual(['photo', 'file', 'document']);
    expect(await countRows(t.database.db, 'file_attachment', sql`owner_id = ${item.id}`)).toBe(2);
    // Not through the generic file route: evidence keeps its capture time beside the file.
    const generic = await s.inspector.request({ method: 'POST', url: `/api/files?ownerType=checklist_item&ownerId=${item.id}&purpose=photo`, ...multipart([{ name: 'file', filename: 'a.png', contentType: 'image/png', data: samplePng() }]) });
    expect(generic.statusCode).toBe(403);

    expect((await s.unitOfficerB.delete(`/api/checklist-evidence/${doc.json().id}`)).statusCode).toBe(403);
    expect((await s.inspector.delete(`/api/checklist-evidence/${file.json().id}`)).statusCode).toBe(204);
    expect(await countRows(t.database.db, 'file_attachment', sql`owner_id = ${item.id}`)).toBe(1);
  });

  it('is final once the inspection is closed', async () => {
    const visit = await start(await deskVisit());
    const item = (await checklistOf(s.inspector, visit)).items[0];
    const current: Inspection = (await s.inspector.get(`/api/inspections/${visit.id}`)).json();
    expect((await s.inspector.post(`/api/inspections/${visit.id}/close`, { version: current.version })).statusCode).toBe(200);
    const late = await s.inspector.put(`/api/checklist-items/${item.id}/answer`, answer(1));
    expect([late.statusCode, late.json().code]).toEqual([409, 'INVALID_STATE']);
    expect((await s.inspector.get(`/api/inspections/${visit.id}/checklists`)).json().abilities.fill).toBe(false);
  });
});

describe('a new checklist on an inspection', () => {
  it('is made from the current revision of a template only, and once per template code; older checklists stay', async () => {
    const { groups, items, name, kind } = standardContentTemplate;
    const body = { ownerAgencyId: s.a.townCommittee.id, code: `CR-${crypto.randomUUID().slice(0, 6)}`, kind, name, groups, items };
    const r1 = (await s.secretariat.post('/api/checklist-templates', body)).json();
    const p1 = (await s.secretariat.post(`/api/checklist-templates/${r1.id}/publish`, { version: r1.version })).json();
    const visit = await deskVisit();
    const url = `/api/inspections/${visit.id}/checklists`;
    expect((await s.inspector.post(url, { templateId: r1.id })).statusCode).toBe(201);
    const r2 = (await s.secretariat.post(`/api/checklist-templates/${r1.id}/versions`, { version: p1.version })).json();
    const p2 = (await s.secretariat.post(`/api/checklist-templates/${r2.id}/publish`, { version: r2.version })).json();
    // The inspection keeps its checklist on r1; a second one of the same code, even on r2, is refused.
    const dup = await s.inspector.post(url, { templateId: p2.id });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'DUPLICATE']);
    const other = await deskVisit();
    const old = await s.inspector.post(`/api/inspections/${other.id}/checklists`, { templateId: r1.id });
    expect(old.statusCode).toBe(400);
    expect(old.json().invalidParams[0]).toMatchObject({ name: 'body.templateId', code: 'not_current' });
    expect((await s.inspector.post(`/api/inspections/${other.id}/checklists`, { templateId: p2.id })).statusCode).toBe(201);
    expect((await s.inspector.get(url)).json().items.map((c: { templateId: string }) => c.templateId)).toContain(r1.id);
  });
});
