import type { Conclusion, ConclusionContent } from '../../../shared/api/conclusions.schemas.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { isActionOpen, isActionOverdue, type ActionStatus } from '../../../shared/domain/follow-up.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { conclusionAbilities } from './conclusions.policy.js';
import { conclusionActions, type ConclusionRow } from './conclusions.repository.js';

/** Conclusions with their requirements (one query for all of them) and the caller's abilities. */
export async function presentConclusions(tx: DbOrTx, actor: Actor, rows: ConclusionRow[], today: string): Promise<Conclusion[]> {
  const actions = await conclusionActions(tx, rows.map((r) => r.id));
  return rows.map((c) => {
    const own = actions.filter((a) => a.action.conclusionId === c.id);
    return {
      id: c.id,
      inspectionId: c.inspectionId,
      inspectionKind: c.inspectionKind,
      agencyId: c.agencyId,
      agencyName: c.agencyName,
      planId: c.planId,
      issuingAgencyId: c.issuingAgencyId,
      issuingAgencyName: c.issuingAgencyName,
      status: c.status as Conclusion['status'],
      content: c.content as ConclusionContent,
      actions: own.map(({ action: a, responsibleAgencyName }) => ({
        id: a.id,
        position: a.position,
        content: a.content,
        contentGroup: a.contentGroup,
        responsibleAgencyId: a.responsibleAgencyId,
        responsibleAgencyName,
        dueOn: a.dueOn,
        dueWorkingDays: a.dueWorkingDays,
        reportDueOn: a.reportDueOn,
        reportDueWorkingDays: a.reportDueWorkingDays,
        status: a.status as ActionStatus,
        overdue: isActionOverdue(a.status as ActionStatus, a.dueOn, today),
        version: a.version,
      })),
      documentNumber: c.number !== null && c.symbol ? formatDocumentNumber(c.number, c.symbol) : null,
      issuedOn: c.issuedOn,
      abilities: conclusionAbilities(actor, c, own.some((a) => isActionOpen(a.action.status as ActionStatus) && a.action.reinspectionId === null)),
      version: c.version,
    };
  });
}
