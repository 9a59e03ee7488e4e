import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { yieldToRequests } from '../../db/yield-to-requests.js';
import type { Actor } from '../../http/actor.js';
import { pageAgencies, pageUnits, type AgencyRow, type UnitRow } from './registry.repository.js';
import { AGENCY_SHEET, agencyColumns, agencyKindLabels, UNIT_SHEET, unitColumns, unitKindLabels } from './registry-sheets.js';
import type { AgencyKind, UnitKind } from '../../../shared/api/registry.schemas.js';

/** Dates stay dd/mm/yyyy text: what a Vietnamese user reads and types, with no time-zone shift. */
export function toVnDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Records read per query, and rows written between two turns of the event loop. */
const EXPORT_PAGE_ROWS = 1_000;
const ROWS_PER_TURN = 500;

/**
 * Every page of a keyset-paged list, the event loop turning between two pages: a national
 * registry is 15,000 agencies, and one query for all of them held the embedded database (and
 * this thread) for over a second.
 */
async function allPages<R extends { id: string }>(page: (after: string | undefined) => Promise<{ rows: R[]; nextCursor: string | null }>): Promise<R[]> {
  const byId = new Map<string, R>();
  let after: string | undefined;
  do {
    const { rows, nextCursor } = await page(after);
    // A record that moved in the order between two pages may come twice: once is enough.
    for (const r of rows) if (!byId.has(r.id)) byId.set(r.id, r);
    after = nextCursor ?? undefined;
    await yieldToRequests();
  } while (after);
  return [...byId.values()];
}

/**
 * The units and agencies the actor may see, as an .xlsx that the import reads back. Written
 * with exceljs's streaming writer, a few hundred rows at a time with a turn of the event loop
 * between them (the zip is compressed by zlib off this thread): building the whole workbook in
 * memory and then writing it held the server for seconds at 12,000 agencies.
 */
export async function exportRegistry(db: Db, actor: Actor): Promise<Buffer> {
  const units: UnitRow[] = await allPages((after) => pageUnits(db, actor, { includeInactive: true, after, limit: EXPORT_PAGE_ROWS }));
  const agencies: AgencyRow[] = await allPages((after) => pageAgencies(db, actor, { includeInactive: true, after, limit: EXPORT_PAGE_ROWS }));
  const unitCode = new Map(units.map((u) => [u.id, u.code ?? '']));
  const agencyCode = new Map(agencies.map((a) => [a.id, a.code ?? '']));

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'PAR Inspect';

  async function sheet<R>(name: string, columns: readonly { header: string; key: string; width: number }[], rows: R[], values: (r: R) => Record<string, unknown>) {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (let i = 0; i < rows.length; i++) {
      ws.addRow(values(rows[i])).commit();
      if ((i + 1) % ROWS_PER_TURN === 0) await yieldToRequests();
    }
    ws.commit();
  }

  await sheet(UNIT_SHEET, unitColumns, units, (u) => ({
    code: u.code ?? '',
    name: u.name,
    kind: unitKindLabels[u.kind as UnitKind] ?? u.kind,
    parentCode: u.parentId ? (unitCode.get(u.parentId) ?? '') : '',
    validFrom: toVnDate(u.validFrom),
    validTo: toVnDate(u.validTo),
    active: u.active ? 'Có' : 'Không',
  }));
  await sheet(AGENCY_SHEET, agencyColumns, agencies, (a) => ({
    ...a,
    kind: agencyKindLabels[a.kind as AgencyKind] ?? a.kind,
    unitCode: unitCode.get(a.unitId) ?? '',
    parentCode: a.parentAgencyId ? (agencyCode.get(a.parentAgencyId) ?? '') : '',
    validFrom: toVnDate(a.validFrom),
    validTo: toVnDate(a.validTo),
    active: a.active ? 'Có' : 'Không',
  }));
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}
