import { registerRecordAccess } from '../../files/record-access.js';
import { recordsSelfInspection, selfInspectionPlace } from './self-inspections.policy.js';
import { findVisibleSelfInspection } from './self-inspections.repository.js';

/**
 * Files of a self-inspection: whoever sees it reads them (the unit, the office above); only the
 * unit's officer attaches and removes them. Purposes: the signed plan (`plan_document`, PDF or
 * .docx, one) and the results report with its annexes (`results_document`).
 */
registerRecordAccess('self_inspection', {
  async canRead(db, actor, id) {
    return (await findVisibleSelfInspection(db, actor, id)) !== null;
  },
  async canAttach(db, actor, id) {
    const row = await findVisibleSelfInspection(db, actor, id);
    return !!row && recordsSelfInspection(actor, row);
  },
  async auditScope(db, actor, id) {
    const row = await findVisibleSelfInspection(db, actor, id);
    return row ? { places: [selfInspectionPlace(row)] } : { places: [] };
  },
  purposes: {
    plan_document: { accept: ['pdf', 'docx'], maxFiles: 1 },
    results_document: { accept: ['pdf', 'docx', 'xlsx'], maxFiles: 10 },
  },
});
