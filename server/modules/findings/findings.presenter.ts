import type { Finding } from '../../../shared/api/findings.schemas.js';
import type { FindingKind, FindingSeverity } from '../../../shared/domain/checklists.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import type { EscalationStatus } from '../../../shared/domain/follow-up.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import type { InspectionRow } from '../inspections/inspections.repository.js';
import { findingAbilities } from './findings.policy.js';
import { escalationsNaming, evidenceIdsOf, type FindingRow } from './findings.repository.js';

export async function presentFindings(db: DbOrTx, actor: Actor, inspection: InspectionRow, rows: FindingRow[]): Promise<Finding[]> {
  const evidence = await evidenceIdsOf(db, rows.map((r) => r.id));
  const escalations = await escalationsNaming(db, actor, inspection.id, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    inspectionId: r.inspectionId,
    checklistItemId: r.checklistItemId,
    checklistItemCode: r.checklistItemCode,
    kind: r.kind as FindingKind,
    contentGroup: r.contentGroup,
    severity: r.severity as FindingSeverity | null,
    title: r.title,
    text: r.text,
    recommendation: r.recommendation,
    evidenceIds: evidence.get(r.id) ?? [],
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
    abilities: findingAbilities(actor, inspection, r),
    escalations: (escalations.get(r.id) ?? []).map((e) => ({ id: e.id, status: e.status as EscalationStatus, documentNumber: e.number !== null && e.symbol ? formatDocumentNumber(e.number, e.symbol) : null })),
  }));
}
