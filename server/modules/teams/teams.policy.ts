import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../http/actor.js';
import { actorIsMemberOf, planReaderAgencies, visiblePlans } from '../plans/plans.policy.js';

/**
 * SQL: ids of the teams the actor may see. A team is seen only with its plan, and then:
 *  - in full (drafts included) by the plan readers of the issuing agency (admin, leader, the
 *    standing office), who prepare and found it;
 *  - by an inspector listed on it as a member, while it is being prepared too (their own team);
 *  - otherwise only once founded: a unit officer of a target ward, or an inspector of the scope,
 *    learns of a team when the Chairman's decision is issued, never of a draft.
 */
export const visibleTeams = (actor: Actor): SQL => sql`(
  select tm.id from inspection_team tm join inspection_plan p on p.id = tm.plan_id
   where p.id in ${visiblePlans(actor)}
     and (tm.status = 'founded'
          or p.issuing_agency_id in ${planReaderAgencies(actor)}
          or ${actorIsMemberOf(actor, 'tm')}))`;
