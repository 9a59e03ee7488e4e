import { sql, type SQL } from 'drizzle-orm';
import type { ChecklistAbilities } from '../../../shared/api/checklists.schemas.js';
import type { GuardedResource } from '../../authz/guard.js';
import { idsOfPath } from '../../authz/grants.js';
import { agencyColumns, agencyInReach, inReach, type Place } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { issuerPlace } from '../plans/plans.policy.js';
import type { InspectionRow } from '../inspections/inspections.repository.js';
import { findVisibleTemplate, type TemplateFamily, type TemplateRow } from './templates.repository.js';

/**
 * Who sees and changes checklists (shared/domain/capabilities.ts):
 *  - a template is placed by its owner agency: read where `checklist.read` reaches it and by
 *    everyone below it; drafted, published and versioned where `checklist.manage` reaches it;
 *  - an inspection's checklists and findings are read by whoever sees the inspection
 *    (inspections.policy.ts `visibleInspections`: an unannounced visit stays secret from the
 *    unit until it starts) and filled by the team — an inspector on its team, or the standing
 *    office recording a visit — never by the inspected unit, whatever it can read.
 */

/** SQL on an owner agency alias: the actor may read the templates it owns. */
export function templateOwnerVisible(actor: Actor, ownerAlias: string): SQL {
  const ancestors = [...new Set(actor.roles.filter((g) => g.role !== 'unit_officer').flatMap((g) => idsOfPath(g.unitPath)))];
  const above = ancestors.length ? sql`${sql.raw(ownerAlias)}.unit_id in (${sql.join(ancestors.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
  return sql`(${agencyInReach(actor, 'checklist.read', agencyColumns(ownerAlias))} or ${above})`;
}

export const templatePlace = (row: { ownerUnitPath: string; ownerPath: string }): Place => ({ unitPath: row.ownerUnitPath, agencyPath: row.ownerPath });

export type TemplateAction = 'update' | 'publish' | 'new_version';

export const templateResource: GuardedResource<TemplateRow, TemplateAction> = {
  name: 'checklist template',
  findVisible: findVisibleTemplate,
  allows: (actor, row) => inReach(actor, 'checklist.manage', templatePlace(row)),
  refusal(row, action) {
    if ((action === 'update' || action === 'publish') && row.status !== 'draft') return 'a published template is frozen: make a new version to change it';
    if (action === 'new_version' && row.status !== 'published') return 'publish the draft first; a draft may be edited as it is';
    return null;
  },
};

/**
 * Versions never fork: a new version is made only from the latest published revision while no
 * draft of the code is open, and a draft older than the latest published one is never published.
 */
export function templateFamilyRefusal(row: TemplateRow, family: TemplateFamily, action: 'publish' | 'new_version'): string | null {
  if (action === 'new_version' && row.revision !== family.latestPublished) return `revision ${family.latestPublished} is the latest published: make the new version from it`;
  if (action === 'new_version' && family.draftId !== null) return `a draft (revision ${family.draftRevision}) of this checklist is open: edit and publish it first`;
  if (action === 'publish' && row.revision < family.latestPublished) return `revision ${family.latestPublished} was published after this draft: make a new version from it instead`;
  return null;
}

export function templateAbilities(actor: Actor, row: TemplateRow, family: TemplateFamily) {
  const manages = inReach(actor, 'checklist.manage', templatePlace(row));
  return {
    update: manages && row.status === 'draft',
    publish: manages && row.status === 'draft' && templateFamilyRefusal(row, family, 'publish') === null,
    newVersion: manages && row.status === 'published' && templateFamilyRefusal(row, family, 'new_version') === null,
  };
}

/**
 * Whether the actor works on this inspection's checklists: an inspector on its team, or the
 * standing office of the issuing authority (recording a visit). The inspected unit never.
 */
export function fillsChecklistsOf(actor: Actor, row: InspectionRow): boolean {
  const place = issuerPlace(row);
  return inReach(actor, 'inspection.conduct', place) && (inReach(actor, 'inspection.schedule', place) || row.actorOnTeam);
}

/** The inspection's state refuses work on its checklists: closed or cancelled. */
export function checklistsFrozen(row: InspectionRow): string | null {
  if (row.status === 'closed') return 'the inspection is closed: its checklists and findings are final';
  if (row.status === 'cancelled') return 'the inspection was cancelled';
  return null;
}

/** 403 when the actor may not work on the checklists; 409 INVALID_STATE when the inspection is over. */
export function assertFills(actor: Actor, row: InspectionRow): void {
  if (!fillsChecklistsOf(actor, row)) throw new AppError('FORBIDDEN', 'only the inspection team fills its checklists');
  const frozen = checklistsFrozen(row);
  if (frozen) throw new AppError('INVALID_STATE', frozen);
}

export function checklistAbilities(actor: Actor, row: InspectionRow): ChecklistAbilities {
  const can = fillsChecklistsOf(actor, row) && checklistsFrozen(row) === null;
  return { fill: can, addChecklist: can, recordFindings: can };
}
