import ExcelJS from 'exceljs';
import { LIST_FIRST_ROW, LIST_HEADER_ROW, LIST_TITLE_ROW } from './list-workbook.js';

/** A cell as tests compare it: a date as its ISO day, a number as itself, anything else as text ('' when empty). */
export const cellValue = (v: ExcelJS.CellValue): string | number | null => {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return null;
  return String(v);
};

/** A list export read back: its title row, its headers, its item rows (cells as cellValue) and each column's number format. */
export async function readListWorkbook(bytes: Buffer | Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = book.worksheets[0];
  const width = ws.getRow(LIST_HEADER_ROW).cellCount;
  const row = (n: number) => Array.from({ length: width }, (_, i) => cellValue(ws.getCell(n, i + 1).value));
  const rows: (string | number | null)[][] = [];
  const formats: string[][] = [];
  for (let n = LIST_FIRST_ROW; n <= ws.rowCount; n++) {
    rows.push(row(n));
    formats.push(Array.from({ length: width }, (_, i) => ws.getCell(n, i + 1).numFmt ?? ''));
  }
  return { sheet: ws.name, title: String(ws.getCell(LIST_TITLE_ROW, 1).value), headers: row(LIST_HEADER_ROW), rows, formats };
}
