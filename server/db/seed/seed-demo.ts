import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { vietnameseSortKey } from '../../../shared/domain/vietnamese.js';
import { agency, appUser, standingBody, unit, unitSuccession, userRole } from '../schema/index.js';
import type { Db } from '../client.js';
import { recordAudit } from '../../modules/audit/audit-log.js';
import { hashPassword } from '../../modules/session/passwords.js';
import { seedDemoPlans } from './demo-plans.js';
import { seedDemoSeason } from './demo-season.js';
import { seedDemoOnsite } from './demo-onsite.js';
import { seedDemoEscalation, seedDemoFollowUp } from './demo-follow-up.js';
import { seedDemoMinutes } from './demo-minutes.js';
import { IssuesInDateOrder } from './demo-register-order.js';
import { seedDemoFeedback, seedDemoIndices } from './demo-indices.js';
import { seedDemoResultsReport } from './demo-results-report.js';
import { seedDemoAssignedTasks } from './demo-assigned-tasks.js';
import { seedDemoGiaLai } from './demo-gialai.js';
import { seedDemoReports } from './demo-reports.js';
import { seedDemoSelfInspections } from './demo-self-inspections.js';
import { seedDemoDifficulties } from './demo-difficulties.js';
import { communes2021, demoAgencies, demoAgencyCode, demoSuccessions, demoUnits, demoUsers, wards2021 } from './demo-registry.js';

export interface SeedResult {
  seeded: boolean;
  /** Set only when this call created the accounts and generated the password. */
  generatedPassword: string | null;
  usernames: string[];
}

/** A password people can read aloud: 4 groups of 4 from an alphabet without look-alikes. */
function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = crypto.randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * Loads the demo data into an empty database, in one transaction with one audit event.
 * Does nothing when users exist already (second start, or a real deployment).
 */
export async function seedDemo(db: Db, opts: { password?: string }): Promise<SeedResult> {
  const usernames = demoUsers.map((u) => u.username);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(appUser);
  if (Number(n) > 0) return { seeded: false, generatedPassword: null, usernames };

  const password = opts.password ?? generatePassword();
  const passwordHash = await hashPassword(password);

  await db.transaction(async (tx) => {
    const unitIds = new Map<string, string>();
    for (const u of demoUnits) {
      const [row] = await tx
        .insert(unit)
        .values({
          code: u.code,
          name: u.name,
          sortKey: vietnameseSortKey(u.name),
          kind: u.kind,
          parentId: u.parent ? unitIds.get(u.parent)! : null,
          validFrom: u.validFrom ?? null,
          validTo: u.validTo ?? null,
          active: true,
        })
        .returning({ id: unit.id });
      unitIds.set(u.key, row.id);
    }
    await tx.insert(unitSuccession).values(
      demoSuccessions.map((s) => ({ kind: s.kind, fromUnitId: unitIds.get(s.from)!, toUnitId: unitIds.get(s.to)!, effectiveDate: '2025-07-01', note: s.note ?? null })),
    );
    const agencyIds = new Map<string, string>();
    for (const a of demoAgencies) {
      const [row] = await tx
        .insert(agency)
        .values({
          unitId: unitIds.get(a.unit)!,
          parentAgencyId: a.parent ? agencyIds.get(a.parent)! : null,
          name: a.name,
          sortKey: vietnameseSortKey(a.name),
          shortName: a.shortName ?? null,
          kind: a.kind,
          code: demoAgencyCode(a),
          docAbbreviation: a.docAbbreviation ?? null,
          placeName: a.placeName ?? null,
          headName: a.headName ?? null,
          headTitle: a.headTitle ?? null,
          address: a.address ?? null,
          validFrom: a.validFrom ?? null,
          validTo: a.validTo ?? null,
          // 2021 records stay active: the 2021 cycle is run and read on them. Validity dates,
          // not the active flag, say they ended with the 2025 reorganisation.
          active: true,
        })
        .returning({ id: agency.id });
      agencyIds.set(a.key, row.id);
    }
    // One standing body per People's Committee (M23): the town's Phòng Nội vụ for the 2021
    // cycle, the province's Sở Nội vụ after the 2025 reorganisation.
    await tx.insert(standingBody).values([
      { unitId: unitIds.get('hoai-nhon')!, agencyId: agencyIds.get('office:NV')! },
      { unitId: unitIds.get('gia-lai')!, agencyId: agencyIds.get('snv:gia-lai')! },
      // Each ward after 2025: its Văn phòng HĐND và UBND.
      ...demoUnits.filter((u) => u.key.startsWith('2025:')).map((u) => ({ unitId: unitIds.get(u.key)!, agencyId: agencyIds.get(`vp:${u.key}`)! })),
    ]);
    const userIds = new Map<string, string>();
    for (const u of demoUsers) {
      const [row] = await tx.insert(appUser).values({ username: u.username, fullName: u.fullName, passwordHash }).returning({ id: appUser.id });
      userIds.set(u.username, row.id);
      await tx.insert(userRole).values(u.roles.map((r) => ({ userId: row.id, role: r.role, agencyId: agencyIds.get(r.agency)! })));
    }
    // The 2021 cycle: the seed plan (issued) and its team (server/db/seed/demo-plans.ts).
    const { planId, teamId } = await seedDemoPlans(tx, { agencyIds });
    // The standing office's notices, minutes and escalation share its register: queued by the
    // modules below and numbered in the order of their dates (demo-register-order.ts).
    const officeRegister = new IssuesInDateOrder();
    // The 2021 season lived in: inspections, two notices, unannounced visits (demo-season.ts).
    const { noticeId } = await seedDemoSeason(tx, { agencyIds, planId, teamId, inspectorUserId: userIds.get('inspector')! }, officeRegister);
    // Checklists filled on site, with photos and findings of each kind (demo-onsite.ts).
    await seedDemoOnsite(tx, { ownerAgencyId: agencyIds.get('ubnd:hoai-nhon')!, planId, inspectorUserId: userIds.get('inspector')!, secretariatUserId: userIds.get('secretariat')! });
    // Signed minutes of every visit that has begun (demo-minutes.ts).
    await seedDemoMinutes(tx, { planId, createdBy: userIds.get('inspector')! }, officeRegister);
    // The office's proposal of a public-service inspection after the desk visit (demo-follow-up.ts).
    await seedDemoEscalation(tx, { planId, users: { secretariat: userIds.get('secretariat')! } }, officeRegister);
    await officeRegister.run();
    // The follow-up: a conclusion with actions in every state, and a draft (demo-follow-up.ts).
    await seedDemoFollowUp(tx, {
      planId,
      users: { unit: userIds.get('unit')!, secretariat: userIds.get('secretariat')!, leader: userIds.get('leader')! },
      names: { unit: demoUsers.find((u) => u.username === 'unit')!.fullName, secretariat: demoUsers.find((u) => u.username === 'secretariat')!.fullName },
    });
    // Index frameworks and 2019–2021 demo scores of the wards and communes (demo-indices.ts).
    await seedDemoIndices(tx, { agencyIds, unitIds }, [...wards2021, ...communes2021]);
    await seedDemoFeedback(tx, { agencyIds, unitIds }, [...wards2021, ...communes2021]);
    // Gia Lai after 2025: the province and two wards run their own 2026 cycles (demo-gialai.ts).
    await seedDemoGiaLai(tx, {
      agencyIds,
      createdBy: new Map([
        ['ubnd:gia-lai', userIds.get('gialai')!],
        ['ubnd:2025:Bồng Sơn', userIds.get('bongson')!],
        ['ubnd:2025:Tam Quan', userIds.get('tamquan')!],
      ]),
    });
    // Tasks the committee and its Chairman assigned in 2021, some overdue (demo-assigned-tasks.ts).
    await seedDemoAssignedTasks(tx, { agencyIds });
    // Report templates, the periodic regime, Q2 and 6-month requests of 2021 and the pre-visit reports (demo-reports.ts).
    await seedDemoReports(tx, {
      agencyIds,
      noticeId,
      users: { unit: userIds.get('unit')!, secretariat: userIds.get('secretariat')! },
      names: { unit: demoUsers.find((u) => u.username === 'unit')!.fullName, secretariat: demoUsers.find((u) => u.username === 'secretariat')!.fullName },
    });
    // The units' self-inspection plans of 2021, one with its results (demo-self-inspections.ts).
    await seedDemoSelfInspections(tx, { agencyIds, unitUserId: userIds.get('unit')! });
    // Difficulties raised to the committee: one forwarded and answered, one open (demo-difficulties.ts).
    const nameOf = (username: string) => demoUsers.find((u) => u.username === username)!.fullName;
    await seedDemoDifficulties(tx, {
      agencyIds,
      users: { unit: userIds.get('unit')!, secretariat: userIds.get('secretariat')!, leader: userIds.get('leader')! },
      names: { unit: nameOf('unit'), secretariat: nameOf('secretariat'), leader: nameOf('leader') },
    });
    // The 2021 results report, drafted by the office (its figures are the dashboard's, live; it reads the difficulties above).
    await seedDemoResultsReport(tx, { agencyIds, createdBy: userIds.get('secretariat')! });
    await recordAudit(tx, { actor: null, ip: null, requestId: null }, {
      action: 'demo.seeded',
      entityType: 'system',
      entityId: null,
      scope: 'installation',
      after: { units: demoUnits.length, agencies: demoAgencies.length, users: usernames },
    });
  });
  return { seeded: true, generatedPassword: opts.password ? null : password, usernames };
}
