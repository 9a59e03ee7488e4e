import type { PlanContent } from '../../../shared/api/plans.schemas.js';
import { teamMemberRoleLabels, type TeamDecision, type TeamMemberRole } from '../../../shared/api/teams.schemas.js';
import { inspectionPlan, inspectionPlanTarget, inspectionTeam, inspectionTeamMember } from '../schema/index.js';
import type { Tx } from '../client.js';
import type { Block } from '../../documents/model.js';
import { registerDocument } from '../../modules/document-register/document-register.js';
import { freezeIssuedDocument } from '../../documents/issued-documents.js';
import { sectionsFromBody } from '../../modules/plans/plan-body.js';
import { planDocument } from '../../modules/plans/plan-document.js';
import { teamDecisionDocument } from '../../modules/teams/team-decision.js';
import { sampleTeamDecision2021, seedPlan2021 } from './plan-2021.js';

/**
 * The demo's 2021 inspection cycle: the seed plan word for word, as an issued plan of UBND thị xã
 * Hoài Nhơn, with the team founded by the sample decision.
 *
 * The seed shows neither number nor date ("Số: /KH-UBND", "ngày tháng năm 2021"). For the demo
 * the plan is recorded as issued with number 15 on 05/5/2021 and the team decision as 16/QĐ-UBND
 * on 10/5/2021 — the numbers and dates the sample decision cites, both invented. They are recorded
 * in the register as numbers given outside the app, so the town's 2021 counter continues at 17.
 */
export const DEMO_PLAN_NUMBER = 15;
export const DEMO_PLAN_ISSUED_ON = '2021-05-05';
export const DEMO_TEAM_ISSUED_ON = '2021-05-10';
export const DEMO_TEAM_NAME = 'Đoàn kiểm tra công tác cải cách hành chính năm 2021 của thị xã Hoài Nhơn';

const SYSTEM = { actor: null, ip: null, requestId: null } as const;

/** The seed plan as the sections of PlanContent (the inverse of planBody, checked by a test). */
export function seedPlanContent(): { content: PlanContent; periodFrom: string; periodTo: string } {
  const { sections, periodFrom, periodTo } = sectionsFromBody(seedPlan2021.body);
  return {
    content: {
      summary: seedPlan2021.summary,
      legalBases: [...(seedPlan2021.legalBases ?? [])],
      ...sections,
      recipients: [...seedPlan2021.recipients],
      signature: { ...seedPlan2021.signature },
    } as PlanContent,
    periodFrom,
    periodTo,
  };
}

/** The sample decision's members, each with the agency they come from (demo registry keys). */
const memberAgencies = ['ubnd:hoai-nhon', 'office:NV', 'office:VP', 'office:TP', 'office:TCKH', 'office:VHTT', 'office:NV'];

export function sampleTeamMembers() {
  const labels = Object.entries(teamMemberRoleLabels) as [TeamMemberRole, string][];
  const blocks = (sampleTeamDecision2021.articles[0].blocks ?? []) as Block[];
  return blocks.map((b, i) => {
    const line = (b.kind === 'bullet' && typeof b.content === 'string' ? b.content : '').replace(/[;.]$/, '');
    const parts = line.split(', ');
    const [honorific, ...name] = parts[0].split(' ');
    const roleLabel = parts[parts.length - 1];
    const role = labels.find(([, label]) => label === roleLabel)?.[0];
    if (!role) throw new Error(`unknown role in the sample decision: ${roleLabel}`);
    return { honorific, fullName: name.join(' '), title: parts.slice(1, -1).join(', '), role, agencyKey: memberAgencies[i] };
  });
}

export function sampleTeamDecision(): TeamDecision {
  const text = (c: unknown) => (typeof c === 'string' ? c : '');
  return {
    summary: sampleTeamDecision2021.summary,
    legalBases: [...sampleTeamDecision2021.legalBases],
    duties: text(sampleTeamDecision2021.articles[1].content),
    implementation: text(sampleTeamDecision2021.articles[2].content),
    recipients: [...sampleTeamDecision2021.recipients],
    signature: { ...sampleTeamDecision2021.signature },
  };
}

/** Loads the 2021 plan and its team; runs inside seedDemo's transaction. */
export async function seedDemoPlans(tx: Tx, ids: { agencyIds: Map<string, string> }) {
  const agencyId = (key: string) => {
    const id = ids.agencyIds.get(key);
    if (!id) throw new Error(`demo agency ${key} is missing`);
    return id;
  };
  const townCommittee = agencyId('ubnd:hoai-nhon');
  const { content, periodFrom, periodTo } = seedPlanContent();

  const planId = crypto.randomUUID();
  const planEntry = await registerDocument(tx, SYSTEM, {
    agencyId: townCommittee,
    typeCode: 'ke_hoach',
    summary: content.summary,
    issuedOn: DEMO_PLAN_ISSUED_ON,
    signerName: content.signature.signerName,
    signerPosition: [content.signature.authority, content.signature.position].filter(Boolean).join(' / '),
    subjectType: 'plan',
    subjectId: planId,
    existingNumber: DEMO_PLAN_NUMBER,
  });
  await tx.insert(inspectionPlan).values({
    id: planId,
    seriesId: planId,
    issuingAgencyId: townCommittee,
    year: 2021,
    status: 'issued',
    periodFrom,
    periodTo,
    content,
    registerEntryId: planEntry.id,
    issuedOn: DEMO_PLAN_ISSUED_ON,
  });
  // "Các cơ quan, đơn vị thuộc UBND thị xã và UBND các xã, phường."
  const targetKeys = [...ids.agencyIds.keys()].filter((k) => k.startsWith('office:') || k.startsWith('ubnd:2021:'));
  await tx.insert(inspectionPlanTarget).values(targetKeys.map((k, position) => ({ planId, agencyId: agencyId(k), position })));

  const teamId = crypto.randomUUID();
  const decision = sampleTeamDecision();
  const teamEntry = await registerDocument(tx, SYSTEM, {
    agencyId: townCommittee,
    typeCode: 'quyet_dinh',
    summary: decision.summary,
    issuedOn: DEMO_TEAM_ISSUED_ON,
    signerName: decision.signature.signerName,
    signerPosition: decision.signature.position,
    subjectType: 'team',
    subjectId: teamId,
    existingNumber: sampleTeamDecision2021.number,
  });
  await tx.insert(inspectionTeam).values({ id: teamId, planId, name: DEMO_TEAM_NAME, status: 'founded', decision, registerEntryId: teamEntry.id, issuedOn: DEMO_TEAM_ISSUED_ON });
  await tx.insert(inspectionTeamMember).values(
    sampleTeamMembers().map((m, position) => ({ teamId, position, honorific: m.honorific, fullName: m.fullName, title: m.title, role: m.role, agencyId: agencyId(m.agencyKey) })),
  );
  await freezeIssuedDocument(tx, SYSTEM, planDocument, { subjectId: planId, registerEntryId: planEntry.id });
  await freezeIssuedDocument(tx, SYSTEM, teamDecisionDocument, { subjectId: teamId, registerEntryId: teamEntry.id });
  return { planId, teamId };
}
