import type { CriterionInput } from '../../../shared/api/indices.schemas.js';
import { leavesOf } from '../../../shared/domain/index-scoring.js';
import { citizenFeedback, indexFramework, indexScore, indexScoreSheet } from '../schema/index.js';
import type { Tx } from '../client.js';
import { criteriaOf, insertTree } from '../../modules/indices/frameworks.repository.js';
import { summarizeUnsummarizedSheets } from '../../modules/indices/sheet-summaries.js';

/**
 * Index frameworks and demo scores (issue 11 §1–2; reference.md §1–2).
 *
 *  - PAR-TINH r1: the national PAR Index for provinces under QĐ 2948/QĐ-BNV, as far as
 *    reference.md §1.2 confirms it: the 8 areas and their maximum points (total 100). Its 38
 *    criteria and 81 sub-criteria were not available: the office enters them as data. The date of
 *    QĐ 2948 is UNCONFIRMED.
 *  - PAR-TINH r2 (draft): the 2022–2030 scheme of QĐ 876/QĐ-BNV: the 8 area names for provinces;
 *    their maximum points are UNCONFIRMED (Bảng 2 of the appendix), left at 0 until entered, so
 *    the draft cannot be published by mistake.
 *  - PAR-XA and SIPAS-XA: ILLUSTRATIVE commune-level frameworks (Bình Định's own 2021 set is
 *    UNCONFIRMED), shaped like the commune sets of reference.md §1.4 and the five SIPAS elements of
 *    QĐ 2640 (§2.2). SIPAS-XA flags an element below 80 %, the 2020 target of Resolution 30c.
 *  - Demo scores 2019–2021 for Hoài Nhơn's 17 wards and communes, generated deterministically
 *    (origin 'demo', labelled as such in the app): plausible, not real.
 */

const leaf = (code: string, name: string, maxPoints: number, extra: Partial<CriterionInput> = {}): CriterionInput => ({ code, name, maxPoints, ...extra });
const node = (code: string, name: string, maxPoints: number, children: CriterionInput[]): CriterionInput => ({ code, name, maxPoints, children });

/** QĐ 2948/QĐ-BNV, provincial set: areas with criteria / sub-criteria counts and maximum points (reference.md §1.2). */
export const nationalProvinceAreas2948: CriterionInput[] = [
  leaf('1', 'Công tác chỉ đạo, điều hành CCHC (6 tiêu chí, 6 tiêu chí thành phần)', 10),
  leaf('2', 'Xây dựng và tổ chức thực hiện văn bản QPPL tại tỉnh (4 tiêu chí, 6 tiêu chí thành phần)', 10),
  leaf('3', 'Cải cách thủ tục hành chính (5 tiêu chí, 16 tiêu chí thành phần)', 14.5),
  leaf('4', 'Cải cách tổ chức bộ máy hành chính (4 tiêu chí, 10 tiêu chí thành phần)', 11),
  leaf('5', 'Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức (9 tiêu chí, 16 tiêu chí thành phần)', 16),
  leaf('6', 'Cải cách tài chính công (3 tiêu chí, 6 tiêu chí thành phần)', 7),
  leaf('7', 'Hiện đại hoá hành chính (5 tiêu chí, 18 tiêu chí thành phần)', 16),
  leaf('8', 'Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế - xã hội của tỉnh (3 tiêu chí, 3 tiêu chí thành phần)', 15.5, { scoringMethod: 'survey' }),
];

/** QĐ 876/QĐ-BNV (2022–2030): area names for provinces; points UNCONFIRMED (0 until entered). */
export const nationalProvinceAreas876: CriterionInput[] = [
  'Công tác chỉ đạo, điều hành CCHC',
  'Cải cách thể chế',
  'Cải cách thủ tục hành chính',
  'Cải cách tổ chức bộ máy hành chính nhà nước',
  'Cải cách chế độ công vụ',
  'Cải cách tài chính công',
  'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
  'Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế - xã hội của tỉnh',
].map((name, i) => leaf(String(i + 1), name, 0, i === 7 ? { scoringMethod: 'survey' } : {}));

/** An illustrative commune-level PAR set (shape of reference.md §1.4; points invented, total 100). */
export const communeParAreas: CriterionInput[] = [
  node('1', 'Công tác chỉ đạo, điều hành CCHC', 12, [
    node('1.1', 'Kế hoạch CCHC năm', 3, [
      leaf('1.1.1', 'Ban hành kế hoạch CCHC năm kịp thời', 1, { expectedEvidence: 'Kế hoạch CCHC năm (số, ngày ban hành)' }),
      leaf('1.1.2', 'Mức độ hoàn thành kế hoạch CCHC', 2, { expectedEvidence: 'Báo cáo kết quả thực hiện kế hoạch' }),
    ]),
    leaf('1.2', 'Báo cáo CCHC định kỳ đúng hạn, đủ nội dung', 2, { expectedEvidence: 'Báo cáo quý, 6 tháng, năm và ngày gửi' }),
    leaf('1.3', 'Tự kiểm tra công tác CCHC', 2, { expectedEvidence: 'Kế hoạch và báo cáo tự kiểm tra' }),
    leaf('1.4', 'Tuyên truyền CCHC', 2, { expectedEvidence: 'Kế hoạch, hình ảnh, tin bài tuyên truyền' }),
    leaf('1.5', 'Sáng kiến, mô hình mới trong CCHC', 1),
    leaf('1.6', 'Thực hiện nhiệm vụ UBND thị xã giao', 2, { expectedEvidence: 'Báo cáo kết quả nhiệm vụ được giao' }),
  ]),
  node('2', 'Xây dựng và tổ chức thực hiện văn bản QPPL', 6, [
    leaf('2.1', 'Triển khai văn bản của cấp trên', 3),
    leaf('2.2', 'Rà soát, hệ thống hóa văn bản', 3, { expectedEvidence: 'Báo cáo rà soát văn bản' }),
  ]),
  node('3', 'Cải cách thủ tục hành chính', 20, [
    node('3.1', 'Công khai thủ tục hành chính', 5, [
      leaf('3.1.1', 'Niêm yết đầy đủ, đúng quy định tại Bộ phận Một cửa', 3, { expectedEvidence: 'Ảnh chụp nơi niêm yết; danh mục TTHC' }),
      leaf('3.1.2', 'Công khai trên trang thông tin điện tử', 2),
    ]),
    node('3.2', 'Thực hiện cơ chế một cửa, một cửa liên thông', 7, [
      leaf('3.2.1', 'Bố trí Bộ phận Một cửa đúng quy định', 3),
      leaf('3.2.2', 'Tỷ lệ hồ sơ giải quyết đúng hạn', 4, { expectedEvidence: 'Số liệu từ Hệ thống thông tin giải quyết TTHC' }),
    ]),
    leaf('3.3', 'Xin lỗi người dân khi giải quyết hồ sơ trễ hạn', 3, { expectedEvidence: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả' }),
    leaf('3.4', 'Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC', 5, { expectedEvidence: 'Sổ theo dõi phản ánh, kiến nghị' }),
  ]),
  node('4', 'Cải cách tổ chức bộ máy', 8, [
    leaf('4.1', 'Thực hiện quy định về chức năng, nhiệm vụ', 4),
    leaf('4.2', 'Bố trí cán bộ, công chức đúng số lượng quy định', 4),
  ]),
  node('5', 'Xây dựng đội ngũ cán bộ, công chức', 12, [
    leaf('5.1', 'Tỷ lệ công chức đạt chuẩn', 4),
    leaf('5.2', 'Đào tạo, bồi dưỡng cán bộ, công chức', 4),
    leaf('5.3', 'Chấp hành kỷ luật, kỷ cương hành chính', 4),
  ]),
  node('6', 'Cải cách tài chính công', 6, [
    leaf('6.1', 'Thực hiện dự toán ngân sách', 3),
    leaf('6.2', 'Công khai tài chính, ngân sách', 3),
  ]),
  node('7', 'Hiện đại hóa hành chính', 16, [
    leaf('7.1', 'Văn bản điện tử, chữ ký số', 5),
    node('7.2', 'Dịch vụ công trực tuyến', 6, [
      leaf('7.2.1', 'Tỷ lệ hồ sơ nộp trực tuyến', 3),
      leaf('7.2.2', 'Tỷ lệ thanh toán trực tuyến', 3),
    ]),
    leaf('7.3', 'Áp dụng hệ thống quản lý chất lượng ISO', 5),
  ]),
  node('8', 'Mức độ hài lòng và tác động của CCHC (điều tra xã hội học)', 20, [
    leaf('8.1', 'Sự hài lòng của người dân, tổ chức', 12, { scoringMethod: 'survey' }),
    leaf('8.2', 'Đánh giá của lãnh đạo, công chức', 8, { scoringMethod: 'survey' }),
  ]),
];

/** The five SIPAS elements of QĐ 2640/QĐ-BNV (reference.md §2.2), each a % of satisfied answers. */
export const sipasElements: CriterionInput[] = [
  'Tiếp cận dịch vụ hành chính công',
  'Thủ tục hành chính',
  'Công chức trực tiếp giải quyết công việc',
  'Kết quả cung ứng dịch vụ hành chính công',
  'Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị',
].map((name, i) => leaf(String(i + 1), name, 100, { scoringMethod: 'survey' }));

/** A small deterministic generator (mulberry32) seeded by a string: the same demo every time. */
export function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quarter = (x: number) => Math.round(x * 4) / 4;
const tenth = (x: number) => Math.round(x * 10) / 10;

/** Units the demo makes weaker, so the ranking has something to say. */
const weaker: Record<string, number> = { 'Hoài Hải': -0.12, 'Tam Quan Nam': -0.1, 'Hoài Sơn': -0.08, 'Hoài Phú': -0.05 };

/** Subjects of the demo complaints: the one-stop desk's usual troubles (reference.md §4.3). */
const feedbackSubjects: [channel: string, subject: string][] = [
  ['hotline', 'Chậm trả kết quả hồ sơ đăng ký biến động đất đai, không có phiếu xin lỗi'],
  ['portal', 'Hẹn trả kết quả chứng thực nhiều lần'],
  ['mailbox', 'Công chức Bộ phận Một cửa hướng dẫn hồ sơ không đầy đủ, phải đi lại nhiều lần'],
  ['in_person', 'Niêm yết thủ tục hành chính không đầy đủ, phí, lệ phí chưa cập nhật'],
  ['letter', 'Yêu cầu thêm giấy tờ ngoài quy định khi đăng ký khai sinh'],
  ['portal', 'Không nhận được kết quả giải quyết hồ sơ trực tuyến đúng hẹn'],
  ['hotline', 'Thái độ tiếp dân chưa đúng mực tại Bộ phận Một cửa'],
  ['press', 'Phản ánh trên báo về việc chậm giải quyết hồ sơ cấp phép xây dựng'],
];

interface SeedIds {
  agencyIds: Map<string, string>;
  unitIds: Map<string, string>;
}

/** The frameworks, and the demo scores of Hoài Nhơn's wards and communes for 2019–2021. */
export async function seedDemoIndices(tx: Tx, ids: SeedIds, unitNames: string[]): Promise<void> {
  const framework = async (values: typeof indexFramework.$inferInsert, tree: CriterionInput[]) => {
    const [row] = await tx.insert(indexFramework).values(values).returning();
    await insertTree(tx, row.id, tree);
    return row;
  };
  const bnv = ids.agencyIds.get('bnv')!;
  const snv = ids.agencyIds.get('snv:binh-dinh')!;
  const national = await framework(
    {
      ownerAgencyId: bnv,
      code: 'PAR-TINH',
      name: 'Chỉ số CCHC của UBND tỉnh, thành phố trực thuộc Trung ương',
      kind: 'par',
      unitKinds: ['province', 'city'],
      fromYear: 2017,
      toYear: 2021,
      source: 'QĐ 2948/QĐ-BNV (ngày ban hành chưa xác nhận): 8 lĩnh vực, 38 tiêu chí, 81 tiêu chí thành phần. Tiêu chí và tiêu chí thành phần chưa được nhập.',
      status: 'published',
    },
    nationalProvinceAreas2948,
  );
  await framework(
    {
      ownerAgencyId: bnv,
      code: 'PAR-TINH',
      name: 'Chỉ số CCHC của UBND tỉnh, thành phố trực thuộc Trung ương (2022–2030)',
      kind: 'par',
      unitKinds: ['province', 'city'],
      revision: 2,
      previousId: national.id,
      fromYear: 2022,
      source: 'QĐ 876/QĐ-BNV ngày 10/11/2022. Tên lĩnh vực theo Chương trình 2021–2030; số tiêu chí và điểm tối đa của bộ chỉ số cấp tỉnh chưa xác nhận (Bảng 2 của Phụ lục).',
      illustrative: true,
      status: 'draft',
    },
    nationalProvinceAreas876,
  );
  const communePar = await framework(
    {
      ownerAgencyId: snv,
      code: 'PAR-XA',
      name: 'Bộ chỉ số CCHC của UBND xã, phường, thị trấn (minh họa)',
      kind: 'par',
      unitKinds: ['ward', 'commune', 'township'],
      fromYear: 2019,
      source: 'Minh họa: bộ chỉ số cấp xã của tỉnh Bình Định áp dụng năm 2021 chưa được xác nhận; cấu trúc theo các bộ chỉ số cấp xã (Quảng Trị, Hà Tĩnh). Đơn vị thay bằng bộ chỉ số thật.',
      illustrative: true,
      status: 'published',
    },
    communeParAreas,
  );
  const communeSipas = await framework(
    {
      ownerAgencyId: snv,
      code: 'SIPAS-XA',
      name: 'Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của UBND cấp xã (minh họa)',
      kind: 'sipas',
      unitKinds: ['ward', 'commune', 'township'],
      fromYear: 2019,
      aggregation: 'average',
      unmetThresholdPct: 80,
      source: '5 yếu tố theo QĐ 2640/QĐ-BNV; chỉ số = bình quân tỷ lệ hài lòng của 5 yếu tố (công thức chưa xác nhận). Khảo sát cấp xã của tỉnh: minh họa.',
      illustrative: true,
      status: 'published',
    },
    sipasElements,
  );

  const parLeaves = leavesOf(await criteriaOf(tx, communePar.id));
  const sipasLeaves = leavesOf(await criteriaOf(tx, communeSipas.id));
  for (const name of unitNames) {
    const unitId = ids.unitIds.get(`2021:${name}`)!;
    const quality = 0.8 + seededRandom(`q:${name}`)() * 0.14 + (weaker[name] ?? 0);
    for (const year of [2019, 2020, 2021]) {
      const q = quality + (year - 2019) * 0.012;
      const rnd = seededRandom(`${name}:${year}`);
      const [par] = await tx.insert(indexScoreSheet).values({ frameworkId: communePar.id, unitId, year, origin: 'demo' }).returning({ id: indexScoreSheet.id });
      await tx.insert(indexScore).values(
        parLeaves.map((l) => {
          const full = rnd() < q - 0.3;
          const share = full ? 1 : Math.min(1, Math.max(0.3, q - 0.15 + (rnd() - 0.5) * 0.3));
          const appraised = Math.min(l.maxPoints, quarter(l.maxPoints * share));
          const survey = l.scoringMethod === 'survey';
          const self = survey ? null : Math.min(l.maxPoints, appraised + (rnd() < 0.35 ? quarter(l.maxPoints * 0.2) : 0));
          return { sheetId: par.id, criterionId: l.id, selfPoints: self, appraisedPoints: appraised, finalPoints: appraised, notApplicable: false };
        }),
      );
      const [sipas] = await tx.insert(indexScoreSheet).values({ frameworkId: communeSipas.id, unitId, year, origin: 'demo' }).returning({ id: indexScoreSheet.id });
      await tx.insert(indexScore).values(
        sipasLeaves.map((l) => ({ sheetId: sipas.id, criterionId: l.id, selfPoints: null, appraisedPoints: null, finalPoints: Math.min(99.5, tenth(62 + q * 30 + (rnd() - 0.5) * 10)), notApplicable: false })),
      );
    }
  }
  await summarizeUnsummarizedSheets(tx);
}

/**
 * Demo complaints and feedback 2019–2021 (deterministic; more where the demo units are weaker):
 * the register that risk-based targeting reads.
 */
export async function seedDemoFeedback(tx: Tx, ids: SeedIds, unitNames: string[]): Promise<void> {
  const rows: (typeof citizenFeedback.$inferInsert)[] = [];
  for (const name of unitNames) {
    const rnd = seededRandom(`feedback:${name}`);
    const count = Math.floor(rnd() * 3) + Math.round(-(weaker[name] ?? 0) * 40);
    for (let i = 0; i < count; i++) {
      const year = 2019 + Math.floor(rnd() * 3);
      const month = 1 + Math.floor(rnd() * 12);
      const day = 1 + Math.floor(rnd() * 28);
      const receivedOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const [channel, subject] = feedbackSubjects[Math.floor(rnd() * feedbackSubjects.length)];
      const open = year === 2021 && rnd() < 0.5;
      const resolved = new Date(Date.UTC(year, month - 1, day + 10 + Math.floor(rnd() * 20))).toISOString().slice(0, 10);
      rows.push({
        unitId: ids.unitIds.get(`2021:${name}`)!,
        agencyId: ids.agencyIds.get(`one-stop:2021:${name}`) ?? null,
        receivedOn,
        channel,
        subject,
        status: open ? (rnd() < 0.5 ? 'received' : 'processing') : 'resolved',
        resolvedOn: open ? null : resolved,
      });
    }
  }
  if (rows.length) await tx.insert(citizenFeedback).values(rows);
}
