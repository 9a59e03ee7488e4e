import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '../../shared/api/files.schemas.js';
import { seedPlan2021 } from '../db/seed/plan-2021.js';
import { renderDocx } from '../documents/decree30-docx.js';
import { createDraft } from '../modules/plans/plans.test-support.js';
import { countRows, makeAuthority, signInAuthority } from '../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../test/harness.js';
import { multipart } from '../test/multipart.js';
import { DirectoryBackend } from './backends.js';
import { FileStorage } from './file-storage.js';
import { sampleExe, samplePdf, samplePng } from './sample-files.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function upload(client: Client, owner: { type: string; id: string }, purpose: string, data: Buffer, filename: string, encodeFilename = false) {
  return client.request({
    method: 'POST',
    url: `/api/files?ownerType=${owner.type}&ownerId=${owner.id}&purpose=${purpose}`,
    ...multipart([{ name: 'file', filename, contentType: 'application/octet-stream', data, encodeFilename }]),
  });
}

async function storedCount(t: TestApp, data: Buffer) {
  return countRows(t.database.db, 'stored_file', sql`sha256 = ${sha(data)}`);
}

describe('files in the database (default backend)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function setUp() {
    const a = await makeAuthority(t.database.db);
    const c = await signInAuthority(t.app, a);
    const plan = await createDraft(c.secretariat, a);
    return { a, c, owner: { type: 'plan', id: plan.id } };
  }

  it('attaches a PDF to a plan, lists it and serves the same bytes; outsiders get 404', async () => {
    const { c, owner } = await setUp();
    const pdf = samplePdf(`plan ${owner.id}`);
    const res = await upload(c.secretariat, owner, 'signed_scan', pdf, 'Kế hoạch đã ký.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const attachment: Attachment = res.json();
    expect(attachment).toMatchObject({ fileName: 'Kế hoạch đã ký.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha(pdf), purpose: 'signed_scan' });

    const list = await c.leader.get(`/api/files?ownerType=plan&ownerId=${owner.id}`);
    expect(list.json().items.map((f: Attachment) => f.id)).toEqual([attachment.id]);
    expect(list.json().rules).toBeNull();
    // Asked for one purpose, the list says that purpose's rules, the configured size limit included.
    expect((await c.leader.get(`/api/files?ownerType=plan&ownerId=${owner.id}&purpose=signed_scan`)).json().rules).toEqual({
      kinds: ['pdf', 'jpeg', 'png', 'heic'],
      maxBytes: 25 * 1024 * 1024,
      maxFiles: 10,
    });
    expect((await c.leader.get(`/api/files?ownerType=plan&ownerId=${owner.id}&purpose=supporting`)).json().rules).toMatchObject({ kinds: ['pdf', 'docx', 'xlsx', 'jpeg', 'png', 'heic'], maxFiles: 50 });
    const download = await c.leader.get(attachment.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch");
    expect(download.rawPayload.equals(pdf)).toBe(true);

    // The inspector may not read a draft plan: its files are as invisible as the plan.
    expect((await c.inspector.get(attachment.url)).statusCode).toBe(404);
    expect((await c.inspector.get(`/api/files?ownerType=plan&ownerId=${owner.id}`)).statusCode).toBe(404);
    const other = await signInAuthority(t.app, await makeAuthority(t.database.db));
    expect((await other.leader.get(attachment.url)).statusCode).toBe(404);
    expect((await upload(other.secretariat, owner, 'signed_scan', pdf, 'x.pdf')).statusCode).toBe(404);
  });

  it('stores the same bytes once, whoever uploads them to whatever record', async () => {
    const first = await setUp();
    const second = await setUp();
    const png = samplePng(7, 5, [1, 2, 3]);
    expect((await upload(first.c.secretariat, first.owner, 'supporting', png, 'a.png')).statusCode).toBe(201);
    expect((await upload(second.c.secretariat, second.owner, 'supporting', png, 'b.png')).statusCode).toBe(201);
    expect(await storedCount(t, png)).toBe(1);
    expect(await countRows(t.database.db, 'file_attachment', sql`sha256 = ${sha(png)}`)).toBe(2);
    expect(await countRows(t.database.db, 'stored_file_chunk', sql`sha256 = ${sha(png)}`)).toBe(1);
  });

  it('refuses a 26 MB upload and a renamed .exe with 400 naming the rule, and stores nothing', async () => {
    const { c, owner } = await setUp();
    const big = Buffer.concat([samplePdf('big'), Buffer.alloc(26 * 1024 * 1024, 0x20)]);
    const exe = sampleExe();
    const cases: Array<[Buffer, string, string]> = [
      [big, 'bao-cao.pdf', 'file_too_large'],
      [exe, 'bao-cao.pdf', 'file_type_not_allowed'],
      [exe, 'setup.exe', 'file_type_not_allowed'],
      [Buffer.alloc(0), 'empty.pdf', 'file_empty'],
    ];
    for (const [data, name, code] of cases) {
      const res = await upload(c.secretariat, owner, 'supporting', data, name);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().invalidParams).toEqual([expect.objectContaining({ name: 'file', code })]);
      expect(await storedCount(t, data)).toBe(0);
    }
    expect(await countRows(t.database.db, 'file_attachment', sql`owner_id = ${owner.id}`)).toBe(0);
  });

  it('checks Office files on their content: the right kind, the main part, the name', async () => {
    const { c, owner } = await setUp();
    const docx = await renderDocx(seedPlan2021);
    expect((await upload(c.secretariat, owner, 'supporting', docx, 'ke-hoach.docx')).statusCode).toBe(201);

    const mismatch = await upload(c.secretariat, owner, 'supporting', docx, 'bang-tinh.xlsx');
    expect(mismatch.json().invalidParams[0].code).toBe('extension_mismatch');

    // [Content_Types].xml claims a Word document, but there is no word/document.xml.
    const hollow = new JSZip();
    hollow.file(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    hollow.file('other.txt', 'not a document');
    const hollowBytes = await hollow.generateAsync({ type: 'nodebuffer' });
    const res = await upload(c.secretariat, owner, 'supporting', hollowBytes, 'gia.docx');
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0].code).toBe('ooxml_incomplete');

    // A signed scan is a PDF or a photo: a Word file is refused for that purpose.
    const scan = await upload(c.secretariat, owner, 'signed_scan', docx, 'ke-hoach.docx');
    expect(scan.json().invalidParams[0].code).toBe('file_type_not_allowed');
  });

  it('stores a clean name: no controls, bidi or zero-width characters; quotes kept as apostrophes; 255 characters with the extension', async () => {
    const { c, owner } = await setUp();
    const names: Array<[string, string]> = [
      ['Báo\tcáo\u000bquý\u0007\u00851.pdf', 'Báo cáo quý 1.pdf'],
      ['hoa\u202adon\u202e\u2066\u2069\u200b\u200d\u2060\ufeff.pdf', 'hoadon.pdf'],
      [`${'ệ'.repeat(5000)}.pdf`, `${'ệ'.repeat(251)}.pdf`],
      ['Báo cáo "quý 1".pdf', "Báo cáo 'quý 1'.pdf"],
    ];
    for (const [i, [raw, stored]] of names.entries()) {
      const res = await upload(c.secretariat, owner, 'supporting', samplePdf(`name ${i} ${owner.id}`), raw, true);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().fileName).toBe(stored);
    }
    // A name with a line break is refused (the parser skips such a part: there is no file).
    const broken = samplePdf(`crlf ${owner.id}`);
    expect((await upload(c.secretariat, owner, 'supporting', broken, 'a\r\nb.pdf', true)).statusCode).toBe(400);
    expect(await storedCount(t, broken)).toBe(0);
    // As curl sends it: filename="Báo cáo \"quý 1\".pdf".
    const curl = await upload(c.secretariat, owner, 'supporting', samplePdf(`curl ${owner.id}`), 'Báo cáo \\"quý 1\\".pdf');
    expect(curl.json().fileName).toBe("Báo cáo 'quý 1'.pdf");
  });

  it('refuses two files in one request, and a field other than "file", with 400 naming the rule, storing nothing', async () => {
    const { c, owner } = await setUp();
    const a = samplePdf(`two a ${owner.id}`);
    const b = samplePdf(`two b ${owner.id}`);
    const url = `/api/files?ownerType=plan&ownerId=${owner.id}&purpose=supporting`;
    const two = await c.secretariat.request({
      method: 'POST',
      url,
      ...multipart([
        { name: 'file', filename: 'a.pdf', contentType: 'application/pdf', data: a },
        { name: 'file', filename: 'b.pdf', contentType: 'application/pdf', data: b },
      ]),
    });
    expect(two.statusCode, two.body).toBe(400);
    expect(two.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.file', code: 'one_file_per_request' })]);
    const other = await c.secretariat.request({ method: 'POST', url, ...multipart([{ name: 'document', filename: 'a.pdf', contentType: 'application/pdf', data: a }]) });
    expect(other.statusCode, other.body).toBe(400);
    expect(other.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.document', code: 'unexpected_field' })]);
    const extra = await c.secretariat.request({
      method: 'POST',
      url,
      ...multipart([
        { name: 'file', filename: 'a.pdf', contentType: 'application/pdf', data: a },
        { name: 'note', data: 'ghi chú' },
      ]),
    });
    expect(extra.statusCode, extra.body).toBe(400);
    expect(extra.json().invalidParams[0].code).toBe('unexpected_field');
    expect(await storedCount(t, a)).toBe(0);
    expect(await storedCount(t, b)).toBe(0);
    expect(await countRows(t.database.db, 'file_attachment', sql`owner_id = ${owner.id}`)).toBe(0);
    // The connection is fine afterwards: one file in "file" is taken.
    expect((await upload(c.secretariat, owner, 'supporting', a, 'a.pdf')).statusCode).toBe(201);
  });

  it('lets the office attach and remove, the inspected unit neither; an unknown purpose is 400', async () => {
    const { a, c } = await setUp();
    const issued = await createDraft(c.secretariat, a);
    const owner = { type: 'plan', id: issued.id };
    expect((await upload(c.secretariat, owner, 'photos', samplePng(), 'x.png')).json().invalidParams[0]).toMatchObject({ name: 'query.purpose', code: 'unknown_purpose' });
    expect((await upload(c.admin, owner, 'supporting', samplePng(), 'x.png')).statusCode).toBe(403);
    const added: Attachment = (await upload(c.secretariat, owner, 'supporting', samplePng(9, 9), 'x.png')).json();
    expect((await c.admin.delete(added.url)).statusCode).toBe(403);
    expect((await c.secretariat.delete(added.url)).statusCode).toBe(204);
    expect((await c.secretariat.get(added.url)).statusCode).toBe(404);
    expect((await c.secretariat.get('/api/files?ownerType=nothing&ownerId=' + issued.id)).statusCode).toBe(404);
  });
});

describe('files in a directory (PAR_FILES_DIR)', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'par-files-'));
    t = await createTestApp({ files: new FileStorage(new DirectoryBackend(dir), 25 * 1024 * 1024) });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the bytes as one file per hash, deduplicated, and serves them back', async () => {
    const a = await makeAuthority(t.database.db);
    const c = await signInAuthority(t.app, a);
    const plan = await createDraft(c.secretariat, a);
    const owner = { type: 'plan', id: plan.id };
    const pdf = samplePdf(`dir ${plan.id}`);
    const first: Attachment = (await upload(c.secretariat, owner, 'supporting', pdf, 'a.pdf')).json();
    expect((await upload(c.secretariat, owner, 'supporting', pdf, 'b.pdf')).statusCode).toBe(201);
    const onDisk = path.join(dir, first.sha256.slice(0, 2), first.sha256.slice(2, 4), first.sha256);
    expect(existsSync(onDisk)).toBe(true);
    expect(await countRows(t.database.db, 'stored_file', sql`sha256 = ${first.sha256} and backend = 'directory'`)).toBe(1);
    expect(await countRows(t.database.db, 'stored_file_chunk', sql`sha256 = ${first.sha256}`)).toBe(0);
    expect((await c.leader.get(first.url)).rawPayload.equals(pdf)).toBe(true);

    // A refused upload leaves nothing on disk either.
    expect((await upload(c.secretariat, owner, 'supporting', sampleExe(), 'x.pdf')).statusCode).toBe(400);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(path.join(dir, '.incoming'))).toEqual([]);
  });
});
