import type { DbOrTx } from '../../db/client.js';
import { registerRecordAccess, type RecordAccessResolver } from '../../files/record-access.js';
import type { Actor } from '../../http/actor.js';
import { issuerPlace, planRoles } from './plans.policy.js';
import { findVisiblePlan } from './plans.repository.js';

/**
 * File access for a record of a People's Committee's cycle (a plan, a team): whoever may see the
 * record reads its files; the standing office and the leader attach and remove them. Purposes:
 * the scan of the signed, sealed original, and supporting documents.
 */
export function committeeRecordAccess(find: (db: DbOrTx, actor: Actor, id: string) => Promise<{ issuerUnitPath: string; issuerPath: string } | null>): RecordAccessResolver {
  return {
    async canRead(db, actor, id) {
      return (await find(db, actor, id)) !== null;
    },
    async canAttach(db, actor, id) {
      const record = await find(db, actor, id);
      if (!record) return false;
      const roles = planRoles(actor, issuerPlace(record));
      return roles.drafter || roles.issuer;
    },
    async auditScope(db, actor, id) {
      const record = await find(db, actor, id);
      return { places: record ? [issuerPlace(record)] : [] };
    },
    purposes: {
      signed_scan: { accept: ['pdf', 'jpeg', 'png', 'heic'], maxFiles: 10 },
      supporting: { maxFiles: 50 },
    },
  };
}

registerRecordAccess('plan', committeeRecordAccess(findVisiblePlan));
