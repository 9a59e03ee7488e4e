import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser } from '../schema/index.js';
import { renderDocx } from '../../documents/decree30-docx.js';
import { planBody } from '../../modules/plans/plan-body.js';
import { planDocumentModel } from '../../modules/plans/plan-document.js';
import { findPlan } from '../../modules/plans/plans.repository.js';
import { teamDecisionModel } from '../../modules/teams/team-decision.js';
import { listTeamsOfSeries, teamMembers } from '../../modules/teams/teams.repository.js';
import { issuerInfo } from '../../modules/document-register/issuer-header.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { sampleTeamDecision2021, seedPlan2021 } from './plan-2021.js';
import { seedPlanContent } from './demo-plans.js';
import { seedDemo } from './seed-demo.js';

describe('the seed plan as sections', () => {
  it('prints back word for word', () => {
    const { content, periodFrom, periodTo } = seedPlanContent();
    expect([periodFrom, periodTo]).toEqual(['2021-05', '2021-12']);
    expect(planBody(content, periodFrom, periodTo)).toEqual(seedPlan2021.body);
  });
});

// The demo seeds only an empty database; the shared PostgreSQL test database never is.
describe.skipIf(!!process.env.DATABASE_URL)('demo data: the 2021 cycle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db, { password: 'demo-password-123' });
  });
  afterAll(() => t.close());

  it('holds the seed plan, issued as 15/KH-UBND, printing as the seed with a number and date', async () => {
    const db = t.database.db;
    const [leader] = await db.select().from(appUser).where(eq(appUser.username, 'leader'));
    expect(leader).toBeTruthy();
    const rows = (await db.execute((await import('drizzle-orm')).sql`select id from inspection_plan where year = 2021`)) as unknown as { rows: { id: string }[] };
    expect(rows.rows).toHaveLength(1);
    const plan = (await findPlan(db, rows.rows[0].id))!;
    expect(plan).toMatchObject({ status: 'issued', year: 2021, number: 15, symbol: 'KH-UBND', issuedOn: '2021-05-05' });
    const model = await planDocumentModel(db, plan);
    expect(model).toMatchObject({ issuer: { name: seedPlan2021.issuer.name }, placeName: 'Hoài Nhơn', number: 15, draft: false, date: { year: 2021, month: 5, day: 5 } });
    expect(model.body).toEqual(seedPlan2021.body);
    expect(model.recipients).toEqual(seedPlan2021.recipients);
    expect(model.signature).toEqual(seedPlan2021.signature);
    expect(model.summary).toBe(seedPlan2021.summary);
    expect((await renderDocx(model)).length).toBeGreaterThan(5000);

    const [team] = await listTeamsOfSeries(db, plan.seriesId);
    expect(team).toMatchObject({ status: 'founded', number: 16, symbol: 'QĐ-UBND', issuedOn: '2021-05-10' });
    const decision = teamDecisionModel(team, await teamMembers(db, [team.id]), await issuerInfo(db, plan.issuingAgencyId), 2021);
    expect(decision.articles).toEqual(sampleTeamDecision2021.articles);
    expect(decision.legalBases).toEqual(sampleTeamDecision2021.legalBases);
    expect(decision.issuingAuthority).toBe(sampleTeamDecision2021.issuingAuthority);
    expect(decision.signature).toEqual(sampleTeamDecision2021.signature);
  });
});
