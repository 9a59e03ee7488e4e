import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../../shared/api/errors.js';
import { queryRows } from '../../db/client.js';
import { multipart } from '../../test/multipart.js';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { makeAuthority, makeUnit, TEST_PASSWORD } from '../../test/factories.js';
import { currentJobSchema } from '../../jobs/enqueue.js';
import { tinyRows } from '../../test/xlsx-bomb.js';
import type { RequestContext } from '../../http/actor.js';
import { loadRoles } from '../session/session-store.js';
import { importRegistry, IMPORT_CHUNK_ROWS, MAX_REGISTRY_IMPORT_ROWS, readRegistryWorkbook } from './import-registry.js';
import { importRegistryJob } from './registry-import.job.js';

/**
 * Import and export of the registry as real .xlsx files: workbooks are built with exceljs,
 * uploaded as hand-made multipart bodies, and exported files are read back with exceljs.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNIT_SHEET = 'Đơn vị hành chính';
const AGENCY_SHEET = 'Cơ quan, đơn vị';
const UNIT_HEADERS = ['Mã', 'Tên', 'Loại', 'Mã đơn vị cấp trên', 'Hiệu lực từ', 'Hiệu lực đến', 'Đang hoạt động'];
const AGENCY_HEADERS = [
  'Mã', 'Tên', 'Tên viết tắt', 'Loại', 'Mã đơn vị hành chính', 'Mã cơ quan cấp trên', 'Ký hiệu trên văn bản', 'Địa danh',
  'Người đứng đầu', 'Chức vụ', 'Điện thoại', 'Email', 'Địa chỉ', 'Hiệu lực từ', 'Hiệu lực đến', 'Đang hoạt động',
];

type Authority = Awaited<ReturnType<typeof makeAuthority>>;
type Row = Record<string, ExcelJS.CellValue>;
type ImportBody = {
  units: { created: number; updated: number };
  agencies: { created: number; updated: number };
  rejected: { sheet: string; row: number; field: string | null; code: string; message: string }[];
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A fresh authority and signed-in clients: each test sees only its own records. */
async function authority() {
  const a = await makeAuthority(t.database.db);
  const [admin, unitA] = await Promise.all([
    signIn(t.app, a.users.admin.username, TEST_PASSWORD),
    signIn(t.app, a.users.unitOfficerA.username, TEST_PASSWORD),
  ]);
  return { a, admin, unitA };
}

/**
 * Uploads as the browser does, runs the import job, and answers what the browser finally reads:
 * the import (`imp`), its result (`json()`), or the refusal of the upload itself.
 */
async function upload(client: Client, bytes: Buffer, opts: { dryRun?: boolean; filename?: string; contentType?: string } = {}) {
  const body = multipart([{ name: 'file', filename: opts.filename ?? 'x.xlsx', contentType: opts.contentType ?? XLSX, data: bytes }]);
  const res = await client.request({ method: 'POST', url: `/api/registry/import${opts.dryRun ? '?dryRun=true' : ''}`, ...body });
  if (res.statusCode !== 202) return { statusCode: res.statusCode, body: res.body, headers: res.headers, imp: null, json: () => res.json() };
  expect(res.json()).toMatchObject({ status: 'queued', processed: 0, result: null });
  await t.drain();
  const done = await client.get(`/api/registry/imports/${res.json().id}`);
  const imp = done.json();
  return { statusCode: done.statusCode, body: done.body, headers: done.headers, imp, json: () => imp.result };
}

/** A workbook as a user would make it: the two sheets, Vietnamese headers, rows by header. */
async function workbook(sheets: { units?: Row[]; agencies?: Row[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, headers, rows] of [
    [UNIT_SHEET, UNIT_HEADERS, sheets.units],
    [AGENCY_SHEET, AGENCY_HEADERS, sheets.agencies],
  ] as const) {
    if (!rows) continue;
    const ws = wb.addWorksheet(name);
    ws.addRow([...headers]);
    for (const r of rows) {
      const added = ws.addRow(headers.map((h) => r[h] ?? null));
      added.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads a sheet back as objects keyed by its header row. */
function sheetRows(ws: ExcelJS.Worksheet): Record<string, string>[] {
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Record<string, string>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).text])));
  });
  return rows;
}

async function exportAs(client: Client) {
  const res = await client.get('/api/registry/export.xlsx');
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.xlsx"$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

/** Rows of this authority's registry, counted in SQL (robust to other test files on a shared server). */
async function countTagged(tag: string) {
  const [row] = await queryRows<{ units: number; agencies: number }>(
    t.database.db,
    sql`select (select count(*)::int from unit where code like ${'%' + tag + '%'} or name like ${'%' + tag + '%'}) as units,
               (select count(*)::int from agency where code like ${'%' + tag + '%'} or name like ${'%' + tag + '%'}) as agencies`,
  );
  return { units: Number(row.units), agencies: Number(row.agencies) };
}

async function auditOf(userId: string) {
  return queryRows<{ action: string; entity_id: string | null; after: Record<string, unknown> | null }>(
    t.database.db,
    sql`select action, entity_id, after from audit_event where actor_id = ${userId}::uuid and action <> 'session.signed_in' order by id`,
  );
}

async function unitByCode(code: string) {
  const [row] = await queryRows<{ id: string; name: string; kind: string; parent_id: string | null; valid_from: string | null; valid_to: string | null; active: boolean; version: number }>(
    t.database.db,
    sql`select id, name, kind, parent_id, valid_from::text, valid_to::text, active, version from unit where code = ${code}`,
  );
  return row;
}

async function agencyByCode(code: string) {
  const [row] = await queryRows<{ id: string; name: string; kind: string; unit_id: string; parent_agency_id: string | null; phone: string | null; email: string | null; version: number; active: boolean }>(
    t.database.db,
    sql`select id, name, kind, unit_id, parent_agency_id, phone, email, version, active from agency where code = ${code}`,
  );
  return row;
}

const pick = (rejected: ImportBody['rejected']) => rejected.map(({ sheet, row, field, code }) => ({ sheet, row, field, code }));

describe('registry export', () => {
  it('writes a real .xlsx with the two sheets, Vietnamese headers and the admin’s scope', async () => {
    const { a, admin } = await authority();
    const other = await makeAuthority(t.database.db);
    await makeUnit(t.database.db, { name: `Xã có hiệu lực ${a.tag}`, kind: 'commune', parentId: a.town.id, code: `V-${a.tag}`, validFrom: '2020-06-01', validTo: '2025-06-30' });

    const wb = await exportAs(admin);
    expect(wb.worksheets.map((w) => w.name)).toEqual([UNIT_SHEET, AGENCY_SHEET]);
    expect((wb.getWorksheet(UNIT_SHEET)!.getRow(1).values as unknown[]).slice(1)).toEqual(UNIT_HEADERS);
    expect((wb.getWorksheet(AGENCY_SHEET)!.getRow(1).values as unknown[]).slice(1)).toEqual(AGENCY_HEADERS);

    const units = sheetRows(wb.getWorksheet(UNIT_SHEET)!);
    expect(units.map((u) => u['Mã']).sort()).toEqual([`P-${a.tag}`, `T-${a.tag}`, `V-${a.tag}`, `WA-${a.tag}`, `WB-${a.tag}`].sort());
    expect(units.find((u) => u['Mã'] === `WA-${a.tag}`)).toEqual({
      'Mã': `WA-${a.tag}`, 'Tên': a.wardA.name, 'Loại': 'Phường', 'Mã đơn vị cấp trên': `T-${a.tag}`,
      'Hiệu lực từ': '', 'Hiệu lực đến': '', 'Đang hoạt động': 'Có',
    });
    expect(units.find((u) => u['Mã'] === `T-${a.tag}`)!['Loại']).toBe('Thị xã');
    // Dates are dd/mm/yyyy text: what the user reads, with no time-zone shift.
    expect(units.find((u) => u['Mã'] === `V-${a.tag}`)).toMatchObject({ 'Loại': 'Xã', 'Hiệu lực từ': '01/06/2020', 'Hiệu lực đến': '30/06/2025' });

    const agencies = sheetRows(wb.getWorksheet(AGENCY_SHEET)!);
    expect(agencies.map((x) => x['Mã']).sort()).toEqual(
      ['AP', 'AT', 'ANV', 'AWA', 'AWB', 'AWBD'].map((p) => `${p}-${a.tag}`).sort(),
    );
    expect(agencies.find((x) => x['Mã'] === `ANV-${a.tag}`)).toMatchObject({
      'Tên': a.homeAffairs.name, 'Loại': 'Phòng, ban', 'Mã đơn vị hành chính': `T-${a.tag}`, 'Mã cơ quan cấp trên': `AT-${a.tag}`, 'Ký hiệu trên văn bản': 'NV',
    });
    // Nothing of another authority.
    const allCodes = [...units, ...agencies].map((r) => r['Mã']).join(' ');
    expect(allCodes).not.toContain(other.tag);
  });

  it("gives a unit officer their own ward (and its ancestors), not another ward", async () => {
    const { a, unitA } = await authority();
    const wb = await exportAs(unitA);
    const unitCodes = sheetRows(wb.getWorksheet(UNIT_SHEET)!).map((u) => u['Mã']);
    expect(unitCodes).toContain(`WA-${a.tag}`);
    expect(unitCodes).not.toContain(`WB-${a.tag}`);
    const agencyCodes = sheetRows(wb.getWorksheet(AGENCY_SHEET)!).map((x) => x['Mã']);
    expect(agencyCodes).toContain(`AWA-${a.tag}`);
    expect(agencyCodes).not.toContain(`AWB-${a.tag}`);
    expect(agencyCodes).not.toContain(`AWBD-${a.tag}`);
  });
});

describe('registry import', () => {
  it('round-trips an export: one changed name → one update, audited; unchanged rows are left alone', async () => {
    const { a, admin } = await authority();
    const wb = await exportAs(admin);
    const ws = wb.getWorksheet(UNIT_SHEET)!;
    const newName = `Phường đổi tên ${a.tag}`;
    ws.eachRow((row) => {
      if (row.getCell(1).text === `WA-${a.tag}`) row.getCell(2).value = newName;
    });
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const res = await upload(admin, bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ units: { created: 0, updated: 1 }, agencies: { created: 0, updated: 0 }, rejected: [], rejectedCount: 0 });

    expect((await admin.get(`/api/units/${a.wardA.id}`)).json()).toMatchObject({ name: newName, version: 2 });
    expect((await unitByCode(`WB-${a.tag}`)).version).toBe(1);
    expect((await agencyByCode(`AWA-${a.tag}`)).version).toBe(1);

    const events = await auditOf(a.users.admin.id);
    expect(events.map((e) => e.action)).toEqual(['unit.updated', 'registry.imported']);
    expect(events[0]).toMatchObject({ entity_id: a.wardA.id, after: { name: newName } });
    expect(events[1].after).toMatchObject({ units: { created: 0, updated: 1 }, rejected: 0 });

    // The same file again changes nothing.
    const again = await upload(admin, bytes);
    expect(again.json()).toEqual({ units: { created: 0, updated: 0 }, agencies: { created: 0, updated: 0 }, rejected: [], rejectedCount: 0 });
  });

  /** Good and bad rows, parents after children, both date forms, duplicates. */
  function mixedWorkbook(tag: string, a: Authority) {
    const T = `T-${tag}`;
    return workbook({
      units: [
        /* 2 */ { 'Mã': `C1-${tag}`, 'Tên': `Xã con ${tag}`, 'Loại': ' xa ', 'Mã đơn vị cấp trên': `N1-${tag}` },
        /* 3 */ { 'Mã': `N1-${tag}`, 'Tên': `Phường mới ${tag}`, 'Loại': 'Phường', 'Mã đơn vị cấp trên': T, 'Hiệu lực từ': '01/07/2025' },
        /* 4 */ { 'Mã': `B1-${tag}`, 'Tên': '', 'Loại': 'Xã', 'Mã đơn vị cấp trên': T },
        /* 5 */ { 'Mã': `B2-${tag}`, 'Tên': `Làng ${tag}`, 'Loại': 'Làng', 'Mã đơn vị cấp trên': T },
        /* 6 */ { 'Mã': `B3-${tag}`, 'Tên': `Ngày sai ${tag}`, 'Loại': 'Xã', 'Mã đơn vị cấp trên': T, 'Hiệu lực từ': '31/02/2021' },
        /* 7 */ { 'Mã': `B4-${tag}`, 'Tên': `Mồ côi ${tag}`, 'Loại': 'Xã', 'Mã đơn vị cấp trên': `NOPE-${tag}` },
        /* 8 */ { 'Mã': `B5-${tag}`, 'Tên': `Con của dòng sai ${tag}`, 'Loại': 'Xã', 'Mã đơn vị cấp trên': `B3-${tag}` },
        /* 9 */ { 'Mã': `N1-${tag}`, 'Tên': `Trùng mã ${tag}`, 'Loại': 'Phường', 'Mã đơn vị cấp trên': T },
        /* 10 */ { 'Mã': `D1-${tag}`, 'Tên': `Xã ngày Excel ${tag}`, 'Loại': 'commune', 'Mã đơn vị cấp trên': T, 'Hiệu lực từ': new Date(Date.UTC(2021, 4, 5)), 'Hiệu lực đến': new Date(Date.UTC(2025, 5, 30)) },
      ],
      agencies: [
        /* 2 */ { 'Mã': `AG1-${tag}`, 'Tên': `UBND phường mới ${tag}`, 'Loại': 'Uỷ ban nhân dân', 'Mã đơn vị hành chính': `N1-${tag}`, 'Email': `ubnd.${tag}@hoainhon.gov.vn`, 'Ký hiệu trên văn bản': 'UBND' },
        /* 3 */ { 'Mã': `AG2-${tag}`, 'Tên': `Thư sai ${tag}`, 'Loại': 'Phòng, ban', 'Mã đơn vị hành chính': T, 'Email': 'not-an-email' },
        /* 4 */ { 'Mã': `AG3-${tag}`, 'Tên': `Bộ phận Một cửa ${tag}`, 'Loại': 'Bộ phận Một cửa', 'Mã đơn vị hành chính': `N1-${tag}`, 'Mã cơ quan cấp trên': `AG4-${tag}` },
        /* 5 */ { 'Mã': `AG4-${tag}`, 'Tên': `Văn phòng ${tag}`, 'Loại': 'Phòng, ban', 'Mã đơn vị hành chính': `N1-${tag}`, 'Mã cơ quan cấp trên': `AG1-${tag}` },
        /* 6 */ { 'Mã': `AG5-${tag}`, 'Tên': `Không đơn vị ${tag}`, 'Loại': 'Khác', 'Mã đơn vị hành chính': `NOPE-${tag}` },
        /* 7 */ { 'Mã': `AG1-${tag}`, 'Tên': `Trùng mã ${tag}`, 'Loại': 'Khác', 'Mã đơn vị hành chính': a.wardA.code },
        /* 8 */ { 'Mã': `AG6-${tag}`, 'Tên': `Dưới cơ quan sai ${tag}`, 'Loại': 'Khác', 'Mã đơn vị hành chính': T, 'Mã cơ quan cấp trên': `AG2-${tag}` },
      ],
    });
  }

  const expectedRejections = [
    { sheet: UNIT_SHEET, row: 4, field: 'name', code: 'too_small' },
    { sheet: UNIT_SHEET, row: 5, field: 'kind', code: 'invalid_kind' },
    { sheet: UNIT_SHEET, row: 6, field: 'validFrom', code: 'invalid_date' },
    { sheet: UNIT_SHEET, row: 7, field: 'parentCode', code: 'parent_not_found' },
    { sheet: UNIT_SHEET, row: 8, field: 'parentCode', code: 'parent_rejected' },
    { sheet: UNIT_SHEET, row: 9, field: 'code', code: 'duplicate_in_file' },
    { sheet: AGENCY_SHEET, row: 3, field: 'email', code: 'invalid_format' },
    { sheet: AGENCY_SHEET, row: 6, field: 'unitCode', code: 'unit_not_found' },
    { sheet: AGENCY_SHEET, row: 7, field: 'code', code: 'duplicate_in_file' },
    { sheet: AGENCY_SHEET, row: 8, field: 'parentCode', code: 'parent_rejected' },
  ];
  const rejectedCodes = (tag: string) => ['B1', 'B2', 'B3', 'B4', 'B5', 'AG2', 'AG5', 'AG6'].map((p) => `${p}-${tag}`);

  it('imports the good rows, rejects each bad row whole with sheet, row, field and code', async () => {
    const { a, admin } = await authority();
    const before = await countTagged(a.tag);
    const res = await upload(admin, await mixedWorkbook(a.tag, a));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as ImportBody;
    expect(body.units).toEqual({ created: 3, updated: 0 });
    expect(body.agencies).toEqual({ created: 3, updated: 0 });
    expect(pick(body.rejected)).toEqual(expectedRejections);
    for (const r of body.rejected) expect(r.message).toBeTruthy();

    expect(await countTagged(a.tag)).toEqual({ units: before.units + 3, agencies: before.agencies + 3 });
    // A rejected row left nothing: no record, no audit event.
    const [left] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select (select count(*) from unit where code in ${rejectedCodes(a.tag)}) + (select count(*) from agency where code in ${rejectedCodes(a.tag)}) as n`,
    );
    expect(Number(left.n)).toBe(0);
    const events = await auditOf(a.users.admin.id);
    expect(events.filter((e) => rejectedCodes(a.tag).includes(String(e.after?.code)))).toEqual([]);
    expect(events.map((e) => e.action).sort()).toEqual(
      ['agency.created', 'agency.created', 'agency.created', 'registry.imported', 'unit.created', 'unit.created', 'unit.created'],
    );

    // Parents listed after their children still hold them; the first of two duplicate rows wins.
    const n1 = await unitByCode(`N1-${a.tag}`);
    expect(n1).toMatchObject({ name: `Phường mới ${a.tag}`, kind: 'ward', parent_id: a.town.id, valid_from: '2025-07-01', valid_to: null });
    // Kinds typed loosely ("xa", old-style "Uỷ") still match their labels.
    expect(await unitByCode(`C1-${a.tag}`)).toMatchObject({ kind: 'commune', parent_id: n1.id });
    const ag1 = await agencyByCode(`AG1-${a.tag}`);
    expect(ag1).toMatchObject({ name: `UBND phường mới ${a.tag}`, kind: 'peoples_committee', unit_id: n1.id, email: `ubnd.${a.tag}@hoainhon.gov.vn` });
    const ag4 = await agencyByCode(`AG4-${a.tag}`);
    expect(ag4.parent_agency_id).toBe(ag1.id);
    expect((await agencyByCode(`AG3-${a.tag}`)).parent_agency_id).toBe(ag4.id);
    // A real Excel date cell is the calendar day the user sees.
    expect(await unitByCode(`D1-${a.tag}`)).toMatchObject({ kind: 'commune', valid_from: '2021-05-05', valid_to: '2025-06-30' });
  });

  it('with dryRun=true reports the same and writes nothing, audits nothing', async () => {
    const { a, admin } = await authority();
    const bytes = await mixedWorkbook(a.tag, a);
    const before = await countTagged(a.tag);
    const dry = await upload(admin, bytes, { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(await countTagged(a.tag)).toEqual(before);
    expect(await auditOf(a.users.admin.id)).toEqual([]);

    const real = await upload(admin, bytes);
    expect(real.json()).toEqual(dry.json());
    expect(pick(dry.json().rejected)).toEqual(expectedRejections);
  });

  it('reads a big workbook in a worker thread, to the same rows and refusals as in the server thread', async () => {
    const { a } = await authority();
    const bytes = await mixedWorkbook(a.tag, a);
    const here = await readRegistryWorkbook(bytes, { inWorker: false });
    expect(here.total).toBeGreaterThan(0);
    expect(await readRegistryWorkbook(bytes, { inWorker: true })).toEqual(here);
    const notXlsx = Buffer.from('PK\x03\x04 not a workbook');
    await expect(readRegistryWorkbook(notXlsx, { inWorker: true })).rejects.toMatchObject({ code: 'unreadable_workbook' });
  });

  it('reads dd/mm/yyyy text and Excel date cells as the same calendar day, whatever the time zone', async () => {
    const { a, admin } = await authority();
    const tz = process.env.TZ;
    try {
      for (const [i, zone] of (['Asia/Ho_Chi_Minh', 'America/Los_Angeles'] as const).entries()) {
        process.env.TZ = zone;
        const dates: ExcelJS.CellValue[] = [
          '05/05/2021', '5/5/2021', '2021-05-05',
          new Date(Date.UTC(2021, 4, 5)), // what exceljs reads for a date cell typed 05/05/2021
          new Date(Date.UTC(2021, 4, 5, 18, 30)), // 05/05/2021 18:30 in a date-time cell
        ];
        const bytes = await workbook({
          units: dates.map((d, k) => ({ 'Mã': `DT${i}${k}-${a.tag}`, 'Tên': `Ngày ${i}${k} ${a.tag}`, 'Loại': 'Xã', 'Mã đơn vị cấp trên': `T-${a.tag}`, 'Hiệu lực từ': d })),
        });
        const res = await upload(admin, bytes);
        expect(res.json(), zone).toMatchObject({ units: { created: dates.length }, rejected: [] });
        for (let k = 0; k < dates.length; k++) expect((await unitByCode(`DT${i}${k}-${a.tag}`)).valid_from, `${zone} ${k}`).toBe('2021-05-05');
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it("rejects a unit officer's rows for another ward, and never half-applies a row", async () => {
    const { a, admin, unitA } = await authority();
    // Start from the officer's own export, then add another ward's rows (from the admin's export).
    const mine = await exportAs(unitA);
    const all = sheetRows((await exportAs(admin)).getWorksheet(AGENCY_SHEET)!);
    const mineAgencies = mine.getWorksheet(AGENCY_SHEET)!;
    const otherAgency = all.find((r) => r['Mã'] === `AWB-${a.tag}`)!;
    mineAgencies.addRow(AGENCY_HEADERS.map((h) => (h === 'Điện thoại' ? '0256 000 111' : otherAgency[h])));
    mine.getWorksheet(UNIT_SHEET)!.addRow([`WB-${a.tag}`, `Đổi tên trái phép ${a.tag}`, 'Phường', `T-${a.tag}`, '', '', 'Có']);
    // Their own agency's phone: a contact detail they may keep current.
    mineAgencies.eachRow((row) => {
      if (row.getCell(1).text === `AWA-${a.tag}`) row.getCell(11).value = '0256 3861 234';
    });
    const res = await upload(unitA, Buffer.from(await mine.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as ImportBody;
    expect(body.units).toEqual({ created: 0, updated: 0 });
    expect(body.agencies).toEqual({ created: 0, updated: 1 });
    expect(pick(body.rejected)).toEqual([
      { sheet: UNIT_SHEET, row: expect.any(Number), field: 'code', code: 'code_taken' },
      { sheet: AGENCY_SHEET, row: expect.any(Number), field: 'code', code: 'code_taken' },
    ]);
    expect((await unitByCode(`WB-${a.tag}`)).name).toBe(a.wardB.name);
    expect((await agencyByCode(`AWB-${a.tag}`)).phone).toBeNull();
    expect((await agencyByCode(`AWA-${a.tag}`)).phone).toBe('0256 3861 234');

    // A row with an allowed change (phone) and a forbidden one (name) is refused whole.
    const again = await exportAs(unitA);
    again.getWorksheet(AGENCY_SHEET)!.eachRow((row) => {
      if (row.getCell(1).text !== `AWA-${a.tag}`) return;
      row.getCell(2).value = `Tên mới ${a.tag}`;
      row.getCell(11).value = '0999 999 999';
    });
    const mixed = await upload(unitA, Buffer.from(await again.xlsx.writeBuffer()));
    expect(mixed.json().agencies).toEqual({ created: 0, updated: 0 });
    expect(pick(mixed.json().rejected)).toEqual([{ sheet: AGENCY_SHEET, row: expect.any(Number), field: 'name', code: 'not_allowed' }]);
    expect(await agencyByCode(`AWA-${a.tag}`)).toMatchObject({ name: a.wardACommittee.name, phone: '0256 3861 234', version: 2 });
  });

  it("deactivates on 'Không', and leaves alone what a sheet has no column for", async () => {
    const { a, admin } = await authority();
    await makeUnit(t.database.db, { name: `Xã có ngày ${a.tag}`, kind: 'commune', parentId: a.town.id, code: `V-${a.tag}`, validFrom: '2020-06-01' });
    const bytes = await workbook({
      units: [{ 'Mã': `WB-${a.tag}`, 'Tên': a.wardB.name, 'Loại': 'Phường', 'Mã đơn vị cấp trên': `T-${a.tag}`, 'Đang hoạt động': 'Không' }],
      agencies: [{ 'Mã': `AWBD-${a.tag}`, 'Tên': a.wardBDesk.name, 'Loại': 'Bộ phận Một cửa', 'Mã đơn vị hành chính': `WB-${a.tag}`, 'Mã cơ quan cấp trên': `AWB-${a.tag}`, 'Đang hoạt động': 'không' }],
    });
    const res = await upload(admin, bytes);
    expect(res.json()).toEqual({ units: { created: 0, updated: 1 }, agencies: { created: 0, updated: 1 }, rejected: [], rejectedCount: 0 });
    expect(await unitByCode(`WB-${a.tag}`)).toMatchObject({ active: false, version: 2 });
    expect(await agencyByCode(`AWBD-${a.tag}`)).toMatchObject({ active: false, version: 2 });
    expect((await auditOf(a.users.admin.id)).map((e) => e.action)).toEqual(['unit.deactivated', 'agency.deactivated', 'registry.imported']);

    // A hand-made sheet with only code, name, kind and parent renames without clearing the dates.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(UNIT_SHEET);
    ws.addRow(['Mã', 'Tên', 'Loại', 'Mã đơn vị cấp trên']);
    ws.addRow([`V-${a.tag}`, `Xã đổi tên ${a.tag}`, 'Xã', `T-${a.tag}`]);
    const renamed = await upload(admin, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(renamed.json().units).toEqual({ created: 0, updated: 1 });
    expect(await unitByCode(`V-${a.tag}`)).toMatchObject({ name: `Xã đổi tên ${a.tag}`, valid_from: '2020-06-01', active: true });
  });

  it('answers 415 UNSUPPORTED_FILE to a file that is not .xlsx', async () => {
    const { admin } = await authority();
    for (const bytes of [Buffer.from('Mã,Tên\nX,Y\n'), Buffer.from('%PDF-1.4 not a workbook')]) {
      const res = await upload(admin, bytes, { filename: 'x.xlsx' });
      expect(res.statusCode, res.body).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('UNSUPPORTED_FILE');
    }
    // A zip that is no workbook is taken, and the job refuses it whole.
    const zip = await upload(admin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), { filename: 'x.xlsx' });
    expect(zip.imp).toMatchObject({ status: 'rejected', result: null, error: { code: 'unreadable_workbook' } });
  });

  it('answers 4xx with a code, never 500, to a missing file, a non-multipart request or an empty workbook', async () => {
    const { admin } = await authority();
    const emptyWorkbook = new ExcelJS.Workbook();
    emptyWorkbook.addWorksheet('Sheet1').addRow(['nothing here']);
    const cases: { name: string; payload?: unknown; headers?: Record<string, string>; status: number; code: string }[] = [
      { name: 'JSON body', payload: { file: 'x' }, status: 415, code: 'UNSUPPORTED_FILE' },
      { name: 'no body at all', status: 415, code: 'UNSUPPORTED_FILE' },
      { name: 'raw bytes', payload: Buffer.from('PK'), headers: { 'content-type': 'application/octet-stream' }, status: 415, code: 'UNSUPPORTED_FILE' },
      { name: 'multipart without a file', ...multipart([{ name: 'note', data: 'hello' }]), status: 400, code: 'VALIDATION_FAILED' },
      { name: 'multipart with no parts', payload: Buffer.from('--b--\r\n'), headers: { 'content-type': 'multipart/form-data; boundary=b' }, status: 400, code: 'VALIDATION_FAILED' },
    ];
    for (const c of cases) {
      const res = await admin.request({ method: 'POST', url: '/api/registry/import', payload: c.payload, headers: c.headers });
      expect(res.statusCode, `${c.name}: ${res.body}`).toBe(c.status);
      expect(errorCodes, c.name).toContain(res.json().code);
      expect(res.json().code, c.name).toBe(c.code);
    }
    const none = await admin.request({ method: 'POST', url: '/api/registry/import', ...multipart([{ name: 'note', data: 'hello' }]) });
    expect(none.json().invalidParams[0]).toMatchObject({ name: 'body.file', code: 'required' });
    // A workbook without the registry's sheets is refused whole by the job, with a field-level code.
    const empty = await upload(admin, Buffer.from(await emptyWorkbook.xlsx.writeBuffer()));
    expect(empty.imp).toMatchObject({ status: 'rejected', error: { code: 'no_rows' } });
  });

  // busboy rejects these with plain Errors; registry.routes.ts turns them into 400 body.file.
  for (const [name, payload, contentType] of [
    ['cut short', '--b\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\n\r\nPK', 'multipart/form-data; boundary=b'],
    ['without a boundary', 'x', 'multipart/form-data'],
  ]) {
    it(`answers 400, not 500, to a multipart body ${name}`, async () => {
      const { admin } = await authority();
      const res = await admin.request({ method: 'POST', url: '/api/registry/import', payload: Buffer.from(payload), headers: { 'content-type': contentType } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    });
  }

  it('needs a session and the CSRF token', async () => {
    const { admin } = await authority();
    const bytes = await workbook({ units: [] });
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/registry/import', ...multipart([{ name: 'file', filename: 'x.xlsx', contentType: XLSX, data: bytes }]) });
    expect(anonymous.statusCode).toBe(401);
    const body = multipart([{ name: 'file', filename: 'x.xlsx', contentType: XLSX, data: bytes }]);
    const noCsrf = await admin.request({ method: 'POST', url: '/api/registry/import', payload: body.payload, headers: { ...body.headers, 'x-csrf-token': 'wrong' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF_TOKEN_INVALID');
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/export.xlsx' })).statusCode).toBe(401);
  });

  it('refuses roles that cannot import with 403 before reading the file', async () => {
    const { a } = await authority();
    const inspector = await signIn(t.app, a.users.inspector.username, TEST_PASSWORD);
    // Not even a workbook: the refusal comes before any parsing.
    const res = await inspector.request({ method: 'POST', url: '/api/registry/import', ...multipart([{ name: 'file', filename: 'x.xlsx', contentType: XLSX, data: Buffer.alloc(1024, 7) }]) });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });
});

describe('registry import as a job', () => {
  it('runs a chunk of rows per transaction to the end, parents first across chunks, and says how far it got', async () => {
    const { a, admin, unitA } = await authority();
    const T = `T-${a.tag}`;
    // Communes in a tree listed children first: each parent comes after its children in the file, chunks later.
    const n = 3 * IMPORT_CHUNK_ROWS;
    const units: Row[] = [];
    for (let i = n - 1; i >= 0; i--) {
      units.push({ 'Mã': `J${i}-${a.tag}`, 'Tên': `Xã hàng loạt ${i} ${a.tag}`, 'Loại': 'Xã', 'Mã đơn vị cấp trên': i === 0 ? T : `J${Math.floor((i - 1) / 4)}-${a.tag}` });
    }
    const res = await upload(admin, await workbook({ units }));
    expect(res.imp).toMatchObject({ status: 'done', total: n, processed: n, error: null, result: { units: { created: n, updated: 0 }, rejectedCount: 0 } });
    expect(res.imp.finishedAt).not.toBeNull();
    const deepest = await unitByCode(`J${n - 1}-${a.tag}`);
    expect(deepest).toMatchObject({ name: `Xã hàng loạt ${n - 1} ${a.tag}` });

    // Only the requester follows an import.
    expect((await unitA.get(`/api/registry/imports/${res.imp.id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/registry/imports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('counts its rows a chunk at a time in a dry run too (the progress bar moves), and keeps nothing', async () => {
    const { a } = await authority();
    const n = 3 * IMPORT_CHUNK_ROWS;
    const units: Row[] = Array.from({ length: n }, (_, i) => ({ 'Mã': `DP${i}-${a.tag}`, 'Tên': `Xã thử ${i} ${a.tag}`, 'Loại': 'Xã', 'Mã đơn vị cấp trên': i === 0 ? `T-${a.tag}` : `DP${Math.floor((i - 1) / 4)}-${a.tag}` }));
    const sheets = await readRegistryWorkbook(await workbook({ units }));
    const user = a.users.admin;
    const ctx: RequestContext = {
      actor: { userId: user.id, username: user.username, fullName: user.fullName, roles: await loadRoles(t.database.db, user.id), sessionId: '', csrfToken: '', mustChangePassword: false },
      ip: null,
      requestId: 'test:dry-run-progress',
    };
    const told: number[] = [];
    const result = await importRegistry(t.database.db, ctx, sheets, { dryRun: true, progress: async (_tx, rows) => void told.push(rows) });
    expect(result).toMatchObject({ units: { created: n, updated: 0 }, rejectedCount: 0 });
    expect(told.length).toBeGreaterThan(1);
    expect(told.reduce((x, y) => x + y, 0)).toBe(n);
    expect(await unitByCode(`DP0-${a.tag}`)).toBeUndefined();
  });

  it('refuses a workbook over the row cap whole, before trying any row', async () => {
    const { a, admin } = await authority();
    const units: Row[] = Array.from({ length: MAX_REGISTRY_IMPORT_ROWS + 1 }, (_, i) => ({ 'Mã': `CAP${i}-${a.tag}`, 'Tên': `Xã ${i}`, 'Loại': 'Xã', 'Mã đơn vị cấp trên': `T-${a.tag}` }));
    const res = await upload(admin, await workbook({ units }));
    expect(res.imp).toMatchObject({ status: 'rejected', processed: 0, result: null, error: { code: 'too_many_rows', params: { found: MAX_REGISTRY_IMPORT_ROWS + 1, max: MAX_REGISTRY_IMPORT_ROWS } } });
    expect(await unitByCode(`CAP0-${a.tag}`)).toBeUndefined();
  });
});

describe('registry import limits (issue 12 review: a workbook bomb brought the server down)', () => {
  /** Posts the upload and answers at once: the job is not run. */
  const post = (client: Client, bytes: Buffer, dryRun = true) =>
    client.request({ method: 'POST', url: `/api/registry/import${dryRun ? '?dryRun=true' : ''}`, ...multipart([{ name: 'file', filename: 'x.xlsx', contentType: XLSX, data: bytes }]) });
  const importsOf = async (userId: string) => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from registry_import where requested_by = ${userId}`))[0].n;

  it('refuses a workbook of 60,000 tiny rows at upload with 400 workbook_too_large, before any parsing or storing', async () => {
    const { a, unitA } = await authority();
    const res = await post(unitA, await tinyRows(60_000));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', invalidParams: [{ name: 'body.file', code: 'workbook_too_large' }] });
    expect(await importsOf(a.users.unitOfficerA.id)).toBe(0);
    expect(errorCodes).toContain('IMPORT_IN_PROGRESS');
  });

  it('is never retried: the job has no retry, and an import whose job died is shown failed and blocks nothing', async () => {
    expect(importRegistryJob.retry.limit).toBe(0);
    const { a, admin } = await authority();
    const units: Row[] = [{ 'Mã': `RT-${a.tag}`, 'Tên': `Xã ${a.tag}`, 'Loại': 'Xã', 'Mã đơn vị cấp trên': `T-${a.tag}` }];
    const first = await post(admin, await workbook({ units }));
    expect(first.statusCode, first.body).toBe(202);
    // The process died under it: the import stays "running" and pg-boss expires its job (no retry: failed).
    await t.database.db.execute(sql`update registry_import set status = 'running' where id = ${first.json().id}`);
    await t.database.db.execute(sql`update ${sql.raw(`"${currentJobSchema()}".job`)} set state = 'failed' where id::text = (select job_id from registry_import where id = ${first.json().id})`);
    const seen = await admin.get(`/api/registry/imports/${first.json().id}`);
    expect(seen.json()).toMatchObject({ status: 'failed' });
    expect(seen.json().finishedAt).not.toBeNull();
    // Drained, nothing runs it again.
    expect(await t.drain()).toEqual([]);
    expect((await admin.get(`/api/registry/imports/${first.json().id}`)).json()).toMatchObject({ status: 'failed' });
    const next = await post(admin, await workbook({ units }));
    expect(next.statusCode, next.body).toBe(202);
    await t.drain();
  });

  it('takes one import at a time per user: a second upload while the first waits is 409 IMPORT_IN_PROGRESS; others are not held up', async () => {
    const { a, admin, unitA } = await authority();
    const units: Row[] = [{ 'Mã': `ONE-${a.tag}`, 'Tên': `Xã ${a.tag}`, 'Loại': 'Xã', 'Mã đơn vị cấp trên': `T-${a.tag}` }];
    const bytes = await workbook({ units });
    const [x, y] = await Promise.all([post(admin, bytes), post(admin, bytes)]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([202, 409]);
    expect((x.statusCode === 409 ? x : y).json()).toMatchObject({ code: 'IMPORT_IN_PROGRESS' });
    // Another user is not held up by it.
    expect((await post(unitA, Buffer.from(await (await exportAs(unitA)).xlsx.writeBuffer()))).statusCode).toBe(202);
    await t.drain();
    // Once it has finished, the next one is taken.
    const after = await post(admin, bytes);
    expect(after.statusCode, after.body).toBe(202);
    await t.drain();
    expect(await importsOf(a.users.admin.id)).toBe(2);
  });

  it('names what a refused row may not do in plain words, not an internal capability', async () => {
    const { a, unitA } = await authority();
    const agencies: Row[] = [{ 'Mã': `NEW-${a.tag}`, 'Tên': `Cơ quan mới ${a.tag}`, 'Loại': 'Phòng, ban', 'Mã đơn vị hành chính': `WA-${a.tag}` }];
    const res = await upload(unitA, await workbook({ agencies }));
    const body = res.json() as ImportBody;
    expect(body.rejected).toHaveLength(1);
    expect(body.rejected[0].message).not.toMatch(/[a-z_]+\.[a-z_]+/);
    expect(body.rejected[0]).toMatchObject({ code: 'forbidden', message: 'you may not add agencies to the registry' });
  });
});
