import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportTemplate, Submission } from '../../../shared/api/reports.schemas.js';
import { ManualClock } from '../../clock.js';
import { openDocx, paragraphWith, plainText } from '../../documents/test-support.js';
import { samplePdf, samplePng } from '../../files/sample-files.js';
import { multipart } from '../../test/multipart.js';
import { makeAuthority, makeUser, signInAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { MAX_FORM_BYTES } from './template-form-workbook.js';
import { issuedRequest, publishedTemplate } from './test-support.js';

/**
 * A unit's report as files (issue 9 §3): the Decree 30 report (.docx, Mẫu 1.4, BC) of one
 * submission, and the .xlsx form of its template filled offline and read back into the draft.
 */
let t: TestApp;
const clock = new ManualClock('2021-06-10T02:00:00Z');
let a: Awaited<ReturnType<typeof makeAuthority>>;
let c: Awaited<ReturnType<typeof signInAuthority>>;
let unitB: Client;
let template: ReportTemplate;
let mine: Submission;
beforeAll(async () => {
  // A 1 MB file cap, so that an oversized upload is cheap to make.
  t = await createTestApp({ clock, env: { PAR_MAX_FILE_MB: '1' } });
  a = await makeAuthority(t.database.db);
  c = await signInAuthority(t.app, a);
  unitB = await signIn(t.app, (await makeUser(t.database.db, [{ role: 'unit_officer', agencyId: a.wardBCommittee.id }], 'Đầu mối phường B')).username, TEST_PASSWORD);
  template = await publishedTemplate(c.secretariat, a.homeAffairs.id);
  await issuedRequest(c.secretariat, a.townCommittee.id, template.id, [a.wardACommittee.id, a.wardBCommittee.id]);
  const [first] = (await c.unitOfficerA.get('/api/report-submissions?mine=true')).json().items;
  mine = (await c.unitOfficerA.get(`/api/report-submissions/${first.id}`)).json();
});
afterAll(async () => {
  await t?.close();
});

describe('a unit’s report as a Decree 30 report (.docx, Mẫu 1.4)', () => {
  it('prints the unit’s header, BÁO CÁO with the subject, its answers and tables with totals; DỰ THẢO until submitted; only for who sees the report', async () => {
    const content = {
      answers: { context: 'Phường có 8 khu phố.', results: 'Hoàn thành 100% nhiệm vụ.' },
      tables: { dossiers: [{ received: 1200, on_time: 1180, rate: 98.3 }, { received: 40, on_time: 40, rate: 100 }], tasks: [{ task: 'Niêm yết TTHC', deadline: '2021-04-30', done: true }] },
    };
    const saved = await c.unitOfficerA.put(`/api/report-submissions/${mine.id}/draft`, { version: mine.version, content });
    expect(saved.statusCode, saved.body).toBe(200);
    mine = saved.json();

    const res = await c.unitOfficerA.get(`/api/documents/report-submission/${mine.id}.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('bao-cao-bao-cao-ket-qua-thuc-hien-nhiem-vu-cchc-6-thang');
    const draft = await openDocx(res.rawPayload);
    const text = plainText(draft.document);
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain(`UBND\nPHƯỜNG ${a.wardA.name.toLocaleUpperCase('vi')}`);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toMatch(/Số:\s+\/BC-/);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả thực hiện nhiệm vụ CCHC 6 tháng đầu năm 2021');
    expect(paragraphWith(draft.document, 'I. Đặc điểm tình hình').runs[0].bold).toBe(true);
    expect(text).toContain('Phường có 8 khu phố.');
    expect(text).toContain('Biểu 1. Hồ sơ thủ tục hành chính');
    // Numbers Vietnamese style; the total row sums the columns the template totals.
    expect(text).toMatch(/Lĩnh vực đất đai\n1\.200\n1\.180\n98,3%/);
    expect(text).toMatch(/Tổng cộng\n1\.240\n1\.220/);
    expect(text).toMatch(/Niêm yết TTHC\n30\/04\/2021\nCó/);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain(`${a.townCommittee.name};`);
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');

    // Another unit, and the inspector, do not see it.
    expect((await unitB.get(`/api/documents/report-submission/${mine.id}.docx`)).statusCode).toBe(404);
    expect((await c.inspector.get(`/api/documents/report-submission/${mine.id}.docx`)).statusCode).toBe(404);
  });

  it('once submitted: no DỰ THẢO, dated the day it was sent; the office reads it too', async () => {
    const up = await c.unitOfficerA.request({ method: 'POST', url: `/api/files?ownerType=report_submission&ownerId=${mine.id}&purpose=attachment_1`, ...multipart([{ name: 'file', filename: 'ke-hoach.pdf', contentType: 'application/pdf', data: samplePdf('Kế hoạch') }]) });
    expect(up.statusCode, up.body).toBe(201);
    const sent = await c.unitOfficerA.post(`/api/report-submissions/${mine.id}/submit`, { version: mine.version });
    expect(sent.statusCode, sent.body).toBe(200);
    const res = await c.secretariat.get(`/api/documents/report-submission/${mine.id}.docx`);
    expect(res.statusCode).toBe(200);
    const text = plainText((await openDocx(res.rawPayload)).document);
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toContain('ngày 10 tháng 6 năm 2021');
    expect(text).toContain('Hoàn thành 100% nhiệm vụ.');
  });
});

describe('the .xlsx form of the template, filled offline and read back into the draft', () => {
  let theirs: Submission;
  const formUpload = (client: Client, id: string, version: number, data: Buffer, filename = 'bieu.xlsx') =>
    client.request({ method: 'POST', url: `/api/report-submissions/${id}/form?version=${version}`, ...multipart([{ name: 'file', filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data }]) });
  const load = async (bytes: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb;
  };
  const bytesOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

  beforeAll(async () => {
    const [row] = (await unitB.get('/api/report-submissions?mine=true')).json().items;
    theirs = (await unitB.get(`/api/report-submissions/${row.id}`)).json();
    const saved = await unitB.put(`/api/report-submissions/${theirs.id}/draft`, { version: theirs.version, content: { answers: { context: 'Giữ nguyên phần trả lời.' }, tables: {} } });
    expect(saved.statusCode, saved.body).toBe(200);
    theirs = saved.json();
  });

  it('is generated for the template version: a sheet per table, typed columns, fixed rows filled in, a hidden sheet naming the template and version', async () => {
    const blank = await c.secretariat.get(`/api/report-templates/${template.id}/form.xlsx`);
    expect(blank.statusCode).toBe(200);
    expect(blank.headers['content-disposition']).toContain('bieu-nhap-lieu-bao-cao-thu-v1.xlsx');
    const wb = await load(blank.rawPayload);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Biểu 1. Hồ sơ thủ tục hành c', 'visible'],
      ['Phụ lục. Nhiệm vụ được giao', 'visible'],
      ['_mau', 'veryHidden'],
    ]);
    const dossiers = wb.worksheets[0];
    expect((dossiers.getRow(2).values as unknown[]).slice(1)).toEqual(['Mã dòng', 'Nội dung', 'Tiếp nhận', 'Giải quyết đúng hạn', 'Tỷ lệ đúng hạn']);
    expect((dossiers.getRow(3).values as unknown[]).slice(1)).toEqual(['land', 'Lĩnh vực đất đai']);
    expect((dossiers.getRow(4).values as unknown[]).slice(1)).toEqual(['civil', 'Lĩnh vực hộ tịch']);
    expect(dossiers.getCell('C3').dataValidation).toMatchObject({ type: 'whole' });
    expect(dossiers.getCell('E4').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    const tasks = wb.worksheets[1];
    expect(tasks.getCell('D3').numFmt).toBe('dd/mm/yyyy');
    expect(tasks.getCell('E3').dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(wb.getWorksheet('_mau')!.getCell('B2').value).toBe(1);
    // The unit's own form carries its draft; another unit's is not found; the office's template page is the office's.
    expect((await unitB.get(`/api/report-submissions/${theirs.id}/form.xlsx`)).statusCode).toBe(200);
    expect((await c.unitOfficerA.get(`/api/report-submissions/${theirs.id}/form.xlsx`)).statusCode).toBe(404);
    expect((await unitB.get(`/api/report-templates/${template.id}/form.xlsx`)).statusCode).toBe(404);
  });

  it('fills the draft’s tables from the filled form, keeping the answers', async () => {
    const wb = await load((await unitB.get(`/api/report-submissions/${theirs.id}/form.xlsx`)).rawPayload);
    const dossiers = wb.worksheets[0];
    dossiers.getCell('C3').value = 120;
    dossiers.getCell('D3').value = 118;
    dossiers.getCell('E3').value = 98.3;
    dossiers.getCell('C4').value = '1.240'; // typed as text, Vietnamese style
    const tasks = wb.worksheets[1];
    tasks.getRow(3).values = [1, null, 'Niêm yết TTHC', new Date(Date.UTC(2021, 3, 30)), 'Có'];
    tasks.getRow(4).values = [2, null, 'Rà soát quy trình', '15/05/2021', 'Không'];
    // A text column takes any text: digits (a number to Excel) and what Excel made a date stay text.
    tasks.getRow(5).values = [3, null, 2021];
    tasks.getRow(6).values = [4, null, new Date(Date.UTC(2021, 0, 2))];
    const res = await formUpload(unitB, theirs.id, theirs.version, await bytesOf(wb));
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Submission;
    expect(after.version).toBe(theirs.version + 1);
    expect(after.content.answers).toEqual({ context: 'Giữ nguyên phần trả lời.' });
    expect(after.content.tables).toEqual({
      dossiers: [{ received: 120, on_time: 118, rate: 98.3 }, { received: 1240 }],
      tasks: [
        { task: 'Niêm yết TTHC', deadline: '2021-04-30', done: true },
        { task: 'Rà soát quy trình', deadline: '2021-05-15', done: false },
        { task: '2021' },
        { task: '02/01/2021' },
      ],
    });
    theirs = after;
    // The form downloaded now round-trips what was read.
    const again = await load((await unitB.get(`/api/report-submissions/${theirs.id}/form.xlsx`)).rawPayload);
    expect(again.worksheets[0].getCell('C4').value).toBe(1240);
    expect(again.worksheets[1].getCell('C4').value).toBe('Rà soát quy trình');
  });

  it('refuses two files in one upload (400 one_file_per_request, as /api/files): neither is read, nothing changes', async () => {
    const form = await load((await unitB.get(`/api/report-submissions/${theirs.id}/form.xlsx`)).rawPayload);
    form.worksheets[0].getCell('C3').value = 7;
    const first = await bytesOf(form);
    form.worksheets[0].getCell('C3').value = 9;
    const second = await bytesOf(form);
    const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const res = await unitB.request({
      method: 'POST',
      url: `/api/report-submissions/${theirs.id}/form?version=${theirs.version}`,
      ...multipart([
        { name: 'file', filename: 'bieu-1.xlsx', contentType: xlsxType, data: first },
        { name: 'file', filename: 'bieu-2.xlsx', contentType: xlsxType, data: second },
      ]),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.file', code: 'one_file_per_request' })]);
    const now = (await unitB.get(`/api/report-submissions/${theirs.id}`)).json() as Submission;
    expect(now).toMatchObject({ version: theirs.version, content: theirs.content });
  });

  it('refuses wrong types, unknown rows and formulas cell by cell, and changes nothing', async () => {
    const wb = await load((await unitB.get(`/api/report-submissions/${theirs.id}/form.xlsx`)).rawPayload);
    const dossiers = wb.worksheets[0];
    dossiers.getCell('C3').value = 'nhiều';
    dossiers.getCell('E4').value = 120;
    dossiers.getCell('D3').value = { formula: 'C3-2' } as ExcelJS.CellFormulaValue;
    dossiers.getRow(5).values = ['other', 'Lĩnh vực khác', 5];
    dossiers.getCell('D4').value = 1300; // on time above the 1,240 received: the template's check
    wb.worksheets[1].getCell('D3').value = '31/02/2021';
    const res = await formUpload(unitB, theirs.id, theirs.version, await bytesOf(wb));
    expect(res.statusCode).toBe(400);
    const params = res.json().invalidParams as { name: string; code: string; reason: string; params?: Record<string, string> }[];
    expect(params.map((p) => [p.name, p.code])).toEqual([
      ['file.Biểu 1. Hồ sơ thủ tục hành c!C3', 'cell_not_a_number'],
      ['file.Biểu 1. Hồ sơ thủ tục hành c!D3', 'formula'],
      ['file.Biểu 1. Hồ sơ thủ tục hành c!E4', 'cell_out_of_range'],
      ['file.Biểu 1. Hồ sơ thủ tục hành c!A5', 'unknown_row'],
      ['file.Biểu 1. Hồ sơ thủ tục hành c!D4', 'cell_above_limit'],
      ['file.Phụ lục. Nhiệm vụ được giao!D3', 'cell_invalid_date'],
    ]);
    expect(params[4].params).toEqual({ column: 'Giải quyết đúng hạn', other: 'Tiếp nhận', limit: 1240 });
    // Each cell's problem is a code the web translates (vi/en), naming its column as data; the
    // English reason never carries a bare code ("Số lượng: not_a_number" was shown before).
    expect(params[0].params).toEqual({ column: template.body.items.flatMap((i) => (i.type === 'table' ? i.columns : []))[0].label });
    for (const p of params) expect(p.reason).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    const now = (await unitB.get(`/api/report-submissions/${theirs.id}`)).json() as Submission;
    expect(now.version).toBe(theirs.version);
    expect(now.content).toEqual(theirs.content);
  });

  it('refuses the form of another template or version, a workbook not from the app, a file not a workbook, and oversized or inflating files', async () => {
    const other = await publishedTemplate(c.secretariat, a.homeAffairs.id);
    const otherForm = (await c.secretariat.get(`/api/report-templates/${other.id}/form.xlsx`)).rawPayload;
    const code = async (data: Buffer) => {
      const res = await formUpload(unitB, theirs.id, theirs.version, data);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().invalidParams[0].code as string;
    };
    expect(await code(otherForm)).toBe('wrong_template');
    // The next version of this very template.
    const copy = await c.secretariat.post(`/api/report-templates/${template.id}/copies`, {});
    expect(copy.statusCode, copy.body).toBe(201);
    const next = await c.secretariat.post(`/api/report-templates/${copy.json().id}/publish`, { version: copy.json().version });
    expect(next.statusCode, next.body).toBe(200);
    expect(await code((await c.secretariat.get(`/api/report-templates/${next.json().id}/form.xlsx`)).rawPayload)).toBe('wrong_template_version');
    // Any workbook, not the app's form.
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').getCell('A1').value = 1;
    expect(await code(await bytesOf(plain))).toBe('wrong_template');
    expect(await code(samplePdf('không phải bảng tính'))).toBe('unreadable_workbook');
    // A broken workbook: the form cut in half.
    expect(await code(otherForm.subarray(0, Math.floor(otherForm.length / 2)))).toBe('unreadable_workbook');
    // A zip that would inflate far past the cap (a few kilobytes holding 60 MB of zeros).
    const bomb = new JSZip();
    bomb.file('xl/worksheets/sheet1.xml', Buffer.alloc(60 * 1024 * 1024));
    const bombBytes = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bombBytes.length).toBeLessThan(MAX_FORM_BYTES);
    expect(await code(bombBytes)).toBe('too_large');
    expect(await code(Buffer.concat([otherForm, Buffer.alloc(MAX_FORM_BYTES)]))).toBe('file_too_large');
    expect((await unitB.get(`/api/report-submissions/${theirs.id}`)).json().version).toBe(theirs.version);
  });

  it('is the unit’s draft only: another unit 404, the office 403, a stale version 409 before the file is read', async () => {
    const form = (await unitB.get(`/api/report-submissions/${theirs.id}/form.xlsx`)).rawPayload;
    expect((await formUpload(c.unitOfficerA, theirs.id, theirs.version, form)).statusCode).toBe(404);
    expect((await formUpload(c.secretariat, theirs.id, theirs.version, form)).statusCode).toBe(403);
    const stale = await formUpload(unitB, theirs.id, theirs.version - 1, form);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await unitB.request({ method: 'POST', url: `/api/report-submissions/${theirs.id}/form?version=abc` })).statusCode).toBe(400);
  });
});

describe('a report made outside (the signed scan or a .docx) as the report’s main file', () => {
  const put = (client: Client, id: string, purpose: string, data: Buffer, filename: string) =>
    client.request({ method: 'POST', url: `/api/files?ownerType=report_submission&ownerId=${id}&purpose=${purpose}`, ...multipart([{ name: 'file', filename, contentType: 'application/octet-stream', data }]) });

  it('refuses an oversized or disguised file, takes the signed PDF, and then the report is sent without its sections answered', async () => {
    const [row] = (await unitB.get('/api/report-submissions?mine=true')).json().items;
    const s = (await unitB.get(`/api/report-submissions/${row.id}`)).json() as Submission;
    // Past the 1 MB cap of this server.
    const big = await put(unitB, s.id, 'report_file', Buffer.concat([samplePdf('Báo cáo'), Buffer.alloc(1024 * 1024 + 10, 0x20)]), 'bao-cao-da-ky.pdf');
    expect(big.statusCode).toBe(400);
    expect(big.json().invalidParams[0].code).toBe('file_too_large');
    // A picture is not a report; a program named .docx neither.
    expect((await put(unitB, s.id, 'report_file', samplePng(), 'bao-cao.pdf')).json().invalidParams[0].code).toBe('file_type_not_allowed');
    expect((await put(unitB, s.id, 'report_file', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]), 'bao-cao.docx')).json().invalidParams[0].code).toBe('file_type_not_allowed');
    // Not answered in the browser: refused until the report made outside is attached.
    const early = await unitB.post(`/api/report-submissions/${s.id}/submit`, { version: s.version });
    expect(early.json().invalidParams[0]).toMatchObject({ name: 'body.content.answers.results', code: 'unanswered' });
    expect((await put(unitB, s.id, 'report_file', samplePdf('Báo cáo đã ký'), 'Báo cáo đã ký.pdf')).statusCode).toBe(201);
    expect((await put(unitB, s.id, 'attachment_1', samplePdf('Kế hoạch'), 'ke-hoach.pdf')).statusCode).toBe(201);
    const sent = await unitB.post(`/api/report-submissions/${s.id}/submit`, { version: s.version });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'submitted', displayStatus: 'submitted_on_time' });
    // Only one main file.
    expect((await c.secretariat.get(`/api/files?ownerType=report_submission&ownerId=${s.id}&purpose=report_file`)).json().items).toHaveLength(1);
  });
});
