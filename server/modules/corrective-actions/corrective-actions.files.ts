import { registerRecordAccess } from '../../files/record-access.js';
import type { RecordLink } from '../../notifications/notify.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { actionResource, mayTake, responsiblePlace } from './corrective-actions.policy.js';
import { findVisibleAction } from './corrective-actions.repository.js';

/** The purpose of the files that show an action done (photos, documents issued, scans). */
export const EVIDENCE_PURPOSE = 'evidence';

/** Where a notification about an action leads in the web app. */
export const actionLink = (id: string): RecordLink => ({ type: 'corrective_action', id, path: `/corrective-actions/${id}` });

/**
 * Evidence of a corrective action: whoever sees the action reads it; the responsible unit and the
 * standing office attach it while the action is not closed (a closed action's evidence is the
 * record of its closing).
 */
registerRecordAccess('corrective_action', {
  async canRead(db, actor, id) {
    return (await findVisibleAction(db, actor, id)) !== null;
  },
  async canAttach(db, actor, id) {
    const row = await findVisibleAction(db, actor, id);
    return !!row && mayTake(actor, row, 'evidence') && !actionResource.refusal!(row, 'evidence');
  },
  async auditScope(db, actor, id) {
    const row = await findVisibleAction(db, actor, id);
    return { places: row ? [issuerPlace(row), responsiblePlace(row)] : [] };
  },
  purposes: { [EVIDENCE_PURPOSE]: { maxFiles: 20 } },
});
