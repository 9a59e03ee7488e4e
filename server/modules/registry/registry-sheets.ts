import { agencyKinds, unitKinds, type AgencyKind, type UnitKind } from '../../../shared/api/registry.schemas.js';

/**
 * The .xlsx layout of the registry, shared by export and import so a file exported here can be
 * edited and imported back. Headers are Vietnamese (the users' language); kinds are written as
 * their Vietnamese labels and read back from the label or the code.
 */
export const UNIT_SHEET = 'Đơn vị hành chính';
export const AGENCY_SHEET = 'Cơ quan, đơn vị';

export const unitColumns = [
  { key: 'code', header: 'Mã', width: 12 },
  { key: 'name', header: 'Tên', width: 32 },
  { key: 'kind', header: 'Loại', width: 20 },
  { key: 'parentCode', header: 'Mã đơn vị cấp trên', width: 20 },
  { key: 'validFrom', header: 'Hiệu lực từ', width: 14 },
  { key: 'validTo', header: 'Hiệu lực đến', width: 14 },
  { key: 'active', header: 'Đang hoạt động', width: 14 },
] as const;

export const agencyColumns = [
  { key: 'code', header: 'Mã', width: 16 },
  { key: 'name', header: 'Tên', width: 44 },
  { key: 'shortName', header: 'Tên viết tắt', width: 16 },
  { key: 'kind', header: 'Loại', width: 22 },
  { key: 'unitCode', header: 'Mã đơn vị hành chính', width: 20 },
  { key: 'parentCode', header: 'Mã cơ quan cấp trên', width: 20 },
  { key: 'docAbbreviation', header: 'Ký hiệu trên văn bản', width: 18 },
  { key: 'placeName', header: 'Địa danh', width: 16 },
  { key: 'headName', header: 'Người đứng đầu', width: 24 },
  { key: 'headTitle', header: 'Chức vụ', width: 20 },
  { key: 'phone', header: 'Điện thoại', width: 14 },
  { key: 'email', header: 'Email', width: 26 },
  { key: 'address', header: 'Địa chỉ', width: 36 },
  { key: 'validFrom', header: 'Hiệu lực từ', width: 14 },
  { key: 'validTo', header: 'Hiệu lực đến', width: 14 },
  { key: 'active', header: 'Đang hoạt động', width: 14 },
] as const;

export const unitKindLabels: Record<UnitKind, string> = {
  country: 'Quốc gia',
  province: 'Tỉnh',
  city: 'Thành phố trực thuộc trung ương',
  district: 'Huyện',
  town: 'Thị xã',
  provincial_city: 'Thành phố thuộc tỉnh',
  ward: 'Phường',
  commune: 'Xã',
  township: 'Thị trấn',
  special_zone: 'Đặc khu',
};

export const agencyKindLabels: Record<AgencyKind, string> = {
  peoples_committee: 'Ủy ban nhân dân',
  department: 'Sở, ban, ngành',
  office: 'Phòng, ban',
  public_service_unit: 'Đơn vị sự nghiệp',
  one_stop_desk: 'Bộ phận Một cửa',
  reception_point: 'Điểm tiếp công dân',
  other: 'Khác',
};

/**
 * Case, diacritics and spacing folded away: hand-typed files write "Uỷ ban" as well as "Ủy ban",
 * or "Phuong" without marks. The labels of each list stay distinct once folded.
 */
const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

function kindFrom<K extends string>(value: string, kinds: readonly K[], labels: Record<K, string>): K | null {
  const v = value.trim();
  if ((kinds as readonly string[]).includes(v)) return v as K;
  const folded = fold(v);
  return kinds.find((k) => fold(labels[k]) === folded) ?? null;
}
export const unitKindFrom = (v: string) => kindFrom(v, unitKinds, unitKindLabels);
export const agencyKindFrom = (v: string) => kindFrom(v, agencyKinds, agencyKindLabels);
