import { registerRecordAccess } from '../../files/record-access.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { minutesResource } from './minutes.policy.js';
import { findVisibleMinutes } from './minutes.repository.js';

export const SIGNED_SCAN_PURPOSE = 'signed_scan';
export const MINUTES_OWNER_TYPE = 'inspection_minutes';

/**
 * The signed paper copy of final minutes (a scan or photos): read by whoever sees the minutes,
 * added by the team or the office once the text is final (the scan is of that text), and kept:
 * never removed (removalRefusal).
 */
registerRecordAccess(MINUTES_OWNER_TYPE, {
  async canRead(db, actor, id) {
    return (await findVisibleMinutes(db, actor, id)) !== null;
  },
  async canAttach(db, actor, id) {
    const row = await findVisibleMinutes(db, actor, id);
    return !!row && minutesResource.refusal!(row, 'attach_scan') === null && (await minutesResource.allows(actor, row, 'attach_scan'));
  },
  /** The scan is of the final, signed text: it is kept (more pages may be added, none removed). */
  async removalRefusal(db, actor, id) {
    const row = await findVisibleMinutes(db, actor, id);
    return row?.status === 'final' ? 'the signed scan of final minutes is kept: it cannot be removed' : null;
  },
  async auditScope(db, actor, id) {
    const row = await findVisibleMinutes(db, actor, id);
    return { places: row ? [issuerPlace(row.inspection)] : [] };
  },
  purposes: { [SIGNED_SCAN_PURPOSE]: { accept: ['pdf', 'jpeg', 'png', 'heic'], maxFiles: 10 } },
});
