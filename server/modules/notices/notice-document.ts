import type { NoticeContent } from '../../../shared/api/notices.schemas.js';
import type { PlanContent } from '../../../shared/api/plans.schemas.js';
import { formatVietnameseDate, toDayNumber } from '../../../shared/domain/calendar/dates.js';
import { documentSymbol, formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { REPORT_LEAD_WORKING_DAYS } from '../../../shared/domain/schedule-rules.js';
import { lowerFirst } from '../../../shared/domain/vietnamese.js';
import type { DbOrTx } from '../../db/client.js';
import { defineRecordDocumentKind, registeredFileName } from '../../documents/document-kinds.js';
import type { Block, FlatBlock, PlanDocumentModel } from '../../documents/model.js';
import { defaultSignature } from '../document-register/default-signature.js';
import { documentDate, issuerInfo, shortDate, type IssuerInfo } from '../document-register/issuer-header.js';
import type { PlanRow } from '../plans/plans.repository.js';
import { findNotice, findVisibleNotice, noticeItems, type NoticeItemRow, type NoticeRow } from './notices.repository.js';

const WEEKDAY = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The report outline most notices attach (reference §4.2 d); the office edits it. */
export const DEFAULT_REPORT_OUTLINE = [
  'I. ĐẶC ĐIỂM TÌNH HÌNH',
  'II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH',
  '1. Công tác chỉ đạo, điều hành cải cách hành chính.',
  '2. Cải cách thể chế.',
  '3. Cải cách thủ tục hành chính.',
  '4. Cải cách tổ chức bộ máy hành chính nhà nước.',
  '5. Cải cách chế độ công vụ.',
  '6. Cải cách tài chính công.',
  '7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số.',
  '8. Kết quả thực hiện các nhiệm vụ được UBND, Chủ tịch UBND giao (kèm phụ lục: nhiệm vụ, văn bản giao, thời hạn, tình hình thực hiện).',
  '9. Các giải pháp đã thực hiện đối với các tiêu chí Chỉ số CCHC, Chỉ số SIPAS chưa đạt.',
  'III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
  'IV. PHƯƠNG HƯỚNG, KIẾN NGHỊ',
  'Phụ lục số liệu kèm theo.',
].join('\n');

/** The texts a new notice starts from: bases from the plan and the teams, requests from the plan (III.2). */
export function defaultNoticeContent(plan: PlanRow, issuer: IssuerInfo, committee: IssuerInfo, teams: { name: string; number: number | null; symbol: string | null; issuedOn: string | null }[]): NoticeContent {
  const content = plan.content as PlanContent;
  const committeeName = committee.shortName ?? committee.name;
  const planRef = plan.number !== null && plan.symbol && plan.issuedOn ? `Kế hoạch số ${formatDocumentNumber(plan.number, plan.symbol)} ngày ${shortDate(plan.issuedOn)}` : 'Kế hoạch';
  const byCommittee = issuer.agencyId === committee.agencyId;
  return {
    summary: `Lịch kiểm tra công tác cải cách hành chính năm ${plan.year}`,
    legalBases: [
      `Căn cứ ${planRef} của ${committeeName} về ${lowerFirst(content.summary)};`,
      ...teams
        .filter((t) => t.number !== null && t.symbol && t.issuedOn)
        .map((t) => `Căn cứ Quyết định số ${formatDocumentNumber(t.number!, t.symbol!)} ngày ${shortDate(t.issuedOn!)} của Chủ tịch ${committeeName} về việc thành lập ${t.name};`),
    ],
    introduction: `${byCommittee ? committeeName : issuer.name} thông báo lịch kiểm tra công tác cải cách hành chính năm ${plan.year} như sau:`,
    requests: [
      `Các cơ quan, đơn vị được kiểm tra xây dựng báo cáo theo đề cương kèm theo, gửi về Đoàn kiểm tra trước ngày kiểm tra ít nhất ${pad(REPORT_LEAD_WORKING_DAYS)} ngày làm việc (hạn cụ thể của từng đơn vị nêu tại mục 2).`,
      'Chuẩn bị đầy đủ hồ sơ, tài liệu, sản phẩm minh chứng kết quả thực hiện nhiệm vụ cải cách hành chính để Đoàn kiểm tra xem xét.',
      'Bố trí lãnh đạo và công chức có liên quan làm việc trực tiếp với Đoàn kiểm tra.',
    ],
    outline: DEFAULT_REPORT_OUTLINE,
    recipients: ['Các cơ quan, đơn vị được kiểm tra;', 'Thành viên Đoàn kiểm tra;', 'Lưu: VT, NV.'],
    signature: defaultSignature(issuer, committee, 'TL. CHỦ TỊCH'),
  };
}

/** "08:00, Thứ Năm ngày 09/9/2021" (and " đến ngày 10/9/2021" for a visit of several days). */
export function visitWhen(i: { startsOn: string; endsOn: string; startTime: string | null }): string {
  const weekday = WEEKDAY[toDayNumber(i.startsOn) % 7];
  const day = `${weekday} ngày ${formatVietnameseDate(i.startsOn)}${i.endsOn !== i.startsOn ? ` đến ngày ${formatVietnameseDate(i.endsOn)}` : ''}`;
  return i.startTime ? `${i.startTime}, ${day}` : day;
}

/** The body: the schedule table, each unit's report deadline, the requests; the outline as an annex. */
export function noticeBody(content: NoticeContent, items: NoticeItemRow[]): { body: Block[]; annex: { label: string; title: string; blocks: FlatBlock[] } } {
  const body: Block[] = [
    { kind: 'paragraph', content: content.introduction },
    { kind: 'heading', level: '1', text: 'Lịch kiểm tra' },
    {
      kind: 'table',
      columns: [{ width: 7, align: 'center' }, { width: 27 }, { width: 20 }, { width: 22 }, { width: 24 }],
      header: [{ cells: ['TT', 'Đơn vị được kiểm tra', 'Thời gian', 'Địa điểm', 'Thành phần tham dự'] }],
      rows: items.map((it, i) => ({ cells: [String(i + 1), it.agencyName, visitWhen(it.inspection), it.places.join('; '), it.attendees] })),
      fontSize: 12,
    },
    { kind: 'heading', level: '1', text: 'Thời hạn gửi báo cáo' },
    ...items.filter((it) => it.inspection.reportDueExplanation).map((it, i, all): Block => ({ kind: 'bullet', content: `${it.agencyName}: ${it.inspection.reportDueExplanation}${i === all.length - 1 ? '.' : ';'}` })),
    { kind: 'heading', level: '1', text: 'Đề nghị các cơ quan, đơn vị' },
    ...content.requests.map((r): Block => ({ kind: 'bullet', content: r })),
    { kind: 'paragraph', content: 'Đề nghị các cơ quan, đơn vị có tên trên triển khai thực hiện./.' },
  ];
  const annex = { label: 'Phụ lục', title: 'ĐỀ CƯƠNG BÁO CÁO', blocks: content.outline.split('\n').filter((l) => l.trim()).map((l): FlatBlock => ({ kind: 'paragraph', content: l })) };
  return { body, annex };
}

/** The notice as a Decree 30 document (Mẫu 1.4, Thông báo): DỰ THẢO until issued. */
export async function noticeDocumentModel(db: DbOrTx, notice: NoticeRow): Promise<PlanDocumentModel> {
  const issuer = await issuerInfo(db, notice.issuingAgencyId);
  const content = notice.content as NoticeContent;
  const issued = notice.status === 'issued' && notice.number !== null;
  const { body, annex } = noticeBody(content, await noticeItems(db, [notice.id]));
  return {
    layout: 'typed',
    issuer: issuer.body,
    ...(issued ? { number: notice.number! } : {}),
    symbol: notice.symbol ?? documentSymbol('thong_bao', issuer.docAbbreviation ?? 'UBND'),
    placeName: issuer.placeName,
    date: issued && notice.issuedOn ? documentDate(notice.issuedOn) : { year: notice.planYear },
    typeName: 'THÔNG BÁO',
    summary: content.summary,
    draft: !issued,
    ...(content.legalBases.length ? { legalBases: content.legalBases } : {}),
    body,
    annexes: [annex],
    recipients: content.recipients,
    signature: content.signature,
  };
}

export function noticeFileName(notice: NoticeRow): string {
  return registeredFileName('thong-bao', notice, notice.planYear);
}

/** The schedule notice as a document kind: whoever sees the notice downloads it; frozen at issue. */
export const noticeDocument = defineRecordDocumentKind({
  code: 'inspection-notice',
  typeCode: 'thong_bao',
  template: 'Mẫu 1.4',
  subjectType: 'notice',
  recordName: 'notice',
  findVisible: findVisibleNotice,
  find: findNotice,
  fileName: (_db, notice) => noticeFileName(notice),
  model: noticeDocumentModel,
});
