import { sql, type SQL } from 'drizzle-orm';
import type { Abilities } from '../../../shared/api/common.js';
import type { RoleName } from '../../../shared/api/session.schemas.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';

/** Who maintains the registry: admins, and the standing office (secretariat) within its scope. */
export const REGISTRY_EDITORS: RoleName[] = ['admin', 'secretariat'];
/** A unit officer may keep their own agency's contact details current, nothing more. */
export const AGENCY_CONTACT_EDITORS: RoleName[] = ['admin', 'secretariat', 'unit_officer'];
export const AGENCY_CONTACT_FIELDS = ['shortName', 'headName', 'headTitle', 'phone', 'email', 'address'] as const;

const roleArray = (roles: RoleName[]) => sql`ARRAY[${sql.join(roles.map((r) => sql`${r}`), sql`, `)}]::text[]`;

/** SQL: the ids of units the actor may see (scope plus ancestors). */
export const visibleUnits = (actor: Actor): SQL => sql`(select actor_visible_units(${actor.userId}::uuid))`;
/** SQL: the ids of units in scope of the actor's grants of these roles. */
export const scopeUnits = (actor: Actor, roles: RoleName[]): SQL =>
  sql`(select actor_scope_units(${actor.userId}::uuid, ${roleArray(roles)}))`;
/** SQL: the ids of agencies in scope of the actor's grants of these roles (all roles = visible). */
export const scopeAgencies = (actor: Actor, roles: RoleName[] = ['admin', 'leader', 'secretariat', 'inspector', 'unit_officer']): SQL =>
  sql`(select actor_scope_agencies(${actor.userId}::uuid, ${roleArray(roles)}))`;

async function inSet(tx: DbOrTx, id: string, set: SQL): Promise<boolean> {
  const rows = await queryRows<{ ok: boolean }>(tx, sql`select ${id}::uuid in ${set} as ok`);
  return rows[0]?.ok === true;
}

export const canEditUnit = (tx: DbOrTx, actor: Actor, unitId: string) => inSet(tx, unitId, scopeUnits(actor, REGISTRY_EDITORS));
export const canManageAgency = (tx: DbOrTx, actor: Actor, agencyId: string) => inSet(tx, agencyId, scopeAgencies(actor, REGISTRY_EDITORS));
export const canEditAgencyContacts = (tx: DbOrTx, actor: Actor, agencyId: string) =>
  inSet(tx, agencyId, scopeAgencies(actor, AGENCY_CONTACT_EDITORS));

export async function unitAbilities(tx: DbOrTx, actor: Actor, unitId: string): Promise<Abilities> {
  const edit = await canEditUnit(tx, actor, unitId);
  return { update: edit, deactivate: edit };
}

export async function agencyAbilities(tx: DbOrTx, actor: Actor, agencyId: string): Promise<Abilities> {
  const manage = await canManageAgency(tx, actor, agencyId);
  return { update: manage || (await canEditAgencyContacts(tx, actor, agencyId)), deactivate: manage };
}
