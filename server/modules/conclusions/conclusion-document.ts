import { and, eq } from 'drizzle-orm';
import type { ConclusionContent } from '../../../shared/api/conclusions.schemas.js';
import { formatVietnameseDate } from '../../../shared/domain/calendar/dates.js';
import { documentSymbol, formatDocumentNumber } from '../../../shared/domain/document-types.js';
import type { DbOrTx } from '../../db/client.js';
import { documentRegisterEntry, inspectionPlan, inspectionTeam } from '../../db/schema/index.js';
import { defineRecordDocumentKind, registeredFileName } from '../../documents/document-kinds.js';
import type { Block, PlanDocumentModel } from '../../documents/model.js';
import { defaultSignature } from '../document-register/default-signature.js';
import { documentDate, issuerInfo, shortDate, type IssuerInfo } from '../document-register/issuer-header.js';
import { conclusionActions, findConclusion, findVisibleConclusion, type ConclusionActionRow, type ConclusionRow } from './conclusions.repository.js';

const pad = (n: number) => String(n).padStart(2, '0');
const kindText: Record<string, string> = {
  announced: 'kiểm tra trực tiếp theo Kế hoạch, có thông báo trước',
  unannounced: 'kiểm tra đột xuất, không báo trước',
  reinspection: 'tái kiểm tra việc khắc phục theo kết luận kiểm tra trước',
  report: 'kiểm tra qua báo cáo',
};

export interface ConclusionSource {
  agencyName: string;
  inspectionKind: string;
  startsOn: string;
  endsOn: string;
  teamName: string;
  planYear: number;
  planRef: string | null;
  teamRef: string | null;
  /** Findings as drafted from the minutes, when there are any. */
  strengths?: string[];
  shortcomings?: string[];
}

/** What a new conclusion is drafted from: the inspection, its plan and its team's decision. */
export async function conclusionSource(db: DbOrTx, row: { planId: string; teamId: string; agencyName: string; inspectionKind: string; inspectionStartsOn: string; inspectionEndsOn: string; planYear: number }): Promise<ConclusionSource> {
  const [plan] = await db
    .select({ number: documentRegisterEntry.number, symbol: documentRegisterEntry.symbol, issuedOn: inspectionPlan.issuedOn })
    .from(inspectionPlan)
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionPlan.registerEntryId))
    .where(eq(inspectionPlan.id, row.planId));
  const [team] = await db
    .select({ name: inspectionTeam.name, number: documentRegisterEntry.number, symbol: documentRegisterEntry.symbol, issuedOn: inspectionTeam.issuedOn })
    .from(inspectionTeam)
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionTeam.registerEntryId))
    .where(and(eq(inspectionTeam.id, row.teamId)));
  return {
    agencyName: row.agencyName,
    inspectionKind: row.inspectionKind,
    startsOn: row.inspectionStartsOn,
    endsOn: row.inspectionEndsOn,
    teamName: team?.name ?? 'Đoàn kiểm tra',
    planYear: row.planYear,
    planRef: plan?.number != null && plan.symbol && plan.issuedOn ? `Kế hoạch số ${formatDocumentNumber(plan.number, plan.symbol)} ngày ${shortDate(plan.issuedOn)}` : null,
    teamRef: team?.number != null && team.symbol && team.issuedOn ? `Quyết định số ${formatDocumentNumber(team.number, team.symbol)} ngày ${shortDate(team.issuedOn)}` : null,
  };
}

/** The texts a new conclusion starts from (reference §4.2 f, sections I–V); the office edits them. */
export function defaultConclusionContent(src: ConclusionSource, issuer: IssuerInfo, committee: IssuerInfo): ConclusionContent {
  const committeeName = committee.shortName ?? committee.name;
  const byCommittee = issuer.agencyId === committee.agencyId;
  const when = src.endsOn !== src.startsOn ? `từ ngày ${formatVietnameseDate(src.startsOn)} đến ngày ${formatVietnameseDate(src.endsOn)}` : `ngày ${formatVietnameseDate(src.startsOn)}`;
  const unannounced = src.inspectionKind === 'unannounced';
  return {
    summary: `Kết luận kiểm tra công tác cải cách hành chính tại ${src.agencyName}`,
    legalBases: [
      ...(src.planRef ? [`Căn cứ ${src.planRef} của ${committeeName} về kiểm tra công tác cải cách hành chính năm ${src.planYear};`] : []),
      ...(src.teamRef ? [`Căn cứ ${src.teamRef} của Chủ tịch ${committeeName} về việc thành lập ${src.teamName};`] : []),
    ],
    introduction: `${when.charAt(0).toLocaleUpperCase('vi')}${when.slice(1)}, ${src.teamName} đã ${unannounced ? 'kiểm tra đột xuất' : 'kiểm tra'} công tác cải cách hành chính tại ${src.agencyName}. Xét báo cáo kết quả kiểm tra của ${src.teamName}, ${byCommittee ? committeeName : issuer.name} thông báo kết luận kiểm tra như sau:`,
    overview: [
      `Thời gian kiểm tra: ${when}.`,
      `Hình thức kiểm tra: ${kindText[src.inspectionKind] ?? src.inspectionKind}.`,
      'Nội dung kiểm tra: công tác lãnh đạo, chỉ đạo và tổ chức triển khai thực hiện nhiệm vụ cải cách hành chính; việc thực hiện các nhiệm vụ theo kế hoạch, kết luận, chỉ đạo của Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân; kết quả thực hiện Kế hoạch cải cách hành chính và các giải pháp nâng cao Chỉ số CCHC, chỉ số hài lòng.',
    ],
    strengths: src.strengths ?? [],
    shortcomings: src.shortcomings ?? [],
    requirementsIntro: `Đề nghị ${src.agencyName} chỉ đạo khắc phục ngay các hạn chế, tồn tại nêu trên; cụ thể:`,
    organisation: [
      `Giao Phòng Nội vụ theo dõi, đôn đốc ${src.agencyName} thực hiện các yêu cầu tại mục IV; tổng hợp, báo cáo ${committeeName} kết quả khắc phục.`,
      `${src.agencyName} báo cáo kết quả khắc phục (kèm tài liệu minh chứng) về ${committeeName} (qua Phòng Nội vụ) đúng thời hạn nêu trên.`,
    ],
    recipients: [`${src.agencyName};`, 'Chủ tịch, các PCT UBND thị xã;', 'Thành viên Đoàn kiểm tra;', 'Lưu: VT, NV.'],
    // In the office's name, signed under the chairman's authorisation (the standing office issuing).
    signature: defaultSignature(issuer, committee, 'TUQ. CHỦ TỊCH'),
  };
}

/** "chậm nhất ngày 15/10/2021 (10 ngày làm việc kể từ ngày thông báo)", or the working days alone on a draft. */
export function dueText(dueOn: string | null, workingDays: number | null): string {
  const days = workingDays !== null ? `${pad(workingDays)} ngày làm việc kể từ ngày ban hành Thông báo` : null;
  if (dueOn) return `Chậm nhất ngày ${formatVietnameseDate(dueOn)}${days ? ` (${days})` : ''}`;
  return days ? `Trong thời hạn ${days}` : '';
}

/** The body: sections I–V, the requirements as a table (what, who, by when, report by when). */
export function conclusionBody(content: ConclusionContent, actions: ConclusionActionRow[]): Block[] {
  const lines = (xs: string[], empty: string): Block[] => (xs.length ? xs.map((x): Block => ({ kind: 'bullet', content: x })) : [{ kind: 'paragraph', content: empty }]);
  return [
    { kind: 'paragraph', content: content.introduction },
    { kind: 'heading', level: 'I', text: 'KHÁI QUÁT CHUNG' },
    ...content.overview.map((x): Block => ({ kind: 'bullet', content: x })),
    { kind: 'heading', level: 'I', text: 'KẾT QUẢ ĐẠT ĐƯỢC' },
    ...lines(content.strengths, 'Không có nội dung.'),
    { kind: 'heading', level: 'I', text: 'HẠN CHẾ, TỒN TẠI' },
    ...lines(content.shortcomings, 'Không có nội dung.'),
    { kind: 'heading', level: 'I', text: 'YÊU CẦU' },
    { kind: 'paragraph', content: content.requirementsIntro },
    ...(actions.length
      ? [
          {
            kind: 'table',
            columns: [{ width: 6, align: 'center' }, { width: 40 }, { width: 18 }, { width: 18 }, { width: 18 }],
            header: [{ cells: ['TT', 'Nội dung yêu cầu khắc phục', 'Đơn vị thực hiện', 'Thời hạn hoàn thành', 'Báo cáo kết quả'] }],
            rows: actions.map((a, i) => ({
              cells: [String(i + 1), a.action.content, a.responsibleAgencyName, dueText(a.action.dueOn, a.action.dueWorkingDays), dueText(a.action.reportDueOn, a.action.reportDueWorkingDays) || 'Cùng thời hạn hoàn thành'],
            })),
            fontSize: 12,
          } satisfies Block,
        ]
      : [{ kind: 'paragraph', content: 'Không có yêu cầu khắc phục.' } satisfies Block]),
    { kind: 'heading', level: 'I', text: 'TỔ CHỨC THỰC HIỆN' },
    ...content.organisation.map((x): Block => ({ kind: 'bullet', content: x })),
    { kind: 'paragraph', content: 'Trên đây là Thông báo kết luận kiểm tra công tác cải cách hành chính; đề nghị các cơ quan, đơn vị có liên quan nghiêm túc triển khai thực hiện./.' },
  ];
}

/** The conclusion as a Decree 30 document (Mẫu 1.4, Thông báo): DỰ THẢO until issued. */
export async function conclusionDocumentModel(db: DbOrTx, row: ConclusionRow): Promise<PlanDocumentModel> {
  const issuer = await issuerInfo(db, row.issuingAgencyId);
  const content = row.content as ConclusionContent;
  const issued = row.status === 'issued' && row.number !== null;
  return {
    layout: 'typed',
    issuer: issuer.body,
    ...(issued ? { number: row.number! } : {}),
    symbol: row.symbol ?? documentSymbol('thong_bao', issuer.docAbbreviation ?? 'UBND'),
    placeName: issuer.placeName,
    date: issued && row.issuedOn ? documentDate(row.issuedOn) : { year: row.planYear },
    typeName: 'THÔNG BÁO',
    summary: content.summary,
    draft: !issued,
    ...(content.legalBases.length ? { legalBases: content.legalBases } : {}),
    body: conclusionBody(content, await conclusionActions(db, [row.id])),
    recipients: content.recipients,
    signature: content.signature,
  };
}

export function conclusionFileName(row: ConclusionRow): string {
  return registeredFileName('ket-luan', row, row.planYear);
}

/** The conclusion notice as a document kind: whoever sees the conclusion downloads it; frozen at issue. */
export const conclusionDocument = defineRecordDocumentKind({
  code: 'conclusion',
  typeCode: 'thong_bao',
  template: 'Mẫu 1.4',
  subjectType: 'conclusion',
  recordName: 'conclusion',
  findVisible: findVisibleConclusion,
  find: findConclusion,
  fileName: (_db, row) => conclusionFileName(row),
  model: conclusionDocumentModel,
});
