import type { z } from 'zod';
import type { foundTeamBody, TeamDecision } from '../../../shared/api/teams.schemas.js';
import { planAcceptsTeams, type PlanStatus } from '../../../shared/domain/plan-status.js';
import { inspectionTeam } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { registerDocument } from '../document-register/document-register.js';
import { findPlan } from '../plans/plans.repository.js';
import { freezeIssuedDocument } from '../../documents/issued-documents.js';
import { teamDecisionDocument } from './team-decision.js';
import { loadForAction } from '../../authz/guard.js';
import { teamResource } from './teams.policy.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { teamMembers } from './teams.repository.js';
import { notify } from '../../notifications/notify.js';
import { teamMembersWithAccounts } from '../../notifications/recipients.js';
import type { PlanContent } from '../../../shared/api/plans.schemas.js';

/**
 * The Chairman founds the team by decision: a QĐ of the plan's People's Committee takes the next
 * number of the register, the team and its members are frozen, and so is the decision's document.
 */
export async function foundTeam(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof foundTeamBody>, today: string) {
  const team = await loadForAction(tx, ctx, teamResource, id, 'found', input.version);
  const plan = (await findPlan(tx, team.planId))!;
  if (!planAcceptsTeams(plan.status as PlanStatus)) throw new AppError('INVALID_STATE', `the plan is ${plan.status}`);
  const members = await teamMembers(tx, [id]);
  const heads = members.filter((m) => m.member.role === 'truong_doan').length;
  if (heads !== 1) throw AppError.invalid('members', 'head_count', `a team is founded with exactly one Trưởng đoàn (it has ${heads})`);
  const decision: TeamDecision = { ...(team.decision as TeamDecision), ...(input.signature ? { signature: input.signature } : {}) };
  if (!decision.signature.signerName.trim()) throw AppError.invalid('body.signature.signerName', 'required', 'who signs the decision?');

  const entry = await registerDocument(tx, ctx, {
    notAfter: today,
    agencyId: plan.issuingAgencyId,
    typeCode: 'quyet_dinh',
    summary: decision.summary,
    issuedOn: input.issuedOn,
    signerName: decision.signature.signerName,
    signerPosition: [decision.signature.onBehalfOf, decision.signature.position].filter(Boolean).join(' / '),
    subjectType: 'team',
    subjectId: id,
  });
  const after = await updateVersioned(tx, inspectionTeam, id, input.version, { status: 'founded', decision, registerEntryId: entry.id, issuedOn: input.issuedOn });
  await freezeIssuedDocument(tx, ctx, teamDecisionDocument, { subjectId: id, registerEntryId: entry.id });
  await recordAudit(tx, ctx, {
    action: 'team.founded',
    entityType: 'inspection_team',
    entityId: id,
    scope: { places: [issuerPlace(team)] },
    before: { status: team.status, version: team.version },
    after: { status: after.status, version: after.version, number: entry.number, symbol: entry.symbol, issuedOn: input.issuedOn },
  });
  // Members with an account learn of the decision that names them, with their role on the team.
  const withAccounts = await teamMembersWithAccounts(tx, id);
  const roleOf = new Map(withAccounts.map((m) => [m.userId, m.role]));
  await notify(tx, ctx, {
    kind: 'team.decision_issued',
    recipients: withAccounts.map((m) => m.userId),
    params: (userId) => ({
      teamName: after.name,
      planTitle: (plan.content as PlanContent).summary,
      documentNumber: `${String(entry.number).padStart(2, '0')}/${entry.symbol}`,
      issuedOn: input.issuedOn,
      role: roleOf.get(userId) ?? null,
    }),
    link: { type: 'inspection_team', id, path: `/plans/${team.planId}` },
  });
  return after;
}
