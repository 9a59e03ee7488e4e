import type { PlanAbilities, PlanContent, PlanDetail, PlanSummary } from '../../../shared/api/plans.schemas.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import type { PlanStatus } from '../../../shared/domain/plan-status.js';
import type { PlanRow } from './plans.repository.js';

export function presentPlanSummary(row: PlanRow): PlanSummary {
  return {
    id: row.id,
    seriesId: row.seriesId,
    revision: row.revision,
    amendsPlanId: row.amendsPlanId,
    issuingAgencyId: row.issuingAgencyId,
    issuingAgencyName: row.issuingAgencyName,
    year: row.year,
    status: row.status as PlanStatus,
    summary: (row.content as PlanContent).summary,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    documentNumber: row.number !== null && row.symbol !== null ? formatDocumentNumber(row.number, row.symbol) : null,
    number: row.number,
    issuedOn: row.issuedOn,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentPlanDetail(
  row: PlanRow,
  targets: PlanDetail['targets'],
  history: PlanRow[],
  abilities: PlanAbilities,
): PlanDetail {
  return {
    ...presentPlanSummary(row),
    content: row.content as PlanContent,
    targets,
    history: history.map((h) => {
      const s = presentPlanSummary(h);
      return { id: s.id, revision: s.revision, status: s.status, documentNumber: s.documentNumber, issuedOn: s.issuedOn, version: s.version };
    }),
    abilities,
  };
}
