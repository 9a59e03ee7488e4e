import { selfInspection } from '../schema/index.js';
import type { Tx } from '../client.js';

/**
 * The units' self-inspection of 2021 (issue 9 §6; seed plan part III.2: "chủ động xây dựng Kế
 * hoạch tự kiểm tra"): Bồng Sơn planned it and reported its results; Tam Quan has a plan and no
 * results yet. The other wards and offices have none, so the office's overview shows who is missing.
 */
export async function seedDemoSelfInspections(tx: Tx, ids: { agencyIds: Map<string, string>; unitUserId: string }): Promise<void> {
  const agencyId = (key: string) => {
    const id = ids.agencyIds.get(key);
    if (!id) throw new Error(`demo self-inspections: no agency ${key}`);
    return id;
  };
  await tx.insert(selfInspection).values([
    {
      agencyId: agencyId('ubnd:2021:Bồng Sơn'),
      year: 2021,
      documentNumber: '18/KH-UBND',
      issuedOn: '2021-03-02',
      content:
        'Tự kiểm tra việc thực hiện nhiệm vụ CCHC năm 2021: công tác chỉ đạo, điều hành; niêm yết, công khai và giải quyết thủ tục hành chính; kỷ luật, kỷ cương hành chính tại Bộ phận Tiếp nhận và Trả kết quả; ứng dụng công nghệ thông tin.',
      scope: 'Bộ phận Tiếp nhận và Trả kết quả phường; công chức Địa chính – Xây dựng, Tư pháp – Hộ tịch, Văn phòng – Thống kê; 09 khu phố.',
      startsOn: '2021-04-05',
      endsOn: '2021-10-29',
      status: 'reported',
      resultsOn: '2021-11-05',
      inspectedCount: 5,
      shortcomingCount: 4,
      fixedCount: 3,
      findings:
        'Còn 02 thủ tục lĩnh vực hộ tịch niêm yết chưa cập nhật theo Quyết định công bố mới; 03 hồ sơ đất đai trễ hạn chưa có văn bản xin lỗi; hộp thư góp ý chưa được mở định kỳ; tỷ lệ hồ sơ trực tuyến mức độ 3, 4 đạt 12%, thấp hơn chỉ tiêu.',
      remedies: 'Đã cập nhật niêm yết; đã gửi văn bản xin lỗi 03 trường hợp; giao Văn phòng UBND phường mở hộp thư hằng tuần. Tiếp tục tuyên truyền, hướng dẫn người dân nộp hồ sơ trực tuyến.',
      createdBy: ids.unitUserId,
      version: 2,
      createdAt: new Date('2021-03-02T03:00:00Z'),
      updatedAt: new Date('2021-11-05T03:00:00Z'),
    },
    {
      agencyId: agencyId('ubnd:2021:Tam Quan'),
      year: 2021,
      documentNumber: '25/KH-UBND',
      issuedOn: '2021-03-15',
      content: 'Tự kiểm tra việc giải quyết thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông và chấp hành giờ giấc làm việc của công chức.',
      scope: 'Bộ phận Tiếp nhận và Trả kết quả phường; công chức chuyên môn thuộc UBND phường.',
      startsOn: '2021-05-10',
      endsOn: '2021-11-30',
      createdAt: new Date('2021-03-15T03:00:00Z'),
      updatedAt: new Date('2021-03-15T03:00:00Z'),
    },
  ]);
}
