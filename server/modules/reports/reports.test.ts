import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { ReportRequest, ReportTemplate, Submission, TemplateBody, TemplateTable } from '../../../shared/api/reports.schemas.js';
import { ManualClock } from '../../clock.js';
import { agency, notification, reportTemplate } from '../../db/schema/index.js';
import { openDocx, plainText } from '../../documents/test-support.js';
import { readListWorkbook } from '../../documents/list-workbook.test-support.js';
import { samplePdf } from '../../files/sample-files.js';
import { makeAgency, makeAuthority, makeUser, signInAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp, signIn, uniq, type Client, type TestApp } from '../../test/harness.js';
import { multipart } from '../../test/multipart.js';
import { periodicReportBody } from './standard-templates.js';
import { publishedTemplate, sampleBody } from './test-support.js';

/**
 * Reports (issue 9 §1–3): templates frozen at publishing, an ad hoc request issued as a công văn,
 * the unit's report through every status move, the refusals the issue names, autosave and 409.
 */
let t: TestApp;
const clock = new ManualClock('2021-06-01T02:00:00Z');
let a: Awaited<ReturnType<typeof makeAuthority>>;
let c: Awaited<ReturnType<typeof signInAuthority>>;
let unitB: Client;
let unitA2: Client;
beforeAll(async () => {
  t = await createTestApp({ clock });
  a = await makeAuthority(t.database.db);
  c = await signInAuthority(t.app, a);
  unitB = await signIn(t.app, (await makeUser(t.database.db, [{ role: 'unit_officer', agencyId: a.wardBCommittee.id }], 'Đầu mối phường B')).username, TEST_PASSWORD);
  unitA2 = await signIn(t.app, (await makeUser(t.database.db, [{ role: 'unit_officer', agencyId: a.wardACommittee.id }], 'Đầu mối thứ hai phường A')).username, TEST_PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

const upload = (client: Client, submissionId: string, purpose: string, data: Buffer, filename: string) =>
  client.request({ method: 'POST', url: `/api/files?ownerType=report_submission&ownerId=${submissionId}&purpose=${purpose}`, ...multipart([{ name: 'file', filename, contentType: 'application/octet-stream', data }]) });

describe('report templates', () => {
  it('refuses repeated keys, publishes, freezes the published version and starts a new one from it', async () => {
    const body = sampleBody();
    body.items[1] = { ...body.items[1], key: 'context' };
    const dup = await c.secretariat.post('/api/report-templates', { ownerAgencyId: a.homeAffairs.id, code: 'dup', name: 'X', kind: 'other', body });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().invalidParams[0]).toMatchObject({ name: 'body.body.items.1.key', code: 'duplicate' });
    // A check naming a column the table does not have, or a text column.
    for (const [check, name] of [
      [{ across: 'columns', parts: ['online'], whole: 'received' }, 'body.body.items.2.checks.0.parts.0'],
      [{ across: 'rows', parts: ['land'], whole: 'rate' }, 'body.body.items.2.checks.0.whole'],
    ] as const) {
      const bad = sampleBody();
      bad.items[2] = { ...(bad.items[2] as TemplateTable), checks: [{ ...check, parts: [...check.parts] }] };
      const res = await c.secretariat.post('/api/report-templates', { ownerAgencyId: a.homeAffairs.id, code: 'bad_check', name: 'X', kind: 'other', body: bad });
      expect(res.statusCode, name).toBe(400);
      expect(res.json().invalidParams[0]).toMatchObject({ name, code: 'not_found' });
    }
    expect((await c.unitOfficerA.post('/api/report-templates', { ownerAgencyId: a.homeAffairs.id, code: 'x', name: 'X', kind: 'other', body: sampleBody() })).statusCode).toBe(403);
  });

  it('refuses a total on a column that is not a number and an attachment under a purpose the report’s files do not know, on save and on publish', async () => {
    const create = (body: TemplateBody) => c.secretariat.post('/api/report-templates', { ownerAgencyId: a.homeAffairs.id, code: `chk_${uniq()}`, name: 'X', kind: 'other', body });
    // The open table's text, date and yes/no columns: none may be totalled.
    for (const j of [0, 1, 2]) {
      const bad = sampleBody();
      const tasks = bad.items[3] as TemplateTable;
      tasks.columns[j] = { ...tasks.columns[j], total: true };
      const res = await create(bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().invalidParams[0]).toMatchObject({ name: `body.body.items.3.columns.${j}.total`, code: 'total_not_numeric' });
    }
    const unknown = sampleBody();
    unknown.attachments = [{ label: 'Kế hoạch', required: false }, { label: 'Ảnh chụp', required: true, purpose: 'photos' }];
    const refused = await create(unknown);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams[0]).toMatchObject({ name: 'body.body.attachments.1.purpose', code: 'unknown_purpose' });
    const twice = sampleBody();
    twice.attachments = [{ label: 'Kế hoạch', required: true }, { label: 'Kế hoạch nữa', required: true, purpose: 'attachment_1' }];
    expect((await create(twice)).json().invalidParams[0]).toMatchObject({ name: 'body.body.attachments.1.purpose', code: 'duplicate' });

    // A purpose the files know is taken (the signed report made outside); a PATCH to a bad body changes nothing.
    const known = sampleBody();
    known.attachments = [{ label: 'Báo cáo có chữ ký, đóng dấu', required: true, purpose: 'report_file' }];
    const draft = await create(known);
    expect(draft.statusCode, draft.body).toBe(201);
    const tpl: ReportTemplate = draft.json();
    expect(tpl.body.attachments[0]).toMatchObject({ purpose: 'report_file' });
    const patched = await c.secretariat.patch(`/api/report-templates/${tpl.id}`, { version: tpl.version, body: unknown });
    expect(patched.json().invalidParams[0]).toMatchObject({ name: 'body.body.attachments.1.purpose', code: 'unknown_purpose' });
    // A draft stored before the rule (written straight to the table) is refused when published.
    const legacy = sampleBody();
    (legacy.items[3] as TemplateTable).columns[0].total = true;
    await t.database.db.update(reportTemplate).set({ body: legacy }).where(eq(reportTemplate.id, tpl.id));
    const publish = await c.secretariat.post(`/api/report-templates/${tpl.id}/publish`, { version: tpl.version });
    expect(publish.statusCode).toBe(400);
    expect(publish.json().invalidParams[0]).toMatchObject({ name: 'body.items.3.columns.0.total', code: 'total_not_numeric' });
    expect((await c.secretariat.get(`/api/report-templates/${tpl.id}`)).json()).toMatchObject({ status: 'draft', version: tpl.version });

    const t1 = await publishedTemplate(c.secretariat, a.homeAffairs.id);
    expect(t1).toMatchObject({ status: 'published', revision: 1, abilities: { update: false, publish: false, copy: true } });
    const edit = await c.secretariat.patch(`/api/report-templates/${t1.id}`, { version: t1.version, name: 'Đổi tên' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('INVALID_STATE');
    const next = await c.secretariat.post(`/api/report-templates/${t1.id}/copies`, {});
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({ code: t1.code, revision: 2, status: 'draft', basedOnId: t1.id });
    const thisYear = await c.secretariat.post(`/api/report-templates/${t1.id}/copies`, { code: `${t1.code}_2022`, year: 2022 });
    expect(thisYear.json()).toMatchObject({ revision: 1, year: 2022, body: t1.body });
    // The unit and another province see no template.
    expect((await c.unitOfficerA.get(`/api/report-templates/${t1.id}`)).statusCode).toBe(404);
  });

  it('copies a template stored with one key for two items (the first standard CCHC report’s `procedures`) into a draft that saves and publishes unchanged', async () => {
    const clash = periodicReportBody();
    clash.items = clash.items.map((i) => (i.key === 'procedure_counts' ? { ...i, key: 'procedures' } : i));
    const [old] = await t.database.db.insert(reportTemplate).values({ ownerAgencyId: a.homeAffairs.id, code: `cchc_${uniq()}`, revision: 1, name: 'Báo cáo CCHC định kỳ', kind: 'periodic', year: 2021, status: 'published', body: clash, publishedAt: new Date() }).returning();
    const copy = await c.secretariat.post(`/api/report-templates/${old.id}/copies`, { code: `${old.code}_2022`, year: 2022 });
    expect(copy.statusCode, copy.body).toBe(201);
    const draft = copy.json() as ReportTemplate;
    const keys = draft.body.items.map((i) => i.key);
    expect(keys.filter((k) => k === 'procedures')).toHaveLength(1);
    expect(keys).toContain('procedures_2');
    expect(draft.body.items.find((i) => i.key === 'procedures_2')).toMatchObject({ type: 'table', title: 'Biểu 2. Thủ tục hành chính' });
    const saved = await c.secretariat.patch(`/api/report-templates/${draft.id}`, { version: draft.version, body: draft.body });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await c.secretariat.post(`/api/report-templates/${draft.id}/publish`, { version: saved.json().version })).statusCode).toBe(200);
    // The standard template as installed now has unique keys, and publishes as it is.
    const fresh = await c.secretariat.post('/api/report-templates', { ownerAgencyId: a.homeAffairs.id, code: `std_${uniq()}`, name: 'X', kind: 'periodic', body: periodicReportBody() });
    expect(fresh.statusCode, fresh.body).toBe(201);
  });

  it('takes a ratio on a percentage column of number columns of its table only', async () => {
    const withRatio = (ratio: object, on = 'rate') => {
      const body = sampleBody();
      const tbl = body.items[2] as TemplateTable;
      body.items[2] = { ...tbl, columns: tbl.columns.map((col) => (col.key === on ? { ...col, ratio } : col)) } as TemplateTable;
      return c.secretariat.post('/api/report-templates', { ownerAgencyId: a.homeAffairs.id, code: `ratio_${uniq()}`, name: 'X', kind: 'other', body });
    };
    expect((await withRatio({ numerator: ['on_time'], denominator: ['received'] })).statusCode).toBe(201);
    const unknown = await withRatio({ numerator: ['on_time'], denominator: ['resolved'] });
    expect(unknown.json().invalidParams[0]).toMatchObject({ name: 'body.body.items.2.columns.2.ratio', code: 'not_found' });
    const notPercent = await withRatio({ numerator: ['on_time'], denominator: ['received'] }, 'received');
    expect(notPercent.json().invalidParams[0]).toMatchObject({ name: 'body.body.items.2.columns.0.ratio', code: 'invalid' });
  });
});

describe('an ad hoc request and the units’ reports', () => {
  let template: ReportTemplate;
  let request: ReportRequest;
  let mine: Submission;

  it('drafts the request as a công văn, issues it with a number from the register, and the units are told', async () => {
    template = await publishedTemplate(c.secretariat, a.homeAffairs.id);
    const draft = await c.secretariat.post('/api/report-requests', {
      kind: 'ad_hoc',
      ownerAgencyId: a.townCommittee.id,
      templateId: template.id,
      title: 'Báo cáo kết quả thực hiện nhiệm vụ CCHC 6 tháng đầu năm 2021',
      dueOn: '2021-06-18',
      targetAgencyIds: [a.wardACommittee.id, a.wardBCommittee.id],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    request = draft.json();
    expect(request).toMatchObject({ status: 'draft', documentNumber: null, abilities: { issue: true } });
    // A draft is the office's: the units know nothing yet.
    expect((await c.unitOfficerA.get(`/api/report-requests/${request.id}`)).statusCode).toBe(404);
    const doc = await c.secretariat.get(`/api/documents/report-request/${request.id}.docx`);
    expect(doc.statusCode).toBe(200);
    expect(plainText((await openDocx(doc.rawPayload)).document)).toContain('DỰ THẢO');

    const issued = await c.secretariat.post(`/api/report-requests/${request.id}/issue`, { version: request.version, issuedOn: '2021-06-01', signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG NỘI VỤ', signerName: 'Nguyễn Văn Hùng' } });
    expect(issued.statusCode, issued.body).toBe(200);
    request = issued.json();
    expect(request.documentNumber).toBe('01/UBND-NV');
    expect(request.counts.not_started).toBe(2);
    const text = plainText((await openDocx((await c.unitOfficerA.get(`/api/documents/report-request/${request.id}.docx`)).rawPayload)).document);
    expect(text).toContain('Số: 01/UBND-NV');
    expect(text).toContain('V/v');
    expect(text).toContain('Biểu 1. Hồ sơ thủ tục hành chính');
    expect(text).not.toContain('DỰ THẢO');
    // Two units asked: named in "Kính gửi" instead of "the units in the list attached" with no list.
    expect(text).toMatch(new RegExp(`Kính gửi:\\s*-?\\s*${a.wardACommittee.name};?\\s*-?\\s*${a.wardBCommittee.name}`));
    expect(text).not.toContain('có tên trong danh sách kèm theo');
    const told = await t.database.db.select({ kind: notification.kind }).from(notification).where(and(eq(notification.recipientId, a.users.unitOfficerA.id), eq(notification.kind, 'report.requested')));
    expect(told.length).toBe(1);
  });

  it('pages the units’ reports with a total, and exports the same rows as .xlsx under the same filters', async () => {
    const page1 = (await c.secretariat.get(`/api/report-submissions?requestId=${request.id}&pageSize=1`)).json() as { items: Submission[]; total: number };
    const page2 = (await c.secretariat.get(`/api/report-submissions?requestId=${request.id}&pageSize=1&page=2`)).json() as { items: Submission[]; total: number };
    expect(page1.total).toBe(2);
    expect(page2.total).toBe(2);
    const all = (await c.secretariat.get(`/api/report-submissions?requestId=${request.id}`)).json() as { items: Submission[]; total: number };
    expect([...page1.items, ...page2.items].map((x) => x.id)).toEqual(all.items.map((x) => x.id));
    // The status filter is in SQL, so the total counts what the page shows.
    expect((await c.secretariat.get(`/api/report-submissions?requestId=${request.id}&status=accepted`)).json()).toEqual({ items: [], total: 0 });
    expect((await c.secretariat.get(`/api/report-submissions?pageSize=201`)).statusCode).toBe(400);

    const res = await c.secretariat.get(`/api/report-submissions/export.xlsx?requestId=${request.id}&unitId=${a.town.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = await readListWorkbook(res.rawPayload);
    expect(book.title).toContain(`Phạm vi: ${a.town.name}`);
    expect(book.title).toContain(`Yêu cầu báo cáo: ${request.title}`);
    expect(book.headers).toEqual(['TT', 'Cơ quan, đơn vị', 'Yêu cầu báo cáo', 'Trạng thái', 'Ngày gửi', 'Lý do trả lại']);
    expect(book.rows).toEqual(all.items.map((x, i) => [i + 1, x.agencyName, x.requestTitle, 'Chưa làm', null, null]));
    // A unit the caller does not see: 404, before any row is read; the unit sees its own report only.
    const other = await makeAuthority(t.database.db);
    expect((await c.secretariat.get(`/api/report-submissions/export.xlsx?unitId=${other.town.id}`)).statusCode).toBe(404);
    const own = await readListWorkbook((await c.unitOfficerA.get(`/api/report-submissions/export.xlsx?requestId=${request.id}`)).rawPayload);
    expect(own.rows.map((r) => r[1])).toEqual([a.wardACommittee.name]);
  });

  it('lists by a unit in reach (its subtree), a unit by its own; a unit out of reach is not found, never an empty page', async () => {
    const ids = async (client: Client, q: string) => {
      const res = await client.get(`/api/report-submissions?requestId=${request.id}&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: Submission[] }).items.map((x) => x.agencyId);
    };
    expect(await ids(c.secretariat, `unitId=${a.town.id}`)).toEqual([a.wardACommittee.id, a.wardBCommittee.id]);
    expect(await ids(c.secretariat, `unitId=${a.wardB.id}`)).toEqual([a.wardBCommittee.id]);
    expect(await ids(unitB, `unitId=${a.wardB.id}`)).toEqual([a.wardBCommittee.id]);
    const other = await makeAuthority(t.database.db);
    for (const [client, path] of [
      [c.secretariat, `/api/report-submissions?unitId=${other.town.id}`],
      [unitB, `/api/report-submissions?unitId=${a.wardA.id}`],
      [c.secretariat, `/api/report-submissions?unitId=${crypto.randomUUID()}`],
    ] as const) {
      const res = await client.get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });

  it('lets the unit see only its own report; another unit submitting it gets 404', async () => {
    const list = (await c.unitOfficerA.get(`/api/report-submissions?mine=true`)).json().items;
    expect(list.map((s: Submission) => s.agencyId)).toEqual([a.wardACommittee.id]);
    mine = (await c.unitOfficerA.get(`/api/report-submissions/${list[0].id}`)).json();
    expect(mine).toMatchObject({ status: 'not_started', displayStatus: 'not_started', allowedMoves: ['save', 'submit'], abilities: { edit: true, submit: true, review: false } });
    expect(mine.content.tables.dossiers).toEqual([{}, {}]);
    expect((await unitB.get(`/api/report-submissions/${mine.id}`)).statusCode).toBe(404);
    expect((await unitB.post(`/api/report-submissions/${mine.id}/submit`, { version: mine.version })).statusCode).toBe(404);
    expect((await unitB.put(`/api/report-submissions/${mine.id}/draft`, { version: mine.version, content: mine.content })).statusCode).toBe(404);
    // The office may read but not fill it in.
    expect((await c.secretariat.put(`/api/report-submissions/${mine.id}/draft`, { version: mine.version, content: mine.content })).statusCode).toBe(403);
    // Nor accept a report that was never submitted.
    const early = await c.secretariat.post(`/api/report-submissions/${mine.id}/accept`, { version: mine.version });
    expect(early.statusCode).toBe(409);
    // The moves listed are the office's own: none on a report still with the unit (never the unit's save or submit).
    expect(early.json()).toMatchObject({ code: 'INVALID_TRANSITION', allowedMoves: [] });
  });

  it('autosaves the draft; a second officer on a stale version gets 409 with the other’s change, and nothing is overwritten', async () => {
    const content = { answers: { context: 'Phường có 8 khu phố.' }, tables: { dossiers: [{ received: 120, on_time: 118, rate: 98.3 }, { received: 40 }], tasks: [] } };
    const saved = await c.unitOfficerA.put(`/api/report-submissions/${mine.id}/draft`, { version: mine.version, content });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', displayStatus: 'draft', version: mine.version + 1 });
    const stale = await unitA2.put(`/api/report-submissions/${mine.id}/draft`, { version: mine.version, content: { answers: { context: 'Khác' }, tables: {} } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: mine.version + 1, content: { answers: { context: 'Phường có 8 khu phố.' } } } });
    expect((await c.unitOfficerA.get(`/api/report-submissions/${mine.id}`)).json().content.answers.context).toBe('Phường có 8 khu phố.');
    mine = saved.json();
  });

  it('refuses a cell of the wrong type, a wrong number of fixed rows, and an unknown table', async () => {
    const cases: [unknown, string, string][] = [
      [{ answers: {}, tables: { dossiers: [{ received: 1.5 }, {}] } }, 'body.content.tables.dossiers.0.received', 'cell_not_a_whole_number'],
      [{ answers: {}, tables: { dossiers: [{ rate: 120 }, {}] } }, 'body.content.tables.dossiers.0.rate', 'cell_out_of_range'],
      [{ answers: {}, tables: { tasks: [{ deadline: '2021-02-30' }] } }, 'body.content.tables.tasks.0.deadline', 'cell_invalid_date'],
      [{ answers: {}, tables: { dossiers: [{}] } }, 'body.content.tables.dossiers', 'wrong_row_count'],
      [{ answers: {}, tables: { other: [] } }, 'body.content.tables.other', 'unknown'],
    ];
    for (const [content, name, code] of cases) {
      const res = await c.unitOfficerA.put(`/api/report-submissions/${mine.id}/draft`, { version: mine.version, content });
      expect(res.statusCode, name).toBe(400);
      expect(res.json().invalidParams[0]).toMatchObject({ name, code });
    }
  });

  it('keeps a number sent for a text column as its text (a document number, a year), never not_a_number', async () => {
    const content = { ...mine.content, tables: { ...mine.content.tables, tasks: [{ task: 2021, done: true }, { task: '0123' }] } };
    const saved = await c.unitOfficerA.put(`/api/report-submissions/${mine.id}/draft`, { version: mine.version, content });
    expect(saved.statusCode, saved.body).toBe(200);
    mine = saved.json();
    expect(mine.content.tables.tasks).toEqual([{ task: '2021', done: true }, { task: '0123' }]);
  });

  it('drops the lines of an open table left entirely empty when saving (they would print as numbered blank rows)', async () => {
    const content = { ...mine.content, tables: { ...mine.content.tables, tasks: [{ task: 'Niêm yết TTHC' }, {}, { task: null, deadline: '' }, { task: 'Rà soát' }] } };
    const saved = await c.unitOfficerA.put(`/api/report-submissions/${mine.id}/draft`, { version: mine.version, content });
    expect(saved.statusCode, saved.body).toBe(200);
    mine = saved.json();
    expect(mine.content.tables.tasks).toEqual([{ task: 'Niêm yết TTHC' }, { task: 'Rà soát' }]);
    // A fixed table keeps its rows, empty or not.
    expect(mine.content.tables.dossiers).toHaveLength(2);
  });

  it('submits only with every section answered and the required attachment; an oversized or disguised file is refused', async () => {
    const incomplete = await c.unitOfficerA.post(`/api/report-submissions/${mine.id}/submit`, { version: mine.version });
    expect(incomplete.statusCode).toBe(400);
    // Everything missing is named at once: the unanswered section and the required attachment.
    expect(incomplete.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code])).toEqual([
      ['body.content.answers.results', 'unanswered'],
      ['attachments.attachment_1', 'missing_attachment'],
    ]);
    const content = { ...mine.content, answers: { ...mine.content.answers, results: 'Hoàn thành 100% nhiệm vụ.' } };
    const noFile = await c.unitOfficerA.post(`/api/report-submissions/${mine.id}/submit`, { version: mine.version, content });
    expect(noFile.json().invalidParams[0]).toMatchObject({ name: 'attachments.attachment_1', code: 'missing_attachment' });
    // A program named .pdf, and the outside report as a picture: refused on content.
    const disguised = await upload(c.unitOfficerA, mine.id, 'attachment_1', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'ke-hoach.pdf');
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().invalidParams[0].code).toBe('file_type_not_allowed');
    // Another unit cannot attach to this report.
    expect((await upload(unitB, mine.id, 'attachment_1', samplePdf(), 'x.pdf')).statusCode).toBe(404);
    expect((await upload(c.unitOfficerA, mine.id, 'attachment_1', samplePdf('Kế hoạch CCHC'), 'Kế hoạch CCHC 2021.pdf')).statusCode).toBe(201);
    const submitted = await c.unitOfficerA.post(`/api/report-submissions/${mine.id}/submit`, { version: mine.version, content });
    expect(submitted.statusCode, submitted.body).toBe(200);
    mine = submitted.json();
    // The unit is offered none of the office's moves (accept, return); the office is.
    expect(mine).toMatchObject({ status: 'submitted', displayStatus: 'submitted_on_time', late: false, allowedMoves: [], abilities: { edit: false, submit: false, review: false } });
    expect((await c.secretariat.get(`/api/report-submissions/${mine.id}`)).json()).toMatchObject({ allowedMoves: ['accept', 'return'], abilities: { review: true } });
    // Submitted: the unit no longer edits it, nor its files.
    const edit = await c.unitOfficerA.put(`/api/report-submissions/${mine.id}/draft`, { version: mine.version, content });
    expect(edit.json()).toMatchObject({ code: 'INVALID_TRANSITION', allowedMoves: [] });
    expect((await upload(c.unitOfficerA, mine.id, 'evidence', samplePdf(), 'x.pdf')).statusCode).toBe(403);
    expect((await c.unitOfficerA.post(`/api/report-submissions/${mine.id}/accept`, { version: mine.version })).statusCode).toBe(403);
  });

  it('is returned with reasons the unit sees, resubmitted late after the due day, accepted, and frozen after that', async () => {
    expect((await c.secretariat.post(`/api/report-submissions/${mine.id}/return`, { version: mine.version, reason: '' })).statusCode).toBe(400);
    const returned = await c.secretariat.post(`/api/report-submissions/${mine.id}/return`, { version: mine.version, reason: 'Bổ sung số liệu lĩnh vực hộ tịch.' });
    expect(returned.statusCode, returned.body).toBe(200);
    mine = (await c.unitOfficerA.get(`/api/report-submissions/${mine.id}`)).json();
    expect(mine).toMatchObject({ status: 'returned', displayStatus: 'returned', returnReason: 'Bổ sung số liệu lĩnh vực hộ tịch.', abilities: { edit: true, submit: true } });
    clock.set('2021-06-21T02:00:00Z'); // after the due day (18/6)
    // A part above its whole (the template's check: on time ≤ received) is saved as a draft but not submitted.
    const over = { ...mine.content, tables: { ...mine.content.tables, dossiers: [{ received: 120, on_time: 121, rate: 98.3 }, { received: 40, on_time: 40, rate: 100 }] } };
    const overDraft = (await c.unitOfficerA.put(`/api/report-submissions/${mine.id}/draft`, { version: mine.version, content: over })).json();
    const refused = await c.unitOfficerA.post(`/api/report-submissions/${mine.id}/submit`, { version: overDraft.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams).toEqual([
      { name: 'body.content.tables.dossiers.0.on_time', code: 'cell_above_limit', reason: expect.any(String), params: { column: 'Giải quyết đúng hạn', other: 'Tiếp nhận', limit: 120 } },
    ]);
    mine = (await c.unitOfficerA.get(`/api/report-submissions/${mine.id}`)).json();
    expect(mine).toMatchObject({ status: 'returned', version: overDraft.version });
    const content = { ...mine.content, tables: { ...mine.content.tables, dossiers: [{ received: 120, on_time: 118, rate: 98.3 }, { received: 40, on_time: 40, rate: 100 }] } };
    const saved = (await c.unitOfficerA.put(`/api/report-submissions/${mine.id}/draft`, { version: mine.version, content })).json();
    expect(saved.status).toBe('returned');
    const again = await c.unitOfficerA.post(`/api/report-submissions/${mine.id}/submit`, { version: saved.version });
    expect(again.statusCode, again.body).toBe(200);
    mine = again.json();
    expect(mine.displayStatus).toBe('submitted_late');
    expect(mine.history.map((h) => [h.action, h.late])).toEqual([
      ['submitted', false],
      ['returned', null],
      ['submitted', true],
    ]);
    const accepted = await c.secretariat.post(`/api/report-submissions/${mine.id}/accept`, { version: mine.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    mine = accepted.json();
    expect(mine).toMatchObject({ status: 'accepted', displayStatus: 'accepted', late: true, allowedMoves: [] });
    // A late edit after acceptance: refused with nothing allowed.
    const late = await c.unitOfficerA.put(`/api/report-submissions/${mine.id}/draft`, { version: mine.version, content });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'INVALID_TRANSITION', allowedMoves: [] });
    const after = (await c.secretariat.get(`/api/report-requests/${request.id}`)).json() as ReportRequest;
    expect(after.counts).toMatchObject({ accepted: 1, not_started: 1 });
    // Missing is counted in SQL over all the request's reports, by the injected clock: the other unit's, past the due day.
    expect(after.timeliness).toEqual({ onTime: 0, late: 1, missing: 1 });
    expect((await c.secretariat.get('/api/report-requests')).json().items.find((r: ReportRequest) => r.id === request.id).timeliness.missing).toBe(1);
    clock.set('2021-06-01T02:00:00Z');
    // Before the due day nothing is missing yet.
    expect((await c.secretariat.get(`/api/report-requests/${request.id}`)).json().timeliness.missing).toBe(0);
  });
  it('lists the units asked as an annex "Danh sách cơ quan, đơn vị" when they are many, frozen with the letter at issue', async () => {
    const more = await Promise.all([1, 2].map((n) => makeAgency(t.database.db, { unitId: a.wardA.id, name: `Trường Tiểu học số ${n} ${a.tag}`, kind: 'office', code: `AS${n}-${a.tag}` })));
    const targets = [a.wardACommittee.id, a.wardBCommittee.id, ...more.map((m) => m.id)];
    const draft = await c.secretariat.post('/api/report-requests', { kind: 'ad_hoc', ownerAgencyId: a.townCommittee.id, templateId: template.id, title: 'Báo cáo CCHC quý III năm 2021', dueOn: '2021-09-20', targetAgencyIds: targets });
    expect(draft.statusCode, draft.body).toBe(201);
    const r = draft.json() as ReportRequest;
    // Signed on 1/9, the day it is issued (a letter is never dated after today).
    const tooEarly = await c.secretariat.post(`/api/report-requests/${r.id}/issue`, { version: r.version, issuedOn: '2021-09-01', signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG NỘI VỤ', signerName: 'Nguyễn Văn Hùng' } });
    expect(tooEarly.json().invalidParams).toMatchObject([{ name: 'body.issuedOn', code: 'in_future' }]);
    clock.set('2021-09-01T02:00:00Z');
    const issued = await c.secretariat.post(`/api/report-requests/${r.id}/issue`, { version: r.version, issuedOn: '2021-09-01', signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG NỘI VỤ', signerName: 'Nguyễn Văn Hùng' } });
    clock.set('2021-06-01T02:00:00Z');
    expect(issued.statusCode, issued.body).toBe(200);
    const text = plainText((await openDocx((await c.secretariat.get(`/api/documents/report-request/${r.id}.docx`)).rawPayload)).document);
    expect(text).toContain('Các cơ quan, đơn vị có tên trong danh sách kèm theo');
    expect(text).toContain('Phụ lục I\nDANH SÁCH CƠ QUAN, ĐƠN VỊ');
    // In Vietnamese order, numbered; then the outline as Phụ lục II.
    expect(text).toMatch(new RegExp(`1\\n${more[0].name}\\n2\\n${more[1].name}\\n3\\n${a.wardACommittee.name}\\n4\\n${a.wardBCommittee.name}`));
    expect(text).toContain('Phụ lục II');
    // Frozen: a unit renamed afterwards does not change the issued letter.
    await t.database.db.update(agency).set({ name: 'Đổi tên sau khi ban hành' }).where(eq(agency.id, more[0].id));
    expect(plainText((await openDocx((await c.secretariat.get(`/api/documents/report-request/${r.id}.docx`)).rawPayload)).document)).toContain(more[0].name);
  });
});
