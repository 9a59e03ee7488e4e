import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedDocument } from '../db/schema/index.js';
import { seedPlan2021 } from '../db/seed/plan-2021.js';
import { storeBytesInDatabase } from '../files/file-storage.js';
import { samplePng } from '../files/sample-files.js';
import { registerDocument } from '../modules/document-register/document-register.js';
import { makeAuthority, signInAuthority } from '../test/factories.js';
import { createTestApp, type TestApp } from '../test/harness.js';
import { defineDocumentKind } from './document-kinds.js';
import { freezeIssuedDocument } from './issued-documents.js';
import type { PlanDocumentModel } from './model.js';

/**
 * A module adds a document kind with defineDocumentKind and freezes it from its issue use case;
 * the one download route then serves it. Here a report with a chart picture, as issue 11 will.
 */
const SYSTEM = { actor: null, ip: null, requestId: null } as const;
const reports = new Map<string, { model: PlanDocumentModel; registerEntryId: string | null; readers: Set<string> }>();

const reportKind = defineDocumentKind({
  code: 'test-report',
  typeCode: 'bao_cao',
  template: 'Mẫu 1.4',
  subjectType: 'test_report',
  async findForActor(_db, actor, id) {
    const r = reports.get(id);
    return r && r.readers.has(actor.userId) ? { registerEntryId: r.registerEntryId, fileName: `bao-cao-${id.slice(0, 8)}` } : null;
  },
  async viewModel(_db, id) {
    const r = reports.get(id)!;
    return { ...r.model, draft: r.registerEntryId === null };
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('a new document kind through the pipeline', () => {
  it('renders the draft live with its chart, freezes it at issue, and hides it from others', async () => {
    const a = await makeAuthority(t.database.db);
    const c = await signInAuthority(t.app, a);
    const chart = samplePng(60, 30, [20, 90, 200]);
    const sha = (await t.database.db.transaction((tx) => storeBytesInDatabase(tx, chart, 'image/png'))).sha256;
    const id = crypto.randomUUID();
    const model: PlanDocumentModel = {
      ...seedPlan2021,
      typeName: 'BÁO CÁO',
      summary: 'Kết quả kiểm tra công tác cải cách hành chính năm 2021',
      body: [{ kind: 'image', sha256: sha, widthMm: 120, alt: 'Điểm các đơn vị', caption: 'Biểu đồ 1. Điểm các đơn vị' }],
    };
    reports.set(id, { model, registerEntryId: null, readers: new Set([c.leader.userId]) });

    const draft = await c.leader.get(`/api/documents/test-report/${id}.docx`);
    expect(draft.statusCode, draft.body.slice(0, 200)).toBe(200);
    const zip = await JSZip.loadAsync(draft.rawPayload);
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/'))).toBe(true);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('DỰ THẢO');
    expect((await c.inspector.get(`/api/documents/test-report/${id}.docx`)).statusCode).toBe(404);
    expect((await c.leader.get(`/api/documents/no-such-kind/${id}.docx`)).statusCode).toBe(404);
    expect((await c.leader.get(`/api/documents/test-report/${id}.exe`)).statusCode).toBe(400);

    const frozen = await t.database.db.transaction(async (tx) => {
      const entry = await registerDocument(tx, SYSTEM, {
        agencyId: a.townCommittee.id,
        typeCode: 'bao_cao',
        summary: model.summary,
        issuedOn: '2021-12-20',
        signerName: 'Phạm Trương',
        signerPosition: 'CHỦ TỊCH',
        subjectId: id,
      });
      reports.get(id)!.registerEntryId = entry.id;
      return freezeIssuedDocument(tx, SYSTEM, reportKind, { subjectId: id, registerEntryId: entry.id });
    });
    expect(frozen).toMatchObject({ kind: 'test-report', subjectType: 'test_report', subjectId: id });
    const issued = await c.leader.get(`/api/documents/test-report/${id}.docx`);
    const [row] = await t.database.db.select().from(issuedDocument).where(eq(issuedDocument.subjectId, id));
    expect(row.docxSha256).toBe(frozen.docxSha256);
    const issuedXml = await (await JSZip.loadAsync(issued.rawPayload)).file('word/document.xml')!.async('string');
    expect(issuedXml).not.toContain('DỰ THẢO');
    expect(issuedXml).toContain('BÁO CÁO');

    // Later edits of the source do not reach the issued document.
    reports.get(id)!.model = { ...model, summary: 'Đã sửa sau khi ban hành' };
    expect((await c.leader.get(`/api/documents/test-report/${id}.docx`)).rawPayload.equals(issued.rawPayload)).toBe(true);
  });
});
