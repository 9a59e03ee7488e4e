import { inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { DbOrTx } from '../db/client.js';
import { agency } from '../db/schema/index.js';
import { findFilterUnit } from '../authz/guard.js';
import type { Actor } from '../http/actor.js';

/**
 * A list as .xlsx (issue 11 §5: "every list behind it exportable"): a title row naming the list,
 * its scope and its filters, a row of Vietnamese headers, then one row per item in the list's own
 * order. Dates are real Excel dates shown dd/mm/yyyy, percentages real numbers shown as %.
 * The lists' exports (findings, corrective actions, report submissions, index results, risk
 * ranking) are built here so they read alike.
 */

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The most rows one list export carries (as the schedule's); a larger list is exported per year or unit. */
export const LIST_EXPORT_MAX = 10_000;
/** Row numbers of a list workbook: the title, the headers, the first item. */
export const LIST_TITLE_ROW = 1;
export const LIST_HEADER_ROW = 2;
export const LIST_FIRST_ROW = 3;

export type Cell = string | number | Date | null;
export interface ListColumn<T> {
  header: string;
  width?: number;
  /** 'date': an ISO day ('YYYY-MM-DD') as an Excel date; 'percent': a number out of 100 shown as %. */
  kind?: 'text' | 'number' | 'date' | 'percent';
  value: (row: T, index: number) => Cell | undefined;
}

/** 'YYYY-MM-DD' as an Excel date (midnight UTC: Excel stores it without a zone, no shift by the reader's). */
export const excelDate = (iso: string | null | undefined): Date | null => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

/** The title row's text: "<title> — Phạm vi: <scope>; <filter>: <value>; …" (filters left empty are not named). */
export function listTitle(title: string, scope: string, filters: readonly (readonly [string, string | number | null | undefined])[]): string {
  const named = filters.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => `${k}: ${v}`);
  return [`${title} — Phạm vi: ${scope}`, ...named].join('; ');
}

/** The list's workbook: one sheet, the title row, the header row (frozen), one row per item. */
export async function listWorkbook<T>(input: { sheet: string; title: string; columns: readonly ListColumn<T>[]; rows: readonly T[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Inspect';
  wb.title = input.title;
  const ws = wb.addWorksheet(input.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: LIST_HEADER_ROW }] });
  const cols = input.columns;
  ws.getCell(LIST_TITLE_ROW, 1).value = input.title;
  ws.getCell(LIST_TITLE_ROW, 1).font = { bold: true, size: 13 };
  if (cols.length > 1) ws.mergeCells(LIST_TITLE_ROW, 1, LIST_TITLE_ROW, cols.length);
  const header = ws.getRow(LIST_HEADER_ROW);
  cols.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    ws.getColumn(i + 1).width = c.width ?? 16;
  });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  input.rows.forEach((row, n) => {
    ws.addRow(
      cols.map((c) => {
        const v = c.value(row, n) ?? null;
        if (v === '') return null;
        if (c.kind === 'date') return typeof v === 'string' ? excelDate(v) : v;
        if (c.kind === 'percent') return typeof v === 'number' ? v / 100 : v;
        return v;
      }),
    );
  });
  cols.forEach((c, i) => {
    const fmt = c.kind === 'date' ? 'dd/mm/yyyy' : c.kind === 'percent' ? '0.0%' : null;
    if (!fmt) return;
    for (let r = LIST_FIRST_ROW; r < LIST_FIRST_ROW + input.rows.length; r++) ws.getCell(r, i + 1).numFmt = fmt;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The scope a list export names in its title: the unit of its `unitId` filter — which the caller
 * must see (404 otherwise, before any row is read) — or else the agencies of the caller's roles.
 */
export async function exportScope(tx: DbOrTx, actor: Actor, unitId: string | undefined): Promise<string> {
  if (unitId) {
    return (await findFilterUnit(tx, actor, unitId)).name;
  }
  const ids = [...new Set(actor.roles.map((g) => g.agencyId))];
  if (!ids.length) return actor.fullName;
  const rows = await tx.select({ name: agency.name }).from(agency).where(inArray(agency.id, ids));
  return rows.map((r) => r.name).sort((a, b) => a.localeCompare(b, 'vi')).join(', ');
}

/** Sends an .xlsx as a download (not cached: it is the caller's own scope). */
export const sendXlsx = (reply: FastifyReply, bytes: Buffer, fileName: string) =>
  reply.type(XLSX_MEDIA_TYPE).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store').send(bytes);
