import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../shared/api/teams.schemas.js';
import { createTestApp, type Client, type TestApp } from '../test/harness.js';
import { makeAuthority, signInAuthority } from '../test/factories.js';
import { createDraft, issueNewPlan } from '../modules/plans/plans.test-support.js';

/**
 * Issue 7, defect 2: an issued document is a legal record. Renaming the issuing agency or its
 * place name after issue must not change what is downloaded; only drafts render live.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function download(client: Client, url: string): Promise<Buffer> {
  const res = await client.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.rawPayload;
}

async function documentXml(bytes: Buffer): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

async function renameAgency(admin: Client, id: string, name: string, placeName: string) {
  const current = (await admin.get(`/api/agencies/${id}`)).json();
  const res = await admin.patch(`/api/agencies/${id}`, { version: current.version, name, placeName });
  expect(res.statusCode, res.body).toBe(200);
}

describe('issued documents are frozen at issue', () => {
  it('serves the issued plan byte for byte after the agency and its place are renamed; a draft renders live', async () => {
    const a = await makeAuthority(t.database.db);
    const c = await signInAuthority(t.app, a);
    const issued = await issueNewPlan(c.secretariat, c.leader, a, '2021-05-05');
    const draft = await createDraft(c.secretariat, a);
    const url = `/api/documents/plan/${issued.id}.docx`;
    const before = await download(c.leader, url);
    expect(await documentXml(before)).toContain(`THỬ ${a.tag}`.toLocaleUpperCase('vi'));

    await renameAgency(c.admin, a.townCommittee.id, `UBND thị xã đổi tên ${a.tag}`, 'Nơi Mới');

    const after = await download(c.leader, url);
    expect(after.equals(before)).toBe(true);
    expect(await documentXml(after)).not.toContain('Nơi Mới');

    // The frozen record cannot be rewritten, even in SQL.
    await expect(t.database.db.execute(sql`update issued_document set kind = 'x' where subject_id = ${issued.id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from issued_document where subject_id = ${issued.id}`)).rejects.toThrow();

    const draftXml = await documentXml(await download(c.secretariat, `/api/documents/plan/${draft.id}.docx`));
    expect(draftXml).toContain(`ĐỔI TÊN ${a.tag}`.toLocaleUpperCase('vi'));
    expect(draftXml).toContain('Nơi Mới, ngày');
  });

  it('serves the founding decision byte for byte after the agency is renamed', async () => {
    const a = await makeAuthority(t.database.db);
    const c = await signInAuthority(t.app, a);
    const plan = await issueNewPlan(c.secretariat, c.leader, a, '2021-05-05');
    const team: Team = (await c.secretariat.post(`/api/plans/${plan.id}/teams`, { name: 'Đoàn kiểm tra thử' })).json();
    const members = [{ honorific: 'Ông', fullName: 'Nguyễn Văn Hùng', position: 'Phó Chủ tịch UBND thị xã', agencyId: a.townCommittee.id, role: 'truong_doan' }];
    const withMembers: Team = (await c.secretariat.put(`/api/teams/${team.id}/members`, { version: team.version, members })).json();
    const founded = await c.leader.post(`/api/teams/${team.id}/found`, { version: withMembers.version, issuedOn: '2021-05-10', signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } });
    expect(founded.statusCode, founded.body).toBe(200);

    const url = `/api/documents/team-decision/${team.id}.docx`;
    const before = await download(c.leader, url);
    await renameAgency(c.admin, a.townCommittee.id, `UBND thị xã khác ${a.tag}`, 'Chỗ Khác');
    const after = await download(c.leader, url);
    expect(after.equals(before)).toBe(true);
    expect(await documentXml(after)).not.toContain('Chỗ Khác');
  });
});
