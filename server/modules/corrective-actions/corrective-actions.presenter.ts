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

const counts = (c: { open: number; overdue: number; closed: number }) => ({ open: Number(c.open), overdue: Number(c.overdue), closed: Number(c.closed) });

/** The board's grouped counts as the API answers them (no action at all: zeros). */
export function presentBoard({ rows, agencyCount }: Awaited<ReturnType<typeof actionBoard>>, asOf: string): ActionBoard {
  const total = rows.find((r) => r.kind === 'total');
  return {
    asOf,
    total: total ? counts(total) : { open: 0, overdue: 0, closed: 0 },
    byAgency: rows.filter((r) => r.kind === 'agency').map((a) => ({ agencyId: a.agencyId!, agencyName: a.agencyName!, ...counts(a) })),
    agencyCount,
    byContentGroup: rows
      .filter((r) => r.kind === 'group')
      .map((g) => ({ contentGroup: g.contentGroup, ...counts(g) }))
      .sort((x, y) => (x.contentGroup ?? '~').localeCompare(y.contentGroup ?? '~')),
  };
}
