import type { z } from 'zod';
import type { createTeamBody } from '../../../shared/api/teams.schemas.js';
import { planAcceptsTeams, type PlanStatus } from '../../../shared/domain/plan-status.js';
import { inspectionTeam } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { issuerInfo } from '../document-register/issuer-header.js';
import { inReach } from '../../authz/scope.js';
import { idsOfPath } from '../../authz/grants.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisiblePlan } from '../plans/plans.repository.js';
import { findVisibleAgency, standingBodyOf } from '../registry/registry.repository.js';
import { defaultTeamDecision } from './team-decision.js';

/** The standing office prepares a team under an issued plan; the decision texts start from the plan. */
export async function createTeam(tx: Tx, ctx: RequestContext, planId: string, input: z.infer<typeof createTeamBody>) {
  const plan = await findVisiblePlan(tx, ctx.actor, planId);
  if (!plan) throw AppError.notFound('plan');
  if (!inReach(ctx.actor, 'team.prepare', issuerPlace(plan))) throw new AppError('FORBIDDEN', 'only the standing office prepares teams');
  if (!planAcceptsTeams(plan.status as PlanStatus)) throw new AppError('INVALID_STATE', `a team is founded under an issued plan, not a ${plan.status} one`);
  const issuer = await issuerInfo(tx, plan.issuingAgencyId);
  const standingId = await standingBodyOf(tx, idsOfPath(plan.issuerUnitPath).at(-1)!);
  const standing = standingId ? await findVisibleAgency(tx, ctx.actor, standingId) : null;
  const decision = input.decision ?? defaultTeamDecision(plan, issuer, input.name, standing?.name ?? null);
  const [row] = await tx.insert(inspectionTeam).values({ planId, name: input.name, decision, status: 'draft', createdBy: ctx.actor.userId }).returning();
  await recordAudit(tx, ctx, { action: 'team.created', entityType: 'inspection_team', entityId: row.id, scope: { places: [issuerPlace(plan)] }, after: row });
  return row;
}
