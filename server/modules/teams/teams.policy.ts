import { sql, type SQL } from 'drizzle-orm';
import type { GuardedResource } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import { actorIsMemberOf, issuerPlace, planVisible, readsDraftsOf } from '../plans/plans.policy.js';
import { findVisibleTeam, type TeamRow } from './teams.repository.js';

/**
 * SQL: ids of the teams the actor may see. A team is seen only with its plan, and then:
 *  - in full (drafts included) by whoever reads the issuing agency's drafts (`plan.read_drafts`:
 *    admin, leader, the standing office), who prepare and found it;
 *  - by an inspector listed on it as a member, while it is being prepared too (their own team);
 *  - otherwise only once founded: a unit officer of a target ward, or an inspector of the scope,
 *    learns of a team when the Chairman's decision is issued, never of a draft.
 */
export const visibleTeams = (actor: Actor): SQL => sql`(
  select tm.id from inspection_team tm join inspection_plan p on p.id = tm.plan_id join agency ia on ia.id = p.issuing_agency_id
   where ${planVisible(actor, 'p', 'ia')}
     and (tm.status = 'founded'
          or ${readsDraftsOf(actor, 'ia')}
          or ${actorIsMemberOf(actor, 'tm')}))`;

export type TeamAction = 'edit' | 'found';

/**
 * Teams for the guard (server/authz/guard.ts): invisible → 404; the standing office prepares a
 * team (`team.prepare`), the leader, for the Chairman, founds it (`team.found`) → 403 otherwise;
 * stale → 409; a founded team is frozen → 409 INVALID_STATE.
 */
export const teamResource: GuardedResource<TeamRow, TeamAction> = {
  name: 'team',
  findVisible: findVisibleTeam,
  allows: (actor, team, action) => inReach(actor, action === 'edit' ? 'team.prepare' : 'team.found', issuerPlace(team)),
  refusal: (team) => (team.status === 'draft' ? null : 'the team has been founded; its decision is issued'),
};

/**
 * The caller prepares or founds the team (the office, the leader): who reads its internal
 * warnings (a member inspecting their own agency, naming them). Units and inspectors do not.
 */
export function managesTeam(actor: Actor, team: TeamRow): boolean {
  return inReach(actor, 'team.prepare', issuerPlace(team)) || inReach(actor, 'team.found', issuerPlace(team));
}

/** The caller's abilities on a team: open while a draft under a plan that accepts teams. */
export function teamAbilities(actor: Actor, team: TeamRow, open: boolean) {
  return { update: open && inReach(actor, 'team.prepare', issuerPlace(team)), found: open && inReach(actor, 'team.found', issuerPlace(team)) };
}
