import type { GuardedResource } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisibleNotice, type NoticeRow } from './notices.repository.js';

export type NoticeAction = 'edit' | 'issue';

/**
 * Notices for the guard: invisible → 404; the standing office drafts and issues them
 * (`inspection.schedule` on the plan's issuing agency) → 403 otherwise; stale → 409; an issued
 * notice is frozen → 409 INVALID_STATE.
 */
export const noticeResource: GuardedResource<NoticeRow, NoticeAction> = {
  name: 'notice',
  findVisible: findVisibleNotice,
  allows: (actor, notice) => inReach(actor, 'inspection.schedule', issuerPlace(notice)),
  refusal: (notice) => (notice.status === 'draft' ? null : 'the notice has been issued; it is frozen'),
};

export function noticeAbilities(actor: Actor, notice: NoticeRow) {
  const open = notice.status === 'draft' && inReach(actor, 'inspection.schedule', issuerPlace(notice));
  return { update: open, issue: open };
}
