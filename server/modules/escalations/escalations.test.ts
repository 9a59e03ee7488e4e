import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Escalation } from '../../../shared/api/escalations.schemas.js';
import type { z } from 'zod';
import type { findingListResponse } from '../../../shared/api/findings.schemas.js';
import { ManualClock } from '../../clock.js';
import { finding } from '../../db/schema/index.js';
import { openDocx, plainText } from '../../documents/test-support.js';
import { samplePng } from '../../files/sample-files.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { multipart } from '../../test/multipart.js';
import { makeSeason, schedule, type Season } from '../inspections/inspections.test-support.js';

type FindingList = z.infer<typeof findingListResponse>;

/** Escalation to the public-service inspection (issue 10 §7): draft, evidence, issue, answer, result. */
let t: TestApp;
let s: Season;
const clock = new ManualClock('2021-09-21T02:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
  s = await makeSeason(t);
});
afterAll(async () => {
  await t?.close();
});

describe('escalations', () => {
  let e: Escalation;

  it('is drafted by the standing office after a visit and seen by the office and leaders only', async () => {
    const visit = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team1.id, kind: 'unannounced', startsOn: '2021-09-21', places: [s.a.wardBDesk.id] });
    expect((await s.secretariat.post('/api/escalations', { inspectionId: visit.id, form: 'to_trinh' })).json().code).toBe('INVALID_STATE');
    expect((await s.inspector.post(`/api/inspections/${visit.id}/start`, { version: visit.version })).statusCode).toBe(200);
    expect((await s.leader.post('/api/escalations', { inspectionId: visit.id, form: 'to_trinh' })).statusCode).toBe(403);
    // A finding of the visit, as the team records it on the checklist (findings.test.ts covers how).
    const [{ id: findingId }] = await t.database.db
      .insert(finding)
      .values({ inspectionId: visit.id, kind: 'violation', contentGroup: 'desk', severity: 'serious', title: 'Vắng mặt trong giờ làm việc', text: 'Công chức Bộ phận Một cửa vắng mặt không lý do.' })
      .returning({ id: finding.id });
    // Findings of another inspection are refused, field by field.
    const elsewhere = await s.secretariat.post('/api/escalations', { inspectionId: visit.id, form: 'cong_van', findingIds: [findingId, s.plan.id] });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().invalidParams[0]).toMatchObject({ name: 'body.findingIds.1', code: 'not_in_inspection' });
    const res = await s.secretariat.post('/api/escalations', {
      inspectionId: visit.id,
      form: 'cong_van',
      findingIds: [findingId],
      content: { body: ['Công chức Bộ phận Một cửa vắng mặt trong giờ làm việc, không đeo thẻ công chức (biên bản ngày 21/9/2021).', 'Đề nghị Đoàn kiểm tra công vụ làm rõ trách nhiệm.'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    e = res.json();
    expect(e).toMatchObject({ status: 'draft', form: 'cong_van', allowedMoves: ['edit', 'issue'], abilities: { update: true, issue: false } });
    expect(e.findings).toEqual([{ id: findingId, kind: 'violation', title: 'Vắng mặt trong giờ làm việc' }]);
    for (const c of [s.unitOfficerB, s.inspector]) expect((await c.get(`/api/escalations/${e.id}`)).statusCode).toBe(404);
    const { payload, headers } = multipart([{ name: 'file', filename: 'vang-mat.png', contentType: 'image/png', data: samplePng(6, 4) }]);
    const up = await s.secretariat.request({ method: 'POST', url: `/api/files?ownerType=escalation&ownerId=${e.id}&purpose=evidence`, payload, headers });
    expect(up.statusCode, up.body).toBe(201);
  });

  it('is issued as a numbered công văn listing its evidence, then frozen', async () => {
    expect((await s.secretariat.post(`/api/escalations/${e.id}/issue`, { version: e.version, issuedOn: '2021-09-21', signature: { onBehalfOf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', signerName: 'Nguyễn Văn Hùng' } })).statusCode).toBe(403);
    const res = await s.leader.post(`/api/escalations/${e.id}/issue`, { version: e.version, issuedOn: '2021-09-21', signature: { onBehalfOf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', signerName: 'Nguyễn Văn Hùng' } });
    expect(res.statusCode, res.body).toBe(200);
    e = res.json();
    expect(e.status).toBe('proposed');
    expect(e.documentNumber).toMatch(/^\d{2}\/UBND/);
    const edit = await s.secretariat.patch(`/api/escalations/${e.id}`, { version: e.version, content: { summary: 'Khác' } });
    expect(edit.json()).toMatchObject({ code: 'INVALID_TRANSITION', allowedMoves: ['accept', 'decline'] });
    const doc = await s.secretariat.get(`/api/documents/escalation/${e.id}.docx`);
    expect(doc.statusCode).toBe(200);
    const text = plainText((await openDocx(doc.rawPayload)).document);
    expect(text).toContain(`Số: ${e.documentNumber}`);
    expect(text).toContain('V/v Đề nghị kiểm tra công vụ tại');
    expect(text).toContain('Kính gửi:');
    expect(text).toContain('vang-mat.png.');
    expect(text).not.toContain('DỰ THẢO');
  });

  it('shows on the findings it names, to those who may see it only', async () => {
    const [named] = e.findings;
    const escalationsOf = async (c: typeof s.secretariat) => {
      const res = await c.get(`/api/inspections/${e.inspectionId}/findings`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as FindingList).items.find((f) => f.id === named.id)!.escalations;
    };
    for (const c of [s.secretariat, s.leader]) expect(await escalationsOf(c)).toEqual([{ id: e.id, status: 'proposed', documentNumber: e.documentNumber }]);
    // The team and the inspected unit see the finding, never the proposal about the unit's discipline.
    for (const c of [s.inspector, s.unitOfficerB]) expect(await escalationsOf(c)).toEqual([]);
    expect((await s.secretariat.get(`/api/findings/${named.id}`)).json().escalations).toHaveLength(1);
  });

  it('records the answer and the result; a result before acceptance is refused', async () => {
    expect((await s.secretariat.post(`/api/escalations/${e.id}/result`, { version: e.version, resultOn: '2021-10-01', result: 'x' })).json().code).toBe('INVALID_TRANSITION');
    expect((await s.secretariat.post(`/api/escalations/${e.id}/decision`, { version: e.version, decision: 'accept', decidedOn: '2021-09-20' })).json().invalidParams[0]).toMatchObject({ name: 'body.decidedOn' });
    let res = await s.secretariat.post(`/api/escalations/${e.id}/decision`, { version: e.version, decision: 'accept', decidedOn: '2021-09-24', note: 'Đoàn kiểm tra công vụ làm việc ngày 05/10/2021.' });
    expect(res.statusCode, res.body).toBe(200);
    e = res.json();
    res = await s.leader.post(`/api/escalations/${e.id}/result`, { version: e.version, resultOn: '2021-10-08', result: 'Kiểm điểm, rút kinh nghiệm 02 công chức; chấn chỉnh giờ giấc làm việc.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'concluded', resultOn: '2021-10-08', allowedMoves: [] });
    // The result stands for the findings the proposal was made from.
    expect(res.json().findings.map((f: { kind: string }) => f.kind)).toEqual(['violation']);
  });
});
