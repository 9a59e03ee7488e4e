import ExcelJS from 'exceljs';
import { isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { createAgencyBody, createUnitBody, type ImportResult } from '../../../shared/api/registry.schemas.js';
import { agency, unit } from '../../db/schema/index.js';
import type { Db, Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { createAgency, updateAgency } from './agency-use-cases.js';
import { AGENCY_SHEET, agencyColumns, agencyKindFrom, UNIT_SHEET, unitColumns, unitKindFrom } from './registry-sheets.js';
import { createUnit, deactivateUnit, updateUnit } from './unit-use-cases.js';

type Rejection = ImportResult['rejected'][number];
type Cells = Record<string, string>;

class RowRejected extends Error {
  constructor(readonly field: string | null, readonly code: string, message: string) {
    super(message);
  }
}
class DryRunRollback extends Error {}

/** Text of a cell whatever exceljs made of it (rich text, formula result, date, number). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs reads a date cell as midnight UTC of that calendar day (stack.md gotcha 15).
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value).normalize('NFC').trim();
}

/** dd/mm/yyyy (what users type) or yyyy-mm-dd → yyyy-mm-dd; '' → null. */
function parseDate(text: string, field: string): string | null {
  if (!text) return null;
  let iso = text;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (vn) iso = `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}`;
  const ok = z.iso.date().safeParse(iso);
  if (!ok.success) throw new RowRejected(field, 'invalid_date', `"${text}" is not a date (dd/mm/yyyy)`);
  return iso;
}

function parseActive(text: string): boolean {
  return !/^(không|khong|no|false|0)$/i.test(text.trim());
}

function readSheet(wb: ExcelJS.Workbook, name: string, columns: readonly { key: string; header: string }[]) {
  const ws = wb.getWorksheet(name);
  if (!ws) return [];
  const header = ws.getRow(1);
  const indexOf = new Map<string, number>();
  header.eachCell((cell, col) => {
    const h = cellText(cell.value).toLocaleLowerCase('vi');
    const column = columns.find((c) => c.header.toLocaleLowerCase('vi') === h || c.key.toLowerCase() === h);
    if (column) indexOf.set(column.key, col);
  });
  const rows: { row: number; cells: Cells }[] = [];
  ws.eachRow((r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Cells = {};
    for (const c of columns) cells[c.key] = indexOf.has(c.key) ? cellText(r.getCell(indexOf.get(c.key)!).value) : '';
    if (Object.values(cells).some(Boolean)) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function zodRejection(error: z.ZodError): RowRejected {
  const issue = error.issues[0];
  return new RowRejected(String(issue.path[0] ?? ''), issue.code, issue.message);
}

/**
 * Imports units and agencies from the sheets the export writes. Rows are matched by code:
 * a known code updates, a new one creates. Each row runs in its own savepoint, so a bad row is
 * rejected whole (with its sheet, row, field and reason) and never half-imported; good rows go
 * in. Parents may come after their children in the file. With dryRun nothing is kept.
 */
export async function importRegistry(db: Db, ctx: RequestContext, bytes: Buffer, opts: { dryRun: boolean }): Promise<ImportResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('UNSUPPORTED_FILE', 'the file is not a readable .xlsx workbook');
  }
  const unitRows = readSheet(wb, UNIT_SHEET, unitColumns);
  const agencyRows = readSheet(wb, AGENCY_SHEET, agencyColumns);
  if (!unitRows.length && !agencyRows.length) {
    throw AppError.invalid('body.file', 'no_rows', `the workbook has no rows in sheets "${UNIT_SHEET}" or "${AGENCY_SHEET}"`);
  }

  const result: ImportResult = { units: { created: 0, updated: 0 }, agencies: { created: 0, updated: 0 }, rejected: [] };
  try {
    await db.transaction(async (tx) => {
      await importUnits(tx, ctx, unitRows, result);
      await importAgencies(tx, ctx, agencyRows, result);
      await recordAudit(tx, ctx, {
        action: 'registry.imported',
        entityType: 'registry',
        entityId: null,
        after: { units: result.units, agencies: result.agencies, rejected: result.rejected.length },
      });
      if (opts.dryRun) throw new DryRunRollback();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  result.rejected.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === UNIT_SHEET ? -1 : 1));
  return result;
}

/** Runs one row in a savepoint; a rejection or a database error rolls back that row only. */
async function inSavepoint(tx: Tx, sheet: string, row: number, rejected: Rejection[], work: (sp: Tx) => Promise<void>): Promise<boolean> {
  try {
    await tx.transaction(async (sp) => work(sp));
    return true;
  } catch (err) {
    if (err instanceof RowRejected) rejected.push({ sheet, row, field: err.field || null, code: err.code, message: err.message });
    else if (err instanceof AppError) {
      const p = err.invalidParams?.[0];
      rejected.push({ sheet, row, field: p?.name.replace(/^body\./, '') ?? null, code: p?.code ?? err.code, message: p?.reason ?? err.detail ?? err.code });
    } else {
      const cause = (err as { cause?: { message?: string } }).cause;
      rejected.push({ sheet, row, field: null, code: 'database_error', message: cause?.message ?? (err as Error).message });
    }
    return false;
  }
}

async function codeMap(tx: Tx, table: typeof unit | typeof agency) {
  const rows = await tx.select({ id: table.id, code: table.code, version: table.version, active: table.active }).from(table).where(isNotNull(table.code));
  return new Map(rows.map((r) => [r.code!, r]));
}

async function importUnits(tx: Tx, ctx: RequestContext, rows: { row: number; cells: Cells }[], result: ImportResult) {
  const byCode = await codeMap(tx, unit);
  const fileCodes = new Set(rows.map((r) => r.cells.code).filter(Boolean));
  let pending = rows;
  // Parents first: repeat while rows whose parent is in the file wait for it.
  while (pending.length) {
    const waiting: typeof pending = [];
    for (const r of pending) {
      const parentCode = r.cells.parentCode;
      if (parentCode && !byCode.has(parentCode) && fileCodes.has(parentCode) && pending.some((p) => p.cells.code === parentCode && p !== r)) {
        waiting.push(r);
        continue;
      }
      await inSavepoint(tx, UNIT_SHEET, r.row, result.rejected, async (sp) => {
        const c = r.cells;
        if (!c.code) throw new RowRejected('code', 'required', 'the code is required to match rows');
        const kind = unitKindFrom(c.kind);
        if (!kind) throw new RowRejected('kind', 'invalid_kind', `unknown kind "${c.kind}"`);
        const parent = c.parentCode ? byCode.get(c.parentCode) : null;
        if (c.parentCode && !parent) throw new RowRejected('parentCode', 'parent_not_found', `no unit with code ${c.parentCode}`);
        const parsed = createUnitBody.safeParse({
          code: c.code, name: c.name, kind, parentId: parent?.id ?? null,
          validFrom: parseDate(c.validFrom, 'validFrom'), validTo: parseDate(c.validTo, 'validTo'),
        });
        if (!parsed.success) throw zodRejection(parsed.error);
        const existing = byCode.get(c.code);
        if (existing) {
          const updated = await updateUnit(sp, ctx, existing.id, { ...parsed.data, version: existing.version });
          let final = updated;
          if (!parseActive(c.active) && updated.active) final = await deactivateUnit(sp, ctx, existing.id, { version: updated.version });
          byCode.set(c.code, { id: final.id, code: final.code, version: final.version, active: final.active });
          result.units.updated++;
        } else {
          const created = await createUnit(sp, ctx, parsed.data);
          byCode.set(c.code, { id: created.id, code: created.code, version: created.version, active: created.active });
          result.units.created++;
        }
      });
    }
    if (waiting.length === pending.length) {
      // Only rows whose parents were rejected (or a cycle) remain.
      for (const r of waiting) result.rejected.push({ sheet: UNIT_SHEET, row: r.row, field: 'parentCode', code: 'parent_rejected', message: `the parent ${r.cells.parentCode} was not imported` });
      break;
    }
    pending = waiting;
  }
}

async function importAgencies(tx: Tx, ctx: RequestContext, rows: { row: number; cells: Cells }[], result: ImportResult) {
  const units = await codeMap(tx, unit);
  const byCode = await codeMap(tx, agency);
  const sorted = [...rows].sort((a, b) => Number(Boolean(a.cells.parentCode)) - Number(Boolean(b.cells.parentCode)));
  for (const r of sorted) {
    await inSavepoint(tx, AGENCY_SHEET, r.row, result.rejected, async (sp) => {
      const c = r.cells;
      if (!c.code) throw new RowRejected('code', 'required', 'the code is required to match rows');
      const kind = agencyKindFrom(c.kind);
      if (!kind) throw new RowRejected('kind', 'invalid_kind', `unknown kind "${c.kind}"`);
      const u = units.get(c.unitCode);
      if (!u) throw new RowRejected('unitCode', 'unit_not_found', `no unit with code "${c.unitCode}"`);
      const parent = c.parentCode ? byCode.get(c.parentCode) : null;
      if (c.parentCode && !parent) throw new RowRejected('parentCode', 'parent_not_found', `no agency with code ${c.parentCode}`);
      const parsed = createAgencyBody.safeParse({
        unitId: u.id, parentAgencyId: parent?.id ?? null, name: c.name, shortName: c.shortName, kind, code: c.code,
        docAbbreviation: c.docAbbreviation, placeName: c.placeName, headName: c.headName, headTitle: c.headTitle,
        phone: c.phone, email: c.email || null, address: c.address,
        validFrom: parseDate(c.validFrom, 'validFrom'), validTo: parseDate(c.validTo, 'validTo'),
      });
      if (!parsed.success) throw zodRejection(parsed.error);
      const existing = byCode.get(c.code);
      if (existing) {
        const updated = await updateAgency(sp, ctx, existing.id, { ...parsed.data, version: existing.version });
        byCode.set(c.code, { id: updated.id, code: updated.code, version: updated.version, active: updated.active });
        result.agencies.updated++;
      } else {
        const created = await createAgency(sp, ctx, parsed.data);
        byCode.set(c.code, { id: created.id, code: created.code, version: created.version, active: created.active });
        result.agencies.created++;
      }
    });
  }
}

