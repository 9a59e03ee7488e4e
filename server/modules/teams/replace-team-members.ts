import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { replaceMembersBody } from '../../../shared/api/teams.schemas.js';
import { inspectionTeam } from '../../db/schema/index.js';
import { queryRows, type Tx } from '../../db/client.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { agencyColumns, agencyInReach } from '../../authz/scope.js';
import { loadForAction } from '../../authz/guard.js';
import { teamResource } from './teams.policy.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { inspectorUserIds, replaceMembers, teamMembers } from './teams.repository.js';

/**
 * Replaces the member list (order kept as sent). At most one Trưởng đoàn at any time; exactly one
 * is required to found the team. A member inspecting their own agency is a warning the response
 * carries, not an error.
 */
export async function replaceTeamMembers(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof replaceMembersBody>) {
  const team = await loadForAction(tx, ctx, teamResource, id, 'edit', input.version);
  const heads = input.members.map((m, i) => (m.role === 'truong_doan' ? i : -1)).filter((i) => i >= 0);
  if (heads.length > 1) throw AppError.invalid(`body.members.${heads[1]}.role`, 'second_head', 'a team has one Trưởng đoàn');

  const agencyIds = [...new Set(input.members.map((m) => m.agencyId))];
  if (agencyIds.length) {
    const visible = await queryRows<{ id: string }>(
      tx,
      sql`select a.id from agency a where a.id in (${sql.join(agencyIds.map((a) => sql`${a}::uuid`), sql`, `)}) and ${agencyInReach(ctx.actor, 'registry.read', agencyColumns('a'))}`,
    );
    const ok = new Set(visible.map((r) => r.id));
    const bad = input.members.findIndex((m) => !ok.has(m.agencyId));
    if (bad >= 0) throw AppError.invalid(`body.members.${bad}.agencyId`, 'not_found', 'the agency does not exist');
  }
  const userIds = input.members.map((m) => m.userId).filter((u): u is string => !!u);
  // One answer for an unknown id, another role, and an inspector of another authority: the
  // check must not tell a drafter which accounts exist elsewhere.
  const inspectors = await inspectorUserIds(tx, team.issuingAgencyId, userIds);
  const badUser = input.members.findIndex((m) => m.userId && !inspectors.has(m.userId));
  if (badUser >= 0) throw AppError.invalid(`body.members.${badUser}.userId`, 'not_inspector', "not an inspector account of the plan's authority");

  const before = (await teamMembers(tx, [id])).map((m) => m.member);
  await replaceMembers(
    tx,
    id,
    input.members.map((m) => ({ honorific: m.honorific ?? null, fullName: m.fullName, title: m.position, agencyId: m.agencyId, role: m.role, userId: m.userId ?? null })),
  );
  const after = await updateVersioned(tx, inspectionTeam, id, input.version, {});
  await recordAudit(tx, ctx, { action: 'team.members_replaced', entityType: 'inspection_team', entityId: id, scope: { places: [issuerPlace(team)] }, before: { members: before }, after: { members: input.members, version: after.version } });
  return after;
}
