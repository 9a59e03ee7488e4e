import { registerRecordAccess } from '../../files/record-access.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { EVIDENCE_PURPOSE } from './escalation-document.js';
import { escalationResource } from './escalations.policy.js';
import { findVisibleEscalation } from './escalations.repository.js';

/**
 * The evidence attached to a proposal (photos, documents sighted): read by whoever sees the
 * proposal, attached by whoever may edit it, while it is a draft — the issued document lists
 * them, so they do not change after it.
 */
registerRecordAccess('escalation', {
  async canRead(db, actor, id) {
    return (await findVisibleEscalation(db, actor, id)) !== null;
  },
  async canAttach(db, actor, id) {
    const row = await findVisibleEscalation(db, actor, id);
    return !!row && row.status === 'draft' && (await escalationResource.allows(actor, row, 'edit'));
  },
  async auditScope(db, actor, id) {
    const row = await findVisibleEscalation(db, actor, id);
    return { places: row ? [issuerPlace(row)] : [] };
  },
  purposes: { [EVIDENCE_PURPOSE]: { maxFiles: 30 } },
});
