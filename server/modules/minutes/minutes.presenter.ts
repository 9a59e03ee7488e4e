import type { Minutes, MinutesContent } from '../../../shared/api/minutes.schemas.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import type { DbOrTx } from '../../db/client.js';
import { listAttachments } from '../../files/attachments.js';
import type { Actor } from '../../http/actor.js';
import { MINUTES_OWNER_TYPE, SIGNED_SCAN_PURPOSE } from './minutes.files.js';
import { minutesAbilities } from './minutes.policy.js';
import type { MinutesRow } from './minutes.repository.js';

export async function presentMinutes(db: DbOrTx, actor: Actor, row: MinutesRow): Promise<Minutes> {
  const scans = await listAttachments(db, { ownerType: MINUTES_OWNER_TYPE, ownerId: row.id }, SIGNED_SCAN_PURPOSE);
  return {
    id: row.id,
    inspectionId: row.inspectionId,
    inspectionKind: row.inspection.kind,
    agencyId: row.inspection.agencyId,
    agencyName: row.inspection.agencyName,
    teamName: row.inspection.teamName,
    status: row.status as Minutes['status'],
    content: row.content as MinutesContent,
    documentNumber: row.number !== null && row.symbol ? formatDocumentNumber(row.number, row.symbol) : null,
    finalizedOn: row.finalizedOn,
    signedScans: scans.reverse().map((s) => ({ id: s.id, fileName: s.fileName, uploadedAt: s.createdAt.toISOString() })),
    abilities: minutesAbilities(actor, row),
    version: row.version,
  };
}
