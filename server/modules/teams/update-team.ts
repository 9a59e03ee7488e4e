import type { z } from 'zod';
import type { TeamDecision, updateTeamBody } from '../../../shared/api/teams.schemas.js';
import { inspectionTeam } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { loadForAction } from '../../authz/guard.js';
import { teamResource } from './teams.policy.js';
import { issuerPlace } from '../plans/plans.policy.js';

/** Renames a team or edits its decision texts (only the named ones), before it is founded. */
export async function updateTeam(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof updateTeamBody>) {
  const team = await loadForAction(tx, ctx, teamResource, id, 'edit', input.version);
  const decision: TeamDecision = { ...(team.decision as TeamDecision), ...(input.decision ?? {}) };
  const after = await updateVersioned(tx, inspectionTeam, id, input.version, { ...(input.name ? { name: input.name } : {}), decision });
  const { number: _n, symbol: _s, issuingAgencyId: _a, issuerUnitPath: _u, issuerPath: _ip, seriesId: _r, planStatus: _p, ...before } = team;
  await recordAudit(tx, ctx, { action: 'team.updated', entityType: 'inspection_team', entityId: id, scope: { places: [issuerPlace(team)] }, before, after });
  return after;
}
