import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';
import { makeAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { createDraft } from '../plans/plans.test-support.js';

// LibreOffice is an external boundary: here it is "not installed".
vi.mock('../../documents/pdf.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../documents/pdf.js')>();
  return {
    ...real,
    isPdfAvailable: () => false,
    convertDocxToPdf: async () => {
      throw new real.PdfConversionError('LIBREOFFICE_UNAVAILABLE', 'LibreOffice (soffice) is not installed');
    },
  };
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('PDF without LibreOffice', () => {
  it('says so in the availability endpoint and answers 503 PDF_UNAVAILABLE', async () => {
    const a = await makeAuthority(t.database.db);
    const sec = await signIn(t.app, a.users.secretariat.username, TEST_PASSWORD);
    expect((await sec.get('/api/documents/pdf-availability')).json()).toEqual({ available: false });
    const plan = await createDraft(sec, a);
    const res = await sec.get(`/api/documents/plan/${plan.id}.pdf`);
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('PDF_UNAVAILABLE');
    expect((await sec.get(`/api/documents/plan/${plan.id}.docx`)).statusCode).toBe(200);
  });
});
