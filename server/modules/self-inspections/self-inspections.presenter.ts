import type { SelfInspection, SelfInspectionStatus } from '../../../shared/api/self-inspections.schemas.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { recordsSelfInspection } from './self-inspections.policy.js';
import { planDocumentCounts, type SelfInspectionRow } from './self-inspections.repository.js';

/** Self-inspections as the API shows them (plan-document counts in one query for all). */
export async function presentSelfInspections(tx: DbOrTx, actor: Actor, rows: SelfInspectionRow[]): Promise<SelfInspection[]> {
  const docs = await planDocumentCounts(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const mine = recordsSelfInspection(actor, r);
    return {
      id: r.id,
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      year: r.year,
      documentNumber: r.documentNumber,
      issuedOn: r.issuedOn,
      content: r.content,
      scope: r.scope,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      status: r.status as SelfInspectionStatus,
      resultsOn: r.resultsOn,
      inspectedCount: r.inspectedCount,
      shortcomingCount: r.shortcomingCount,
      fixedCount: r.fixedCount,
      findings: r.findings,
      remedies: r.remedies,
      resultSubmissionId: r.resultSubmissionId,
      planDocumentCount: docs.get(r.id) ?? 0,
      abilities: { update: mine, recordResults: mine },
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}
