import { expect } from 'vitest';
import type { PlanDetail } from '../../../shared/api/plans.schemas.js';
import { seedPlanContent } from '../../db/seed/demo-plans.js';
import type { Client } from '../../test/harness.js';
import type { makeAuthority } from '../../test/factories.js';

export type Authority = Awaited<ReturnType<typeof makeAuthority>>;

/** A valid create-plan body for the authority: the seed's content, two wards as targets. */
export function planBody(a: Authority, overrides: Record<string, unknown> = {}) {
  const { content } = seedPlanContent();
  return {
    issuingAgencyId: a.townCommittee.id,
    year: 2021,
    periodFrom: '2021-05',
    periodTo: '2021-12',
    targetAgencyIds: [a.wardACommittee.id, a.wardBCommittee.id, a.homeAffairs.id],
    content,
    ...overrides,
  };
}

export async function createDraft(sec: Client, a: Authority, overrides: Record<string, unknown> = {}): Promise<PlanDetail> {
  const res = await sec.post('/api/plans', planBody(a, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Draft → submitted → issued; returns the issued plan. */
export async function issueNewPlan(sec: Client, leader: Client, a: Authority, issuedOn = '2021-05-05', overrides: Record<string, unknown> = {}): Promise<PlanDetail> {
  const plan = await createDraft(sec, a, overrides);
  const submitted = await sec.post(`/api/plans/${plan.id}/submit`, { version: plan.version });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const issued = await leader.post(`/api/plans/${plan.id}/issue`, { version: submitted.json().version, issuedOn });
  expect(issued.statusCode, issued.body).toBe(200);
  return issued.json();
}
