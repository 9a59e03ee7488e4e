/**
 * Administrative document types and their abbreviations (Decree 30/2020/NĐ-CP, Phụ lục III;
 * reference.md §5.4), as data the register and the UI share. The codes shown blank in the
 * source (QĐ, HĐ, CĐ) come from common practice.
 */

export interface DocumentType {
  code: DocumentTypeCode;
  name: string;
  /** Type abbreviation in the symbol; null for a công văn, whose symbol has none. */
  abbreviation: string | null;
}

export const documentTypes = [
  { code: 'nghi_quyet', name: 'Nghị quyết (cá biệt)', abbreviation: 'NQ' },
  { code: 'quyet_dinh', name: 'Quyết định (cá biệt)', abbreviation: 'QĐ' },
  { code: 'chi_thi', name: 'Chỉ thị', abbreviation: 'CT' },
  { code: 'quy_che', name: 'Quy chế', abbreviation: 'QC' },
  { code: 'quy_dinh', name: 'Quy định', abbreviation: 'QyĐ' },
  { code: 'thong_cao', name: 'Thông cáo', abbreviation: 'TC' },
  { code: 'thong_bao', name: 'Thông báo', abbreviation: 'TB' },
  { code: 'huong_dan', name: 'Hướng dẫn', abbreviation: 'HD' },
  { code: 'chuong_trinh', name: 'Chương trình', abbreviation: 'CTr' },
  { code: 'ke_hoach', name: 'Kế hoạch', abbreviation: 'KH' },
  { code: 'phuong_an', name: 'Phương án', abbreviation: 'PA' },
  { code: 'de_an', name: 'Đề án', abbreviation: 'ĐA' },
  { code: 'du_an', name: 'Dự án', abbreviation: 'DA' },
  { code: 'bao_cao', name: 'Báo cáo', abbreviation: 'BC' },
  { code: 'bien_ban', name: 'Biên bản', abbreviation: 'BB' },
  { code: 'to_trinh', name: 'Tờ trình', abbreviation: 'TTr' },
  { code: 'hop_dong', name: 'Hợp đồng', abbreviation: 'HĐ' },
  { code: 'cong_van', name: 'Công văn', abbreviation: null },
  { code: 'cong_dien', name: 'Công điện', abbreviation: 'CĐ' },
  { code: 'ban_ghi_nho', name: 'Bản ghi nhớ', abbreviation: 'BGN' },
  { code: 'ban_thoa_thuan', name: 'Bản thỏa thuận', abbreviation: 'BTT' },
  { code: 'giay_uy_quyen', name: 'Giấy ủy quyền', abbreviation: 'GUQ' },
  { code: 'giay_moi', name: 'Giấy mời', abbreviation: 'GM' },
  { code: 'giay_gioi_thieu', name: 'Giấy giới thiệu', abbreviation: 'GGT' },
  { code: 'giay_nghi_phep', name: 'Giấy nghỉ phép', abbreviation: 'GNP' },
  { code: 'phieu_gui', name: 'Phiếu gửi', abbreviation: 'PG' },
  { code: 'phieu_chuyen', name: 'Phiếu chuyển', abbreviation: 'PC' },
  { code: 'phieu_bao', name: 'Phiếu báo', abbreviation: 'PB' },
] as const satisfies ReadonlyArray<{ code: string; name: string; abbreviation: string | null }>;

export type DocumentTypeCode = (typeof documentTypes)[number]['code'];
export const documentTypeCodes = documentTypes.map((t) => t.code) as [DocumentTypeCode, ...DocumentTypeCode[]];

export function documentType(code: DocumentTypeCode): DocumentType {
  const found = documentTypes.find((t) => t.code === code);
  if (!found) throw new RangeError(`unknown document type ${code}`);
  return found;
}

/**
 * The symbol after the number (Phụ lục I, element 3): "KH-UBND", "QĐ-UBND", "TB-NV"; a công văn
 * has no type abbreviation and takes the drafting unit's instead: "UBND-NV".
 */
export function documentSymbol(code: DocumentTypeCode, agencyAbbreviation: string, draftingUnitAbbreviation?: string | null): string {
  const type = documentType(code);
  if (type.abbreviation === null) {
    return draftingUnitAbbreviation ? `${agencyAbbreviation}-${draftingUnitAbbreviation}` : agencyAbbreviation;
  }
  return `${type.abbreviation}-${agencyAbbreviation}`;
}

/** "15/KH-UBND": numbers below 10 take a leading zero. */
export function formatDocumentNumber(number: number, symbol: string): string {
  return `${String(number).padStart(2, '0')}/${symbol}`;
}
