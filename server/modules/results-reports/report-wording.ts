import { unitKindsOfLevel } from '../../../shared/api/dashboard.schemas.js';

/** The level word of a unit kind as written after "UBND", "HĐND": tỉnh, thị xã, phường… */
const levelWord: Record<string, string> = {
  province: 'tỉnh',
  city: 'thành phố',
  district: 'huyện',
  town: 'thị xã',
  provincial_city: 'thành phố',
  ward: 'phường',
  commune: 'xã',
  township: 'thị trấn',
  special_zone: 'đặc khu',
};
/** The party committee of the level ("Tỉnh ủy", "Thị ủy"; a commune's is its Đảng ủy). */
const partyCommittee: Record<string, string> = { province: 'Tỉnh ủy', city: 'Thành ủy', district: 'Huyện ủy', town: 'Thị ủy', provincial_city: 'Thành ủy' };

/**
 * The unit as named inside a sentence, with its level word: "Tỉnh Bình Định" → "tỉnh Bình Định";
 * a unit named without it ("Gia Lai", as the registry names the provinces after 2025) → "tỉnh Gia
 * Lai", the word from its kind.
 */
export function unitInSentence(u: { name: string; kind: string }): string {
  const word = levelWord[u.kind];
  const lower = u.name.toLocaleLowerCase('vi');
  if (!word || lower.startsWith(`${word} `) || Object.values(levelWord).some((w) => lower.startsWith(`${w} `))) {
    return u.name.charAt(0).toLocaleLowerCase('vi') + u.name.slice(1);
  }
  return `${word} ${u.name}`;
}

/**
 * The report's words that depend on who reports (reference §4.2 g, §7): to whom it is sent and who
 * follows the corrective work. A province reports to the Ministry of Home Affairs and its Sở Nội
 * vụ follows up; a commune-level unit (after the 2025 reorganisation, directly under the
 * province) reports to the province's committee and its Văn phòng HĐND và UBND follows up; a
 * district-level unit (the seasons before 2025) to the province, through its Phòng Nội vụ.
 */
export function reportWording(unit: { kind: string }, parent: { name: string; kind: string } | null): { recipients: string[]; followUp: string } {
  const word = levelWord[unit.kind] ?? 'tỉnh';
  const above = parent ? `UBND ${unitInSentence(parent)}` : 'UBND cấp trên';
  if (unitKindsOfLevel.province.includes(unit.kind)) {
    return {
      recipients: ['Bộ Nội vụ (để báo cáo);', `TT. ${partyCommittee[unit.kind]}, TT. HĐND ${word};`, `Chủ tịch, các PCT UBND ${word};`, 'Sở Nội vụ;', 'Các cơ quan, đơn vị được kiểm tra;', 'Lưu: VT, SNV.'],
      followUp: 'Giao Sở Nội vụ theo dõi, đôn đốc việc khắc phục và tổng hợp, báo cáo kết quả.',
    };
  }
  if (unitKindsOfLevel.commune.includes(unit.kind)) {
    return {
      recipients: [`${above} (để báo cáo);`, `Sở Nội vụ${parent ? ` ${unitInSentence(parent)}` : ''};`, `TT. Đảng ủy, TT. HĐND ${word};`, `Chủ tịch, các PCT UBND ${word};`, 'Các cơ quan, đơn vị được kiểm tra;', 'Lưu: VT.'],
      followUp: `Giao Văn phòng HĐND và UBND ${word} theo dõi, đôn đốc việc khắc phục và tổng hợp, báo cáo kết quả.`,
    };
  }
  return {
    recipients: [`${above} (để báo cáo);`, 'Sở Nội vụ;', `TT. ${partyCommittee[unit.kind] ?? 'Huyện ủy'}, TT. HĐND ${word};`, `Chủ tịch, các PCT UBND ${word};`, 'Các cơ quan, đơn vị được kiểm tra;', 'Lưu: VT, NV.'],
    followUp: 'Giao Phòng Nội vụ theo dõi, đôn đốc việc khắc phục và tổng hợp, báo cáo kết quả.',
  };
}
