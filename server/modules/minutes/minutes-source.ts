import { and, asc, eq, isNull } from 'drizzle-orm';
import type { MinutesContent } from '../../../shared/api/minutes.schemas.js';
import { teamMemberRoleLabels, type TeamMemberRole } from '../../../shared/api/teams.schemas.js';
import { standardTemplates } from '../../../shared/domain/checklists.js';
import type { DbOrTx } from '../../db/client.js';
import { finding, inspectionChecklist, inspectionChecklistItem, inspectionTeamMember } from '../../db/schema/index.js';
import { issuerInfo } from '../document-register/issuer-header.js';
import type { InspectionRow } from '../inspections/inspections.repository.js';
import { conclusionSource } from '../conclusions/conclusion-document.js';

const ratingText: Record<string, string> = { met: 'Đạt', partly_met: 'Đạt một phần', not_met: 'Chưa đạt', not_applicable: 'Không áp dụng' };
const kindText: Record<string, string> = { good_practice: 'Mô hình hay, cách làm hiệu quả', shortcoming: 'Hạn chế', violation: 'Vi phạm' };

/** Titles of the standard groups, for findings recorded without a checklist of that group. */
function standardGroupTitles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of standardTemplates) for (const g of c.groups) out.set(g.code, g.title);
  return out;
}

/**
 * Section II of the minutes, per content group (the checklist's groups, in order, then any group
 * only findings name): how many items were checked and how they were rated, each item not fully
 * met with the team's note, then the findings of the group. Withdrawn findings are left out.
 */
export async function contentsFromChecklists(db: DbOrTx, inspectionId: string): Promise<MinutesContent['contents']> {
  const items = await db
    .select({ groupCode: inspectionChecklistItem.groupCode, groupTitle: inspectionChecklistItem.groupTitle, text: inspectionChecklistItem.text, rating: inspectionChecklistItem.rating, numberValue: inspectionChecklistItem.numberValue, textValue: inspectionChecklistItem.textValue, note: inspectionChecklistItem.note })
    .from(inspectionChecklistItem)
    .innerJoin(inspectionChecklist, eq(inspectionChecklist.id, inspectionChecklistItem.checklistId))
    .where(eq(inspectionChecklist.inspectionId, inspectionId))
    .orderBy(asc(inspectionChecklist.createdAt), asc(inspectionChecklistItem.position));
  const findings = await db
    .select({ kind: finding.kind, contentGroup: finding.contentGroup, title: finding.title, text: finding.text })
    .from(finding)
    .where(and(eq(finding.inspectionId, inspectionId), isNull(finding.withdrawnAt)))
    .orderBy(asc(finding.createdAt));
  const groups = new Map<string, { title: string; lines: string[]; counts: Record<string, number>; checked: number }>();
  const fallback = standardGroupTitles();
  const group = (code: string, title?: string) => {
    let g = groups.get(code);
    if (!g) groups.set(code, (g = { title: title ?? fallback.get(code) ?? code, lines: [], counts: {}, checked: 0 }));
    return g;
  };
  for (const it of items) {
    const g = group(it.groupCode, it.groupTitle);
    const answered = it.rating !== null || it.numberValue !== null || (it.textValue ?? '') !== '';
    if (!answered) continue;
    g.checked++;
    if (it.rating) g.counts[it.rating] = (g.counts[it.rating] ?? 0) + 1;
    if (it.rating === 'not_met' || it.rating === 'partly_met') g.lines.push(`${it.text}: ${ratingText[it.rating].toLocaleLowerCase('vi')}${it.note ? ` (${it.note})` : ''}.`);
  }
  for (const f of findings) group(f.contentGroup).lines.push(`${kindText[f.kind] ?? f.kind}: ${f.title}${f.text && f.text !== f.title ? `. ${f.text}` : ''}`);
  return [...groups.values()]
    .filter((g) => g.checked || g.lines.length)
    .map((g) => {
      const tally = ['met', 'partly_met', 'not_met'].filter((r) => g.counts[r]).map((r) => `${g.counts[r]} ${ratingText[r].toLocaleLowerCase('vi')}`);
      const head = g.checked ? [`Đã kiểm tra ${g.checked} nội dung${tally.length ? `: ${tally.join(', ')}` : ''}.`] : [];
      return { title: g.title, lines: [...head, ...g.lines] };
    });
}

/** Strengths and shortcomings from the findings (good practices; shortcomings and violations), and the team's recommendations as requests. */
async function assessmentFromFindings(db: DbOrTx, inspectionId: string) {
  const rows = await db
    .select({ kind: finding.kind, title: finding.title, recommendation: finding.recommendation })
    .from(finding)
    .where(and(eq(finding.inspectionId, inspectionId), isNull(finding.withdrawnAt)))
    .orderBy(asc(finding.contentGroup), asc(finding.createdAt));
  return {
    strengths: rows.filter((r) => r.kind === 'good_practice').map((r) => r.title),
    shortcomings: rows.filter((r) => r.kind !== 'good_practice').map((r) => r.title),
    requests: rows.filter((r) => r.kind !== 'good_practice' && r.recommendation).map((r) => r.recommendation!),
  };
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/**
 * A new draft: the time and place of the visit, the team's members (from its founding decision),
 * the inspected agency's head as its representative, section II from the checklists and findings,
 * the team's assessment from the findings; two copies, one for each side.
 */
export async function draftMinutesContent(db: DbOrTx, row: InspectionRow): Promise<MinutesContent> {
  const src = await conclusionSource(db, { planId: row.planId, teamId: row.teamId, agencyName: row.agencyName, inspectionKind: row.kind, inspectionStartsOn: row.startsOn, inspectionEndsOn: row.endsOn, planYear: row.planYear });
  const members = await db.select().from(inspectionTeamMember).where(eq(inspectionTeamMember.teamId, row.teamId)).orderBy(asc(inspectionTeamMember.position));
  const unit = await issuerInfo(db, row.agencyId);
  const committee = await issuerInfo(db, row.issuingAgencyId);
  const head = unit.kind === 'peoples_committee' ? `Chủ tịch ${unit.name}` : `Thủ trưởng ${unit.name}`;
  const name = (m: (typeof members)[number]) => [m.honorific, m.fullName].filter(Boolean).join(' ');
  const assessment = await assessmentFromFindings(db, row.id);
  return {
    summary: `Kiểm tra ${row.kind === 'unannounced' ? 'đột xuất ' : ''}công tác cải cách hành chính tại ${row.agencyName}`,
    legalBases: [...(src.planRef ? [`Căn cứ ${src.planRef} của ${committee.shortName ?? committee.name} về kiểm tra công tác cải cách hành chính năm ${row.planYear};`] : []), ...(src.teamRef ? [`Căn cứ ${src.teamRef} của Chủ tịch ${committee.shortName ?? committee.name} về việc thành lập ${src.teamName}.`] : [])],
    heldOn: row.startsOn,
    startTime: row.startTime ?? '08:00',
    place: capitalise(row.agencyName),
    teamPresent: members.map((m) => ({ name: name(m), position: [m.title, teamMemberRoleLabels[m.role as TeamMemberRole]].filter(Boolean).join(', ') })),
    unitRepresentatives: unit.headName ? [{ name: unit.headName, position: head }] : [],
    contents: await contentsFromChecklists(db, row.id),
    strengths: assessment.strengths,
    shortcomings: assessment.shortcomings,
    requests: assessment.requests,
    unitComments: [],
    closingTime: '11:00',
    copies: 2,
    unitSignerPosition: unit.kind === 'peoples_committee' ? 'CHỦ TỊCH' : 'THỦ TRƯỞNG ĐƠN VỊ',
    unitSignerName: unit.headName ?? '',
    teamLeaderName: members.find((m) => m.role === 'truong_doan')?.fullName ?? '',
    secretaryName: members.find((m) => m.role === 'thu_ky')?.fullName ?? '',
    recipients: [`${row.agencyName};`, 'Thành viên Đoàn kiểm tra;', 'Lưu: ĐKT.'],
  };
}
