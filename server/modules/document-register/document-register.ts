import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { formatVietnameseDate } from '../../../shared/domain/calendar/dates.js';
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

/** A register's order from its latest dated entry: the greatest date, then the highest number (numbers follow dates). */
const latestFirst = [desc(documentRegisterEntry.issuedOn), desc(documentRegisterEntry.number)] as const;

/** The register's latest dated entry (the highest number among those of that date), or null for an empty register. */
export async function lastInRegister(tx: DbOrTx, agencyId: string, year: number): Promise<{ number: number; symbol: string; issuedOn: string } | null> {
  const [row] = await tx
    .select({ number: documentRegisterEntry.number, symbol: documentRegisterEntry.symbol, issuedOn: documentRegisterEntry.issuedOn })
    .from(documentRegisterEntry)
    .where(and(eq(documentRegisterEntry.agencyId, agencyId), eq(documentRegisterEntry.year, year)))
    .orderBy(...latestFirst)
    .limit(1);
  return row ?? null;
}

/**
 * Numbers follow dates (Decree 30 Điều 15: the number is the document's order in the year): a
 * document dated before the register's latest dated entry would take a higher number than a
 * later one — how back-dating shows. 400 at the date field, `before_last_in_register`, naming
 * that entry (its number and dd/mm/yyyy date) for the message. The same day is fine.
 *
 * Invariant: called after allocateDocumentNumber in the same transaction, as its own statement.
 * The counter row's lock is then held, so no other issue of this register can commit until this
 * one ends; and under READ COMMITTED each statement reads a fresh snapshot, so this query sees
 * every entry committed by the issue that held the lock before us. (One statement with the upsert
 * would read the snapshot taken before it waited for the lock, and miss that entry.) A refusal
 * throws, the transaction rolls back and the number is returned with it.
 */
async function refuseBeforeLastInRegister(tx: Tx, agencyId: string, year: number, issuedOn: string, dateField: string): Promise<void> {
  const last = await lastInRegister(tx, agencyId, year);
  if (!last || issuedOn >= last.issuedOn) return;
  const documentNumber = formatDocumentNumber(last.number, last.symbol);
  const reason = `the register's last number ${documentNumber} is dated ${last.issuedOn}: a document of an earlier date cannot take a later number`;
  throw new AppError('VALIDATION_FAILED', reason, [
    { name: dateField, code: 'before_last_in_register', reason, params: { documentNumber, issuedOn: formatVietnameseDate(last.issuedOn) } },
  ]);
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
  /** The request field the issue date came from, for a refusal (`before_last_in_register`); body.issuedOn unless told. */
  dateField?: string;
  /**
   * The document is dated by the event it records, not by its issue: minutes carry the day of the
   * meeting, fixed within the visit, and are often typed and numbered days later, after the office
   * has numbered later-dated documents. Their number may then follow a later date; refusing would
   * leave the visit's minutes never numbered (docs/decisions/document-numbering.md).
   */
  datedByEvent?: boolean;
  /**
   * Today (Vietnamese time) for a document issued now: a later date is refused 400 `in_future` at
   * the date field. A number taken for a future day would lock the register until then (numbers
   * follow dates), and an issued entry cannot be changed. Unset only for history and demo data.
   */
  notAfter?: string;
}

async function agencyAbbreviation(tx: DbOrTx, agencyId: string): Promise<string> {
  const [row] = await tx.select({ abbr: agency.docAbbreviation }).from(agency).where(eq(agency.id, agencyId));
  if (!row) throw AppError.notFound('agency');
  if (!row.abbr) throw new AppError('INVALID_STATE', 'the issuing agency has no document abbreviation (docAbbreviation) in the registry');
  return row.abbr;
}

/** Registers an issued document with the next number (or a recorded one), audited in the same transaction. */
export async function registerDocument(tx: Tx, ctx: RequestContext | SystemContext, input: RegisterDocumentInput): Promise<RegisterEntryRow> {
  if (input.notAfter && input.issuedOn > input.notAfter) {
    throw AppError.invalid(input.dateField ?? 'body.issuedOn', 'in_future', `a document cannot be dated after today (${input.notAfter})`);
  }
  const year = Number(input.issuedOn.slice(0, 4));
  const symbol = documentSymbol(input.typeCode, await agencyAbbreviation(tx, input.agencyId), input.draftingUnitAbbreviation);
  let number: number;
  if (input.existingNumber === undefined) {
    number = await allocateDocumentNumber(tx, input.agencyId, year);
    if (!input.datedByEvent) await refuseBeforeLastInRegister(tx, input.agencyId, year, input.issuedOn, input.dateField ?? 'body.issuedOn');
  } else {
    // A number recorded from the past is what was issued then: it is kept as it is, in or out of date order.
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

/** The register of the agency for the year, by number; `latestOnly`: its latest dated entry alone (as lastInRegister). */
export async function listRegister(tx: DbOrTx, agencyId: string, year: number, opts: { latestOnly?: boolean } = {}) {
  const query = tx
    .select({ entry: documentRegisterEntry, agencyName: agency.name })
    .from(documentRegisterEntry)
    .innerJoin(agency, eq(agency.id, documentRegisterEntry.agencyId))
    .where(and(eq(documentRegisterEntry.agencyId, agencyId), eq(documentRegisterEntry.year, year)));
  return opts.latestOnly ? query.orderBy(...latestFirst).limit(1) : query.orderBy(asc(documentRegisterEntry.number));
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
