import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPdfAvailable } from '../../documents/pdf.js';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';
import { makeAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { createDraft } from '../plans/plans.test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe.skipIf(!isPdfAvailable())('PDF with LibreOffice', () => {
  it('converts the plan to PDF through the queue, inline for the preview', async () => {
    const a = await makeAuthority(t.database.db);
    const sec = await signIn(t.app, a.users.secretariat.username, TEST_PASSWORD);
    expect((await sec.get('/api/documents/pdf-availability')).json()).toEqual({ available: true });
    const plan = await createDraft(sec, a);
    const asked = await sec.post(`/api/documents/plan/${plan.id}/conversions`);
    expect(asked.statusCode, asked.body).toBe(202);
    const drained = await t.drain({ queues: ['documents.convert-pdf'] });
    expect(drained.map((d) => d.outcome), JSON.stringify(drained)).toEqual(['completed']);
    expect((await sec.get(`/api/document-conversions/${asked.json().id}`)).json()).toMatchObject({ status: 'done', url: `/api/documents/plan/${plan.id}.pdf` });
    const res = await sec.get(`/api/documents/plan/${plan.id}.pdf?inline=true`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="ke-hoach-du-thao-2021\.pdf"/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 400_000);
});
