import { registerRecordAccess } from '../../files/record-access.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisibleInspection } from '../inspections/inspections.repository.js';
import { inspectionOfVisibleItem } from './checklists.repository.js';
import { evidencePurposes } from './evidence.js';

/**
 * Files of a checklist item (photos and files of its evidence): read by whoever sees the
 * inspection; added and removed only through the checklist's evidence endpoints, which keep the
 * evidence row (capture time, device id) with the file — so never through /api/files.
 */
registerRecordAccess('checklist_item', {
  async canRead(db, actor, id) {
    return (await inspectionOfVisibleItem(db, actor, id)) !== null;
  },
  async canAttach() {
    return false;
  },
  async auditScope(db, actor, id) {
    const found = await inspectionOfVisibleItem(db, actor, id);
    const inspection = found ? await findVisibleInspection(db, actor, found.inspectionId) : null;
    return { places: inspection ? [issuerPlace(inspection)] : [] };
  },
  purposes: evidencePurposes,
});
