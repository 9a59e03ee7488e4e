import { attachmentSlots } from '../../../shared/domain/report-attachments.js';
import type { DbOrTx } from '../../db/client.js';
import { registerRecordAccess, type AttachmentPurpose } from '../../files/record-access.js';
import type { Actor } from '../../http/actor.js';
import { mayMove, ownerPlace, submissionPlace } from './reports.policy.js';
import { findRequest, findVisibleSubmission } from './reports.repository.js';

/**
 * Files of a unit's report: whoever sees the report reads them (the unit, the office, the
 * leaders); the unit's officer attaches and removes them while the report is theirs to edit.
 * Purposes (shared/domain/report-attachments.ts, whose list templates are checked against): the
 * report made outside (the signed scan or the .docx, one), the template's required attachments
 * (`attachment_1`… in the template's order) and any other evidence.
 */
async function editable(db: DbOrTx, actor: Actor, id: string): Promise<boolean> {
  const s = await findVisibleSubmission(db, actor, id);
  if (!s) return false;
  const r = (await findRequest(db, s.requestId))!;
  return r.status === 'open' && ['not_started', 'draft', 'returned'].includes(s.status) && mayMove(actor, s, r, 'save');
}

const attachmentPurposes: Record<string, AttachmentPurpose> = Object.fromEntries(attachmentSlots.map((p) => [p, { maxFiles: 10 }]));

registerRecordAccess('report_submission', {
  async canRead(db, actor, id) {
    return (await findVisibleSubmission(db, actor, id)) !== null;
  },
  canAttach: (db, actor, id) => editable(db, actor, id),
  async auditScope(db, actor, id) {
    const s = await findVisibleSubmission(db, actor, id);
    if (!s) return { places: [] };
    const r = (await findRequest(db, s.requestId))!;
    return { places: [submissionPlace(s), ownerPlace(r)] };
  },
  purposes: {
    report_file: { accept: ['pdf', 'docx'], maxFiles: 1 },
    ...attachmentPurposes,
    evidence: { maxFiles: 50 },
  },
});
