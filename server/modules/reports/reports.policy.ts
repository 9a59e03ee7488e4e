import { allowedSubmissionMoves, type SubmissionMove, type SubmissionStatus } from '../../../shared/domain/report-status.js';
import type { GuardedResource } from '../../authz/guard.js';
import { inReach, type Place } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { findVisibleRequest, findVisibleRule, findVisibleSubmission, findVisibleTemplate, type PeriodRuleRow, type RequestRow, type SubmissionRow, type TemplateRow } from './reports.repository.js';

/** Where a template, rule or request sits: its owner agency (the committee or its standing office). */
export const ownerPlace = (r: { ownerUnitPath: string; ownerPath: string }): Place => ({ unitPath: r.ownerUnitPath, agencyPath: r.ownerPath });
/** Where a submission sits: the agency asked. */
export const submissionPlace = (s: { agencyUnitPath: string; agencyPath: string }): Place => ({ unitPath: s.agencyUnitPath, agencyPath: s.agencyPath });

export const mayManage = (actor: Actor, r: { ownerUnitPath: string; ownerPath: string }) => inReach(actor, 'report.manage', ownerPlace(r));

/** Templates: the office edits a draft and publishes it; a published one is frozen (409 INVALID_STATE). */
export const templateResource: GuardedResource<TemplateRow, 'edit' | 'publish' | 'copy'> = {
  name: 'report template',
  findVisible: findVisibleTemplate,
  allows: (actor, t) => mayManage(actor, t),
  refusal: (t, action) => (action !== 'copy' && t.status === 'published' ? 'the template is published; it is frozen (make a new version)' : null),
};
export function templateAbilities(actor: Actor, t: TemplateRow) {
  const manage = mayManage(actor, t);
  return { update: manage && t.status === 'draft', publish: manage && t.status === 'draft', copy: manage };
}

export const ruleResource: GuardedResource<PeriodRuleRow, 'edit'> = { name: 'report period rule', findVisible: findVisibleRule, allows: (actor, r) => mayManage(actor, r) };

/**
 * Requests: the office edits and issues a draft (an ad hoc công văn); a sent one only its reminders,
 * its due day by an extension (later only), or it is withdrawn.
 */
export const requestResource: GuardedResource<RequestRow, 'edit' | 'issue' | 'review' | 'extend' | 'withdraw'> = {
  name: 'report request',
  findVisible: findVisibleRequest,
  allows: (actor, r) => mayManage(actor, r),
  refusal: (r, action) => {
    if (action === 'issue' && r.status !== 'draft') return 'the request has been sent';
    if (action === 'extend' && r.status !== 'open') return `a ${r.status} request has no due day to extend`;
    if (action === 'withdraw' && r.kind === 'pre_visit') return "a pre-visit request follows its inspection's notice";
    if (action === 'withdraw' && r.status !== 'draft' && r.status !== 'open') return `the request is ${r.status}`;
    return null;
  },
};
export function requestAbilities(actor: Actor, r: RequestRow) {
  const manage = mayManage(actor, r);
  return {
    update: manage && (r.status === 'draft' || r.status === 'open'),
    issue: manage && r.status === 'draft' && r.kind === 'ad_hoc',
    review: manage,
    extend: manage && r.status === 'open',
    withdraw: manage && r.kind !== 'pre_visit' && (r.status === 'draft' || r.status === 'open'),
  };
}

export interface SubmissionContext {
  submission: SubmissionRow;
  request: RequestRow;
}

/**
 * Who may take a move on a unit's report: the unit's officer saves and submits (`report.submit`
 * on the agency asked — never for another unit, which they cannot even see: 404); the office
 * accepts and returns (`report.manage` on the request's owner).
 */
export function mayMove(actor: Actor, s: SubmissionRow, r: RequestRow, move: SubmissionMove): boolean {
  if (move === 'save' || move === 'submit') return inReach(actor, 'report.submit', submissionPlace(s));
  return mayManage(actor, r);
}

export const submissionResource: GuardedResource<SubmissionRow, SubmissionMove> = {
  name: 'report',
  findVisible: findVisibleSubmission,
  // The request is checked by the use case (it loads it next); here only the unit's side is known.
  allows: () => true,
};

/**
 * The moves this actor may make on the report now: those its status allows, that are the actor's
 * (the unit saves and submits, the office accepts and returns), on a request still taking them
 * (save and submit while it is open; nothing once withdrawn). A unit never sees the office's moves.
 */
export function actorSubmissionMoves(actor: Actor, s: SubmissionRow, r: RequestRow): SubmissionMove[] {
  if (r.status === 'withdrawn') return [];
  return allowedSubmissionMoves(s.status as SubmissionStatus).filter((m) => ((m !== 'save' && m !== 'submit') || r.status === 'open') && mayMove(actor, s, r, m));
}

/** 409 INVALID_TRANSITION with the moves this actor may make on the report now. */
export function assertSubmissionMove(actor: Actor, s: SubmissionRow, r: RequestRow, move: SubmissionMove): void {
  const allowed = allowedSubmissionMoves(s.status as SubmissionStatus);
  if (!allowed.includes(move)) throw new AppError('INVALID_TRANSITION', `a report that is ${s.status} cannot ${move}`, undefined, { allowedMoves: actorSubmissionMoves(actor, s, r) });
}

export function submissionAbilities(actor: Actor, s: SubmissionRow, r: RequestRow) {
  const moves = actorSubmissionMoves(actor, s, r);
  return { edit: moves.includes('save'), submit: moves.includes('submit'), review: moves.includes('accept') };
}
