import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MinutesContent } from '../../../shared/api/minutes.schemas.js';
import { fileAttachment, inspection, inspectionMinutes } from '../schema/index.js';
import type { Tx } from '../client.js';
import { freezeIssuedDocument } from '../../documents/issued-documents.js';
import { DatabaseBackend } from '../../files/backends.js';
import { FileStorage } from '../../files/file-storage.js';
import { samplePdf } from '../../files/sample-files.js';
import { registerDocument } from '../../modules/document-register/document-register.js';
import { findInspection } from '../../modules/inspections/inspections.repository.js';
import { minutesDocument } from '../../modules/minutes/minutes-document.js';
import { MINUTES_OWNER_TYPE, SIGNED_SCAN_PURPOSE } from '../../modules/minutes/minutes.files.js';
import { draftMinutesContent } from '../../modules/minutes/minutes-source.js';
import { standingBodyForAgency } from '../../modules/registry/registry.repository.js';
import type { IssuesInDateOrder } from './demo-register-order.js';

const SYSTEM = { actor: null, ip: null, requestId: null } as const;

/**
 * Signed minutes for every 2021 visit that has begun (under way or closed): drafted from the
 * checklists and findings as the team would (minutes-source.ts), the unit's comment, finalised
 * with a BB number of the standing body's register, frozen, and the signed scan attached.
 */
export async function seedDemoMinutes(tx: Tx, ids: { planId: string; createdBy: string }, register: IssuesInDateOrder) {
  const visits = await tx
    .select({ id: inspection.id, startsOn: inspection.startsOn })
    .from(inspection)
    .where(and(eq(inspection.planId, ids.planId), inArray(inspection.status, ['under_way', 'closed'])))
    .orderBy(asc(inspection.startsOn));
  const files = new FileStorage(new DatabaseBackend(), Number.MAX_SAFE_INTEGER);
  // Signed on the visit's first day (minutes-source.ts: heldOn), numbered in date order with the
  // office's notices and escalation (seedDemo runs the queue).
  for (const v of visits) register.add(v.startsOn, () => finalizeDemoMinutes(tx, v.id, ids.createdBy, files));
  return { minutes: visits.length };
}

/** The minutes of one visit, finalised and numbered, frozen, with the signed scan. */
async function finalizeDemoMinutes(tx: Tx, inspectionId: string, createdBy: string, files: FileStorage) {
  const row = (await findInspection(tx, inspectionId))!;
  const drafted = await draftMinutesContent(tx, row);
  const content: MinutesContent = {
    ...drafted,
    closingTime: '11:00',
    unitSignerName: drafted.unitSignerName || 'Trần Văn An',
    unitRepresentatives: drafted.unitRepresentatives.length ? drafted.unitRepresentatives : [{ name: 'Ông Trần Văn An', position: `Chủ tịch ${row.agencyName}` }],
    unitComments: ['Đơn vị thống nhất với nội dung biên bản và cam kết khắc phục các hạn chế, tồn tại đã nêu.'],
  };
  const id = crypto.randomUUID();
  const entry = await registerDocument(tx, SYSTEM, {
    agencyId: (await standingBodyForAgency(tx, row.issuingAgencyId)) ?? row.issuingAgencyId,
    typeCode: 'bien_ban',
    summary: content.summary,
    issuedOn: content.heldOn,
    signerName: content.teamLeaderName,
    signerPosition: 'TRƯỞNG ĐOÀN KIỂM TRA',
    subjectType: 'inspection_minutes',
    subjectId: id,
  });
  await tx.insert(inspectionMinutes).values({ id, inspectionId: row.id, status: 'final', content, registerEntryId: entry.id, finalizedOn: content.heldOn, createdBy });
  await freezeIssuedDocument(tx, SYSTEM, minutesDocument, { subjectId: id, registerEntryId: entry.id });
  const pdf = samplePdf(`Bien ban kiem tra ${entry.number} da ky`);
  const stored = await files.storeBytes(tx, pdf, 'application/pdf');
  await tx.insert(fileAttachment).values({ sha256: stored.sha256, ownerType: MINUTES_OWNER_TYPE, ownerId: id, purpose: SIGNED_SCAN_PURPOSE, fileName: `bien-ban-da-ky-${entry.number}.pdf`, mediaType: 'application/pdf', size: pdf.length, createdBy });
}
