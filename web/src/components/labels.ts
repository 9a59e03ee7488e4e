import type { AgencyKind, UnitKind } from '../../../shared/api/registry.schemas.js';
import type { RoleName } from '../../../shared/api/session.schemas.js';
import type { MessageKey } from '../i18n/messages.vi.js';

// Runtime lists mirror shared/api (importing those values would pull zod into the bundle);
// `satisfies` keeps each list complete and correct.
export const unitKindList = [
  'country', 'province', 'city', 'district', 'town', 'provincial_city', 'ward', 'commune', 'township',
  'special_zone',
] as const satisfies readonly UnitKind[];

export const agencyKindList = [
  'peoples_committee', 'department', 'office', 'public_service_unit', 'one_stop_desk',
  'reception_point', 'other',
] as const satisfies readonly AgencyKind[];

export const roleList = ['admin', 'leader', 'secretariat', 'inspector', 'unit_officer'] as const satisfies readonly RoleName[];

type Exhaustive<List extends readonly string[], Union extends string> = [Union] extends [List[number]] ? true : never;
// Compile-time checks that no kind or role is missing from the lists above.
const unitKindsComplete: Exhaustive<typeof unitKindList, UnitKind> = true;
const agencyKindsComplete: Exhaustive<typeof agencyKindList, AgencyKind> = true;
const rolesComplete: Exhaustive<typeof roleList, RoleName> = true;
void [unitKindsComplete, agencyKindsComplete, rolesComplete];

export const unitKindKey = (kind: UnitKind): MessageKey => `unitKind.${kind}`;
export const agencyKindKey = (kind: AgencyKind): MessageKey => `agencyKind.${kind}`;
export const roleKey = (role: RoleName): MessageKey => `role.${role}`;
