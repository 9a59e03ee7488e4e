import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionChecklists, TemplateDetail } from '../../../shared/api/checklists.schemas.js';
import type { Conclusion } from '../../../shared/api/conclusions.schemas.js';
import type { Inspection } from '../../../shared/api/inspections.schemas.js';
import type { Minutes } from '../../../shared/api/minutes.schemas.js';
import { ManualClock } from '../../clock.js';
import { openDocx, paragraphs, paragraphWith, plainText, runWith } from '../../documents/test-support.js';
import { samplePdf } from '../../files/sample-files.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { multipart } from '../../test/multipart.js';
import { publishedOneStopTemplate } from '../checklists/checklists.test-support.js';
import { registerDocument } from '../document-register/document-register.js';
import { makeSeason, schedule, type Season } from '../inspections/inspections.test-support.js';

/**
 * Inspection minutes (Biên bản kiểm tra, issue 10 §4): drafted from the checklist and the
 * findings, edited while a draft, finalised with a BB number and frozen as Mẫu 1.9, read back as
 * .docx; the signed scan kept; the conclusion drafted from them.
 */
const clock = new ManualClock('2021-06-15T01:00:00Z');
let t: TestApp;
let s: Season;
let template: TemplateDetail;
beforeAll(async () => {
  t = await createTestApp({ clock });
  s = await makeSeason(t);
  template = await publishedOneStopTemplate(s.secretariat, s.a.townCommittee.id);
});
afterAll(() => t.close());

/** An unannounced visit to ward B's one-stop desk, started, its checklist partly answered, three findings. */
async function visitWithFindings(startsOn: string): Promise<Inspection> {
  const visit = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team1.id, kind: 'unannounced', startsOn, places: [s.a.wardBDesk.id], overrideReason: 'Đột xuất' });
  clock.set(`${startsOn}T01:00:00Z`);
  const started = await s.inspector.post(`/api/inspections/${visit.id}/start`, { version: visit.version });
  expect(started.statusCode, started.body).toBe(200);
  const lists: InspectionChecklists = (await s.inspector.post(`/api/inspections/${visit.id}/checklists`, { templateId: template.id })).json();
  const [first, second] = lists.items[0].items;
  for (const [item, rating, note] of [[first, 'met', null], [second, 'not_met', 'Danh mục TTHC niêm yết từ năm 2019']] as const) {
    const res = await s.inspector.put(`/api/checklist-items/${item.id}/answer`, { version: item.version, clientRevisionId: crypto.randomUUID(), editedAt: `${startsOn}T01:30:00Z`, rating, note });
    expect(res.statusCode, res.body).toBe(200);
  }
  const url = `/api/inspections/${visit.id}/findings`;
  for (const body of [
    { kind: 'good_practice', contentGroup: 'publicity', title: 'Mã QR tra cứu tình trạng hồ sơ', text: 'Mỗi giấy hẹn có mã QR.' },
    { kind: 'shortcoming', severity: 'moderate', contentGroup: 'dossiers', title: 'Chưa gửi phiếu xin lỗi', text: '3 hồ sơ trễ hạn không có Phiếu xin lỗi.', recommendation: 'Gửi Phiếu xin lỗi và hẹn lại ngày trả kết quả cho hồ sơ trễ hạn' },
  ]) expect((await s.inspector.post(url, body)).statusCode).toBe(201);
  return started.json();
}

describe('inspection minutes', () => {
  let visit: Inspection;
  let minutes: Minutes;

  it('are drafted by the team from the checklist and the findings, once, after the visit began; never by the unit', async () => {
    const planned = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team2.id, kind: 'report', startsOn: '2021-07-20' });
    expect((await s.secretariat.post('/api/minutes', { inspectionId: planned.id })).json().code).toBe('INVALID_STATE');
    visit = await visitWithFindings('2021-06-16');
    expect((await s.unitOfficerB.post('/api/minutes', { inspectionId: visit.id })).statusCode).toBe(403);
    expect((await s.unitOfficerA.post('/api/minutes', { inspectionId: visit.id })).statusCode).toBe(404);
    expect((await s.inspector2.post('/api/minutes', { inspectionId: visit.id })).statusCode).toBe(403);
    const res = await s.inspector.post('/api/minutes', { inspectionId: visit.id });
    expect(res.statusCode, res.body).toBe(201);
    minutes = res.json();
    expect(minutes).toMatchObject({ status: 'draft', documentNumber: null, abilities: { update: true, finalize: true, uploadSignedScan: false } });
    const c = minutes.content;
    expect(c.summary).toBe(`Kiểm tra đột xuất công tác cải cách hành chính tại ${s.a.wardBCommittee.name}`);
    expect(c.heldOn).toBe('2021-06-16');
    expect(c.teamPresent.map((p) => p.name)).toEqual(['Ông Nguyễn Văn Hùng', 'Bà Trần Thị Lan']);
    expect(c.teamPresent[0].position).toContain('Trưởng đoàn');
    expect(c.teamLeaderName).toBe('Nguyễn Văn Hùng');
    expect(c.secretaryName).toBe('Trần Thị Lan');
    const publicity = c.contents.find((g) => g.title === 'Niêm yết, công khai')!;
    expect(publicity.lines[0]).toBe('Đã kiểm tra 2 nội dung: 1 đạt, 1 chưa đạt.');
    expect(publicity.lines.some((l) => l.includes('Danh mục TTHC niêm yết từ năm 2019'))).toBe(true);
    expect(publicity.lines.some((l) => l.startsWith('Mô hình hay, cách làm hiệu quả: Mã QR'))).toBe(true);
    expect(c.contents.find((g) => g.title === 'Tiếp nhận, giải quyết hồ sơ')!.lines).toEqual(['Hạn chế: Chưa gửi phiếu xin lỗi. 3 hồ sơ trễ hạn không có Phiếu xin lỗi.']);
    expect(c.strengths).toEqual(['Mã QR tra cứu tình trạng hồ sơ']);
    expect(c.shortcomings).toEqual(['Chưa gửi phiếu xin lỗi']);
    expect(c.requests).toEqual(['Gửi Phiếu xin lỗi và hẹn lại ngày trả kết quả cho hồ sơ trễ hạn']);
    expect((await s.inspector.post('/api/minutes', { inspectionId: visit.id })).json().code).toBe('DUPLICATE');
    // A draft is the team's, the office's and the leaders': not the unit's yet.
    expect((await s.unitOfficerB.get(`/api/minutes/${minutes.id}`)).statusCode).toBe(404);
    expect((await s.unitOfficerB.get(`/api/minutes?inspectionId=${visit.id}`)).json().items).toEqual([]);
    expect((await s.leader.get(`/api/minutes/${minutes.id}`)).json().abilities).toMatchObject({ update: false });
    const draftDoc = await s.inspector.get(`/api/documents/minutes/${minutes.id}.docx`);
    expect(draftDoc.statusCode).toBe(200);
    expect(plainText((await openDocx(draftDoc.rawPayload)).document)).toContain('DỰ THẢO');
  });

  it('are edited while a draft (versioned; a day outside the visit refused by field), not by the unit', async () => {
    expect((await s.unitOfficerB.patch(`/api/minutes/${minutes.id}`, { version: minutes.version, content: { unitComments: ['x'] } })).statusCode).toBe(404);
    const outside = await s.inspector.patch(`/api/minutes/${minutes.id}`, { version: minutes.version, content: { heldOn: '2021-06-15' } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().invalidParams[0]).toMatchObject({ name: 'body.content.heldOn', code: 'before_visit' });
    const bad = await s.inspector.patch(`/api/minutes/${minutes.id}`, { version: minutes.version, content: { closingTime: '25:00' } });
    expect(bad.statusCode).toBe(400);
    // A top-level field the endpoint does not know is refused, never stripped (strict-request-bodies.md).
    const typo = await s.inspector.patch(`/api/minutes/${minutes.id}`, { version: minutes.version, contents: { closingTime: '10:00' } });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().invalidParams).toContainEqual(expect.objectContaining({ name: 'body.contents', code: 'unknown' }));
    const res = await s.inspector.patch(`/api/minutes/${minutes.id}`, {
      version: minutes.version,
      content: { startTime: '08:30', closingTime: '10:45', unitRepresentatives: [{ name: 'Ông Võ Minh Tâm', position: 'Chủ tịch UBND phường B' }], unitSignerName: 'Võ Minh Tâm', unitComments: ['Đơn vị thống nhất và cam kết khắc phục trong tháng 7/2021.'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(minutes.version + 1);
    expect((await s.inspector.patch(`/api/minutes/${minutes.id}`, { version: minutes.version, content: { copies: 3 } })).json().code).toBe('VERSION_CONFLICT');
    minutes = res.json();
  });

  it('are finalised with a BB number and frozen; the unit then reads them', async () => {
    expect((await s.unitOfficerB.post(`/api/minutes/${minutes.id}/finalize`, { version: minutes.version })).statusCode).toBe(404);
    // Another team's inspector does not see a draft.
    expect((await s.inspector2.post(`/api/minutes/${minutes.id}/finalize`, { version: minutes.version })).statusCode).toBe(404);
    // Typed up two days after the visit, when the register has moved past its day (a decision of
    // the 17th): minutes carry their meeting's day and are numbered all the same (datedByEvent,
    // docs/decisions/document-numbering.md).
    clock.set('2021-06-18T01:00:00Z');
    const later = await t.database.db.transaction((tx) =>
      registerDocument(tx, { actor: null, ip: null, requestId: null }, { agencyId: s.a.townCommittee.id, typeCode: 'quyet_dinh', summary: 'Quyết định', issuedOn: '2021-06-17', signerName: 'Nguyễn Văn A', signerPosition: 'CHỦ TỊCH' }),
    );
    expect(minutes.content.heldOn < later.issuedOn).toBe(true);
    const res = await s.inspector.post(`/api/minutes/${minutes.id}/finalize`, { version: minutes.version });
    expect(res.statusCode, res.body).toBe(200);
    minutes = res.json();
    expect(minutes.documentNumber).toBe(`${String(later.number + 1).padStart(2, '0')}/BB-UBND`);
    expect(minutes).toMatchObject({ status: 'final', finalizedOn: '2021-06-18', abilities: { update: false, finalize: false, uploadSignedScan: true } });
    expect(minutes.documentNumber).toMatch(/^\d{2}\/BB-UBND$/);
    const edit = await s.inspector.patch(`/api/minutes/${minutes.id}`, { version: minutes.version, content: { copies: 3 } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('INVALID_STATE');
    expect((await s.inspector.post(`/api/minutes/${minutes.id}/finalize`, { version: minutes.version })).json().code).toBe('INVALID_STATE');
    expect((await s.unitOfficerB.get(`/api/minutes?inspectionId=${visit.id}`)).json().items.map((m: Minutes) => m.id)).toEqual([minutes.id]);
    expect((await s.unitOfficerA.get(`/api/minutes/${minutes.id}`)).statusCode).toBe(404);
  });

  it('print as Decree 30 minutes (Mẫu 1.9): number, date, sections, "kiểm tra đột xuất", two signature blocks and the secretary', async () => {
    const doc = await s.unitOfficerB.get(`/api/documents/minutes/${minutes.id}.docx`);
    expect(doc.statusCode).toBe(200);
    const { document, styles } = await openDocx(doc.rawPayload);
    const text = plainText(document);
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toContain(`Số: ${minutes.documentNumber}`);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(runWith(document, 'ngày 16 tháng 6 năm 2021').italic).toBe(true);
    expect(runWith(document, 'BIÊN BẢN').bold).toBe(true);
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(paragraphs(document).flatMap((p) => p.runs).every((r) => r.font === 'Times New Roman')).toBe(true);
    expect(text).toContain('vào lúc 08 giờ 30 ngày 16/06/2021');
    expect(text).toContain('kiểm tra đột xuất (không báo trước)');
    for (const heading of ['I. THÀNH PHẦN', 'II. NỘI DUNG KIỂM TRA', 'III. NHẬN XÉT, ĐÁNH GIÁ CỦA ĐOÀN KIỂM TRA', 'IV. Ý KIẾN CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA']) expect(paragraphWith(document, heading).runs[0].bold).toBe(true);
    expect(text).toContain('Ông Võ Minh Tâm – Chủ tịch UBND phường B;');
    expect(text).toContain('Đơn vị thống nhất và cam kết khắc phục trong tháng 7/2021.');
    expect(text).toContain('kết thúc vào lúc 10 giờ 45');
    expect(text).toContain('được lập thành 02 bản có giá trị như nhau');
    const grid = [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]).find((x) => x.includes('TRƯỞNG ĐOÀN KIỂM TRA'))!;
    const rows = [...grid.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
    const firstRow = [...rows[0].matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((m) => paragraphs(m[1]).map((p) => p.text).filter(Boolean));
    expect(firstRow).toEqual([
      ['ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', 'CHỦ TỊCH', 'Võ Minh Tâm'],
      ['TRƯỞNG ĐOÀN KIỂM TRA', 'Nguyễn Văn Hùng'],
    ]);
    expect(paragraphs(rows[1]).map((p) => p.text)).toEqual(['THƯ KÝ', 'Trần Thị Lan']);
    expect(text.indexOf('IV. Ý KIẾN')).toBeLessThan(text.indexOf('THƯ KÝ'));
    expect(text.indexOf('Trần Thị Lan')).toBeLessThan(text.indexOf('Nơi nhận:'));
  });

  it('keep the signed scan: the team uploads it once final; the unit reads it and may not add one', async () => {
    const url = `/api/files?ownerType=inspection_minutes&ownerId=${minutes.id}&purpose=signed_scan`;
    const pdf = () => multipart([{ name: 'file', filename: 'bien-ban-da-ky.pdf', contentType: 'application/pdf', data: samplePdf() }]);
    expect((await s.unitOfficerB.request({ method: 'POST', url, ...pdf() })).statusCode).toBe(403);
    const up = await s.inspector.request({ method: 'POST', url, ...pdf() });
    expect(up.statusCode, up.body).toBe(201);
    const docx = await s.inspector.request({ method: 'POST', url, ...multipart([{ name: 'file', filename: 'x.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: (await s.inspector.get(`/api/documents/minutes/${minutes.id}.docx`)).rawPayload }]) });
    expect(docx.statusCode).toBe(400);
    const read = await s.unitOfficerB.get(`/api/minutes/${minutes.id}`);
    expect(read.json().signedScans.map((f: { fileName: string }) => f.fileName)).toEqual(['bien-ban-da-ky.pdf']);
    // Kept: the team may add pages but never remove the scan of the final minutes.
    const listed = await s.inspector.get(url);
    expect(listed.json().canAttach).toBe(true);
    expect(listed.json().items.map((f: { removable: boolean }) => f.removable)).toEqual([false]);
    const del = await s.inspector.request({ method: 'DELETE', url: `/api/files/${up.json().id}` });
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('DOCUMENT_ISSUED');
    expect((await s.inspector.get(url)).json().items).toHaveLength(1);
  });

  it('start the conclusion: its strengths and shortcomings come from the minutes', async () => {
    const res = await s.secretariat.post('/api/conclusions', { inspectionId: visit.id });
    expect(res.statusCode, res.body).toBe(201);
    const conclusion: Conclusion = res.json();
    expect(conclusion.content.strengths).toEqual(['Mã QR tra cứu tình trạng hồ sơ']);
    expect(conclusion.content.shortcomings).toEqual(['Chưa gửi phiếu xin lỗi']);
  });
});
