import { eq } from 'drizzle-orm';
import type { ResultsReportContent } from '../../../shared/api/results-reports.schemas.js';
import { defaultContent } from '../../modules/results-reports/create-results-report.js';
import { difficultyParagraphs } from '../../modules/results-reports/difficulty-paragraphs.js';
import { listDifficultiesForYear } from '../../modules/difficulties/difficulties-for-report.js';
import { loadWorkingCalendar } from '../../modules/calendar/calendar.service.js';
import { loadRoles } from '../../modules/session/session-store.js';
import { agency, appUser, resultsReport } from '../schema/index.js';
import type { Tx } from '../client.js';

/**
 * The draft "Báo cáo kết quả kiểm tra công tác cải cách hành chính năm 2021" of UBND thị xã
 * Hoài Nhơn: the texts a new report starts from (the plan and team as issued), with the office's
 * paragraphs as a real report would have them. The figures are computed from the demo season and
 * scores whenever it is opened, as on the dashboard. Seeded after the difficulties: it reads
 * those raised to the committee in 2021 as the office sees them, like a report drafted in the app.
 */
export async function seedDemoResultsReport(tx: Tx, ids: { agencyIds: Map<string, string>; createdBy: string }): Promise<void> {
  const agencyId = ids.agencyIds.get('ubnd:hoai-nhon')!;
  const [committee] = await tx.select().from(agency).where(eq(agency.id, agencyId));
  const [office] = await tx.select().from(appUser).where(eq(appUser.id, ids.createdBy));
  const actor = { userId: office.id, username: office.username, fullName: office.fullName, roles: await loadRoles(tx, office.id), sessionId: '', csrfToken: '', mustChangePassword: false };
  const difficulties = await listDifficultiesForYear(tx, actor, { today: '2021-12-20', calendar: (await loadWorkingCalendar(tx)).calendar }, 2021);
  const base = await defaultContent(tx, agencyId, 2021, difficulties);
  const content: ResultsReportContent = {
    ...base,
    legalBases: [],
    strengths: [
      'Nhìn chung, Ủy ban nhân dân các phường, xã đã quan tâm lãnh đạo, chỉ đạo công tác cải cách hành chính; ban hành kế hoạch cải cách hành chính, kế hoạch tuyên truyền, kế hoạch kiểm soát thủ tục hành chính năm 2021 đúng thời gian quy định.',
      'Bộ phận Tiếp nhận và Trả kết quả các phường, xã bố trí đủ công chức, niêm yết công khai đầy đủ thủ tục hành chính; phần lớn hồ sơ được giải quyết đúng và trước hạn, không có hồ sơ tồn đọng kéo dài.',
      'Việc ứng dụng công nghệ thông tin, sử dụng phần mềm quản lý văn bản và chữ ký số được duy trì thường xuyên.',
    ].join('\n'),
    shortcomings: [
      'Một số đơn vị chưa kịp thời cập nhật, niêm yết thủ tục hành chính mới được công bố; việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn chậm.',
      'Chế độ báo cáo định kỳ về cải cách hành chính của một số đơn vị chưa đảm bảo thời gian; nội dung báo cáo còn sơ sài, thiếu số liệu minh chứng.',
      'Nguyên nhân: công chức phụ trách cải cách hành chính kiêm nhiệm nhiều việc; người đứng đầu một số đơn vị chưa thật sự quan tâm chỉ đạo.',
    ].join('\n'),
    measures: [
      'Đoàn kiểm tra đã thông báo kết quả kiểm tra đến từng đơn vị, chỉ rõ tồn tại, hạn chế và yêu cầu khắc phục, báo cáo kết quả khắc phục về Phòng Nội vụ trước ngày 31/12/2021.',
      difficultyParagraphs(difficulties).measures,
    ]
      .filter(Boolean)
      .join('\n'),
    recipients: ['UBND tỉnh Bình Định (để báo cáo);', 'Sở Nội vụ tỉnh Bình Định;', 'TT. Thị ủy, TT. HĐND thị xã;', 'Chủ tịch, các PCT UBND thị xã;', 'UBND các phường, xã;', 'Lưu: VT, NV.'],
  };
  await tx.insert(resultsReport).values({ issuingAgencyId: agencyId, unitId: committee.unitId, year: 2021, content, createdBy: ids.createdBy });
}
