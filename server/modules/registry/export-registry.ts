import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { listAgencies, listUnits } from './registry.repository.js';
import { AGENCY_SHEET, agencyColumns, agencyKindLabels, UNIT_SHEET, unitColumns, unitKindLabels } from './registry-sheets.js';
import type { AgencyKind, UnitKind } from '../../../shared/api/registry.schemas.js';

/** Dates stay dd/mm/yyyy text: what a Vietnamese user reads and types, with no time-zone shift. */
export function toVnDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The units and agencies the actor may see, as an .xlsx that the import reads back. */
export async function exportRegistry(db: Db, actor: Actor): Promise<Buffer> {
  const [units, agencies] = await Promise.all([
    listUnits(db, actor, { includeInactive: true }),
    listAgencies(db, actor, { includeInactive: true }),
  ]);
  const unitCode = new Map(units.map((u) => [u.id, u.code ?? '']));
  const agencyCode = new Map(agencies.map((a) => [a.id, a.code ?? '']));

  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Inspect';
  const us = wb.addWorksheet(UNIT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  us.columns = unitColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const u of units) {
    us.addRow({
      code: u.code ?? '',
      name: u.name,
      kind: unitKindLabels[u.kind as UnitKind] ?? u.kind,
      parentCode: u.parentId ? (unitCode.get(u.parentId) ?? '') : '',
      validFrom: toVnDate(u.validFrom),
      validTo: toVnDate(u.validTo),
      active: u.active ? 'Có' : 'Không',
    });
  }
  const as = wb.addWorksheet(AGENCY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  as.columns = agencyColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const a of agencies) {
    as.addRow({
      ...a,
      kind: agencyKindLabels[a.kind as AgencyKind] ?? a.kind,
      unitCode: unitCode.get(a.unitId) ?? '',
      parentCode: a.parentAgencyId ? (agencyCode.get(a.parentAgencyId) ?? '') : '',
      validFrom: toVnDate(a.validFrom),
      validTo: toVnDate(a.validTo),
      active: a.active ? 'Có' : 'Không',
    });
  }
  for (const ws of [us, as]) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
