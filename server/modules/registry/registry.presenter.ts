import type { Agency, Unit } from '../../../shared/api/registry.schemas.js';
import type { AgencyRow, UnitRow } from './registry.repository.js';

export function presentUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as Unit['kind'],
    parentId: row.parentId,
    validFrom: row.validFrom,
    validTo: row.validTo,
    active: row.active,
    version: row.version,
  };
}

export function presentAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    parentAgencyId: row.parentAgencyId,
    parentAgencyName: row.parentAgencyName,
    name: row.name,
    shortName: row.shortName,
    kind: row.kind as Agency['kind'],
    code: row.code,
    docAbbreviation: row.docAbbreviation,
    placeName: row.placeName,
    headName: row.headName,
    headTitle: row.headTitle,
    phone: row.phone,
    email: row.email,
    address: row.address,
    validFrom: row.validFrom,
    validTo: row.validTo,
    active: row.active,
    isStandingBody: row.isStandingBody,
    version: row.version,
  };
}

export const withAbilities = <T, A>(item: T, abilities: A) => ({ ...item, abilities });
