import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportTemplate, Submission } from '../../../shared/api/reports.schemas.js';
import { ManualClock } from '../../clock.js';
import { openDocx, paragraphWith, plainText } from '../../documents/test-support.js';
import { samplePdf } from '../../files/sample-files.js';
import { multipart } from '../../test/multipart.js';
import { makeAuthority, makeUser, signInAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { issuedRequest, publishedTemplate } from './test-support.js';

/**
 * A unit's report as files (issue 9 §3): the Decree 30 report (.docx, Mẫu 1.4, BC) of one
 * submission, read back.
 */
let t: TestApp;
const clock = new ManualClock('2021-06-10T02:00:00Z');
let a: Awaited<ReturnType<typeof makeAuthority>>;
let c: Awaited<ReturnType<typeof signInAuthority>>;
let unitB: Client;
let template: ReportTemplate;
let mine: Submission;
beforeAll(async () => {
  t = await createTestApp({ clock });
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
