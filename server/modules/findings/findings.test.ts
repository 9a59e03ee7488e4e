import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionChecklists, TemplateDetail } from '../../../shared/api/checklists.schemas.js';
import type { Finding, FindingListItem } from '../../../shared/api/findings.schemas.js';
import { readListWorkbook } from '../../documents/list-workbook.test-support.js';
import { makeAuthority } from '../../test/factories.js';
import { findingKindLabels, findingSeverityLabels } from './findings-workbook.js';
import type { Inspection } from '../../../shared/api/inspections.schemas.js';
import { ManualClock } from '../../clock.js';
import { samplePng } from '../../files/sample-files.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { multipart } from '../../test/multipart.js';
import { makeSeason, schedule, type Season } from '../inspections/inspections.test-support.js';
import { publishedOneStopTemplate } from '../checklists/checklists.test-support.js';

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

async function startedVisit(startsOn: string): Promise<{ visit: Inspection; lists: InspectionChecklists }> {
  const visit = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team1.id, kind: 'unannounced', startsOn, places: [s.a.wardBDesk.id], overrideReason: 'Đột xuất' });
  clock.set(`${startsOn}T01:00:00Z`);
  expect((await s.inspector.post(`/api/inspections/${visit.id}/start`, { version: visit.version })).statusCode).toBe(200);
  const lists = await s.inspector.post(`/api/inspections/${visit.id}/checklists`, { templateId: template.id });
  expect(lists.statusCode, lists.body).toBe(201);
  return { visit, lists: lists.json() };
}

describe('findings', () => {
  it('are recorded by the team from an item or free, of each kind, with their evidence; wrong combinations are refused by field', async () => {
    const { visit, lists } = await startedVisit('2021-06-16');
    const item = lists.items[0].items[0];
    const photo = await s.inspector.request({ method: 'POST', url: `/api/checklist-items/${item.id}/evidence/upload?kind=photo&clientId=${crypto.randomUUID()}&capturedAt=2021-06-16T01:30:00Z`, ...multipart([{ name: 'file', filename: 'qr.png', contentType: 'image/png', data: samplePng(5, 5, [0, 90, 0]) }]) });
    expect(photo.statusCode, photo.body).toBe(201);
    const url = `/api/inspections/${visit.id}/findings`;

    const good = await s.inspector.post(url, { checklistItemId: item.id, kind: 'good_practice', contentGroup: 'publicity', title: 'Mã QR tra cứu tình trạng hồ sơ', text: 'Mỗi giấy hẹn có mã QR để người dân tự tra cứu.', recommendation: 'Nhân rộng ra các xã, phường', evidenceIds: [photo.json().id] });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toMatchObject({ kind: 'good_practice', severity: null, checklistItemCode: item.code, evidenceIds: [photo.json().id], abilities: { update: true, withdraw: true } });
    const shortcoming = await s.inspector.post(url, { kind: 'shortcoming', severity: 'moderate', contentGroup: 'dossiers', title: 'Chưa gửi phiếu xin lỗi', text: '3 hồ sơ trễ hạn không có Phiếu xin lỗi.' });
    expect(shortcoming.statusCode, shortcoming.body).toBe(201);
    const violation = await s.secretariat.post(url, { kind: 'violation', severity: 'serious', contentGroup: 'conduct', title: 'Vắng mặt trong giờ làm việc', text: 'Một công chức vắng không lý do lúc 8 giờ 30.' });
    expect(violation.statusCode, violation.body).toBe(201);

    const refused: [Record<string, unknown>, string, string][] = [
      [{ kind: 'good_practice', severity: 'minor', contentGroup: 'publicity', title: 'x', text: 'y' }, 'body.severity', 'severity_not_allowed'],
      [{ kind: 'violation', contentGroup: 'conduct', title: 'x', text: 'y' }, 'body.severity', 'severity_required'],
      [{ kind: 'shortcoming', severity: 'minor', contentGroup: 'khong-co', title: 'x', text: 'y' }, 'body.contentGroup', 'unknown_group'],
      [{ kind: 'shortcoming', severity: 'minor', contentGroup: 'a', title: 'x', text: 'y', evidenceIds: [crypto.randomUUID()] }, 'body.evidenceIds[0]', 'not_in_inspection'],
      [{ kind: 'shortcoming', severity: 'minor', contentGroup: 'a', title: 'x', text: 'y', checklistItemId: crypto.randomUUID() }, 'body.checklistItemId', 'not_in_inspection'],
      // A field the endpoint does not know is refused, never stripped (strict-request-bodies.md).
      [{ kind: 'shortcoming', severity: 'minor', contentGroup: 'dossiers', title: 'x', text: 'y', recomendation: 'typo' }, 'body.recomendation', 'unknown'],
    ];
    for (const [body, name, code] of refused) {
      const res = await s.inspector.post(url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().invalidParams[0]).toMatchObject({ name, code });
    }
    // The unit reads them, never writes them.
    const seen = await s.unitOfficerB.get(url);
    expect(seen.json().items.map((f: Finding) => f.kind)).toEqual(['good_practice', 'shortcoming', 'violation']);
    expect(seen.json().items[0].abilities).toEqual({ update: false, withdraw: false });
    expect((await s.unitOfficerB.patch(`/api/findings/${good.json().id}`, { version: 1, kind: 'good_practice', contentGroup: 'publicity', title: 'x', text: 'y' })).statusCode).toBe(403);

    const edited = await s.inspector.patch(`/api/findings/${shortcoming.json().id}`, { version: 1, kind: 'shortcoming', severity: 'minor', contentGroup: 'dossiers', title: 'Chưa gửi phiếu xin lỗi', text: '2 hồ sơ.' });
    expect(edited.json()).toMatchObject({ severity: 'minor', version: 2 });
    expect((await s.inspector.patch(`/api/findings/${shortcoming.json().id}`, { version: 1, kind: 'shortcoming', severity: 'minor', contentGroup: 'dossiers', title: 'x', text: 'y' })).json().code).toBe('VERSION_CONFLICT');
    const typo = await s.inspector.patch(`/api/findings/${shortcoming.json().id}`, { version: 2, kind: 'shortcoming', severity: 'minor', contentGroup: 'dossiers', title: 'x', text: 'y', withdrawn: true });
    expect(typo.statusCode, typo.body).toBe(400);
    expect(typo.json().invalidParams[0]).toMatchObject({ name: 'body.withdrawn', code: 'unknown' });
    const withdrawn = await s.inspector.post(`/api/findings/${violation.json().id}/withdraw`, { version: 1 });
    expect(withdrawn.json()).toMatchObject({ withdrawnAt: expect.any(String), abilities: { update: false } });
    expect((await s.inspector.post(`/api/findings/${violation.json().id}/withdraw`, { version: 2 })).json().code).toBe('INVALID_STATE');
  });

  it('gather good practices in a library across units and years, searched without diacritics, with their photos', async () => {
    const { visit } = await startedVisit('2021-06-18');
    const res = await s.inspector.post(`/api/inspections/${visit.id}/findings`, { kind: 'good_practice', contentGroup: 'feedback', title: 'Zalo OA tiếp nhận phản ánh', text: 'Phường trả lời phản ánh qua Zalo trong ngày.' });
    expect(res.statusCode, res.body).toBe(201);
    const library = await s.secretariat.get('/api/good-practices?q=zalo%20oa%20tiep&year=2021');
    expect(library.json()).toMatchObject({ total: 1, items: [{ title: 'Zalo OA tiếp nhận phản ánh', year: 2021, agencyId: s.a.wardBCommittee.id, unitId: s.a.wardB.id }] });
    // The findings list names the content group by its Vietnamese title on the visit's checklists, not its code.
    const listed = (await s.secretariat.get(`/api/findings?visitYear=2021&unitId=${s.a.wardB.id}&contentGroup=feedback`)).json() as { items: { contentGroup: string; contentGroupTitle: string }[] };
    expect(listed.items.length).toBeGreaterThanOrEqual(1);
    const checklists = (await s.secretariat.get(`/api/inspections/${visit.id}/checklists`)).json() as InspectionChecklists;
    const title = checklists.items.flatMap((c) => c.groups).find((g) => g.code === 'feedback')!.title;
    expect(title).not.toBe('feedback');
    for (const f of listed.items) expect(f).toMatchObject({ contentGroup: 'feedback', contentGroupTitle: title });
    const all = await s.leader.get(`/api/good-practices?unitId=${s.a.wardB.id}`);
    expect(all.json().items.length).toBeGreaterThanOrEqual(1);
    expect((await s.secretariat.get('/api/good-practices?year=2020')).json().total).toBe(0);
    // Another ward's officer sees none of ward B's.
    expect((await s.unitOfficerA.get('/api/good-practices')).json().total).toBe(0);
  });

  it('export the list as .xlsx: the same rows under the same filters, a title naming the scope and the filters; a unit out of scope is not found', async () => {
    const q = `visitYear=2021&unitId=${s.a.wardB.id}`;
    const list = (await s.secretariat.get(`/api/findings?${q}&pageSize=200`)).json() as { items: FindingListItem[]; total: number };
    expect(list.total).toBeGreaterThanOrEqual(1);
    const res = await s.secretariat.get(`/api/findings/export.xlsx?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = await readListWorkbook(res.rawPayload);
    expect(book.title).toBe(`Các phát hiện qua kiểm tra — Phạm vi: ${s.a.wardB.name}; Năm kiểm tra: 2021`);
    expect(book.headers).toEqual(['TT', 'Ngày kiểm tra', 'Năm', 'Cơ quan, đơn vị được kiểm tra', 'Đơn vị hành chính', 'Loại', 'Mức độ', 'Nhóm nội dung', 'Phát hiện']);
    expect(book.rows).toEqual(
      list.items.map((f, i) => [i + 1, f.visitedOn, f.year, f.agencyName, f.unitName, findingKindLabels[f.kind], f.severity ? findingSeverityLabels[f.severity] : null, f.contentGroupTitle, f.title]),
    );
    // Real Excel dates shown dd/mm/yyyy.
    expect(book.formats.map((r) => r[1])).toEqual(list.items.map(() => 'dd/mm/yyyy'));
    const other = await makeAuthority(t.database.db);
    expect((await s.secretariat.get(`/api/findings/export.xlsx?unitId=${other.town.id}`)).statusCode).toBe(404);
  });

  it('list by a unit in reach (its subtree); a unit out of reach is not found, never an empty page', async () => {
    const ids = async (client: typeof s.secretariat, q: string) => {
      const res = await client.get(`/api/findings?visitYear=2021&pageSize=200&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: FindingListItem[] }).items.map((f) => f.id);
    };
    const all = (await s.secretariat.get('/api/findings?visitYear=2021&pageSize=200')).json().items as FindingListItem[];
    const wardB = all.filter((f) => f.unitId === s.a.wardB.id).map((f) => f.id);
    expect(wardB.length).toBeGreaterThan(0);
    expect(await ids(s.secretariat, `unitId=${s.a.wardB.id}`)).toEqual(wardB);
    expect(await ids(s.secretariat, `unitId=${s.a.town.id}`)).toEqual(all.map((f) => f.id));
    // The inspected ward's officer, on their own ward: the findings of their visits (all started).
    expect(await ids(s.unitOfficerB, `unitId=${s.a.wardB.id}`)).toEqual(wardB);
    const other = await makeAuthority(t.database.db);
    for (const [client, path] of [
      [s.secretariat, `/api/findings?unitId=${other.town.id}`],
      [s.secretariat, `/api/good-practices?unitId=${other.town.id}`],
      [s.unitOfficerB, `/api/findings?unitId=${s.a.wardA.id}`],
      [s.secretariat, `/api/findings?unitId=${crypto.randomUUID()}`],
    ] as const) {
      const res = await client.get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });
});
