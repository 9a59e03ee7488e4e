import ExcelJS from 'exceljs';
import { Worker } from 'node:worker_threads';
import type { FieldErrorCode } from '../../../shared/api/errors.js';
import { pacer } from '../../db/yield-to-requests.js';
import { checkXlsx, type XlsxLimits } from '../../documents/xlsx-guard.js';
import { AGENCY_SHEET, agencyColumns, UNIT_SHEET, unitColumns } from './registry-sheets.js';

export type Cells = Record<string, string>;
export interface SheetRow {
  row: number;
  cells: Cells;
}
export interface Sheet {
  rows: SheetRow[];
  /** Keys of the columns the sheet has: an absent optional column leaves existing values alone. */
  present: Set<string>;
}

/** The two sheets of a registry workbook, as plain rows of text by column key. */
export interface RegistryWorkbook {
  units: Sheet;
  agencies: Sheet;
  total: number;
}

/** The most rows (both sheets) one import reads. */
export const MAX_REGISTRY_IMPORT_ROWS = 20_000;
/**
 * Checked before ExcelJS reads the workbook (docs/decisions/import-limits.md): a 20,000-row
 * export unpacks to about 11 MB (9 MB of sheet XML); 48 MB leaves room for long names.
 */
export const REGISTRY_XLSX_LIMITS: XlsxLimits = { maxRows: MAX_REGISTRY_IMPORT_ROWS + 100, maxUnzippedBytes: 48 * 1024 * 1024 };

/** A workbook refused whole, before any row is tried. */
export class WorkbookRejected extends Error {
  constructor(readonly code: FieldErrorCode, message: string, readonly params?: Record<string, string | number>) {
    super(message);
  }
}

/** Text of a cell whatever exceljs made of it (rich text, hyperlink, formula result, date, number). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs reads a date cell as that calendar day at midnight UTC (plus the time of day, if
    // any) whatever the server's zone, so the UTC date is the day the user sees (stack.md gotcha 15).
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').normalize('NFC').trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    return '';
  }
  return String(value).normalize('NFC').trim();
}

/** Reads one sheet's rows by header; the event loop turns every 50 ms or so (15,000 rows take about a second). */
async function readSheet(wb: ExcelJS.Workbook, name: string, columns: readonly { key: string; header: string }[]): Promise<Sheet> {
  const ws = wb.getWorksheet(name);
  if (!ws) return { rows: [], present: new Set() };
  const header = ws.getRow(1);
  const indexOf = new Map<string, number>();
  header.eachCell((cell, col) => {
    const h = cellText(cell.value).toLocaleLowerCase('vi');
    const column = columns.find((c) => c.header.toLocaleLowerCase('vi') === h || c.key.toLowerCase() === h);
    if (column && !indexOf.has(column.key)) indexOf.set(column.key, col);
  });
  const rows: SheetRow[] = [];
  const pace = pacer();
  // The rows with values after the header, as ws.eachRow gives them, in a loop that can wait.
  for (const r of ws.findRows(2, Infinity) ?? []) {
    if (!r?.hasValues) continue;
    const cells: Cells = {};
    for (const c of columns) cells[c.key] = indexOf.has(c.key) ? cellText(r.getCell(indexOf.get(c.key)!).value) : '';
    if (Object.values(cells).some(Boolean)) rows.push({ row: r.number, cells });
    await pace();
  }
  return { rows, present: new Set(indexOf.keys()) };
}

/** Reads the two sheets in this thread; refuses a workbook that cannot be read, has no rows or too many. */
export async function parseRegistryWorkbook(bytes: Buffer): Promise<RegistryWorkbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookRejected('unreadable_workbook', 'the file is not a readable .xlsx workbook');
  }
  const found = (wb.getWorksheet(UNIT_SHEET)?.rowCount ?? 1) - 1 + (wb.getWorksheet(AGENCY_SHEET)?.rowCount ?? 1) - 1;
  if (found > MAX_REGISTRY_IMPORT_ROWS) {
    throw new WorkbookRejected('too_many_rows', `the workbook has ${found} rows; one import takes at most ${MAX_REGISTRY_IMPORT_ROWS}`, { found, max: MAX_REGISTRY_IMPORT_ROWS });
  }
  const units = await readSheet(wb, UNIT_SHEET, unitColumns);
  const agencies = await readSheet(wb, AGENCY_SHEET, agencyColumns);
  if (!units.rows.length && !agencies.rows.length) {
    throw new WorkbookRejected('no_rows', `the workbook has no rows in sheets "${UNIT_SHEET}" or "${AGENCY_SHEET}"`);
  }
  return { units, agencies, total: units.rows.length + agencies.rows.length };
}

/**
 * From this size on, the workbook is read in a worker thread: exceljs parses a sheet's XML in one
 * stretch (about 300 ms for 12,000 rows on an idle 2-core machine, during which the server answers
 * nobody, /api/health/live included). Smaller files are read here, where starting a worker would
 * cost more than it saves.
 */
export const WORKER_MIN_BYTES = 256 * 1024;

/** What the worker posts back: the sheets, or the refusal (an Error does not cross threads whole). */
export type WorkerAnswer = { ok: RegistryWorkbook } | { rejected: { code: FieldErrorCode; message: string; params?: Record<string, string | number> } };

/**
 * The worker beside this file: the bundle's .js in dist/server, or (under tsx and vitest) the .ts
 * source, loaded through tsx's loader registered in the new thread.
 */
/**
 * The reader's own heap limit: a workbook that still needs more than this (past the guard's caps)
 * ends the worker with ERR_WORKER_OUT_OF_MEMORY and fails the import, never the server's process.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512 };

function startWorker(bytes: Buffer): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./read-workbook.worker.js', here), { workerData: bytes, resourceLimits: WORKER_LIMITS });
  const source = new URL('./read-workbook.worker.ts', here).href;
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, { eval: true, workerData: bytes, resourceLimits: WORKER_LIMITS });
}

/**
 * Reads the two sheets (parseRegistryWorkbook), off the server's thread for a big file; the same
 * rows, columns and refusals either way. `inWorker` forces the choice (tests).
 */
export async function readRegistryWorkbook(bytes: Buffer, opts: { inWorker?: boolean } = {}): Promise<RegistryWorkbook> {
  // Again in the job: the request checked it too, but a file stored before the check was not.
  // (In this thread: the guard inflates in zlib's pool, a chunk at a time.)
  const refused = await checkXlsx(bytes, REGISTRY_XLSX_LIMITS);
  if (refused) throw new WorkbookRejected(refused.code, refused.reason, refused.params);
  if (!(opts.inWorker ?? bytes.length >= WORKER_MIN_BYTES)) return parseRegistryWorkbook(bytes);
  const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
    const worker = startWorker(bytes);
    worker.once('message', (m: WorkerAnswer) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the workbook reader stopped (exit code ${code}) without an answer`)));
  });
  if ('rejected' in answer) throw new WorkbookRejected(answer.rejected.code, answer.rejected.message, answer.rejected.params);
  return answer.ok;
}
