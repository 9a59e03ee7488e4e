import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Conversion } from '../../shared/api/documents.schemas.js';
import { queryRows } from '../db/client.js';
import { seedPlanContent } from '../db/seed/demo-plans.js';
import { samplePdf } from '../files/sample-files.js';
import { createDraft, issueNewPlan } from '../modules/plans/plans.test-support.js';
import { countRows, makeAuthority, signInAuthority } from '../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../test/harness.js';
import { itOnPostgres } from '../test/postgres-only.js';

// LibreOffice is an external boundary: here it converts instantly and counts its calls.
const conversions = vi.hoisted(() => ({ calls: 0 }));
vi.mock('./pdf.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('./pdf.js')>();
  return {
    ...real,
    isPdfAvailable: () => true,
    convertDocxToPdf: async (docx: Uint8Array) => {
      conversions.calls++;
      return samplePdf(`converted ${docx.byteLength}`);
    },
  };
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PAR_PDF_PENDING_PER_USER: '2' } });
});
afterAll(() => t.close());

const ask = async (client: Client, kind: string, id: string) => client.post(`/api/documents/${kind}/${id}/conversions`);
const drain = () => t.drain({ queues: ['documents.convert-pdf'] });

describe('PDF conversion through the job queue', () => {
  it('queues the request, converts once, serves the cached PDF, and shows progress to whoever may see the document', async () => {
    const a = await makeAuthority(t.database.db);
    const c = await signInAuthority(t.app, a);
    const plan = await createDraft(c.secretariat, a);

    const first = await ask(c.secretariat, 'plan', plan.id);
    expect(first.statusCode, first.body).toBe(202);
    const queued: Conversion = first.json();
    expect(queued).toMatchObject({ status: 'queued', url: null, kind: 'plan', subjectId: plan.id });
    expect(queued.position).toBeGreaterThanOrEqual(0);
    // Asked again before it ran: the same conversion, not a second LibreOffice.
    expect((await ask(c.leader, 'plan', plan.id)).json().id).toBe(queued.id);
    // Not ready yet: the download answers 202 with the conversion to follow.
    const early = await c.secretariat.get(`/api/documents/plan/${plan.id}.pdf`);
    expect(early.statusCode).toBe(202);
    expect(early.json().id).toBe(queued.id);

    const before = conversions.calls;
    expect((await drain()).map((d) => d.outcome)).toEqual(['completed']);
    expect(conversions.calls).toBe(before + 1);
    expect((await c.secretariat.get(`/api/document-conversions/${queued.id}`)).json()).toMatchObject({ status: 'done', url: `/api/documents/plan/${plan.id}.pdf` });
    // The leader asked too and was given this conversion: they follow it as well.
    expect((await c.leader.get(`/api/document-conversions/${queued.id}`)).json()).toMatchObject({ id: queued.id, status: 'done' });

    const pdf = await c.leader.get(`/api/documents/plan/${plan.id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await ask(c.leader, 'plan', plan.id);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: queued.id, status: 'done' });
    expect(conversions.calls).toBe(before + 1);

    // Editing the draft changes its content: a new conversion.
    const edited = await c.secretariat.patch(`/api/plans/${plan.id}`, { version: plan.version, content: { summary: 'Kiểm tra CCHC năm 2021 (sửa)' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await ask(c.secretariat, 'plan', plan.id)).json().id).not.toBe(queued.id);
    await drain();

    const outsider = await signInAuthority(t.app, await makeAuthority(t.database.db));
    expect((await ask(outsider.leader, 'plan', plan.id)).statusCode).toBe(404);
    expect((await outsider.leader.get(`/api/documents/plan/${plan.id}.pdf`)).statusCode).toBe(404);
    expect((await outsider.leader.get(`/api/document-conversions/${queued.id}`)).statusCode).toBe(404);
  });

  it('answers a PDF download nobody asked for with 409 PDF_NOT_REQUESTED and queues nothing (a GET has no side effect)', async () => {
    const a = await makeAuthority(t.database.db);
    const c = await signInAuthority(t.app, a);
    const plan = await createDraft(c.secretariat, a, { content: { ...seedPlanContent().content, summary: `Chưa yêu cầu ${a.tag}` } });
    const res = await c.secretariat.get(`/api/documents/plan/${plan.id}.pdf`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('PDF_NOT_REQUESTED');
    expect(await countRows(t.database.db, 'document_conversion', sql`subject_id = ${plan.id}::uuid`)).toBe(0);
  });

  it('gives two drafts with the same content a conversion each, naming its own subject', async () => {
    const a = await makeAuthority(t.database.db);
    const c = await signInAuthority(t.app, a);
    const content = { ...seedPlanContent().content, summary: `Giống hệt ${a.tag}` };
    const planA = await createDraft(c.secretariat, a, { content });
    const planB = await createDraft(c.secretariat, a, { content });
    const forA: Conversion = (await ask(c.secretariat, 'plan', planA.id)).json();
    const forB: Conversion = (await ask(c.leader, 'plan', planB.id)).json();
    expect(forA).toMatchObject({ kind: 'plan', subjectId: planA.id });
    expect(forB).toMatchObject({ kind: 'plan', subjectId: planB.id });
    expect(forB.id).not.toBe(forA.id);
    await drain();
    expect((await c.secretariat.get(`/api/document-conversions/${forA.id}`)).json()).toMatchObject({ status: 'done', url: `/api/documents/plan/${planA.id}.pdf` });
    expect((await c.leader.get(`/api/document-conversions/${forB.id}`)).json()).toMatchObject({ status: 'done', url: `/api/documents/plan/${planB.id}.pdf` });
  });

  itOnPostgres('gives two people who ask at the same moment one conversion (a unique live key, not a read-then-insert)', async () => {
    const a = await makeAuthority(t.database.db);
    const c = await signInAuthority(t.app, a);
    const plan = await createDraft(c.secretariat, a, { content: { ...seedPlanContent().content, summary: `Cùng lúc ${a.tag}` } });
    const [one, two, three] = await Promise.all([ask(c.secretariat, 'plan', plan.id), ask(c.leader, 'plan', plan.id), ask(c.admin, 'plan', plan.id)]);
    for (const r of [one, two, three]) expect(r.statusCode, r.body).toBe(202);
    expect(new Set([one, two, three].map((r) => r.json().id)).size).toBe(1);
    expect(await countRows(t.database.db, 'document_conversion', sql`subject_id = ${plan.id}::uuid and status <> 'failed'`)).toBe(1);
    // The database itself refuses a second live conversion of the same content.
    const [row] = await queryRows<{ cache_key: string; source_sha256: string; kind: string }>(t.database.db, sql`select cache_key, source_sha256, kind from document_conversion where subject_id = ${plan.id}::uuid`);
    await expect(t.database.db.execute(sql`insert into document_conversion (cache_key, kind, subject_id, source_sha256) values (${row.cache_key}, ${row.kind}, ${plan.id}::uuid, ${row.source_sha256})`)).rejects.toThrow();
    await drain();
  });

  it('caches an issued document by its frozen bytes: renaming the agency converts nothing again', async () => {
    const a = await makeAuthority(t.database.db);
    const c = await signInAuthority(t.app, a);
    const issued = await issueNewPlan(c.secretariat, c.leader, a, '2021-05-05');
    const asked: Conversion = (await ask(c.leader, 'plan', issued.id)).json();
    await drain();
    const agency = (await c.admin.get(`/api/agencies/${a.townCommittee.id}`)).json();
    expect((await c.admin.patch(`/api/agencies/${a.townCommittee.id}`, { version: agency.version, name: `UBND đổi tên ${a.tag}` })).statusCode).toBe(200);
    const before = conversions.calls;
    const again = await ask(c.leader, 'plan', issued.id);
    expect(again.json()).toMatchObject({ id: asked.id, status: 'done' });
    expect((await c.secretariat.get(`/api/documents/plan/${issued.id}.pdf`)).statusCode).toBe(200);
    expect(conversions.calls).toBe(before);
  });

  it('limits the conversions one person may have waiting (429 PDF_LIMIT_REACHED) and writes nothing then', async () => {
    const a = await makeAuthority(t.database.db);
    const c = await signInAuthority(t.app, a);
    const drafts = [];
    for (let i = 0; i < 3; i++) drafts.push(await createDraft(c.secretariat, a, { content: { ...seedPlanContent().content, summary: `Kế hoạch ${i} ${a.tag}` } }));
    expect((await ask(c.secretariat, 'plan', drafts[0].id)).statusCode).toBe(202);
    expect((await ask(c.secretariat, 'plan', drafts[1].id)).statusCode).toBe(202);
    const pending = await countRows(t.database.db, 'document_conversion', sql`requested_by = ${c.secretariat.userId}::uuid`);
    const refused = await ask(c.secretariat, 'plan', drafts[2].id);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().code).toBe('PDF_LIMIT_REACHED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await countRows(t.database.db, 'document_conversion', sql`requested_by = ${c.secretariat.userId}::uuid`)).toBe(pending);
    // Somebody else is not held back by it; and once the queue moves, the first person asks again.
    expect((await ask(c.leader, 'plan', drafts[2].id)).statusCode).toBe(202);
    await drain();
    expect((await ask(c.secretariat, 'plan', drafts[2].id)).statusCode).toBe(200);
  });

  it('caps the installation’s queue (503 PDF_QUEUE_FULL) and writes nothing then', async () => {
    // A database of its own: the cap counts every conversion waiting in the installation.
    const own = await createTestApp({ env: { PAR_PDF_QUEUE_MAX: '1' }, privateDatabase: true });
    try {
      const a = await makeAuthority(own.database.db);
      const c = await signInAuthority(own.app, a);
      const first = await createDraft(c.secretariat, a);
      const second = await createDraft(c.secretariat, a, { content: { ...seedPlanContent().content, summary: `Kế hoạch khác ${a.tag}` } });
      expect((await ask(c.secretariat, 'plan', first.id)).statusCode).toBe(202);
      const refused = await ask(c.leader, 'plan', second.id);
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().code).toBe('PDF_QUEUE_FULL');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(await countRows(own.database.db, 'document_conversion')).toBe(1);
      await own.drain({ queues: ['documents.convert-pdf'] });
      expect((await ask(c.leader, 'plan', second.id)).statusCode).toBe(202);
    } finally {
      await own.close();
    }
  });
});
