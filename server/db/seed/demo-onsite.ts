import { and, asc, eq, inArray } from 'drizzle-orm';
import { standardContentTemplate, standardOneStopTemplate, type FindingKind, type FindingSeverity, type Rating } from '../../../shared/domain/checklists.js';
import { checklistEvidence, checklistTemplate, checklistTemplateItem, fileAttachment, finding, findingEvidence, inspection, inspectionChecklist, inspectionChecklistItem, inspectionChecklistItemRevision } from '../schema/index.js';
import type { Tx } from '../client.js';
import { DatabaseBackend } from '../../files/backends.js';
import { FileStorage } from '../../files/file-storage.js';
import { samplePng } from '../../files/sample-files.js';

/**
 * The 2021 season's work on site (issue 10 §1–3): the office's two checklist templates (the
 * plan's content groups a–c and the §4.3 one-stop desk), and for every inspection started or
 * closed, its checklist filled by the team's inspector — answers, notes, photos with their
 * capture time, documents sighted — and findings of each kind (good practices for the library,
 * shortcomings, a violation). Deterministic: the same demo on every machine.
 */
export async function seedDemoOnsite(tx: Tx, ids: { ownerAgencyId: string; planId: string; inspectorUserId: string; secretariatUserId: string }) {
  const templates = new Map<string, string>();
  for (const t of [standardContentTemplate, standardOneStopTemplate]) {
    const [row] = await tx
      .insert(checklistTemplate)
      .values({ ownerAgencyId: ids.ownerAgencyId, code: t.code, name: t.name, kind: t.kind, groups: t.groups, source: t.source, status: 'published', createdBy: ids.secretariatUserId })
      .returning({ id: checklistTemplate.id });
    await tx.insert(checklistTemplateItem).values(t.items.map((item, position) => ({ ...item, templateId: row.id, position })));
    templates.set(t.kind, row.id);
  }

  const visits = await tx
    .select()
    .from(inspection)
    .where(and(eq(inspection.planId, ids.planId), inArray(inspection.status, ['under_way', 'closed'])))
    .orderBy(asc(inspection.startsOn));
  const files = new FileStorage(new DatabaseBackend(), Number.MAX_SAFE_INTEGER);
  let photoNo = 0;
  let findings = 0;
  for (const [n, visit] of visits.entries()) {
    const oneStop = visit.kind === 'unannounced';
    const source = oneStop ? standardOneStopTemplate : standardContentTemplate;
    const [list] = await tx
      .insert(inspectionChecklist)
      .values({ inspectionId: visit.id, templateId: templates.get(source.kind)!, name: source.name, kind: source.kind, createdBy: ids.inspectorUserId, createdAt: visit.startedAt!, updatedAt: visit.startedAt! })
      .returning({ id: inspectionChecklist.id });
    const titles = new Map(source.groups.map((g) => [g.code, g.title]));
    // A visit under way has its last items still open; a closed one fully answered.
    const answeredCount = visit.status === 'closed' ? source.items.length : source.items.length - 4;
    const itemIds: string[] = [];
    for (const [i, item] of source.items.entries()) {
      const answered = i < answeredCount;
      const editedAt = new Date(visit.startedAt!.getTime() + (i + 1) * 4 * 60_000);
      const ratingCycle: Rating[] = ['met', 'met', 'partly_met', 'met', 'not_met', 'met', 'not_applicable'];
      const answer = answered
        ? {
            rating: item.answerType === 'rating' ? ratingCycle[(i + n) % ratingCycle.length] : null,
            numberValue: item.answerType === 'number' ? (i + n) % 4 : null,
            textValue: item.answerType === 'text' ? demoText(item.code) : null,
            note: i % 3 === 0 ? 'Đã đối chiếu hồ sơ, sổ sách tại chỗ.' : null,
          }
        : { rating: null, numberValue: null, textValue: null, note: null };
      const [row] = await tx
        .insert(inspectionChecklistItem)
        .values({
          checklistId: list.id,
          position: i,
          groupCode: item.groupCode,
          groupTitle: titles.get(item.groupCode)!,
          code: item.code,
          text: item.text,
          guidance: item.guidance,
          answerType: item.answerType,
          evidenceRequired: item.evidenceRequired,
          ...answer,
          editedAt: answered ? editedAt : null,
          editedBy: answered ? ids.inspectorUserId : null,
          version: answered ? 2 : 1,
        })
        .returning({ id: inspectionChecklistItem.id });
      itemIds.push(row.id);
      if (answered) {
        await tx.insert(inspectionChecklistItemRevision).values({ itemId: row.id, clientRevisionId: crypto.randomUUID(), itemVersion: 2, baseVersion: 1, ...answer, editedAt, editedBy: ids.inspectorUserId, receivedAt: editedAt });
      }
      // Photos of what must be shown, documents sighted for the rest of the required ones.
      if (answered && item.evidenceRequired) {
        if (photoNo % 2 === 0 || oneStop || item.groupCode === 'c') {
          photoNo += 1;
          const png = samplePng(320, 240, [(40 * photoNo) % 256, (90 + 17 * photoNo) % 256, (160 + 29 * photoNo) % 256]);
          const stored = await files.storeBytes(tx, png, 'image/png');
          const [attachment] = await tx
            .insert(fileAttachment)
            .values({ sha256: stored.sha256, ownerType: 'checklist_item', ownerId: row.id, purpose: 'photo', fileName: `IMG_2021_${String(photoNo).padStart(4, '0')}.png`, mediaType: 'image/png', size: png.length, createdBy: ids.inspectorUserId })
            .returning({ id: fileAttachment.id });
          await tx.insert(checklistEvidence).values({ itemId: row.id, clientId: crypto.randomUUID(), kind: 'photo', attachmentId: attachment.id, capturedAt: editedAt, createdBy: ids.inspectorUserId, createdAt: editedAt });
        } else {
          photoNo += 1;
          await tx.insert(checklistEvidence).values({ itemId: row.id, clientId: crypto.randomUUID(), kind: 'document', documentTitle: 'Kế hoạch cải cách hành chính năm 2021 của UBND', documentNumber: `${20 + n}/KH-UBND`, documentDate: '2021-01-15', createdBy: ids.inspectorUserId, createdAt: editedAt });
        }
      }
    }
    for (const f of demoFindings(oneStop, n)) {
      const itemIndex = source.items.findIndex((i) => i.code === f.itemCode);
      const itemId = itemIndex >= 0 && itemIndex < answeredCount ? itemIds[itemIndex] : null;
      const [row] = await tx
        .insert(finding)
        .values({ inspectionId: visit.id, checklistItemId: itemId, kind: f.kind, contentGroup: f.group, severity: f.severity, title: f.title, text: f.text, recommendation: f.recommendation, createdBy: ids.inspectorUserId, createdAt: visit.startedAt!, updatedAt: visit.startedAt! })
        .returning({ id: finding.id });
      findings += 1;
      if (itemId) {
        const photos = await tx.select({ id: checklistEvidence.id }).from(checklistEvidence).where(eq(checklistEvidence.itemId, itemId));
        if (photos.length) await tx.insert(findingEvidence).values(photos.map((p) => ({ findingId: row.id, evidenceId: p.id })));
      }
    }
  }
  return { checklists: visits.length, photos: photoNo, findings };
}

function demoText(code: string): string {
  if (code.startsWith('NY')) return 'Quyết định số 1462/QĐ-UBND ngày 20/4/2021 của UBND tỉnh';
  if (code.startsWith('PA')) return 'Nhận 6 phản ánh, đã trả lời 5';
  return 'Mô hình "Tổ tư vấn thủ tục hành chính" tại Bộ phận Một cửa, áp dụng từ tháng 3/2021';
}

interface DemoFinding {
  kind: FindingKind;
  group: string;
  severity: FindingSeverity | null;
  itemCode: string;
  title: string;
  text: string;
  recommendation: string | null;
}

/** One good practice per visit that has one, each its own (the library is read across wards). */
const wardGoodPractices: DemoFinding[] = [
  { kind: 'good_practice', group: 'c', severity: null, itemCode: 'c.4', title: 'Tổ tư vấn thủ tục hành chính tại Bộ phận Một cửa', text: 'Đoàn viên thanh niên hướng dẫn người dân chuẩn bị hồ sơ, nộp trực tuyến; số hồ sơ trực tuyến tăng gấp đôi so với năm 2020.', recommendation: 'Nhân rộng mô hình trong toàn thị xã.' },
  { kind: 'good_practice', group: 'c', severity: null, itemCode: 'c.4', title: 'Trả kết quả thủ tục hành chính tại nhà qua bưu điện', text: 'Phối hợp với Bưu điện thị xã trả kết quả chứng thực, hộ tịch tại nhà cho người cao tuổi, người khuyết tật; 9 tháng đầu năm trả 214 kết quả, không phát sinh phản ánh.', recommendation: 'Các phường có đông người cao tuổi tham khảo áp dụng.' },
  { kind: 'good_practice', group: 'a', severity: null, itemCode: 'a.3', title: 'Bảng theo dõi nhiệm vụ CCHC trên nhóm Zalo của UBND', text: 'Văn phòng cập nhật hằng tuần tiến độ từng nhiệm vụ được giao trên bảng tính dùng chung; lãnh đạo nhắc việc trực tiếp, không còn nhiệm vụ quá hạn từ quý II.', recommendation: 'Chia sẻ mẫu bảng theo dõi cho các xã, phường.' },
  { kind: 'good_practice', group: 'c', severity: null, itemCode: 'c.2', title: 'Niêm yết thủ tục hành chính bằng mã QR tại thôn, khu phố', text: 'Mỗi nhà văn hóa khu phố dán mã QR dẫn đến danh mục thủ tục hành chính và biểu mẫu; người dân tra cứu trước khi đến Bộ phận Một cửa, hồ sơ phải bổ sung giảm rõ.', recommendation: 'Nhân rộng tại các thôn, khu phố xa trung tâm.' },
  { kind: 'good_practice', group: 'a', severity: null, itemCode: 'a.3', title: 'Giao ban CCHC hằng tháng với trưởng thôn', text: 'Chủ tịch UBND chủ trì giao ban CCHC mỗi tháng với trưởng thôn, khu phố; ý kiến của người dân về giải quyết thủ tục hành chính được ghi nhận và trả lời ngay tại cuộc họp.', recommendation: 'Duy trì và đưa vào quy chế làm việc của UBND.' },
  { kind: 'good_practice', group: 'c', severity: null, itemCode: 'c.4', title: 'Hướng dẫn thanh toán phí, lệ phí không dùng tiền mặt', text: 'Công chức Bộ phận Một cửa hướng dẫn người dân nộp phí, lệ phí qua ứng dụng ngân hàng và mã QR; 38% giao dịch trong quý III thanh toán không dùng tiền mặt.', recommendation: 'Phổ biến cách làm tại hội nghị sơ kết CCHC của thị xã.' },
  { kind: 'good_practice', group: 'a', severity: null, itemCode: 'a.3', title: 'Tuyên truyền CCHC trên loa truyền thanh vào chiều thứ Sáu', text: 'Đài truyền thanh phường phát chuyên mục "Cải cách hành chính" 15 phút mỗi chiều thứ Sáu, giới thiệu một thủ tục hành chính thường gặp và cách nộp hồ sơ trực tuyến.', recommendation: 'Các xã, phường xây dựng chuyên mục tương tự.' },
  { kind: 'good_practice', group: 'c', severity: null, itemCode: 'c.4', title: 'Tiếp nhận hồ sơ ngoài giờ vào sáng thứ Bảy', text: 'Bộ phận Một cửa tiếp nhận hồ sơ hộ tịch, chứng thực vào sáng thứ Bảy cho người lao động, công nhân đi làm xa; từ tháng 4/2021 tiếp nhận 312 hồ sơ ngoài giờ.', recommendation: 'Các phường có khu công nghiệp tham khảo áp dụng.' },
  { kind: 'good_practice', group: 'a', severity: null, itemCode: 'a.3', title: 'Chấm điểm CCHC của từng thôn, khu phố', text: 'UBND chấm điểm hằng quý công tác tuyên truyền, vận động người dân nộp hồ sơ trực tuyến của từng thôn, khu phố và công khai kết quả tại hội nghị giao ban.', recommendation: 'Đưa tiêu chí vào bình xét thi đua cuối năm.' },
  { kind: 'good_practice', group: 'c', severity: null, itemCode: 'c.2', title: 'Sổ tay thủ tục hành chính thường gặp phát tại nhà', text: 'Phường in sổ tay 24 thủ tục hành chính thường gặp (hộ tịch, chứng thực, đất đai) kèm biểu mẫu và phát đến từng hộ qua tổ dân phố.', recommendation: 'Cập nhật sổ tay khi có thủ tục mới được công bố.' },
  { kind: 'good_practice', group: 'c', severity: null, itemCode: 'c.4', title: 'Nhắn tin báo kết quả giải quyết hồ sơ', text: 'Công chức Một cửa nhắn tin qua Zalo cho người nộp khi có kết quả, kèm thời gian nhận; tỷ lệ hồ sơ trả đúng hẹn quý III đạt 99,2%.', recommendation: 'Chuẩn hóa mẫu tin nhắn dùng chung cho các xã, phường.' },
  { kind: 'good_practice', group: 'a', severity: null, itemCode: 'a.3', title: 'Phân công lãnh đạo theo dõi từng nhiệm vụ CCHC', text: 'Mỗi nhiệm vụ trong kế hoạch CCHC năm có một lãnh đạo UBND phụ trách và một công chức đầu mối; tiến độ được báo cáo tại cuộc họp UBND cuối tháng.', recommendation: 'Duy trì và phổ biến tại hội nghị sơ kết.' },
  { kind: 'good_practice', group: 'c', severity: null, itemCode: 'c.2', title: 'Góc hướng dẫn dịch vụ công trực tuyến có máy tính cho người dân', text: 'Bộ phận Một cửa bố trí hai máy tính và một công chức hướng dẫn người dân tự nộp hồ sơ trực tuyến; 41% hồ sơ quý III nộp trực tuyến.', recommendation: 'Nhân rộng mô hình tại các xã có Bộ phận Một cửa đủ diện tích.' },
];

/** Each visit's findings: every kind across the season, good practices for the library. */
function demoFindings(oneStop: boolean, n: number): DemoFinding[] {
  if (oneStop) {
    return [
      { kind: 'good_practice', group: 'facilities', severity: null, itemCode: 'VC.2', title: 'Mã QR đánh giá sự hài lòng tại từng quầy', text: 'Mỗi quầy có mã QR để người dân đánh giá ngay sau khi nhận kết quả; kết quả tổng hợp hằng tuần.', recommendation: 'Nhân rộng ra Bộ phận Một cửa các xã, phường.' },
      { kind: 'shortcoming', group: 'dossiers', severity: 'moderate', itemCode: 'HS.4', title: 'Hồ sơ trễ hạn chưa có Phiếu xin lỗi', text: '2/3 hồ sơ trễ hạn trong tháng 9 không có Phiếu xin lỗi và hẹn lại ngày trả kết quả.', recommendation: 'Gửi Phiếu xin lỗi trước hạn trả kết quả đối với mọi hồ sơ trễ hạn.' },
      { kind: 'violation', group: 'conduct', severity: 'serious', itemCode: 'CC.1', title: 'Công chức vắng mặt trong giờ làm việc', text: 'Lúc 8 giờ 15, một công chức tiếp nhận hồ sơ lĩnh vực đất đai vắng mặt, không có lý do, không bố trí người thay.', recommendation: 'Xem xét trách nhiệm; đề nghị Đoàn kiểm tra công vụ kiểm tra.' },
    ];
  }
  const all: DemoFinding[] = [
    wardGoodPractices[n % wardGoodPractices.length],
    { kind: 'shortcoming', group: 'a', severity: 'minor', itemCode: 'a.3', title: 'Báo cáo CCHC quý II gửi chậm', text: 'Báo cáo CCHC quý II/2021 gửi chậm 5 ngày so với thời hạn.', recommendation: 'Gửi báo cáo định kỳ đúng thời hạn quy định.' },
    { kind: 'shortcoming', group: 'c', severity: 'moderate', itemCode: 'c.2', title: 'Chưa có giải pháp cho tiêu chí chưa đạt', text: 'Chưa ban hành giải pháp khắc phục 2 tiêu chí thành phần Chỉ số CCHC năm 2020 chưa đạt.', recommendation: 'Ban hành kế hoạch khắc phục trong quý IV/2021.' },
  ];
  return n % 2 === 0 ? all : all.slice(0, 2);
}
