import ExcelJS from 'exceljs';
import { checkXlsx, refusalCode, type XlsxLimits } from '../../documents/xlsx-guard.js';
import { isPrintable } from '../../../shared/api/common.js';
import { MAX_TASK_IMPORT_ROWS, type AssignedTask, type TaskImportError } from '../../../shared/api/assigned-tasks.schemas.js';
import type { AssignedTaskStatus, Timeliness } from '../../../shared/domain/assigned-task-status.js';
import { foldVietnamese } from '../../../shared/domain/vietnamese.js';
import { toVnDate } from '../registry/export-registry.js';

/**
 * The .xlsx layout of the register (issue 10 §8), the same for the export, the template and the
 * import, so an exported register imports back: one sheet, a header row, a row per task. The
 * import finds its columns by header (case and diacritics ignored, in any order) and ignores the
 * others (TT, Tình trạng, Tiến độ…). Dates are dd/mm/yyyy text or Excel dates; "Thời hạn" may also
 * be "10 ngày làm việc" (counted from the document's date on the working calendar).
 */
export const TASK_SHEET = 'Nhiệm vụ được giao';

export const taskColumns = [
  { header: 'TT', key: 'n', width: 5 },
  { header: 'Số, ký hiệu văn bản', key: 'sourceNumber', width: 18 },
  { header: 'Ngày văn bản', key: 'sourceDate', width: 13 },
  { header: 'Trích yếu văn bản', key: 'sourceTitle', width: 30 },
  { header: 'Nội dung nhiệm vụ', key: 'content', width: 60 },
  { header: 'Cơ quan chủ trì', key: 'owner', width: 32 },
  { header: 'Cơ quan phối hợp', key: 'coOwners', width: 32 },
  { header: 'Thời hạn', key: 'deadline', width: 13 },
  { header: 'Tình trạng', key: 'status', width: 16 },
  { header: 'Đúng hạn, quá hạn', key: 'timeliness', width: 18 },
  { header: 'Ngày hoàn thành', key: 'completedOn', width: 15 },
  { header: 'Tiến độ gần nhất', key: 'lastNote', width: 40 },
] as const;

/** The columns an import reads; the required ones must be present. */
const importColumns = {
  sourceNumber: { header: 'Số, ký hiệu văn bản', required: true, max: 100 },
  sourceDate: { header: 'Ngày văn bản', required: true, max: 40 },
  sourceTitle: { header: 'Trích yếu văn bản', required: false, max: 500 },
  content: { header: 'Nội dung nhiệm vụ', required: true, max: 4000 },
  owner: { header: 'Cơ quan chủ trì', required: true, max: 300 },
  coOwners: { header: 'Cơ quan phối hợp', required: false, max: 3000 },
  deadline: { header: 'Thời hạn', required: false, max: 40 },
} as const;
type ImportKey = keyof typeof importColumns;

export const statusLabels: Record<AssignedTaskStatus, string> = { not_started: 'Chưa thực hiện', in_progress: 'Đang thực hiện', completed: 'Hoàn thành', cancelled: 'Đã hủy' };
export const timelinessLabels: Record<Timeliness, string> = {
  no_deadline: 'Thường xuyên',
  on_track: 'Trong hạn',
  overdue: 'Quá hạn',
  done_on_time: 'Đúng hạn',
  done_late: 'Trễ hạn',
  cancelled: '',
};

/** The register as .xlsx (the tasks already presented, in list order). */
export async function tasksWorkbook(tasks: AssignedTask[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Inspect';
  const ws = wb.addWorksheet(TASK_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = taskColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  tasks.forEach((t, i) =>
    ws.addRow({
      n: i + 1,
      sourceNumber: t.sourceNumber,
      sourceDate: toVnDate(t.sourceDate),
      sourceTitle: t.sourceTitle ?? '',
      content: t.content,
      owner: t.ownerAgencyName,
      coOwners: t.coOwners.map((c) => c.name).join('; '),
      deadline: toVnDate(t.deadline),
      status: statusLabels[t.status],
      timeliness: timelinessLabels[t.timeliness] + (t.overdueWorkingDays ? ` (${t.overdueWorkingDays} ngày làm việc)` : ''),
      completedOn: toVnDate(t.completedOn),
      lastNote: t.lastNote?.body ?? '',
    }),
  );
  ws.getRow(1).font = { bold: true };
  ws.getColumn('content').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An empty register to fill in: the import's columns. */
export async function taskTemplate(): Promise<Buffer> {
  return tasksWorkbook([]);
}

export interface ParsedTaskRow {
  row: number;
  sourceNumber: string;
  sourceDate: string;
  sourceTitle: string | null;
  content: string;
  owner: string;
  coOwners: string[];
  deadline: { date: string } | { workingDays: number } | null;
}

/** A row with errors: its agencies, still to be matched so every error of the row is reported at once. */
export interface RejectedTaskRow {
  row: number;
  owner: string | null;
  coOwners: string[];
}

const fold = (s: string) => foldVietnamese(s).replace(/[.,:;]/g, ' ').replace(/\s+/g, ' ').trim();

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

/** A real day from an Excel date (its UTC calendar day: exceljs reads dates as UTC) or dd/mm/yyyy text. */
function cellDate(v: ExcelJS.CellValue): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  const t = cellText(v).trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? null;
  const iso = m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : null;
  if (!iso) return null;
  const [y, mo, d] = iso.split('-').map(Number);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d && y >= 1990 && y <= 2199 ? iso : null;
}

/** Checked before ExcelJS reads the workbook (docs/decisions/import-limits.md): 1,000 tasks of long text are a few MB. */
export const TASK_XLSX_LIMITS: XlsxLimits = { maxRows: MAX_TASK_IMPORT_ROWS + 100, maxUnzippedBytes: 16 * 1024 * 1024 };

const err = (code: TaskImportError['code'], at: Partial<Omit<TaskImportError, 'code'>> = {}): TaskImportError => ({ code, row: null, column: null, value: null, params: {}, ...at });

/**
 * Reads the first sheet: finds the header row (among the first five), checks each cell of each
 * row, and returns the rows it could read with every error found (the caller writes nothing while
 * there is one). Agencies are matched by the caller.
 */
export async function parseTaskWorkbook(bytes: Buffer): Promise<{ rows: ParsedTaskRow[]; rejected: RejectedTaskRow[]; errors: TaskImportError[] }> {
  const refused = await checkXlsx(bytes, TASK_XLSX_LIMITS);
  if (refused) return { rows: [], rejected: [], errors: [err(refusalCode(refused))] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { rows: [], rejected: [], errors: [err('unreadable_file')] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], rejected: [], errors: [err('no_rows')] };
  // The header: the first row naming the task's content.
  let headerRow = 0;
  const columnOf = new Map<ImportKey, number>();
  for (let r = 1; r <= Math.min(5, ws.rowCount) && !headerRow; r++) {
    const cells = new Map<string, number>();
    ws.getRow(r).eachCell((cell, col) => cells.set(fold(cellText(cell.value)), col));
    if (cells.has(fold(importColumns.content.header))) {
      headerRow = r;
      for (const key of Object.keys(importColumns) as ImportKey[]) {
        const col = cells.get(fold(importColumns[key].header));
        if (col) columnOf.set(key, col);
      }
    }
  }
  const missing = (Object.keys(importColumns) as ImportKey[]).filter((k) => importColumns[k].required && !columnOf.has(k));
  if (!headerRow || missing.length) {
    return { rows: [], rejected: [], errors: (headerRow ? missing : (['content'] as ImportKey[])).map((k) => err('missing_column', { column: importColumns[k].header, row: headerRow || null })) };
  }
  const dataRows: ExcelJS.Row[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if ([...columnOf.values()].some((c) => cellText(row.getCell(c).value).trim() !== '')) dataRows.push(row);
    if (dataRows.length > MAX_TASK_IMPORT_ROWS) return { rows: [], rejected: [], errors: [err('too_many_rows', { params: { max: MAX_TASK_IMPORT_ROWS } })] };
  }
  if (!dataRows.length) return { rows: [], rejected: [], errors: [err('no_rows')] };

  const errors: TaskImportError[] = [];
  const rows: ParsedTaskRow[] = [];
  const rejected: RejectedTaskRow[] = [];
  const firstOf = new Map<string, number>();
  for (const row of dataRows) {
    const at = (key: ImportKey, value: string | null) => ({ row: row.number, column: importColumns[key].header, value });
    const before = errors.length;
    const textOf = (key: ImportKey): string | null => {
      const col = columnOf.get(key);
      if (!col) return null;
      const value = cellText(row.getCell(col).value).normalize('NFC').trim();
      if (!value) {
        if (importColumns[key].required) errors.push(err('required', at(key, null)));
        return null;
      }
      if (value.length > importColumns[key].max) {
        errors.push(err('too_long', { ...at(key, value.slice(0, 50)), params: { max: importColumns[key].max } }));
        return null;
      }
      if (!isPrintable(value)) {
        errors.push(err('control_characters', at(key, null)));
        return null;
      }
      return value;
    };
    const sourceNumber = textOf('sourceNumber');
    const content = textOf('content');
    const owner = textOf('owner');
    const sourceTitle = textOf('sourceTitle');
    const coOwnersText = textOf('coOwners');
    const sourceDateText = textOf('sourceDate');
    const sourceDate = sourceDateText === null ? null : cellDate(row.getCell(columnOf.get('sourceDate')!).value);
    if (sourceDateText !== null && !sourceDate) errors.push(err('invalid_date', at('sourceDate', sourceDateText)));
    const deadlineText = textOf('deadline');
    let deadline: ParsedTaskRow['deadline'] = null;
    if (deadlineText !== null) {
      const days = /^(\d{1,3})\s*(ngay lam viec|working days?)$/.exec(fold(deadlineText));
      const date = cellDate(row.getCell(columnOf.get('deadline')!).value);
      if (days && Number(days[1]) >= 1 && Number(days[1]) <= 365) deadline = { workingDays: Number(days[1]) };
      else if (date) deadline = { date };
      else errors.push(err('invalid_date', at('deadline', deadlineText)));
      if (deadline && 'date' in deadline && sourceDate && deadline.date < sourceDate) errors.push(err('before_source_date', at('deadline', deadlineText)));
    }
    const coOwners = (coOwnersText ?? '').split(/[;\n]/).map((s) => s.trim()).filter(Boolean);
    // A row with errors still has its agencies matched by the caller, so one pass reports them all.
    if (errors.length > before || !sourceNumber || !content || !owner || !sourceDate) {
      rejected.push({ row: row.number, owner, coOwners });
      continue;
    }
    const key = `${fold(sourceNumber)}|${fold(content)}`;
    if (firstOf.has(key)) {
      errors.push(err('duplicate_in_file', { ...at('content', content.slice(0, 50)), params: { first: firstOf.get(key)! } }));
      rejected.push({ row: row.number, owner, coOwners });
      continue;
    }
    firstOf.set(key, row.number);
    rows.push({ row: row.number, sourceNumber, sourceDate, sourceTitle, content, owner, coOwners, deadline });
  }
  return { rows, rejected, errors };
}

/** The key agencies are matched on: code, name or short name, folded. */
export const agencyMatchKey = fold;
