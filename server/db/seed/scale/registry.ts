import { vietnameseSortKey } from '../../../../shared/domain/vietnamese.js';
import { agency, unit } from '../../schema/index.js';
import { bulkInsert } from './bulk.js';
import type { CommuneIds, ProvinceIds, ScaleGenerator } from './context.js';
import { COMMUNE_OFFICES, communeNames, OPTIONAL_COMMUNE_OFFICES, personName, PROVINCES, PROVINCIAL_DEPARTMENTS, seededUuid, shortName } from './names.js';

type UnitRow = typeof unit.$inferInsert;
type AgencyRow = typeof agency.$inferInsert;

/**
 * The territorial tree after 2025 (Việt Nam → 34 provinces → ~3,321 communes and wards) and
 * their agencies: each province's People's Committee with its departments and service centre,
 * each commune's People's Committee with its offices (~15,000 agencies in all).
 */
export const registryGenerator: ScaleGenerator = {
  name: 'registry',
  async run(ctx) {
    const { rnd, options } = ctx;
    const uuid = () => seededUuid(rnd);
    const units: UnitRow[] = [];
    const agencies: AgencyRow[] = [];
    const addUnit = (u: Omit<UnitRow, 'sortKey' | 'id'>) => {
      const id = uuid();
      units.push({ ...u, id, sortKey: vietnameseSortKey(u.name) });
      return id;
    };
    const addAgency = (a: Omit<AgencyRow, 'sortKey' | 'id'>) => {
      const id = uuid();
      agencies.push({ ...a, id, sortKey: vietnameseSortKey(a.name) });
      return id;
    };

    const rootUnitId = addUnit({ code: 'VN', name: 'Việt Nam', kind: 'country', parentId: null });
    const ministryId = addAgency({ unitId: rootUnitId, name: 'Bộ Nội vụ', shortName: 'BNV', kind: 'department', code: 'BNV', docAbbreviation: 'BNV', placeName: 'Hà Nội' });

    const provinces: ProvinceIds[] = [];
    const count = Math.min(options.provinces, PROVINCES.length);
    for (let p = 0; p < count; p++) {
      const def = PROVINCES[p];
      const place = shortName(def.name);
      const unitId = addUnit({ code: def.code, name: place, kind: def.kind, parentId: rootUnitId });
      const committeeId = addAgency({
        unitId,
        name: `Ủy ban nhân dân ${def.name.replace(/^Tỉnh/, 'tỉnh').replace(/^Thành phố/, 'thành phố')}`,
        shortName: `UBND ${place}`,
        kind: 'peoples_committee',
        code: `UBND-${def.code}`,
        docAbbreviation: 'UBND',
        placeName: place,
        headName: personName(rnd),
        headTitle: 'Chủ tịch',
        phone: `02${def.code}3${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}`,
        address: `Số ${1 + Math.floor(rnd() * 200)} đường Trần Hưng Đạo, ${place}`,
      });
      const departmentIds = PROVINCIAL_DEPARTMENTS.map((d) =>
        addAgency({ unitId, parentAgencyId: committeeId, name: `${d.name} ${place}`, kind: 'department', code: `${d.abbr}-${def.code}`, docAbbreviation: d.abbr, placeName: place, headName: personName(rnd), headTitle: 'Giám đốc' }),
      );
      addAgency({ unitId, parentAgencyId: committeeId, name: `Trung tâm Phục vụ hành chính công ${place}`, kind: 'one_stop_desk', code: `TTPVHCC-${def.code}` });

      // Communes spread evenly, the remainder to the first provinces.
      const here = Math.floor(options.communes / count) + (p < options.communes % count ? 1 : 0);
      const communes: CommuneIds[] = communeNames(here, rnd).map((name, i) => {
        const kind = rnd() < 0.3 ? ('ward' as const) : ('commune' as const);
        const code = `${def.code}${String(i + 1).padStart(3, '0')}`;
        const communeUnit = addUnit({ code, name, kind, parentId: unitId });
        const label = kind === 'ward' ? 'phường' : 'xã';
        const communeCommittee = addAgency({
          unitId: communeUnit,
          name: `UBND ${label} ${name}`,
          kind: 'peoples_committee',
          code: `UBND-${code}`,
          docAbbreviation: 'UBND',
          placeName: name,
          headName: personName(rnd),
          headTitle: 'Chủ tịch',
        });
        const officeIds = COMMUNE_OFFICES.filter((o) => o.kind !== 'one_stop_desk' || rnd() < 0.25).map((o, j) =>
          addAgency({ unitId: communeUnit, parentAgencyId: communeCommittee, name: `${o.name} ${label} ${name}`, kind: o.kind, code: `${code}-${j + 1}` }),
        );
        for (const [j, o] of OPTIONAL_COMMUNE_OFFICES.entries()) {
          if (rnd() < 0.05) officeIds.push(addAgency({ unitId: communeUnit, parentAgencyId: communeCommittee, name: `${o.name} ${label} ${name}`, kind: o.kind, code: `${code}-o${j + 1}` }));
        }
        return { code, name, kind, unitId: communeUnit, committeeId: communeCommittee, officeIds };
      });
      provinces.push({ code: def.code, name: place, unitId, committeeId, homeAffairsId: departmentIds[0], departmentIds, communes });
    }

    // Parents before children: the tree is built top-down, so insertion order satisfies the keys.
    await bulkInsert(ctx.db, unit, units);
    await bulkInsert(ctx.db, agency, agencies);
    ctx.registry = { rootUnitId, ministryId, provinces, unitIds: units.map((u) => u.id!), agencyIds: agencies.map((a) => a.id!) };
    return { unit: units.length, agency: agencies.length };
  },
};
