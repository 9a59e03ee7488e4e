import { teamMemberRoleLabels, type TeamDecision, type TeamMemberRole } from '../../../shared/api/teams.schemas.js';
import type { PlanContent } from '../../../shared/api/plans.schemas.js';
import { documentSymbol, formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { lowerFirst } from '../../../shared/domain/vietnamese.js';
import { defineRecordDocumentKind, registeredFileName } from '../../documents/document-kinds.js';
import type { Block, DecisionDocumentModel } from '../../documents/model.js';
import { documentDate, issuerInfo, shortDate, type IssuerInfo } from '../document-register/issuer-header.js';
import { findPlan, type PlanRow } from '../plans/plans.repository.js';
import { findTeam, findVisibleTeam, teamMembers, type MemberRow, type TeamRow } from './teams.repository.js';

const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi');

/**
 * The texts of a founding decision drafted from its plan (reference.md §4.2 b): bases (the Law on
 * Local Government, the plan, the proposal of the standing office's head), duties, execution.
 * The standing office edits them before the Chairman signs.
 */
export function defaultTeamDecision(plan: PlanRow, issuer: IssuerInfo, teamName: string, standingBodyName: string | null): TeamDecision {
  const content = plan.content as PlanContent;
  const committee = issuer.shortName ?? issuer.name;
  const planRef =
    plan.number !== null && plan.symbol && plan.issuedOn
      ? `Kế hoạch số ${formatDocumentNumber(plan.number, plan.symbol)} ngày ${shortDate(plan.issuedOn)} của ${committee}`
      : `Kế hoạch của ${committee}`;
  const proposer = standingBodyName
    ? standingBodyName.startsWith('Phòng ')
      ? `Trưởng ${lowerFirst(standingBodyName)}`
      : `Thủ trưởng ${standingBodyName}`
    : 'cơ quan thường trực công tác cải cách hành chính';
  return {
    summary: `Về việc thành lập ${teamName}`,
    legalBases: [
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;',
      `Căn cứ ${planRef} về ${lowerFirst(content.summary)};`,
      `Xét đề nghị của ${proposer}.`,
    ],
    duties: `Đoàn kiểm tra có nhiệm vụ kiểm tra tại các cơ quan, đơn vị, địa phương theo ${planRef}; được yêu cầu cơ quan, đơn vị, địa phương được kiểm tra báo cáo, cung cấp thông tin, tài liệu có liên quan; báo cáo kết quả kiểm tra cho Chủ tịch ${committee}. Đoàn kiểm tra tự giải thể sau khi hoàn thành nhiệm vụ.`,
    implementation: `Chánh Văn phòng HĐND và UBND, ${proposer}, Thủ trưởng các cơ quan, đơn vị có liên quan và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này kể từ ngày ký./.`,
    recipients: ['Như Điều 3;', `CT, các PCT ${committee};`, 'Lưu: VT, NV.'],
    signature: { position: 'CHỦ TỊCH', signerName: issuer.headName ?? '' },
  };
}

/** "Ông Nguyễn Văn Hùng, Phó Chủ tịch UBND thị xã, Trưởng đoàn;" — the last line ends with ".". */
export function memberLines(members: { honorific: string | null; fullName: string; title: string; role: string }[]): Block[] {
  return members.map((m, i) => ({
    kind: 'bullet',
    content: `${m.honorific ? `${m.honorific} ` : ''}${m.fullName}, ${m.title}, ${teamMemberRoleLabels[m.role as TeamMemberRole]}${i === members.length - 1 ? '.' : ';'}`,
  }));
}

/** The founding decision as a Decree 30 document (Phụ lục III, Mẫu 1.2), in the Chairman's own name. */
export function teamDecisionModel(team: TeamRow, members: MemberRow[], issuer: IssuerInfo, year: number): DecisionDocumentModel {
  const decision = team.decision as TeamDecision;
  const founded = team.status === 'founded' && team.number !== null;
  return {
    layout: 'decision',
    issuer: issuer.body,
    ...(founded ? { number: team.number! } : {}),
    symbol: team.symbol ?? documentSymbol('quyet_dinh', issuer.docAbbreviation ?? 'UBND'),
    placeName: issuer.placeName,
    date: founded && team.issuedOn ? documentDate(team.issuedOn) : { year },
    typeName: 'QUYẾT ĐỊNH',
    summary: decision.summary,
    draft: !founded,
    issuingAuthority: `CHỦ TỊCH ${upper(issuer.name)}`,
    legalBases: decision.legalBases,
    articles: [
      { content: `Thành lập ${team.name}, gồm các ông (bà) có tên sau:`, blocks: memberLines(members.map((m) => m.member)) },
      { content: decision.duties },
      { content: decision.implementation },
    ],
    recipients: decision.recipients,
    signature: decision.signature,
  };
}

/** "quyet-dinh-16-QĐ-UBND-2021" (ASCII-folded on download) or "quyet-dinh-du-thao-2021". */
export function teamDecisionFileName(team: TeamRow, year: number): string {
  return registeredFileName('quyet-dinh', team, year);
}

/**
 * The founding decision as a document kind (Mẫu 1.2): whoever sees the team downloads it
 * (teams.policy.ts); once founded it is served as frozen at issue.
 */
export const teamDecisionDocument = defineRecordDocumentKind({
  code: 'team-decision',
  typeCode: 'quyet_dinh',
  template: 'Mẫu 1.2',
  subjectType: 'team',
  recordName: 'team',
  findVisible: findVisibleTeam,
  find: findTeam,
  async fileName(db, team) {
    return teamDecisionFileName(team, (await findPlan(db, team.planId))!.year);
  },
  async model(db, team) {
    const plan = (await findPlan(db, team.planId))!;
    return teamDecisionModel(team, await teamMembers(db, [team.id]), await issuerInfo(db, plan.issuingAgencyId), plan.year);
  },
});
