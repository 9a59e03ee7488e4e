import type { PlanContent } from '../../../../shared/api/plans.schemas.js';
import type { TeamMemberRole } from '../../../../shared/api/teams.schemas.js';
import { documentCounter, documentRegisterEntry, inspectionPlan, inspectionPlanTarget, inspectionTeam, inspectionTeamMember } from '../../schema/index.js';
import { sampleTeamDecision, seedPlanContent } from '../demo-plans.js';
import { bulkInsert } from './bulk.js';
import type { ScaleGenerator } from './context.js';
import { pick, seededUuid } from './names.js';

const TEAM_ROLES: TeamMemberRole[] = ['truong_doan', 'pho_truong_doan', 'thanh_vien', 'thanh_vien', 'thanh_vien', 'thu_ky'];

/**
 * Ten years of inspection cycles: every province's plan for each year (closed in past years,
 * in progress this year) with its founded team, each numbered in the province's register; and
 * this year's plan of every commune (the two-level model: communes inspect their own offices),
 * half of them still drafts.
 */
export const plansGenerator: ScaleGenerator = {
  name: 'plans',
  async run(ctx) {
    const { rnd, options, registry, users } = ctx;
    const uuid = () => seededUuid(rnd);
    const template = seedPlanContent();
    const decisionTemplate = sampleTeamDecision();
    const plans: (typeof inspectionPlan.$inferInsert)[] = [];
    const targets: (typeof inspectionPlanTarget.$inferInsert)[] = [];
    const teams: (typeof inspectionTeam.$inferInsert)[] = [];
    const members: (typeof inspectionTeamMember.$inferInsert)[] = [];
    const entries: (typeof documentRegisterEntry.$inferInsert)[] = [];
    const counters = new Map<string, { agencyId: string; year: number; next: number }>();
    const nextNumber = (agencyId: string, year: number) => {
      const key = `${agencyId}:${year}`;
      const c = counters.get(key) ?? { agencyId, year, next: 1 + Math.floor(rnd() * 40) };
      counters.set(key, c);
      return c.next++;
    };
    const contentFor = (year: number, issuer: string): PlanContent =>
      ({ ...template.content, summary: `Kiểm tra công tác cải cách hành chính năm ${year} của ${issuer}` }) as PlanContent;
    const register = (agencyId: string, year: number, typeCode: 'ke_hoach' | 'quyet_dinh', summary: string, issuedOn: string, subjectType: 'plan' | 'team', subjectId: string, signer: string) => {
      const id = uuid();
      entries.push({
        id,
        agencyId,
        year,
        number: nextNumber(agencyId, year),
        typeCode,
        symbol: `${typeCode === 'ke_hoach' ? 'KH' : 'QĐ'}-UBND`,
        summary,
        issuedOn,
        signerName: signer,
        signerPosition: 'TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH',
        subjectType,
        subjectId,
      });
      return id;
    };

    const firstYear = options.lastYear - options.years + 1;
    for (const p of registry.provinces) {
      const inspectors = users.provinceInspectors.get(p.code) ?? [];
      for (let year = firstYear; year <= options.lastYear; year++) {
        const current = year === options.lastYear;
        const planId = uuid();
        const issuedOn = `${year}-03-${String(10 + Math.floor(rnd() * 18)).padStart(2, '0')}`;
        const content = contentFor(year, `UBND ${p.name}`);
        const entryId = register(p.committeeId, year, 'ke_hoach', content.summary, issuedOn, 'plan', planId, content.signature.signerName);
        plans.push({
          id: planId,
          seriesId: planId,
          issuingAgencyId: p.committeeId,
          year,
          status: current ? 'in_progress' : 'closed',
          periodFrom: `${year}-05`,
          periodTo: `${year}-11`,
          content,
          registerEntryId: entryId,
          issuedOn,
        });
        // The departments and a sample of the province's communes.
        const picked = new Set<string>(p.departmentIds);
        for (let i = 0; i < 12 && p.communes.length; i++) picked.add(pick(p.communes, rnd).committeeId);
        [...picked].forEach((agencyId, position) => targets.push({ planId, agencyId, position }));

        const teamId = uuid();
        const teamIssuedOn = `${year}-04-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}`;
        const decision = { ...decisionTemplate, summary: `Thành lập Đoàn kiểm tra công tác cải cách hành chính năm ${year}` };
        const teamEntry = register(p.committeeId, year, 'quyet_dinh', decision.summary, teamIssuedOn, 'team', teamId, decision.signature.signerName);
        teams.push({ id: teamId, planId, name: `Đoàn kiểm tra CCHC năm ${year} của ${p.name}`, status: 'founded', decision, registerEntryId: teamEntry, issuedOn: teamIssuedOn });
        TEAM_ROLES.forEach((role, position) => {
          const who = inspectors[position % Math.max(inspectors.length, 1)];
          members.push({ id: uuid(), teamId, position, honorific: rnd() < 0.5 ? 'Ông' : 'Bà', fullName: who?.fullName ?? 'Nguyễn Văn An', title: 'Chuyên viên', agencyId: p.homeAffairsId, role, userId: who?.id ?? null });
        });
      }
      // This year's cycle of each commune: its own offices; half are still drafts.
      for (const c of p.communes) {
        const year = options.lastYear;
        const planId = uuid();
        const draft = rnd() < 0.5;
        const content = contentFor(year, `UBND ${c.kind === 'ward' ? 'phường' : 'xã'} ${c.name}`);
        const issuedOn = draft ? null : `${year}-04-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}`;
        const entryId = issuedOn ? register(c.committeeId, year, 'ke_hoach', content.summary, issuedOn, 'plan', planId, content.signature.signerName) : null;
        plans.push({
          id: planId,
          seriesId: planId,
          issuingAgencyId: c.committeeId,
          year,
          status: draft ? 'draft' : 'issued',
          periodFrom: `${year}-06`,
          periodTo: `${year}-10`,
          content,
          registerEntryId: entryId,
          issuedOn,
        });
        c.officeIds.forEach((agencyId, position) => targets.push({ planId, agencyId, position }));
      }
    }

    await bulkInsert(ctx.db, documentRegisterEntry, entries, 2000);
    await bulkInsert(ctx.db, inspectionPlan, plans, 500);
    await bulkInsert(ctx.db, inspectionPlanTarget, targets);
    await bulkInsert(ctx.db, inspectionTeam, teams, 500);
    await bulkInsert(ctx.db, inspectionTeamMember, members);
    await bulkInsert(
      ctx.db,
      documentCounter,
      [...counters.values()].map((c) => ({ agencyId: c.agencyId, year: c.year, nextNumber: c.next })),
    );
    ctx.plans = { ids: plans.map((p) => p.id!), teamIds: teams.map((t) => t.id!) };
    return {
      document_register_entry: entries.length,
      inspection_plan: plans.length,
      inspection_plan_target: targets.length,
      inspection_team: teams.length,
      inspection_team_member: members.length,
    };
  },
};
