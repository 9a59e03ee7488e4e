import { eq } from 'drizzle-orm';
import type { ResultsReportContent } from '../../../shared/api/results-reports.schemas.js';
import { defaultContent } from '../../modules/results-reports/create-results-report.js';
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
  const base = await defaultContent(tx, agencyId, 2021, difficulties, '2021-12-20');
  const content: ResultsReportContent = {
    ...base,
    legalBases: [],
    // The starting narrative (draft-texts.ts) with what only the office knows: the one-stop desks seen and the causes (the figures the data writes in the document).
    strengths: [
      base.strengths,
      'Bộ phận Tiếp nhận và Trả kết quả các phường, xã bố trí đủ công chức, niêm yết công khai đầy đủ thủ tục hành chính; việc sử dụng phần mềm quản lý văn bản và chữ ký số được duy trì thường xuyên.',
    ].join('\n'),
    shortcomings: 'Nguyên nhân: công chức phụ trách cải cách hành chính kiêm nhiệm nhiều việc; người đứng đầu một số đơn vị chưa thật sự quan tâm chỉ đạo.',
    measures: base.measures,
    recipients: ['UBND tỉnh Bình Định (để báo cáo);', 'Sở Nội vụ tỉnh Bình Định;', 'TT. Thị ủy, TT. HĐND thị xã;', 'Chủ tịch, các PCT UBND thị xã;', 'UBND các phường, xã;', 'Lưu: VT, NV.'],
  };
  await tx.insert(resultsReport).values({ issuingAgencyId: agencyId, unitId: committee.unitId, year: 2021, content, createdBy: ids.createdBy });
}
