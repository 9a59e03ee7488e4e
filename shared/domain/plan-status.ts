/**
 * The lifecycle of an inspection plan (kế hoạch kiểm tra), pure so the UI disables exactly what
 * the server would refuse (conventions.md §3).
 *
 *   draft ──submit──▶ submitted ──issue──▶ issued ──start──▶ in_progress ──close──▶ closed
 *     ▲                  │                   │                   │
 *     └─────return───────┘                   └──────supersede────┴──▶ superseded
 *
 * Issuing freezes the content: later changes only by an amending version, a new draft linked to
 * the issued one ("amend"); issuing that version supersedes the one it amends. `supersede` is
 * never asked for directly: the server applies it while issuing the amendment.
 */

export const planStatuses = ['draft', 'submitted', 'issued', 'in_progress', 'closed', 'superseded'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const planActions = ['edit', 'submit', 'return', 'issue', 'start', 'close', 'amend', 'supersede'] as const;
export type PlanAction = (typeof planActions)[number];

/** Who may take an action: the standing office drafts, the leader signs. */
export type PlanActor = 'drafter' | 'issuer' | 'system';

/**
 * The status an action leads to from `status`, or null when the action is not possible there.
 * `edit` and `amend` leave the plan's own status unchanged (amend creates a new version).
 */
export function nextPlanStatus(status: PlanStatus, action: PlanAction): PlanStatus | null {
  switch (status) {
    case 'draft':
      return action === 'edit' ? 'draft' : action === 'submit' ? 'submitted' : null;
    case 'submitted':
      return action === 'return' ? 'draft' : action === 'issue' ? 'issued' : null;
    case 'issued':
      return action === 'start' ? 'in_progress' : action === 'amend' ? 'issued' : action === 'supersede' ? 'superseded' : null;
    case 'in_progress':
      return action === 'close' ? 'closed' : action === 'amend' ? 'in_progress' : action === 'supersede' ? 'superseded' : null;
    case 'closed':
    case 'superseded':
      return null;
    default:
      return assertNever(status);
  }
}

/** Which side of the office may take each action. */
export function planActionActors(action: PlanAction): readonly PlanActor[] {
  switch (action) {
    case 'edit':
    case 'submit':
    case 'amend':
      return ['drafter'];
    case 'return':
    case 'issue':
      return ['issuer'];
    case 'start':
    case 'close':
      return ['drafter', 'issuer'];
    case 'supersede':
      return ['system'];
    default:
      return assertNever(action);
  }
}

/** The actions the caller may take now, given what they are (drafter, issuer or both). */
export function availablePlanActions(status: PlanStatus, actor: { drafter: boolean; issuer: boolean }): PlanAction[] {
  return planActions.filter((action) => {
    if (nextPlanStatus(status, action) === null) return false;
    const who = planActionActors(action);
    return (actor.drafter && who.includes('drafter')) || (actor.issuer && who.includes('issuer'));
  });
}

/** Content is frozen from issue on: only a draft may change. */
export const isPlanEditable = (status: PlanStatus): boolean => status === 'draft';

/** Statuses of a plan that has been issued (has a number, a date and a signer). */
export const isPlanIssued = (status: PlanStatus): boolean =>
  status === 'issued' || status === 'in_progress' || status === 'closed' || status === 'superseded';

/** A team may be founded under a plan that is issued and not yet closed or replaced. */
export const planAcceptsTeams = (status: PlanStatus): boolean => status === 'issued' || status === 'in_progress';

function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}
