import { and, asc, eq, sql } from 'drizzle-orm';
import { documentSymbol, formatDocumentNumber, type DocumentTypeCode } from '../../../shared/domain/document-types.js';
import type { RegisterEntry } from '../../../shared/api/documents.schemas.js';
import { agency, documentRegisterEntry } from '../../db/schema/index.js';
import { queryRows, type DbOrTx, type Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit, type SystemContext } from '../audit/audit-log.js';

/**
 * The document register (sổ đăng ký văn bản đi) and its numbering, per Decree 30/2020 Điều 15:
 * each issuing agency numbers its documents from 01 on 1 January to 31 December, one sequence
 * per agency and year shared by all document types (docs/decisions/document-numbering.md).
 */

export type RegisterEntryRow = typeof documentRegisterEntry.$inferSelect;

/**
 * Takes the next number of the agency for the year. Must run inside the issuing transaction:
 * the upsert locks the counter row until commit, so concurrent issues wait for each other
 * (never a duplicate), and a rollback returns the number (never a gap).
 */
export async function allocateDocumentNumber(tx: Tx, agencyId: string, year: number): Promise<number> {
  const [row] = await queryRows<{ number: number }>(
    tx,
    sql`insert into document_counter (agency_id, year, next_number) values (${agencyId}::uuid, ${year}, 2)
        on conflict (agency_id, year) do update set next_number = document_counter.next_number + 1, updated_at = now()
        returning next_number - 1 as number`,
  );
  return Number(row.number);
}

export interface RegisterDocumentInput {
  agencyId: string;
  typeCode: DocumentTypeCode;
  summary: string;
  issuedOn: string;
  signerName: string;
  signerPosition: string;
  /** What the entry was issued for ('plan', 'team', later 'inspection', 'report'…); null for a document kept only in the register. */
  subjectType?: string | null;
  subjectId?: string | null;
  draftingUnitAbbreviation?: string | null;
  /**
   * Records a number given outside the app (documents issued before it was used, demo data);
   * the counter then continues after it. Never used by the issuing use cases.
   */
  existingNumber?: number;
}

async function agencyAbbreviation(tx: DbOrTx, agencyId: string): Promise<string> {
  const [row] = await tx.select({ abbr: agency.docAbbreviation }).from(agency).where(eq(agency.id, agencyId));
  if (!row) throw AppError.notFound('agency');
  if (!row.abbr) throw new AppError('INVALID_STATE', 'the issuing agency has no document abbreviation (docAbbreviation) in the registry');
  return row.abbr;
}

/** Registers an issued document with the next number (or a recorded one), audited in the same transaction. */
export async function registerDocument(tx: Tx, ctx: RequestContext | SystemContext, input: RegisterDocumentInput): Promise<RegisterEntryRow> {
  const year = Number(input.issuedOn.slice(0, 4));
  const symbol = documentSymbol(input.typeCode, await agencyAbbreviation(tx, input.agencyId), input.draftingUnitAbbreviation);
  let number: number;
  if (input.existingNumber === undefined) {
    number = await allocateDocumentNumber(tx, input.agencyId, year);
  } else {
    number = input.existingNumber;
    await tx.execute(sql`insert into document_counter (agency_id, year, next_number) values (${input.agencyId}::uuid, ${year}, ${number + 1})
      on conflict (agency_id, year) do update set next_number = greatest(document_counter.next_number, excluded.next_number), updated_at = now()`);
  }
  const [row] = await tx
    .insert(documentRegisterEntry)
    .values({
      agencyId: input.agencyId,
      year,
      number,
      typeCode: input.typeCode,
      symbol,
      summary: input.summary,
      issuedOn: input.issuedOn,
      signerName: input.signerName,
      signerPosition: input.signerPosition,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      createdBy: ctx.actor?.userId ?? null,
    })
    .returning();
  await recordAudit(tx, ctx, { action: 'document.registered', entityType: 'document_register_entry', entityId: row.id, scope: { agencies: [row.agencyId] }, after: row });
  return row;
}

export async function findRegisterEntry(tx: DbOrTx, id: string | null): Promise<RegisterEntryRow | null> {
  if (!id) return null;
  const [row] = await tx.select().from(documentRegisterEntry).where(eq(documentRegisterEntry.id, id));
  return row ?? null;
}

export async function listRegister(tx: DbOrTx, agencyId: string, year: number) {
  return tx
    .select({ entry: documentRegisterEntry, agencyName: agency.name })
    .from(documentRegisterEntry)
    .innerJoin(agency, eq(agency.id, documentRegisterEntry.agencyId))
    .where(and(eq(documentRegisterEntry.agencyId, agencyId), eq(documentRegisterEntry.year, year)))
    .orderBy(asc(documentRegisterEntry.number));
}

export function presentRegisterEntry(row: RegisterEntryRow, agencyName: string): RegisterEntry {
  return {
    id: row.id,
    agencyId: row.agencyId,
    agencyName,
    year: row.year,
    number: row.number,
    typeCode: row.typeCode as RegisterEntry['typeCode'],
    symbol: row.symbol,
    documentNumber: formatDocumentNumber(row.number, row.symbol),
    summary: row.summary,
    issuedOn: row.issuedOn,
    signerName: row.signerName,
    signerPosition: row.signerPosition,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    createdAt: row.createdAt.toISOString(),
  };
}
