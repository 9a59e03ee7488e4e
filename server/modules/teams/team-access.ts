import type { DbOrTx } from '../../db/client.js';
import { assertVersion } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { planRoles } from '../plans/plans.policy.js';
import { findVisibleTeam, type TeamRow } from './teams.repository.js';

/**
 * Checks of every team use case: invisible → 404; the standing office prepares a team, the
 * leader (the Chairman's side) founds it → 403 otherwise; stale version → 409; a founded team is
 * frozen → 409 INVALID_STATE.
 */
export async function teamForAction(tx: DbOrTx, ctx: RequestContext, id: string, action: 'edit' | 'found', version: number): Promise<TeamRow> {
  const team = await findVisibleTeam(tx, ctx.actor, id);
  if (!team) throw AppError.notFound('team');
  const roles = await planRoles(tx, ctx.actor, team.issuingAgencyId);
  if (action === 'edit' ? !roles.drafter : !roles.issuer) throw new AppError('FORBIDDEN', `you may not ${action} this team`);
  assertVersion(team, version);
  if (team.status !== 'draft') throw new AppError('INVALID_STATE', 'the team has been founded; its decision is issued');
  return team;
}
