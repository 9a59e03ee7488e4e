import type { RoleName } from '../../../../shared/api/session.schemas.js';
import { appUser, userRole } from '../../schema/index.js';
import { hashPassword } from '../../../modules/session/passwords.js';
import { bulkInsert } from './bulk.js';
import type { ScaleGenerator, UserRef } from './context.js';
import { personName, seededUuid } from './names.js';

/**
 * Accounts for every role: a national admin and leader (Bộ Nội vụ); per province an admin, a
 * leader, two standing-office staff and five inspectors; per commune its officer (đầu mối) and
 * leader. One argon2 hash serves them all (the password is an option).
 */
export const peopleGenerator: ScaleGenerator = {
  name: 'people',
  async run(ctx) {
    const { rnd, registry } = ctx;
    const passwordHash = await hashPassword(ctx.options.password);
    const users: (typeof appUser.$inferInsert)[] = [];
    const roles: (typeof userRole.$inferInsert)[] = [];
    const all: UserRef[] = [];
    const add = (username: string, grants: { role: RoleName; agencyId: string }[]): UserRef => {
      const ref = { id: seededUuid(rnd), username, fullName: personName(rnd) };
      users.push({ ...ref, passwordHash, email: `${username}@example.gov.vn` });
      for (const g of grants) roles.push({ id: seededUuid(rnd), userId: ref.id, ...g });
      all.push(ref);
      return ref;
    };

    const nationalAdmin = add('admin.tw', [{ role: 'admin', agencyId: registry.ministryId }]);
    add('lanhdao.tw', [{ role: 'leader', agencyId: registry.ministryId }]);
    const u = {
      provinceAdmin: new Map<string, UserRef>(),
      provinceLeader: new Map<string, UserRef>(),
      provinceSecretariat: new Map<string, UserRef[]>(),
      provinceInspectors: new Map<string, UserRef[]>(),
      communeOfficer: new Map<string, UserRef>(),
      communeLeader: new Map<string, UserRef>(),
    };
    for (const p of registry.provinces) {
      u.provinceAdmin.set(p.code, add(`admin.t${p.code}`, [{ role: 'admin', agencyId: p.committeeId }]));
      u.provinceLeader.set(p.code, add(`lanhdao.t${p.code}`, [{ role: 'leader', agencyId: p.committeeId }]));
      u.provinceSecretariat.set(p.code, [1, 2].map((i) => add(`thuongtruc.t${p.code}.${i}`, [{ role: 'secretariat', agencyId: p.homeAffairsId }])));
      u.provinceInspectors.set(
        p.code,
        [1, 2, 3, 4, 5].map((i) => add(`kiemtra.t${p.code}.${i}`, [{ role: 'inspector', agencyId: p.departmentIds[(i - 1) % p.departmentIds.length] }])),
      );
      for (const c of p.communes) {
        u.communeOfficer.set(c.code, add(`daumoi.x${c.code}`, [{ role: 'unit_officer', agencyId: c.committeeId }]));
        u.communeLeader.set(c.code, add(`lanhdao.x${c.code}`, [{ role: 'leader', agencyId: c.committeeId }]));
      }
    }
    await bulkInsert(ctx.db, appUser, users);
    await bulkInsert(ctx.db, userRole, roles);
    ctx.users = { all, nationalAdmin, ...u };
    return { app_user: users.length, user_role: roles.length };
  },
};
