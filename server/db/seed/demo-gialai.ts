import type { PlanContent } from '../../../shared/api/plans.schemas.js';
import type { TextBlock } from '../../../shared/api/blocks.schemas.js';
import type { TeamDecision, TeamMemberRole } from '../../../shared/api/teams.schemas.js';
import { officialCalendar } from '../../../shared/domain/calendar/index.js';
import type { InspectionKind, InspectionStatus } from '../../../shared/domain/inspection-status.js';
import { reportDue } from '../../../shared/domain/schedule-rules.js';
import { eq, inArray } from 'drizzle-orm';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { agency, appUser, documentRegisterEntry, inspection, inspectionNotice, inspectionPlace, inspectionPlan, inspectionPlanTarget, inspectionTeam, inspectionTeamMember } from '../schema/index.js';
import type { Tx } from '../client.js';
import { registerDocument } from '../../modules/document-register/document-register.js';
import { freezeIssuedDocument } from '../../documents/issued-documents.js';
import { planDocument } from '../../modules/plans/plan-document.js';
import { teamDecisionDocument } from '../../modules/teams/team-decision.js';
import { seedPlanContent } from './demo-plans.js';
import { issueDemoNotice } from './demo-season.js';
import { findPlan } from '../../modules/plans/plans.repository.js';
import { createPreVisitRequests } from '../../modules/reports/create-pre-visit-requests.js';

/**
 * One installation, many authorities (issue 12, M23): after the 1 July 2025 reorganisation the
 * province (UBND tỉnh Gia Lai, standing body Sở Nội vụ) and each ward (UBND phường, standing body
 * its Văn phòng HĐND và UBND) run their own inspection cycle side by side. The demo's 2026:
 * - the province's plan, issued, with its team and visits to departments and wards;
 * - phường Bồng Sơn's own plan, issued, with its team and visits to its offices;
 * - phường Tam Quan's plan, still a draft of its office.
 *
 * The texts start from the 2021 plan of Hoài Nhơn (as an office starts from last year's) with the
 * level's words changed. Numbers, dates and people are invented for the demo.
 */

const SYSTEM = { actor: null, ip: null, requestId: null } as const;

type Level = 'tỉnh' | 'phường';

interface Authority {
  level: Level;
  /** "Gia Lai", "Bồng Sơn". */
  name: string;
  /** The standing body as named inside sentences: "Sở Nội vụ", "Văn phòng HĐND và UBND phường". */
  standingBody: string;
  /** Who is inspected, in words (II.4). */
  targets: string;
  /** Who reports (II.2.1): "Các sở, ban, ngành, UBND các xã, phường". */
  reporters: string;
  signer: { position: string; onBehalfOf?: string; signerName: string };
  recipients: string[];
}

/** Words of the 2021 town plan and their equivalent at the authority's level, longest first. */
function replacements(a: Authority): [string, string][] {
  const province = a.level === 'tỉnh';
  return [
    ['Các Phòng, ban thị xã, UBND các xã, phường', a.reporters],
    ['Đoàn kiểm tra công vụ thị xã', province ? 'Đoàn kiểm tra công vụ tỉnh' : 'cơ quan có thẩm quyền'],
    ['các cơ quan liên quan và UBND các xã, phường', province ? 'các sở, ban, ngành và UBND các xã, phường' : 'các cơ quan, đơn vị thuộc UBND phường'],
    ['(qua phòng Nội vụ)', `(qua ${a.standingBody})`],
    ['Ủy ban nhân dân thị xã', `Ủy ban nhân dân ${a.level}`],
    ['Chủ tịch UBND thị xã', `Chủ tịch UBND ${a.level}`],
    ['UBND thị xã', `UBND ${a.level}`],
    ['nhiệm vụ thị xã giao', `nhiệm vụ ${a.level} giao`],
    ['toàn thị xã', `toàn ${a.level}`],
    ['của thị xã', `của ${a.level}`],
    ['Phòng Nội vụ', a.standingBody],
    ['năm 2021', 'năm 2026'],
  ];
}

function adapt(text: string, pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) out = out.split(from).join(to);
  if (/thị xã|2021/.test(out)) throw new Error(`demo plan text not adapted: ${out}`);
  return out;
}

/** The 2026 plan of an authority, from the 2021 seed plan with the level's words. */
export function plan2026Content(a: Authority): PlanContent {
  const { content } = seedPlanContent();
  const pairs = replacements(a);
  const blocks = (list: TextBlock[]): TextBlock[] =>
    list.map((b) => ('content' in b && typeof b.content === 'string' ? ({ ...b, content: adapt(b.content, pairs) } as TextBlock) : b));
  return {
    summary: 'Kiểm tra công tác cải cách hành chính năm 2026',
    legalBases: [],
    introduction: [
      {
        kind: 'paragraph',
        content: `Thực hiện Kế hoạch cải cách hành chính năm 2026 của UBND ${a.level} ${a.name} và Luật Tổ chức chính quyền địa phương ngày 16/6/2025; Ủy ban nhân dân ${a.level} xây dựng Kế hoạch kiểm tra cải cách hành chính năm 2026 như sau:`,
      },
    ],
    purposes: blocks(content.purposes),
    requirements: blocks(content.requirements),
    contents: blocks(content.contents),
    formsThroughReports: blocks(content.formsThroughReports),
    formsDirectAnnounced: blocks(content.formsDirectAnnounced),
    formsUnannounced: blocks(content.formsUnannounced),
    formsReinspection: blocks(content.formsReinspection),
    targetsDescription: [{ kind: 'paragraph', content: a.targets }],
    focus: blocks(content.focus),
    standingOfficeHeading: `Giao ${a.standingBody} là cơ quan thường trực`,
    standingOfficeDuties: blocks(content.standingOfficeDuties),
    unitDuties: blocks(content.unitDuties),
    closing: blocks(content.closing),
    recipients: a.recipients,
    signature: { authority: 'TM. ỦY BAN NHÂN DÂN', ...a.signer },
  };
}

export const gialaiProvince: Authority = {
  level: 'tỉnh',
  name: 'Gia Lai',
  standingBody: 'Sở Nội vụ',
  targets: 'Các sở, ban, ngành thuộc UBND tỉnh; UBND các xã, phường và Trung tâm Phục vụ hành chính công các cấp.',
  reporters: 'Các sở, ban, ngành, UBND các xã, phường',
  signer: { onBehalfOf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', signerName: 'Lê Minh Khoa' },
  recipients: ['Bộ Nội vụ;', 'Thường trực Tỉnh ủy;', 'Thường trực HĐND tỉnh;', 'Chủ tịch, các PCT UBND tỉnh;', 'Các sở, ban, ngành;', 'UBND các xã, phường;', 'Lưu: VT, SNV.'],
};

export const bongSonWard: Authority = {
  level: 'phường',
  name: 'Bồng Sơn',
  standingBody: 'Văn phòng HĐND và UBND phường',
  targets: 'Các phòng chuyên môn thuộc UBND phường và Trung tâm Phục vụ hành chính công phường.',
  reporters: 'Các phòng chuyên môn, Trung tâm Phục vụ hành chính công phường',
  signer: { position: 'CHỦ TỊCH', signerName: 'Đặng Thị Thu Trang' },
  recipients: ['Sở Nội vụ tỉnh Gia Lai;', 'Thường trực Đảng ủy phường;', 'Thường trực HĐND phường;', 'Chủ tịch, các PCT UBND phường;', 'Các phòng chuyên môn, đơn vị thuộc UBND phường;', 'Lưu: VT.'],
};

export const tamQuanWard: Authority = {
  ...bongSonWard,
  name: 'Tam Quan',
  signer: { position: 'CHỦ TỊCH', signerName: 'Huỳnh Văn Phúc' },
};

interface Cycle {
  authority: Authority;
  /** Demo registry key of the People's Committee that issues the plan. */
  committee: string;
  status: 'issued' | 'draft';
  plan?: { number: number; issuedOn: string };
  team?: {
    number: number;
    issuedOn: string;
    name: string;
    members: { honorific: 'Ông' | 'Bà'; fullName: string; title: string; role: TeamMemberRole; agency: string }[];
  };
  targets: string[];
  /** `noticeOn`: the day the committee's schedule notice for this announced visit was issued (the visit is then notified). */
  visits: { agency: string; kind: InspectionKind; startsOn: string; status: InspectionStatus; place?: string; noticeOn?: string }[];
}

function teamDecision(c: Cycle): TeamDecision {
  const a = c.authority;
  const plan = `Kế hoạch số ${c.plan!.number}/KH-UBND ngày ${dmy(c.plan!.issuedOn)} của UBND ${a.level}`;
  const proposer = a.level === 'tỉnh' ? 'Giám đốc Sở Nội vụ' : 'Chánh Văn phòng HĐND và UBND phường';
  return {
    summary: 'Về việc thành lập Đoàn kiểm tra công tác cải cách hành chính năm 2026',
    legalBases: ['Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;', `Căn cứ ${plan} về kiểm tra công tác cải cách hành chính năm 2026;`, `Xét đề nghị của ${proposer}.`],
    duties: `Đoàn kiểm tra có nhiệm vụ kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị, địa phương theo ${plan}; được yêu cầu cơ quan, đơn vị, địa phương được kiểm tra báo cáo, cung cấp thông tin, tài liệu có liên quan; báo cáo kết quả kiểm tra cho Chủ tịch UBND ${a.level}. Đoàn kiểm tra tự giải thể sau khi hoàn thành nhiệm vụ.`,
    implementation: `${a.level === 'tỉnh' ? 'Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ' : 'Chánh Văn phòng HĐND và UBND phường'}, Thủ trưởng các cơ quan, đơn vị có liên quan và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này kể từ ngày ký./.`,
    recipients: ['Như Điều 3;', `CT, các PCT UBND ${a.level};`, 'Lưu: VT.'],
    signature: { position: a.signer.position, onBehalfOf: a.signer.onBehalfOf, signerName: a.signer.signerName },
  };
}

const dmy = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

/** The cycles of 2026, by demo registry keys (demo-registry.ts). */
export function gialaiCycles(): Cycle[] {
  const ward = (n: string) => `2025:${n}`;
  return [
    {
      authority: gialaiProvince,
      committee: 'ubnd:gia-lai',
      status: 'issued',
      plan: { number: 12, issuedOn: '2026-02-10' },
      team: {
        number: 245,
        issuedOn: '2026-02-24',
        name: 'Đoàn kiểm tra công tác cải cách hành chính năm 2026 của tỉnh Gia Lai',
        members: [
          { honorific: 'Ông', fullName: 'Lê Minh Khoa', title: 'Phó Chủ tịch UBND tỉnh', role: 'truong_doan', agency: 'ubnd:gia-lai' },
          { honorific: 'Bà', fullName: 'Võ Thị Kim Oanh', title: 'Phó Giám đốc Sở Nội vụ', role: 'pho_truong_doan', agency: 'snv:gia-lai' },
          { honorific: 'Ông', fullName: 'Nguyễn Hữu Tài', title: 'Phó Chánh Văn phòng UBND tỉnh', role: 'thanh_vien', agency: 'vp:gia-lai' },
          { honorific: 'Bà', fullName: 'Phan Thị Ngọc Hân', title: 'Phó Giám đốc Sở Tư pháp', role: 'thanh_vien', agency: 'stp:gia-lai' },
          { honorific: 'Ông', fullName: 'Trương Công Danh', title: 'Chuyên viên Sở Nội vụ', role: 'thu_ky', agency: 'snv:gia-lai' },
        ],
      },
      targets: ['stp:gia-lai', 'stc:gia-lai', 'skhcn:gia-lai', 'center:gia-lai', `ubnd:${ward('Bồng Sơn')}`, `ubnd:${ward('Hoài Nhơn Nam')}`, `ubnd:${ward('Tam Quan')}`],
      visits: [
        { agency: 'stp:gia-lai', kind: 'announced', startsOn: '2026-05-12', status: 'closed' },
        { agency: `ubnd:${ward('Hoài Nhơn Nam')}`, kind: 'announced', startsOn: '2026-06-16', status: 'closed' },
        { agency: `ubnd:${ward('Bồng Sơn')}`, kind: 'announced', startsOn: '2026-09-15', status: 'closed' },
        { agency: 'stc:gia-lai', kind: 'announced', startsOn: '2026-12-08', status: 'planned' },
        // Still secret: the centre learns of it when the team arrives.
        { agency: 'center:gia-lai', kind: 'unannounced', startsOn: '2026-12-10', status: 'planned' },
      ],
    },
    {
      authority: bongSonWard,
      committee: `ubnd:${ward('Bồng Sơn')}`,
      status: 'issued',
      plan: { number: 8, issuedOn: '2026-03-05' },
      team: {
        number: 21,
        issuedOn: '2026-03-12',
        name: 'Đoàn kiểm tra công tác cải cách hành chính năm 2026 của phường Bồng Sơn',
        members: [
          { honorific: 'Bà', fullName: 'Đặng Thị Thu Trang', title: 'Chủ tịch UBND phường', role: 'truong_doan', agency: `ubnd:${ward('Bồng Sơn')}` },
          { honorific: 'Ông', fullName: 'Lý Văn Hậu', title: 'Chánh Văn phòng HĐND và UBND phường', role: 'pho_truong_doan', agency: `vp:${ward('Bồng Sơn')}` },
          { honorific: 'Bà', fullName: 'Tô Thị Mỹ Linh', title: 'Chuyên viên Văn phòng HĐND và UBND phường', role: 'thu_ky', agency: `vp:${ward('Bồng Sơn')}` },
        ],
      },
      targets: [`kt:${ward('Bồng Sơn')}`, `vhxh:${ward('Bồng Sơn')}`, `center:${ward('Bồng Sơn')}`, `vp:${ward('Bồng Sơn')}`],
      visits: [
        { agency: `kt:${ward('Bồng Sơn')}`, kind: 'announced', startsOn: '2026-06-09', status: 'closed' },
        { agency: `vhxh:${ward('Bồng Sơn')}`, kind: 'announced', startsOn: '2026-10-13', status: 'closed' },
        { agency: `center:${ward('Bồng Sơn')}`, kind: 'unannounced', startsOn: '2026-11-19', status: 'closed' },
        // Notified in time (its report is due 30/11): a lived-in season, not a late notice.
        { agency: `vp:${ward('Bồng Sơn')}`, kind: 'announced', startsOn: '2026-12-03', status: 'notified', noticeOn: '2026-11-16' },
      ],
    },
    {
      authority: tamQuanWard,
      committee: `ubnd:${ward('Tam Quan')}`,
      status: 'draft',
      targets: [`kt:${ward('Tam Quan')}`, `vhxh:${ward('Tam Quan')}`, `center:${ward('Tam Quan')}`],
      visits: [],
    },
  ];
}

/** Loads the 2026 cycles of Gia Lai and two of its wards; runs inside seedDemo's transaction. */
export async function seedDemoGiaLai(tx: Tx, ids: { agencyIds: Map<string, string>; createdBy: Map<string, string> }) {
  const agencyId = (key: string) => {
    const id = ids.agencyIds.get(key);
    if (!id) throw new Error(`demo agency ${key} is missing`);
    return id;
  };
  const result: { committee: string; planId: string; teamId: string | null; inspections: number }[] = [];
  for (const c of gialaiCycles()) {
    const committee = agencyId(c.committee);
    const content = plan2026Content(c.authority);
    const planId = crypto.randomUUID();
    const entry = c.plan
      ? await registerDocument(tx, SYSTEM, {
          agencyId: committee,
          typeCode: 'ke_hoach',
          summary: content.summary,
          issuedOn: c.plan.issuedOn,
          signerName: content.signature.signerName,
          signerPosition: [content.signature.authority, content.signature.onBehalfOf, content.signature.position].filter(Boolean).join(' / '),
          subjectType: 'plan',
          subjectId: planId,
          existingNumber: c.plan.number,
        })
      : null;
    await tx.insert(inspectionPlan).values({
      id: planId,
      seriesId: planId,
      issuingAgencyId: committee,
      year: 2026,
      status: c.status,
      periodFrom: '2026-03',
      periodTo: '2026-12',
      content,
      registerEntryId: entry?.id ?? null,
      issuedOn: c.plan?.issuedOn ?? null,
      createdBy: ids.createdBy.get(c.committee) ?? null,
    });
    await tx.insert(inspectionPlanTarget).values(c.targets.map((k, position) => ({ planId, agencyId: agencyId(k), position })));
    if (entry) await freezeIssuedDocument(tx, SYSTEM, planDocument, { subjectId: planId, registerEntryId: entry.id });
    if (!c.team) {
      result.push({ committee: c.committee, planId, teamId: null, inspections: 0 });
      continue;
    }

    const teamId = crypto.randomUUID();
    const decision = teamDecision(c);
    const teamEntry = await registerDocument(tx, SYSTEM, {
      agencyId: committee,
      typeCode: 'quyet_dinh',
      summary: decision.summary,
      issuedOn: c.team.issuedOn,
      signerName: decision.signature.signerName,
      signerPosition: [decision.signature.onBehalfOf, decision.signature.position].filter(Boolean).join(' / '),
      subjectType: 'team',
      subjectId: teamId,
      existingNumber: c.team.number,
    });
    await tx.insert(inspectionTeam).values({ id: teamId, planId, name: c.team.name, status: 'founded', decision, registerEntryId: teamEntry.id, issuedOn: c.team.issuedOn });
    await tx.insert(inspectionTeamMember).values(
      c.team.members.map((m, position) => ({ teamId, position, honorific: m.honorific, fullName: m.fullName, title: m.title, role: m.role, agencyId: agencyId(m.agency) })),
    );
    await freezeIssuedDocument(tx, SYSTEM, teamDecisionDocument, { subjectId: teamId, registerEntryId: teamEntry.id });

    const noticed: Noticed[] = [];
    for (const v of c.visits) {
      const day = officialCalendar.isWorkingDay(v.startsOn) ? v.startsOn : officialCalendar.nextWorkingDay(v.startsOn);
      const due = reportDue(officialCalendar, v.kind, day);
      const started = v.status === 'under_way' || v.status === 'closed';
      const [row] = await tx
        .insert(inspection)
        .values({
          planId,
          agencyId: agencyId(v.agency),
          teamId,
          kind: v.kind,
          status: v.status,
          startsOn: day,
          endsOn: day,
          startTime: '08:00',
          reportDueOn: due?.date ?? null,
          reportDueExplanation: due?.explanation ?? null,
          startedAt: started ? new Date(`${day}T08:00:00+07:00`) : null,
          closedAt: v.status === 'closed' ? new Date(`${day}T17:00:00+07:00`) : null,
        })
        .returning({ id: inspection.id });
      await tx.insert(inspectionPlace).values({ inspectionId: row.id, agencyId: agencyId(v.place ?? v.agency), position: 0 });
      if (v.noticeOn) noticed.push({ id: row.id, agencyId: agencyId(v.agency), kind: v.kind, startsOn: day, noticeOn: v.noticeOn });
    }
    await issueNotices(tx, { planId, committee, createdBy: ids.createdBy.get(c.committee) ?? null }, noticed);
    result.push({ committee: c.committee, planId, teamId, inspections: c.visits.length });
  }
  return result;
}

interface Noticed {
  id: string;
  agencyId: string;
  kind: InspectionKind;
  startsOn: string;
  noticeOn: string;
}

/**
 * The committee's schedule notices (TM. UBND) for the visits notified, one per day of issue, and the
 * pre-visit report each asks for, opened as issuing a notice opens it (issue-notice.ts), by the
 * office's demo account.
 */
async function issueNotices(tx: Tx, c: { planId: string; committee: string; createdBy: string | null }, visits: Noticed[]) {
  if (!visits.length) return;
  const plan = (await findPlan(tx, c.planId))!;
  const [user] = c.createdBy ? await tx.select({ username: appUser.username, fullName: appUser.fullName }).from(appUser).where(eq(appUser.id, c.createdBy)) : [];
  if (!user) throw new Error('a demo notice needs the office account that issues it');
  const ctx = { actor: { userId: c.createdBy!, username: user.username, fullName: user.fullName, roles: [], sessionId: '', csrfToken: '', mustChangePassword: false }, ip: null, requestId: 'seed' };
  for (const issuedOn of [...new Set(visits.map((v) => v.noticeOn))]) {
    const on = visits.filter((v) => v.noticeOn === issuedOn);
    const noticeId = await issueDemoNotice(tx, plan, c.committee, issuedOn, on.map((v) => v.id));
    const [entry] = await tx.select({ number: documentRegisterEntry.number, symbol: documentRegisterEntry.symbol }).from(inspectionNotice).innerJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionNotice.registerEntryId)).where(eq(inspectionNotice.id, noticeId));
    const names = new Map((await tx.select({ id: agency.id, name: agency.name }).from(agency).where(inArray(agency.id, on.map((v) => v.agencyId)))).map((a) => [a.id, a.name]));
    await createPreVisitRequests(tx, ctx, officialCalendar, {
      ownerAgencyId: plan.issuingAgencyId,
      documentNumber: formatDocumentNumber(entry.number, entry.symbol),
      inspections: on.map((v) => ({ id: v.id, agencyId: v.agencyId, agencyName: names.get(v.agencyId)!, kind: v.kind, startsOn: v.startsOn })),
    });
  }
}
