import type { Actor } from '../../http/actor.js';
import type { InspectionRow } from '../inspections/inspections.repository.js';
import { checklistsFrozen, fillsChecklistsOf } from '../checklists/checklists.policy.js';
import type { FindingRow } from './findings.repository.js';

/**
 * Findings follow their inspection's checklists (checklists.policy.ts): read by whoever sees the
 * inspection, recorded and edited by its team (or the office) until the inspection is closed;
 * a withdrawn finding is kept for the record and changes no more.
 */
export function findingAbilities(actor: Actor, inspection: InspectionRow, row: FindingRow) {
  const can = fillsChecklistsOf(actor, inspection) && checklistsFrozen(inspection) === null && row.withdrawnAt === null;
  return { update: can, withdraw: can };
}
