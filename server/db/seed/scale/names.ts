/**
 * Vietnamese names for national-scale data: the 34 provinces and cities after the July 2025
 * reorganisation, and commune, ward, office and person names built from common syllables —
 * with diacritics, so search and sort are measured on real text.
 */

/** The 34 provincial-level units from 1 July 2025 (Nghị quyết 202/2025/QH15), with their kind. */
export const PROVINCES: { name: string; kind: 'province' | 'city'; code: string }[] = [
  ['Thành phố Hà Nội', 'city', '01'],
  ['Tỉnh Cao Bằng', 'province', '04'],
  ['Tỉnh Tuyên Quang', 'province', '08'],
  ['Tỉnh Điện Biên', 'province', '11'],
  ['Tỉnh Lai Châu', 'province', '12'],
  ['Tỉnh Sơn La', 'province', '14'],
  ['Tỉnh Lào Cai', 'province', '15'],
  ['Tỉnh Thái Nguyên', 'province', '19'],
  ['Tỉnh Lạng Sơn', 'province', '20'],
  ['Tỉnh Quảng Ninh', 'province', '22'],
  ['Tỉnh Bắc Ninh', 'province', '24'],
  ['Tỉnh Phú Thọ', 'province', '25'],
  ['Thành phố Hải Phòng', 'city', '31'],
  ['Tỉnh Hưng Yên', 'province', '33'],
  ['Tỉnh Ninh Bình', 'province', '37'],
  ['Tỉnh Thanh Hóa', 'province', '38'],
  ['Tỉnh Nghệ An', 'province', '40'],
  ['Tỉnh Hà Tĩnh', 'province', '42'],
  ['Tỉnh Quảng Trị', 'province', '44'],
  ['Thành phố Huế', 'city', '46'],
  ['Thành phố Đà Nẵng', 'city', '48'],
  ['Tỉnh Quảng Ngãi', 'province', '51'],
  ['Tỉnh Gia Lai', 'province', '52'],
  ['Tỉnh Khánh Hòa', 'province', '56'],
  ['Tỉnh Đắk Lắk', 'province', '66'],
  ['Tỉnh Lâm Đồng', 'province', '68'],
  ['Tỉnh Đồng Nai', 'province', '75'],
  ['Thành phố Hồ Chí Minh', 'city', '79'],
  ['Tỉnh Tây Ninh', 'province', '80'],
  ['Tỉnh Đồng Tháp', 'province', '82'],
  ['Tỉnh Vĩnh Long', 'province', '86'],
  ['Tỉnh An Giang', 'province', '91'],
  ['Thành phố Cần Thơ', 'city', '92'],
  ['Tỉnh Cà Mau', 'province', '96'],
].map(([name, kind, code]) => ({ name, kind: kind as 'province' | 'city', code }));

/** "Tỉnh Gia Lai" → "Gia Lai". */
export const shortName = (name: string) => name.replace(/^(Tỉnh|Thành phố) /, '');

const FIRST = [
  'An', 'Bình', 'Hòa', 'Phú', 'Tân', 'Long', 'Thạnh', 'Đông', 'Tây', 'Hưng', 'Mỹ', 'Vĩnh', 'Quang', 'Xuân', 'Hoài',
  'Tam', 'Phước', 'Nghĩa', 'Đức', 'Trung', 'Hải', 'Sơn', 'Cẩm', 'Thanh', 'Hồng', 'Kim', 'Ngọc', 'Lộc', 'Thiện', 'Hiệp',
  'Tiên', 'Quế', 'Đại', 'Điện', 'Duy', 'Ea', 'Krông', 'Chư', 'Ia', 'Bảo', 'Cát', 'Gia', 'Hương', 'Lương', 'Minh',
];
const SECOND = [
  'An', 'Bình', 'Hòa', 'Lộc', 'Phú', 'Thành', 'Thịnh', 'Hưng', 'Lợi', 'Tân', 'Định', 'Hiệp', 'Thuận', 'Phong', 'Long',
  'Mỹ', 'Trung', 'Sơn', 'Hải', 'Thanh', 'Xuân', 'Đức', 'Khánh', 'Lâm', 'Nhơn', 'Phước', 'Quang', 'Tiến', 'Vinh', 'Yên',
  'Hội', 'Kiệt', 'Điền', 'Hương', 'Châu', 'Tường', 'Giang', 'Hà', 'Ninh', 'Cường',
];
const SUFFIX = ['Bắc', 'Nam', 'Đông', 'Tây', 'Thượng', 'Hạ', 'Trung'];

/**
 * `count` distinct commune or ward names for one province, deterministic for a seed. A few
 * names from the demo (Hoài Thanh, Tam Quan) appear in every province, so searches such as
 * "hoai thanh" find something at every scale.
 */
export function communeNames(count: number, rnd: () => number): string[] {
  const names = new Set<string>(['Hoài Thanh', 'Hoài Thanh Tây', 'Tam Quan Bắc', 'Tân Phú']);
  let guard = 0;
  while (names.size < count && guard++ < count * 50) {
    let n = `${pick(FIRST, rnd)} ${pick(SECOND, rnd)}`;
    if (rnd() < 0.2) n += ` ${pick(SUFFIX, rnd)}`;
    if (n.split(' ')[0] !== n.split(' ')[1]) names.add(n);
  }
  return [...names].slice(0, count);
}

/** Departments (sở) of a provincial People's Committee, with their document abbreviation. */
export const PROVINCIAL_DEPARTMENTS: { name: string; abbr: string }[] = [
  ['Sở Nội vụ', 'SNV'],
  ['Sở Tư pháp', 'STP'],
  ['Sở Tài chính', 'STC'],
  ['Sở Công Thương', 'SCT'],
  ['Sở Nông nghiệp và Môi trường', 'SNNMT'],
  ['Sở Xây dựng', 'SXD'],
  ['Sở Khoa học và Công nghệ', 'SKHCN'],
  ['Sở Giáo dục và Đào tạo', 'SGDĐT'],
  ['Sở Y tế', 'SYT'],
  ['Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL'],
  ['Sở Dân tộc và Tôn giáo', 'SDTTG'],
  ['Thanh tra tỉnh', 'TTr'],
  ['Văn phòng UBND tỉnh', 'VP'],
  ['Sở Ngoại vụ', 'SNgV'],
].map(([name, abbr]) => ({ name, abbr }));

/** Offices of a commune or ward People's Committee after 2025 (the two-level model). */
export const COMMUNE_OFFICES: { name: string; kind: 'office' | 'one_stop_desk' | 'reception_point' | 'public_service_unit' }[] = [
  { name: 'Văn phòng HĐND và UBND', kind: 'office' },
  { name: 'Phòng Kinh tế', kind: 'office' },
  { name: 'Phòng Văn hóa - Xã hội', kind: 'office' },
  { name: 'Trung tâm Phục vụ hành chính công', kind: 'one_stop_desk' },
];
/** Offered by some communes only. */
export const OPTIONAL_COMMUNE_OFFICES: { name: string; kind: 'reception_point' | 'public_service_unit' }[] = [
  { name: 'Điểm tiếp công dân', kind: 'reception_point' },
  { name: 'Trạm Y tế', kind: 'public_service_unit' },
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quang', 'Xuân', 'Thu', 'Hoàng', 'Kim', 'Anh', 'Bảo'];
const GIVEN = [
  'An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai',
  'Minh', 'Nam', 'Nga', 'Phúc', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Trang', 'Trung', 'Tuấn', 'Vân', 'Việt',
  'Yến', 'Đạt', 'Ánh', 'Ngân', 'Lộc', 'Nhung', 'Hiếu', 'Thủy', 'Quỳnh', 'Toàn',
];

export function personName(rnd: () => number): string {
  return `${pick(FAMILY, rnd)} ${pick(MIDDLE, rnd)} ${pick(GIVEN, rnd)}`;
}

export function pick<T>(items: readonly T[], rnd: () => number): T {
  return items[Math.floor(rnd() * items.length)];
}

/** A small, fast, seedable generator (mulberry32): the same options give the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic UUID (v4 layout) from the generator, so reruns with one seed give equal ids. */
export function seededUuid(rnd: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
