import type { ActionBoard, CorrectiveAction } from '../../../shared/api/corrective-actions.schemas.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { isActionOverdue, type ActionStatus } from '../../../shared/domain/follow-up.js';
import type { Actor } from '../../http/actor.js';
import { actionAbilities } from './corrective-actions.policy.js';
import type { ActionRow, actionBoard } from './corrective-actions.repository.js';

export function presentAction(actor: Actor, row: ActionRow, today: string): CorrectiveAction {
  return {
    id: row.id,
    conclusionId: row.conclusionId,
    conclusionNumber: row.conclusionNumber !== null && row.conclusionSymbol ? formatDocumentNumber(row.conclusionNumber, row.conclusionSymbol) : null,
    conclusionIssuedOn: row.conclusionIssuedOn,
    inspectionId: row.inspectionId,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    planYear: row.planYear,
    position: row.position,
    content: row.content,
    contentGroup: row.contentGroup,
    responsibleAgencyId: row.responsibleAgencyId,
    responsibleAgencyName: row.responsibleAgencyName,
    dueOn: row.dueOn,
    reportDueOn: row.reportDueOn,
    status: row.status as ActionStatus,
    overdue: isActionOverdue(row.status as ActionStatus, row.dueOn, today),
    planText: row.planText,
    reinspectionId: row.reinspectionId,
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
    abilities: actionAbilities(actor, row),
    version: row.version,
  };
}

type BoardRows = Awaited<ReturnType<typeof actionBoard>>;

/** Folds the grouped counts into totals, rows by agency and rows by content group. */
export function presentBoard(rows: BoardRows, asOf: string): ActionBoard {
  const zero = () => ({ open: 0, overdue: 0, closed: 0 });
  const total = zero();
  const byAgency = new Map<string, ActionBoard['byAgency'][number]>();
  const byGroup = new Map<string | null, ActionBoard['byContentGroup'][number]>();
  for (const r of rows) {
    const state = r.state as 'open' | 'overdue' | 'closed';
    const n = Number(r.n);
    total[state] += n;
    const a = byAgency.get(r.agencyId) ?? { agencyId: r.agencyId, agencyName: r.agencyName, ...zero() };
    a[state] += n;
    byAgency.set(r.agencyId, a);
    const g = byGroup.get(r.contentGroup) ?? { contentGroup: r.contentGroup, ...zero() };
    g[state] += n;
    byGroup.set(r.contentGroup, g);
  }
  return { asOf, total, byAgency: [...byAgency.values()], byContentGroup: [...byGroup.values()].sort((x, y) => (x.contentGroup ?? '~').localeCompare(y.contentGroup ?? '~')) };
}
