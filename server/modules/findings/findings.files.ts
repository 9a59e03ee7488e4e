import { registerRecordAccess } from '../../files/record-access.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisibleInspection } from '../inspections/inspections.repository.js';
import { checklistsFrozen, fillsChecklistsOf } from '../checklists/checklists.policy.js';
import { findVisibleFinding } from './findings.repository.js';

/** Files of a finding (a free finding's own evidence): read with the inspection; the team attaches them. */
registerRecordAccess('finding', {
  async canRead(db, actor, id) {
    return (await findVisibleFinding(db, actor, id)) !== null;
  },
  async canAttach(db, actor, id) {
    const row = await findVisibleFinding(db, actor, id);
    const inspection = row ? await findVisibleInspection(db, actor, row.inspectionId) : null;
    return !!row && !!inspection && row.withdrawnAt === null && fillsChecklistsOf(actor, inspection) && checklistsFrozen(inspection) === null;
  },
  async auditScope(db, actor, id) {
    const row = await findVisibleFinding(db, actor, id);
    const inspection = row ? await findVisibleInspection(db, actor, row.inspectionId) : null;
    return { places: inspection ? [issuerPlace(inspection)] : [] };
  },
  purposes: { evidence: { accept: ['pdf', 'docx', 'xlsx', 'jpeg', 'png', 'heic'], maxFiles: 20 } },
});
