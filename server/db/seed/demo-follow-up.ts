import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ConclusionContent } from '../../../shared/api/conclusions.schemas.js';
import type { EscalationContent } from '../../../shared/api/escalations.schemas.js';
import { officialCalendar } from '../../../shared/domain/calendar/index.js';
import type { ActionMove, ActionStatus } from '../../../shared/domain/follow-up.js';
import { agency, correctiveAction, correctiveActionUpdate, escalation, fileAttachment, finding, inspection, inspectionConclusion, inspectionPlan } from '../schema/index.js';
import type { Tx } from '../client.js';
import { freezeIssuedDocument } from '../../documents/issued-documents.js';
import { DatabaseBackend } from '../../files/backends.js';
import { FileStorage } from '../../files/file-storage.js';
import { samplePng } from '../../files/sample-files.js';
import { conclusionDocument, conclusionSource, defaultConclusionContent } from '../../modules/conclusions/conclusion-document.js';
import { draftFromFindings } from '../../modules/conclusions/findings-source.js';
import { registerDocument } from '../../modules/document-register/document-register.js';
import { issuerInfo } from '../../modules/document-register/issuer-header.js';
import { defaultEscalationContent, escalationDocument } from '../../modules/escalations/escalation-document.js';
import type { IssuesInDateOrder } from './demo-register-order.js';

const SYSTEM = { actor: null, ip: null, requestId: null } as const;

interface DemoAction {
  content: string;
  contentGroup: string;
  dueWorkingDays: number;
  status: ActionStatus;
  /** The moves that led there, with their notes (the history a person reads). */
  history: [ActionMove, string, 'unit' | 'office'][];
  evidence?: boolean;
  onReinspection?: boolean;
}

/** Requirements of the first conclusion, one in every state (issue 10 "Done when"). */
const actions: DemoAction[] = [
  {
    content: 'Niêm yết công khai đầy đủ, kịp thời các thủ tục hành chính mới được công bố tại Bộ phận Một cửa và trên Trang thông tin điện tử của phường',
    contentGroup: 'c',
    dueWorkingDays: 10,
    status: 'closed',
    history: [
      ['plan', 'Rà soát toàn bộ danh mục TTHC; niêm yết lại trước ngày 05/7/2021.', 'unit'],
      ['report', 'Đã niêm yết đầy đủ 126 TTHC (kèm ảnh chụp bảng niêm yết).', 'unit'],
      ['accept', 'Đạt yêu cầu.', 'office'],
    ],
    evidence: true,
  },
  {
    content: 'Cập nhật đầy đủ Sổ theo dõi hồ sơ và Phiếu kiểm soát quá trình giải quyết hồ sơ',
    contentGroup: 'c',
    dueWorkingDays: 15,
    status: 'reported',
    history: [
      ['plan', 'Giao công chức Một cửa cập nhật hằng ngày; Phó Chủ tịch kiểm tra hằng tuần.', 'unit'],
      ['report', 'Đã cập nhật sổ từ tháng 01/2021 đến nay.', 'unit'],
    ],
    evidence: true,
  },
  {
    content: 'Ban hành Kế hoạch tự kiểm tra công tác cải cách hành chính năm 2021 của phường',
    contentGroup: 'a',
    dueWorkingDays: 20,
    status: 'in_progress',
    history: [
      ['plan', 'Dự thảo kế hoạch, trình Chủ tịch UBND phường ký trong tháng 7/2021.', 'unit'],
      ['report', 'Đã có dự thảo kế hoạch.', 'unit'],
      ['return', 'Dự thảo chưa phải kế hoạch đã ban hành; đề nghị gửi bản đã ký.', 'office'],
    ],
    evidence: true,
    onReinspection: true,
  },
  {
    content: 'Báo cáo tiến độ thực hiện các nhiệm vụ UBND thị xã giao còn chậm (chỉnh trang Bộ phận Một cửa, số hóa hồ sơ)',
    contentGroup: 'b',
    dueWorkingDays: 30,
    status: 'open',
    history: [],
    onReinspection: true,
  },
];

/**
 * The follow-up of the 2021 season (issue 10 §5–7): for the first closed visit (phường Bồng Sơn,
 * the demo unit officer's ward), an issued conclusion drafted from its findings with requirements
 * in every state — closed, reported awaiting review, returned and in progress, open — the last
 * two on the season's re-inspection of that ward; and a draft conclusion for the next closed
 * visit. Drafted from the visits' minutes, so it runs after them (the escalation is
 * seedDemoEscalation's).
 */
export async function seedDemoFollowUp(tx: Tx, ids: { planId: string; users: { unit: string; secretariat: string; leader: string }; names: { unit: string; secretariat: string } }) {
  const visits = await tx.select().from(inspection).where(eq(inspection.planId, ids.planId)).orderBy(asc(inspection.startsOn));
  const closed = visits.filter((v) => v.kind === 'announced' && v.status === 'closed');
  if (!closed.length) return { conclusions: 0 };
  const [plan] = await tx.select().from(inspectionPlan).where(eq(inspectionPlan.id, ids.planId));
  const committee = await issuerInfo(tx, plan.issuingAgencyId);
  const files = new FileStorage(new DatabaseBackend(), Number.MAX_SAFE_INTEGER);

  const first = closed[0];
  const issuedOn = officialCalendar.addWorkingDays(first.endsOn, 10);
  const agencyName = (await issuerInfo(tx, first.agencyId)).name;
  const src = await conclusionSource(tx, { planId: plan.id, teamId: first.teamId, agencyName, inspectionKind: first.kind, inspectionStartsOn: first.startsOn, inspectionEndsOn: first.endsOn, planYear: plan.year });
  const content: ConclusionContent = defaultConclusionContent({ ...src, ...(await draftFromFindings(tx, first.id)) }, committee, committee);
  if (!content.strengths.length) content.strengths = ['Lãnh đạo UBND phường quan tâm chỉ đạo công tác cải cách hành chính; Bộ phận Một cửa bố trí công chức có năng lực, thái độ phục vụ tốt.'];
  if (!content.shortcomings.length) content.shortcomings = ['Việc niêm yết công khai thủ tục hành chính chưa kịp thời; sổ theo dõi hồ sơ chưa cập nhật đầy đủ.'];
  content.signature = { ...content.signature, signerName: content.signature.signerName || 'Phạm Trương' };
  const conclusionId = crypto.randomUUID();
  const entry = await registerDocument(tx, SYSTEM, {
    agencyId: plan.issuingAgencyId,
    typeCode: 'thong_bao',
    summary: content.summary,
    issuedOn,
    signerName: content.signature.signerName,
    signerPosition: [content.signature.onBehalfOf, content.signature.position].filter(Boolean).join(' / '),
    subjectType: 'conclusion',
    subjectId: conclusionId,
  });
  await tx.insert(inspectionConclusion).values({ id: conclusionId, inspectionId: first.id, issuingAgencyId: plan.issuingAgencyId, status: 'issued', content, registerEntryId: entry.id, issuedOn, createdBy: ids.users.secretariat });
  const reinspection = visits.find((v) => v.kind === 'reinspection' && v.reinspectionOfId === first.id);
  let day = issuedOn;
  for (const [position, a] of actions.entries()) {
    const dueOn = officialCalendar.addWorkingDays(issuedOn, a.dueWorkingDays);
    const [row] = await tx
      .insert(correctiveAction)
      .values({
        conclusionId,
        position,
        content: a.content,
        contentGroup: a.contentGroup,
        responsibleAgencyId: first.agencyId,
        dueOn,
        dueWorkingDays: a.dueWorkingDays,
        reportDueOn: dueOn,
        status: a.status,
        planText: a.history.find(([m]) => m === 'plan')?.[1] ?? null,
        reinspectionId: a.onReinspection && reinspection ? reinspection.id : null,
        closedAt: a.status === 'closed' ? new Date(`${dueOn}T10:00:00+07:00`) : null,
        version: 1 + a.history.length,
      })
      .returning({ id: correctiveAction.id });
    let from: ActionStatus = 'open';
    const path: Record<ActionMove, ActionStatus> = { plan: 'in_progress', progress: 'in_progress', report: 'reported', accept: 'closed', return: 'in_progress', reinspection_fixed: 'closed', reinspection_kept: 'in_progress' };
    for (const [i, [move, note, who]] of a.history.entries()) {
      day = officialCalendar.addWorkingDays(issuedOn, 2 + i * 3);
      if (a.evidence && move === 'report') {
        const png = samplePng(8, 6, [40 + position * 40, 120, 60 + i * 20]);
        const stored = await files.storeBytes(tx, png, 'image/png');
        await tx.insert(fileAttachment).values({ sha256: stored.sha256, ownerType: 'corrective_action', ownerId: row.id, purpose: 'evidence', fileName: `minh-chung-${position + 1}.png`, mediaType: 'image/png', size: png.length, createdBy: ids.users.unit });
      }
      await tx.insert(correctiveActionUpdate).values({
        actionId: row.id,
        move,
        fromStatus: from,
        toStatus: path[move],
        note,
        authorId: who === 'unit' ? ids.users.unit : ids.users.secretariat,
        authorName: who === 'unit' ? ids.names.unit : ids.names.secretariat,
        createdAt: new Date(`${day}T09:00:00+07:00`),
      });
      from = path[move];
    }
  }
  await freezeIssuedDocument(tx, SYSTEM, conclusionDocument, { subjectId: conclusionId, registerEntryId: entry.id });

  // The next closed visit: a conclusion still in draft at the office.
  const second = closed[1];
  if (second) {
    const name = (await issuerInfo(tx, second.agencyId)).name;
    const s2 = await conclusionSource(tx, { planId: plan.id, teamId: second.teamId, agencyName: name, inspectionKind: second.kind, inspectionStartsOn: second.startsOn, inspectionEndsOn: second.endsOn, planYear: plan.year });
    const [draft] = await tx.insert(inspectionConclusion).values({ inspectionId: second.id, issuingAgencyId: plan.issuingAgencyId, content: defaultConclusionContent({ ...s2, ...(await draftFromFindings(tx, second.id)) }, committee, committee), createdBy: ids.users.secretariat }).returning({ id: inspectionConclusion.id });
    await tx.insert(correctiveAction).values({ conclusionId: draft.id, content: 'Khắc phục các tồn tại nêu tại mục III', contentGroup: 'a', responsibleAgencyId: second.agencyId, dueWorkingDays: 15, reportDueWorkingDays: 17 });
  }

  return { conclusions: second ? 2 : 1, actions: actions.length };
}

/**
 * One escalation: after the unannounced visit under way, the standing office proposes a
 * public-service inspection, accepted. Its Tờ trình goes in the office's register in date order
 * with the notices and minutes (seedDemo runs the queue).
 */
export async function seedDemoEscalation(tx: Tx, ids: { planId: string; users: { secretariat: string } }, register: IssuesInDateOrder) {
  const visits = await tx.select().from(inspection).where(eq(inspection.planId, ids.planId)).orderBy(asc(inspection.startsOn));
  const [plan] = await tx.select().from(inspectionPlan).where(eq(inspectionPlan.id, ids.planId));
  const committee = await issuerInfo(tx, plan.issuingAgencyId);
  const desk = visits.find((v) => v.kind === 'unannounced' && v.status === 'under_way');
  if (!desk) return { escalations: 0 };
  register.add(onDayOf(desk.startsOn), async () => {
    const [office] = await tx.select({ id: inspectionPlan.issuingAgencyId }).from(inspectionPlan).where(and(eq(inspectionPlan.id, plan.id), inArray(inspectionPlan.status, ['issued', 'under_way', 'closed'])));
    const officeAgency = await standingOfficeOf(tx, office?.id ?? plan.issuingAgencyId);
    const issuer = await issuerInfo(tx, officeAgency);
    const deskName = (await issuerInfo(tx, desk.agencyId)).name;
    const ec: EscalationContent = defaultEscalationContent({ agencyName: deskName }, issuer, committee);
    ec.body = [
      `Ngày ${desk.startsOn.split('-').reverse().join('/')}, Đoàn kiểm tra kiểm tra đột xuất Bộ phận Một cửa của ${deskName}: 01 công chức vắng mặt trong giờ làm việc không có lý do, 02 công chức không đeo thẻ; 03 hồ sơ trễ hạn không có phiếu xin lỗi và hẹn lại ngày trả kết quả.`,
      ...ec.body.slice(1),
    ];
    ec.signature = { ...ec.signature, signerName: ec.signature.signerName || 'Trần Thị Thu Hà' };
    const escalationId = crypto.randomUUID();
    const onDay = onDayOf(desk.startsOn);
    const e = await registerDocument(tx, SYSTEM, { agencyId: officeAgency, typeCode: 'to_trinh', summary: ec.summary, issuedOn: onDay, signerName: ec.signature.signerName, signerPosition: ec.signature.position, subjectType: 'escalation', subjectId: escalationId });
    // The proposal is made from the desk visit's shortcomings and violations.
    const deskFindings = await tx.select({ id: finding.id }).from(finding).where(and(eq(finding.inspectionId, desk.id), inArray(finding.kind, ['shortcoming', 'violation'])));
    await tx.insert(escalation).values({
      id: escalationId,
      inspectionId: desk.id,
      findingIds: deskFindings.map((f) => f.id),
      issuingAgencyId: officeAgency,
      form: 'to_trinh',
      status: 'accepted',
      content: ec,
      registerEntryId: e.id,
      issuedOn: onDay,
      decidedOn: officialCalendar.addWorkingDays(onDay, 3),
      decisionNote: 'Đoàn kiểm tra công vụ thị xã làm việc với phường trong tháng 11/2021.',
      createdBy: ids.users.secretariat,
    });
    await freezeIssuedDocument(tx, SYSTEM, escalationDocument, { subjectId: escalationId, registerEntryId: e.id });
  });
  return { escalations: 1 };
}

/** Two working days after the desk visit: the day the office proposes the inspection. */
function onDayOf(startsOn: string): string {
  return officialCalendar.addWorkingDays(startsOn, 2);
}

/** The standing office under the committee (the agency with the NV abbreviation), or the committee itself. */
async function standingOfficeOf(tx: Tx, committeeId: string): Promise<string> {
  const [row] = await tx.select({ id: agency.id }).from(agency).where(and(eq(agency.parentAgencyId, committeeId), eq(agency.docAbbreviation, 'NV')));
  return row?.id ?? committeeId;
}
