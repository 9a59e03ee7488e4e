import type { AgencyKind, UnitKind } from '../../../shared/api/registry.schemas.js';

/**
 * The demo registry: thị xã Hoài Nhơn (Bình Định) in 2021 with its 11 wards and 6 communes and
 * its offices, and the same area after the 1 July 2025 reorganisation (Gia Lai → 7 wards),
 * linked by succession (reference.md §7). Codes: GSO codes where reference.md gives them
 * (Hoài Nhơn 543, Tam Quan 21637, Hoài Tân 21673); the rest are demo codes prefixed "DEMO-",
 * which real deployments replace by import.
 */
export interface DemoUnit {
  key: string;
  code: string;
  name: string;
  kind: UnitKind;
  parent?: string;
  validFrom?: string;
  validTo?: string;
}

export interface DemoAgency {
  key: string;
  unit: string;
  parent?: string;
  name: string;
  shortName?: string;
  kind: AgencyKind;
  docAbbreviation?: string;
  placeName?: string;
  headName?: string;
  headTitle?: string;
  phone?: string;
  address?: string;
  validFrom?: string;
  validTo?: string;
}

const END_2025 = '2025-06-30';
const FROM_2025 = '2025-07-01';
const TOWN_FROM = '2020-06-01';

export const wards2021 = ['Bồng Sơn', 'Hoài Đức', 'Hoài Hảo', 'Hoài Hương', 'Hoài Tân', 'Hoài Thanh', 'Hoài Thanh Tây', 'Hoài Xuân', 'Tam Quan', 'Tam Quan Bắc', 'Tam Quan Nam'];
export const communes2021 = ['Hoài Châu', 'Hoài Châu Bắc', 'Hoài Hải', 'Hoài Mỹ', 'Hoài Phú', 'Hoài Sơn'];
const wards2025 = ['Bồng Sơn', 'Hoài Nhơn', 'Tam Quan', 'Hoài Nhơn Đông', 'Hoài Nhơn Tây', 'Hoài Nhơn Nam', 'Hoài Nhơn Bắc'];
const gsoCodes: Record<string, string> = { 'Tam Quan': '21637', 'Hoài Tân': '21673' };

const slug = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toUpperCase().replace(/[^A-Z0-9]+/g, '');

export const demoUnits: DemoUnit[] = [
  { key: 'vn', code: 'VN', name: 'Việt Nam', kind: 'country' },
  { key: 'binh-dinh', code: '52', name: 'Bình Định', kind: 'province', parent: 'vn', validTo: END_2025 },
  { key: 'hoai-nhon', code: '543', name: 'Hoài Nhơn', kind: 'town', parent: 'binh-dinh', validFrom: TOWN_FROM, validTo: END_2025 },
  ...wards2021.map((n) => ({ key: `2021:${n}`, code: gsoCodes[n] ?? `DEMO-${slug(n)}`, name: n, kind: 'ward' as const, parent: 'hoai-nhon', validFrom: TOWN_FROM, validTo: END_2025 })),
  ...communes2021.map((n) => ({ key: `2021:${n}`, code: `DEMO-${slug(n)}`, name: n, kind: 'commune' as const, parent: 'hoai-nhon', validTo: END_2025 })),
  { key: 'gia-lai', code: 'DEMO-GIALAI-2025', name: 'Gia Lai', kind: 'province', parent: 'vn', validFrom: FROM_2025 },
  ...wards2025.map((n) => ({ key: `2025:${n}`, code: `DEMO-2025-${slug(n)}`, name: n, kind: 'ward' as const, parent: 'gia-lai', validFrom: FROM_2025 })),
];

/** Succession links confirmed by reference.md §7.3 (Bồng Sơn "as proposed"). */
export const demoSuccessions: { from: string; to: string; kind: 'merged_into'; note?: string }[] = [
  { from: 'binh-dinh', to: 'gia-lai', kind: 'merged_into', note: 'Nghị quyết 202/2025/QH15 (số hiệu chưa xác nhận)' },
  ...['Hoài Thanh Tây', 'Hoài Thanh', 'Tam Quan Nam'].map((n) => ({ from: `2021:${n}`, to: '2025:Hoài Nhơn', kind: 'merged_into' as const, note: 'Nghị quyết 1664/NQ-UBTVQH15' })),
  ...['Hoài Tân', 'Hoài Xuân'].map((n) => ({ from: `2021:${n}`, to: '2025:Hoài Nhơn Nam', kind: 'merged_into' as const, note: 'Nghị quyết 1664/NQ-UBTVQH15' })),
  ...['Bồng Sơn', 'Hoài Đức'].map((n) => ({ from: `2021:${n}`, to: '2025:Bồng Sơn', kind: 'merged_into' as const, note: 'Theo phương án dự kiến; cần đối chiếu Nghị quyết 1664/NQ-UBTVQH15' })),
];

/** The typical offices of a town People's Committee in 2021 (reference.md §7.2; Hoài Nhơn's own list is UNCONFIRMED). */
const townOffices: [string, string, string][] = [
  ['Văn phòng HĐND và UBND thị xã', 'VP', 'VP'],
  ['Phòng Nội vụ', 'NV', 'NV'],
  ['Phòng Tư pháp', 'TP', 'TP'],
  ['Phòng Tài chính – Kế hoạch', 'TCKH', 'TCKH'],
  ['Phòng Tài nguyên và Môi trường', 'TNMT', 'TNMT'],
  ['Phòng Lao động – Thương binh và Xã hội', 'LĐTBXH', 'LĐTBXH'],
  ['Phòng Văn hóa và Thông tin', 'VHTT', 'VHTT'],
  ['Phòng Giáo dục và Đào tạo', 'GDĐT', 'GDĐT'],
  ['Phòng Y tế', 'YT', 'YT'],
  ['Thanh tra thị xã', 'TTr', 'TTr'],
  ['Phòng Kinh tế', 'KT', 'KT'],
  ['Phòng Quản lý đô thị', 'QLĐT', 'QLĐT'],
];

/** Departments of the province named in the demo's 2026 cycle (key, name, short name, abbreviation). */
const provinceDepartments: [string, string, string, string][] = [
  ['vp:gia-lai', 'Văn phòng Ủy ban nhân dân tỉnh Gia Lai', 'Văn phòng UBND tỉnh', 'VP'],
  ['stp:gia-lai', 'Sở Tư pháp tỉnh Gia Lai', 'Sở Tư pháp', 'STP'],
  ['stc:gia-lai', 'Sở Tài chính tỉnh Gia Lai', 'Sở Tài chính', 'STC'],
  ['skhcn:gia-lai', 'Sở Khoa học và Công nghệ tỉnh Gia Lai', 'Sở Khoa học và Công nghệ', 'SKHCN'],
];

/** Offices of a ward's People's Committee after 2025: key prefix, name, abbreviation. */
export const wardOffices: [string, string, string][] = [
  ['vp', 'Văn phòng HĐND và UBND', 'VP'],
  ['kt', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'KTHTĐT'],
  ['vhxh', 'Phòng Văn hóa – Xã hội', 'VHXH'],
];

const committee = (unitKey: string, unitName: string, level: 'tỉnh' | 'thị xã' | 'phường' | 'xã', place: string, extra: Partial<DemoAgency> = {}): DemoAgency => ({
  key: `ubnd:${unitKey}`,
  unit: unitKey,
  name: `Ủy ban nhân dân ${level} ${unitName}`,
  shortName: `UBND ${level} ${unitName}`,
  kind: 'peoples_committee',
  docAbbreviation: 'UBND',
  placeName: place,
  ...extra,
});

export const demoAgencies: DemoAgency[] = [
  // The installation's operator at the national level: the system administrator's grant sits
  // here, at the root, so it covers every authority and the national calendar.
  { key: 'bnv', unit: 'vn', name: 'Bộ Nội vụ', shortName: 'BNV', kind: 'other', docAbbreviation: 'BNV', placeName: 'Hà Nội' },
  committee('binh-dinh', 'Bình Định', 'tỉnh', 'Bình Định', { validTo: END_2025 }),
  { key: 'snv:binh-dinh', unit: 'binh-dinh', name: 'Sở Nội vụ tỉnh Bình Định', shortName: 'Sở Nội vụ', kind: 'department', docAbbreviation: 'SNV', placeName: 'Bình Định', validTo: END_2025 },
  committee('hoai-nhon', 'Hoài Nhơn', 'thị xã', 'Hoài Nhơn', {
    headName: 'Phạm Trương',
    headTitle: 'Chủ tịch UBND thị xã',
    address: 'Đường Nguyễn Tất Thành, phường Bồng Sơn, thị xã Hoài Nhơn',
    validFrom: TOWN_FROM,
    validTo: END_2025,
  }),
  ...townOffices.map(([name, abbr]) => ({
    key: `office:${abbr}`,
    unit: 'hoai-nhon',
    parent: 'ubnd:hoai-nhon',
    name,
    shortName: name.replace(' thị xã', ''),
    kind: 'office' as AgencyKind,
    docAbbreviation: abbr,
    placeName: 'Hoài Nhơn',
    validFrom: TOWN_FROM,
    validTo: END_2025,
  })),
  { key: 'one-stop:hoai-nhon', unit: 'hoai-nhon', parent: 'office:VP', name: 'Bộ phận Tiếp nhận và Trả kết quả thị xã Hoài Nhơn', shortName: 'Bộ phận Một cửa thị xã', kind: 'one_stop_desk', placeName: 'Hoài Nhơn', validFrom: TOWN_FROM, validTo: END_2025 },
  { key: 'reception:hoai-nhon', unit: 'hoai-nhon', parent: 'office:VP', name: 'Trụ sở Tiếp công dân thị xã Hoài Nhơn', shortName: 'Điểm tiếp công dân thị xã', kind: 'reception_point', placeName: 'Hoài Nhơn', validFrom: TOWN_FROM, validTo: END_2025 },
  ...[...wards2021, ...communes2021].flatMap((n): DemoAgency[] => {
    const level = wards2021.includes(n) ? 'phường' : 'xã';
    const unitKey = `2021:${n}`;
    return [
      committee(unitKey, n, level, n, { validTo: END_2025 }),
      { key: `one-stop:${unitKey}`, unit: unitKey, parent: `ubnd:${unitKey}`, name: `Bộ phận Tiếp nhận và Trả kết quả ${level} ${n}`, shortName: `Bộ phận Một cửa ${level} ${n}`, kind: 'one_stop_desk', placeName: n, validTo: END_2025 },
    ];
  }),
  committee('gia-lai', 'Gia Lai', 'tỉnh', 'Gia Lai', { validFrom: FROM_2025 }),
  { key: 'snv:gia-lai', unit: 'gia-lai', name: 'Sở Nội vụ tỉnh Gia Lai', shortName: 'Sở Nội vụ', kind: 'department', docAbbreviation: 'SNV', placeName: 'Gia Lai', validFrom: FROM_2025 },
  // The province's own 2026 cycle (demo-gialai.ts) inspects a few of its departments and its centre.
  ...provinceDepartments.map(([key, name, shortName, abbr]): DemoAgency => ({ key, unit: 'gia-lai', parent: key === 'vp:gia-lai' ? 'ubnd:gia-lai' : undefined, name, shortName, kind: 'department', docAbbreviation: abbr, placeName: 'Gia Lai', validFrom: FROM_2025 })),
  { key: 'center:gia-lai', unit: 'gia-lai', parent: 'vp:gia-lai', name: 'Trung tâm Phục vụ hành chính công tỉnh Gia Lai', shortName: 'Trung tâm PVHCC tỉnh', kind: 'one_stop_desk', placeName: 'Gia Lai', validFrom: FROM_2025 },
  ...wards2025.flatMap((n): DemoAgency[] => {
    const unitKey = `2025:${n}`;
    return [
      committee(unitKey, n, 'phường', n, { validFrom: FROM_2025 }),
      { key: `center:${unitKey}`, unit: unitKey, parent: `ubnd:${unitKey}`, name: `Trung tâm Phục vụ hành chính công phường ${n}`, shortName: `Trung tâm PVHCC phường ${n}`, kind: 'one_stop_desk', placeName: n, validFrom: FROM_2025 },
      // The three offices of a commune-level committee after 2025 (reference.md §7.3); the first is
      // the ward's standing body for administrative reform.
      ...wardOffices.map(([prefix, name, abbr]): DemoAgency => ({ key: `${prefix}:${unitKey}`, unit: unitKey, parent: `ubnd:${unitKey}`, name: `${name} phường ${n}`, shortName: name, kind: 'office', docAbbreviation: abbr, placeName: n, validFrom: FROM_2025 })),
    ];
  }),
];

export const demoAgencyCode = (a: DemoAgency) => `DEMO-${slug(a.key.replace(/^(\w[\w-]*):/, '$1-'))}`;

/** One demo user per role (issue 2): the unit officer belongs to phường Bồng Sơn (2021). */
export const demoUsers = [
  { username: 'admin', fullName: 'Quản trị hệ thống', roles: [{ role: 'admin', agency: 'bnv' }] },
  { username: 'leader', fullName: 'Phạm Trương', roles: [{ role: 'leader', agency: 'ubnd:hoai-nhon' }] },
  { username: 'secretariat', fullName: 'Nguyễn Thị Thu Hà', roles: [{ role: 'secretariat', agency: 'office:NV' }] },
  { username: 'inspector', fullName: 'Đặng Thị Mỹ Linh', roles: [{ role: 'inspector', agency: 'office:NV' }] },
  { username: 'unit', fullName: 'Lê Thị Hồng', roles: [{ role: 'unit_officer', agency: 'ubnd:2021:Bồng Sơn' }] },
  // After 2025 (demo-gialai.ts): the province's standing office and leader, and two wards' offices.
  { username: 'gialai', fullName: 'Trương Công Danh', roles: [{ role: 'secretariat', agency: 'snv:gia-lai' }] },
  { username: 'gialai-leader', fullName: 'Lê Minh Khoa', roles: [{ role: 'leader', agency: 'ubnd:gia-lai' }] },
  { username: 'bongson', fullName: 'Tô Thị Mỹ Linh', roles: [{ role: 'secretariat', agency: 'vp:2025:Bồng Sơn' }] },
  { username: 'tamquan', fullName: 'Huỳnh Thị Bích Ngọc', roles: [{ role: 'secretariat', agency: 'vp:2025:Tam Quan' }] },
] as const;
