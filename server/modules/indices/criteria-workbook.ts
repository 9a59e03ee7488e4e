import ExcelJS from 'exceljs';
import { checkXlsx, refusalCode, type XlsxLimits } from '../../documents/xlsx-guard.js';
import { scoringMethods, type CriterionInput, type ImportError, type ScoringMethod } from '../../../shared/api/indices.schemas.js';
import { compareCodes, round2 } from '../../../shared/domain/index-scoring.js';
import { foldVietnamese } from '../../../shared/domain/vietnamese.js';
import type { CriterionRow } from './frameworks.repository.js';
import { cellPoints, cellText } from './score-workbook.js';

/**
 * A framework's criteria tree as an .xlsx (issue 11 §1: frameworks are data, "imported from
 * .xlsx"), the way a decision's appendix lists it: one sheet "Tiêu chí", a header row, then a row
 * per area, criterion and sub-criterion. The code says the level and the parent (1 → 1.2 → 1.2.3);
 * rows may come in any order. Columns, found by their header (case and diacritics ignored):
 * Mã (required), Tên tiêu chí (required), Điểm tối đa (required on a leaf; a parent left empty
 * gets the sum of its parts), Phương pháp chấm, Tài liệu kiểm chứng, Ngưỡng chưa đạt.
 */
export const CRITERIA_SHEET = 'Tiêu chí';
const HEADERS = {
  code: 'Mã',
  name: 'Tên tiêu chí',
  maxPoints: 'Điểm tối đa',
  scoringMethod: 'Phương pháp chấm',
  expectedEvidence: 'Tài liệu kiểm chứng',
  unmetBelow: 'Ngưỡng chưa đạt',
} as const;
type Field = keyof typeof HEADERS;
/** Other names a header goes by (folded). */
const ALIASES: Record<string, Field> = { 'ma so': 'code', 'ma tieu chi': 'code', ten: 'name', 'diem toi da': 'maxPoints', 'diem': 'maxPoints', 'phuong phap': 'scoringMethod', 'tai lieu': 'expectedEvidence' };

const METHOD_LABELS: Record<ScoringMethod, string> = { self_assessed: 'Tự đánh giá', appraised: 'Thẩm định', survey: 'Điều tra xã hội học' };

/** Rows one workbook may hold: a national framework has well under a hundred. */
export const MAX_CRITERIA_ROWS = 1000;
/** Checked before ExcelJS reads the workbook (docs/decisions/import-limits.md). */
export const CRITERIA_XLSX_LIMITS: XlsxLimits = { maxRows: MAX_CRITERIA_ROWS + 100, maxUnzippedBytes: 8 * 1024 * 1024 };
const CODE = /^\d+(\.\d+){0,3}$/;

const fold = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ').trim();
const error = (code: ImportError['code'], at: Partial<Omit<ImportError, 'code'>> = {}): ImportError => ({ code, sheet: null, row: null, column: null, value: null, params: {}, ...at });

export interface ParsedCriteria {
  sheet: string | null;
  rows: number;
  criteria: CriterionInput[];
  errors: ImportError[];
}

function methodOf(text: string): ScoringMethod | null {
  const folded = fold(text);
  for (const m of scoringMethods) if (folded === m || folded === fold(METHOD_LABELS[m])) return m;
  return null;
}

/**
 * Reads the criteria sheet into a nested tree and every error it finds, row by row (the caller
 * writes nothing while there is one). Checks: codes well formed, unique, at most three levels,
 * each with its parent present; names and leaf maxima present; points non-negative with at most
 * two decimals; a parent's maximum equal to the sum of its parts; a known scoring method.
 */
export async function parseCriteriaWorkbook(bytes: Buffer): Promise<ParsedCriteria> {
  const refused = await checkXlsx(bytes, CRITERIA_XLSX_LIMITS);
  if (refused) return { sheet: null, rows: 0, criteria: [], errors: [error(refusalCode(refused), { params: refused.params ?? {} })] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { sheet: null, rows: 0, criteria: [], errors: [error('unreadable_file')] };
  }
  const ws = wb.worksheets.find((w) => fold(w.name) === fold(CRITERIA_SHEET)) ?? (wb.worksheets.length === 1 ? wb.worksheets[0] : undefined);
  if (!ws) return { sheet: null, rows: 0, criteria: [], errors: [error('sheet_not_found', { value: CRITERIA_SHEET, params: { found: wb.worksheets.map((w) => w.name).join(', ') } })] };
  const sheet = ws.name;
  if (ws.rowCount - 1 > MAX_CRITERIA_ROWS) return { sheet, rows: 0, criteria: [], errors: [error('too_many_rows', { sheet, params: { found: ws.rowCount - 1, max: MAX_CRITERIA_ROWS } })] };

  const columns = new Map<Field, number>();
  const byHeader = new Map(Object.entries(HEADERS).map(([k, v]) => [fold(v), k as Field]));
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const folded = fold(cellText(cell.value));
    const field = byHeader.get(folded) ?? ALIASES[folded];
    if (field && !columns.has(field)) columns.set(field, col);
  });
  if (!columns.has('code') || !columns.has('name') || !columns.has('maxPoints')) {
    return { sheet, rows: 0, criteria: [], errors: [error('no_code_column', { sheet, row: 1, params: { expected: `${HEADERS.code}, ${HEADERS.name}, ${HEADERS.maxPoints}` } })] };
  }
  const letter = (field: Field) => ws.getColumn(columns.get(field)!).letter;

  const errors: ImportError[] = [];
  type Node = { row: number; input: CriterionInput; pointsGiven: boolean };
  const nodes = new Map<string, Node>();
  let rows = 0;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cell = (field: Field) => (columns.has(field) ? row.getCell(columns.get(field)!) : null);
    const text = (field: Field) => {
      const c = cell(field);
      return c ? cellText(c.value).trim() : '';
    };
    const at = (field: Field, value: string | null) => ({ sheet, row: r, column: letter(field), value: value === null ? null : value.slice(0, 100) });
    const formula = [...columns.keys()].find((f) => {
      const v = cell(f)?.value;
      return !!v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);
    });
    const code = text('code');
    const name = text('name');
    if (!code && !name && !text('maxPoints')) continue; // a blank line
    rows++;
    if (formula) {
      errors.push(error('formula', at(formula, null)));
      continue;
    }
    if (!CODE.test(code)) {
      errors.push(error('bad_code', at('code', code)));
      continue;
    }
    if (code.split('.').length > 3) {
      errors.push(error('too_deep', at('code', code)));
      continue;
    }
    if (nodes.has(code)) {
      errors.push(error('duplicate_code', { ...at('code', code), params: { first: nodes.get(code)!.row } }));
      continue;
    }
    if (!name) {
      errors.push(error('missing_name', at('name', null)));
    } else if (name.length > 500) {
      errors.push(error('text_too_long', { ...at('name', name), params: { max: 500 } }));
    }
    const points = (field: 'maxPoints' | 'unmetBelow'): number | null | undefined => {
      const c = cell(field);
      const v = c ? cellPoints(c.value) : null;
      if (v === null) return null;
      if (typeof v === 'string') errors.push(error('not_a_number', at(field, v)));
      else if (v < 0) errors.push(error('negative', at(field, String(v))));
      else if (Math.abs(v * 100 - Math.round(v * 100)) > 1e-6 || v > 10000) errors.push(error('too_many_decimals', at(field, String(v))));
      else return v;
      return undefined;
    };
    const maxPoints = points('maxPoints');
    const unmetBelow = points('unmetBelow');
    const methodText = text('scoringMethod');
    const method = methodText ? methodOf(methodText) : null;
    if (methodText && !method) {
      errors.push(error('unknown_scoring_method', { ...at('scoringMethod', methodText), params: { expected: Object.values(METHOD_LABELS).join(', ') } }));
    }
    const evidence = text('expectedEvidence');
    if (evidence.length > 2000) {
      errors.push(error('text_too_long', { ...at('expectedEvidence', evidence), params: { max: 2000 } }));
    }
    if (maxPoints != null && unmetBelow != null && unmetBelow > maxPoints) {
      errors.push(error('above_maximum', { ...at('unmetBelow', String(unmetBelow)), params: { criterion: code, max: maxPoints } }));
    }
    // Kept even when a cell is wrong, so its children are not also reported as orphans.
    nodes.set(code, {
      row: r,
      pointsGiven: maxPoints !== null, // a wrong number is reported once, not also as missing
      input: {
        code,
        name,
        maxPoints: maxPoints ?? 0,
        ...(method ? { scoringMethod: method } : {}),
        ...(evidence ? { expectedEvidence: evidence } : {}),
        ...(unmetBelow != null ? { unmetBelow } : {}),
      },
    });
  }

  // The tree: each node under its parent, in code order.
  const roots: CriterionInput[] = [];
  const children = new Map<string, CriterionInput[]>();
  for (const [code, node] of nodes) {
    const parentCode = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
    if (parentCode === null) roots.push(node.input);
    else if (!nodes.has(parentCode)) errors.push(error('unknown_parent', { sheet, row: node.row, column: letter('code'), value: code, params: { parent: parentCode } }));
    else children.set(parentCode, [...(children.get(parentCode) ?? []), node.input]);
  }
  const byCode = (a: CriterionInput, b: CriterionInput) => compareCodes(a, b);
  // Leaves first need their points; parents then take or check the sum, deepest first.
  const codes = [...nodes.keys()].sort((a, b) => b.split('.').length - a.split('.').length);
  for (const code of codes) {
    const node = nodes.get(code)!;
    const parts = children.get(code);
    if (!parts?.length) {
      if (!node.pointsGiven) errors.push(error('missing_points', { sheet, row: node.row, column: letter('maxPoints'), value: code }));
      continue;
    }
    node.input.children = parts.sort(byCode);
    const sum = round2(parts.reduce((a, c) => a + c.maxPoints, 0));
    if (!node.pointsGiven) node.input.maxPoints = sum;
    else if (Math.abs(sum - node.input.maxPoints) > 0.005) {
      errors.push(error('max_points_mismatch', { sheet, row: node.row, column: letter('maxPoints'), value: String(node.input.maxPoints), params: { criterion: code, sum } }));
    }
  }
  if (!nodes.size && !errors.length) errors.push(error('no_criteria', { sheet }));
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { sheet, rows, criteria: roots.sort(byCode), errors };
}

/** The counts an import reports. */
export function treeSummary(tree: CriterionInput[], rows: number) {
  const levels = [0, 0, 0];
  const walk = (nodes: CriterionInput[], depth: number): void =>
    nodes.forEach((n) => {
      levels[depth]++;
      walk(n.children ?? [], depth + 1);
    });
  walk(tree, 0);
  return { rows, areas: levels[0], criteria: levels[1], subCriteria: levels[2], maxPoints: round2(tree.reduce((a, n) => a + n.maxPoints, 0)) };
}

/** A framework's tree in this layout: what the office edits and imports back (an empty one for a new draft). */
export async function criteriaWorkbook(nodes: CriterionRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(CRITERIA_SHEET);
  ws.columns = [
    { header: HEADERS.code, width: 10 },
    { header: HEADERS.name, width: 60 },
    { header: HEADERS.maxPoints, width: 12 },
    { header: HEADERS.scoringMethod, width: 20 },
    { header: HEADERS.expectedEvidence, width: 50 },
    { header: HEADERS.unmetBelow, width: 14 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const n of [...nodes].sort(compareCodes)) {
    ws.addRow([n.code, n.name, n.maxPoints, METHOD_LABELS[n.scoringMethod as ScoringMethod] ?? '', n.expectedEvidence ?? '', n.unmetBelow ?? '']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
