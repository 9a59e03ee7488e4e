import { randomUUID } from 'node:crypto';
import { inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { createAgencyBody, createUnitBody, type ImportResult } from '../../../shared/api/registry.schemas.js';
import { agency, unit } from '../../db/schema/index.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { insertRowsAsJson } from '../../db/bulk-insert.js';
import { pacer, yieldToRequests } from '../../db/yield-to-requests.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit, recordAudits } from '../audit/audit-log.js';
import { createAgency } from './create-agency.js';
import { deactivateAgency } from './deactivate-agency.js';
import { updateAgency } from './update-agency.js';
import { findVisibleAgency, findVisibleUnit, findVisibleUnits, listAgencies, type AgencyRow, type UnitRow } from './registry.repository.js';
import { mayAddAgencyIn, mayAddUnitUnder } from './registry.policy.js';
import { holdsAnywhere } from '../../authz/scope.js';
import { vietnameseSortKey } from '../../../shared/domain/vietnamese.js';
import { AGENCY_SHEET, agencyKindFrom, UNIT_SHEET, unitKindFrom } from './registry-sheets.js';
import type { Cells, Sheet, SheetRow } from './registry-workbook.js';

export { MAX_REGISTRY_IMPORT_ROWS, readRegistryWorkbook, REGISTRY_XLSX_LIMITS, WorkbookRejected } from './registry-workbook.js';
import { createUnit } from './create-unit.js';
import { deactivateUnit } from './deactivate-unit.js';
import { updateUnit } from './update-unit.js';
import { asFieldErrorCode, type FieldErrorCode } from '../../../shared/api/errors.js';

type Rejection = ImportResult['rejected'][number];

class RowRejected extends Error {
  constructor(readonly field: string | null, readonly code: FieldErrorCode, message: string) {
    super(message);
  }
}
class DryRunRollback extends Error {}


/** dd/mm/yyyy (what users type) or yyyy-mm-dd → yyyy-mm-dd; '' → null. */
function parseDate(text: string, field: string): string | null {
  if (!text) return null;
  let iso = text;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (vn) iso = `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}`;
  const ok = z.iso.date().safeParse(iso);
  if (!ok.success) throw new RowRejected(field, 'invalid_date', `"${text}" is not a date (dd/mm/yyyy)`);
  return iso;
}

function parseActive(text: string): boolean {
  return !/^(không|khong|no|false|0)$/i.test(text.trim());
}


function zodRejection(error: z.ZodError): RowRejected {
  const issue = error.issues[0];
  return new RowRejected(String(issue.path[0] ?? ''), asFieldErrorCode(issue.code), issue.message);
}

function requireKind<K>(text: string, from: (v: string) => K | null): K {
  if (!text) throw new RowRejected('kind', 'required', 'the kind is required');
  const kind = from(text);
  if (!kind) throw new RowRejected('kind', 'invalid_kind', `unknown kind "${text}"`);
  return kind;
}

/**
 * The fields of a parsed row that differ from the stored record, among the columns the sheet
 * has: an unchanged row writes nothing and audits nothing, and a unit officer's unchanged rows
 * (their ward's ancestors, say) are not refused for lack of rights.
 */
function changedFields(before: Record<string, unknown>, parsed: Record<string, unknown>, fieldColumns: Record<string, string>, present: Set<string>) {
  const changes: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(fieldColumns)) {
    if (present.has(column) && (parsed[field] ?? null) !== (before[field] ?? null)) changes[field] = parsed[field] ?? null;
  }
  return changes;
}

/**
 * Rows whose code repeats an earlier row of the same sheet are rejected whole: the first row
 * wins, since a code names one record. Returns the rows left to import.
 */
function withoutDuplicates(sheetName: string, rows: SheetRow[], rejected: Rejection[]): SheetRow[] {
  const first = new Map<string, number>();
  return rows.filter((r) => {
    const code = r.cells.code;
    if (!code) return true;
    const seen = first.get(code);
    if (seen === undefined) {
      first.set(code, r.row);
      return true;
    }
    rejected.push({ sheet: sheetName, row: r.row, field: 'code', code: 'duplicate_in_file', message: `the code ${code} is already used on row ${seen}` });
    return false;
  });
}

/**
 * Rows parents first, whatever their order in the file: a row whose parent is another row of the
 * sheet comes after it. Rows that only wait for each other (a cycle) are rejected here.
 */
function parentsFirst(sheetName: string, rows: SheetRow[], rejected: Rejection[]): SheetRow[] {
  const untried = new Set(rows.filter((r) => r.cells.code).map((r) => r.cells.code));
  const ordered: SheetRow[] = [];
  let pending = rows;
  while (pending.length) {
    const waiting: SheetRow[] = [];
    const wave: SheetRow[] = [];
    for (const r of pending) {
      const { code, parentCode } = r.cells;
      if (parentCode && parentCode !== code && untried.has(parentCode)) waiting.push(r);
      else wave.push(r);
    }
    for (const r of wave) untried.delete(r.cells.code);
    ordered.push(...wave);
    if (!wave.length) {
      for (const r of waiting) rejected.push({ sheet: sheetName, row: r.row, field: 'parentCode', code: 'cycle', message: `the parent ${r.cells.parentCode} is its own descendant in the file` });
      break;
    }
    pending = waiting;
  }
  return ordered;
}

/**
 * Rows of the first transaction. Later chunks are sized from the time the last one took, so each
 * holds the database about CHUNK_BUDGET_MS: on the embedded database, other requests run between
 * two chunks, and a bigger chunk spreads the cost of its statements over more rows.
 */
export const IMPORT_CHUNK_ROWS = 25;
/** The time one chunk's transaction aims at (the embedded database serves nobody else meanwhile). */
export const CHUNK_BUDGET_MS = 100;
/** The most rows one chunk takes, however fast they go. */
export const MAX_CHUNK_ROWS = 1_000;
/** The rejections kept and shown for one import. */
export const MAX_REPORTED_REJECTIONS = 500;

/** The rows of the next chunk, from the time per row of the last one. */
export function nextChunkRows(lastRows: number, lastMs: number): number {
  const perRow = lastMs / Math.max(1, lastRows);
  return Math.max(IMPORT_CHUNK_ROWS, Math.min(MAX_CHUNK_ROWS, Math.floor(CHUNK_BUDGET_MS / Math.max(perRow, 0.01))));
}

/** A row the bulk path rejected, with the column and reason the row path would give. */
interface BulkRejection {
  r: SheetRow;
  field: string;
  code: FieldErrorCode;
  message: string;
}

/** A plain create planned for the batch, with the id chosen here. */
type Planned<T> = T & { id: string };

/**
 * How one sheet's rows are run in sets (issue 12 §2: not row by row).
 * - `prepare` loads, in one query per kind, the stored records the chunk's rows name (to update,
 *   or as parents), as the caller may see them; rows then read them from memory.
 * - `plan` says whether a row is a plain create the batch can write (valid, its parent known or
 *   planned earlier in the batch, nothing else to do). Its id is chosen here, so a child goes in
 *   the same statement as its parent (the path triggers see the parent's row: it comes first).
 * - `unchanged` says the row names a stored record and changes nothing: no write, no savepoint.
 * - `write` checks the batch's places and inserts the batch and its audit events in one statement
 *   each; `unplan` forgets a batch the database refused, before its rows go by the row path.
 * Anything else — updates, deactivations, rejections — takes the row path.
 */
interface BulkCreate<T> {
  prepare(tx: Tx, chunk: SheetRow[]): Promise<void>;
  plan(r: SheetRow): Planned<T> | null;
  unchanged(r: SheetRow): boolean;
  write(sp: Tx, batch: { r: SheetRow; values: Planned<T> }[]): Promise<BulkRejection[]>;
  unplan(batch: { r: SheetRow; values: Planned<T> }[]): void;
}

/**
 * Runs the rows of one sheet in order, a chunk per transaction, so the database is never held
 * for long. Plain creates go in batches (BulkCreate); every other row runs in a savepoint of its
 * own, so a bad row is rejected whole. A batch that the database refuses is retried row by row,
 * which names the row. A row whose parent row was rejected (and is not already stored) is
 * rejected too. `exec` is the database (each chunk commits) or, for a dry run, the transaction
 * that will be rolled back (each chunk a savepoint).
 */
async function inChunks<T>(
  exec: DbOrTx,
  sheetName: string,
  rows: SheetRow[],
  stored: (code: string) => boolean,
  rejected: Rejection[],
  progress: Progress,
  run: (sp: Tx, r: SheetRow) => Promise<void>,
  bulk: BulkCreate<T>,
) {
  const failed = new Set<string>();
  const parentRejected = (r: SheetRow) => {
    const { code, parentCode } = r.cells;
    if (!parentCode || !failed.has(parentCode) || stored(parentCode)) return false;
    rejected.push({ sheet: sheetName, row: r.row, field: 'parentCode', code: 'parent_rejected', message: `the parent ${parentCode} was not imported` });
    failed.add(code);
    return true;
  };
  let size = IMPORT_CHUNK_ROWS;
  // Inside a chunk too, between statements: the embedded database stays held (its transaction),
  // but requests that do not need it (/api/health/live, static files) are served.
  const pace = pacer();
  for (let at = 0; at < rows.length; ) {
    const chunk = rows.slice(at, at + size);
    at += chunk.length;
    const started = performance.now();
    await exec.transaction(async (tx) => {
      await bulk.prepare(tx, chunk);
      let batch: { r: SheetRow; values: Planned<T> }[] = [];
      const rowPath = async (r: SheetRow) => {
        if (!(await inSavepoint(tx, sheetName, r.row, rejected, (sp) => run(sp, r)))) failed.add(r.cells.code);
      };
      const flush = async () => {
        if (!batch.length) return;
        const todo = batch;
        batch = [];
        let refused: BulkRejection[];
        try {
          refused = await tx.transaction((sp) => bulk.write(sp, todo));
        } catch (err) {
          // The batch is undone whole (its savepoint); each row again on its own names the culprit.
          console.error(`registry import: a batch of ${todo.length} ${sheetName} rows went row by row:`, (err as { cause?: unknown }).cause ?? err);
          bulk.unplan(todo);
          for (const { r } of todo) if (!parentRejected(r)) await rowPath(r);
          return;
        }
        for (const x of refused) {
          rejected.push({ sheet: sheetName, row: x.r.row, field: x.field, code: x.code, message: x.message });
          failed.add(x.r.cells.code);
        }
      };
      for (const r of chunk) {
        if (parentRejected(r)) continue;
        const values = bulk.plan(r);
        if (values !== null) {
          batch.push({ r, values });
          continue;
        }
        if (bulk.unchanged(r)) continue;
        await flush();
        await rowPath(r);
        await pace();
      }
      await flush();
      await progress(tx, chunk.length);
    });
    size = nextChunkRows(chunk.length, performance.now() - started);
    // Other requests run between two chunks (the embedded database answers them in this thread).
    await yieldToRequests();
  }
}

/**
 * Told, inside each chunk's transaction, how many more rows were done — in a dry run too, where
 * that transaction is a savepoint of the one rolled back at the end (what is written there is lost).
 */
export type Progress = (tx: Tx, rows: number) => Promise<void>;



/**
 * Imports units and agencies from the sheets the export writes. Rows are matched by code:
 * a known code updates (only what changed), a new one creates. Each row runs in its own
 * savepoint, so a bad row is rejected whole (with its sheet, row, field and reason) and never
 * half-imported; good rows go in, a chunk of rows per transaction. Parents may come after their
 * children in the file. With dryRun the same work is done in one transaction and rolled back, so
 * the report is the same and nothing is kept.
 */
export async function importRegistry(
  db: Db,
  ctx: RequestContext,
  sheets: { units: Sheet; agencies: Sheet },
  opts: { dryRun: boolean; progress?: Progress },
): Promise<ImportResult> {
  const result: ImportResult = { units: { created: 0, updated: 0 }, agencies: { created: 0, updated: 0 }, rejected: [], rejectedCount: 0 };
  const progress: Progress = opts.progress ?? (async () => {});
  const work = async (exec: DbOrTx) => {
    await importUnits(exec, ctx, sheets.units, result, progress);
    await importAgencies(exec, ctx, sheets.agencies, new Set(sheets.units.rows.map((r) => r.cells.code)), result, progress);
    const changed = result.units.created + result.units.updated + result.agencies.created + result.agencies.updated;
    if (changed > 0) {
      await exec.transaction((tx) =>
        recordAudit(tx, ctx, {
          action: 'registry.imported',
          entityType: 'registry',
          entityId: null,
          scope: 'author',
          after: { units: result.units, agencies: result.agencies, rejected: result.rejected.length, dryRun: opts.dryRun },
        }),
      );
    }
  };
  if (opts.dryRun) {
    try {
      await db.transaction(async (tx) => {
        await work(tx);
        throw new DryRunRollback();
      });
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
  } else {
    await work(db);
  }
  result.rejected.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === UNIT_SHEET ? -1 : 1));
  result.rejectedCount = result.rejected.length;
  result.rejected = result.rejected.slice(0, MAX_REPORTED_REJECTIONS);
  return result;
}

/** Body fields a use case names in its errors, as the sheet columns the user can find. */
const columnOfField: Record<string, string> = { parentId: 'parentCode', unitId: 'unitCode', parentAgencyId: 'parentCode' };

/** Runs one row in a savepoint; a rejection or a database error rolls back that row only. */
async function inSavepoint(tx: Tx, sheet: string, row: number, rejected: Rejection[], work: (sp: Tx) => Promise<void>): Promise<boolean> {
  try {
    await tx.transaction(async (sp) => work(sp));
    return true;
  } catch (err) {
    if (err instanceof RowRejected) rejected.push({ sheet, row, field: err.field || null, code: err.code, message: err.message });
    else if (err instanceof AppError) {
      const p = err.invalidParams?.[0];
      const field = p?.name.replace(/^body\./, '') ?? null;
      rejected.push({ sheet, row, field: field && (columnOfField[field] ?? field), code: asFieldErrorCode(p?.code ?? err.code.toLowerCase()), message: p?.reason ?? err.detail ?? err.code });
    } else {
      // The database's own words stay in the server log, not in the user's report.
      console.error(`registry import: ${sheet} row ${row}:`, (err as { cause?: unknown }).cause ?? err);
      rejected.push({ sheet, row, field: null, code: 'database_error', message: 'the row could not be saved' });
    }
    return false;
  }
}

/**
 * Codes are official and unique across the installation (GSO codes for units), so a code in use
 * outside the caller's scope cannot be taken: the row is refused without saying whose it is.
 */
const outOfScopeCode = () => new RowRejected('code', 'code_taken', 'this code belongs to a record outside your scope');

async function codeMap(tx: DbOrTx, table: typeof unit | typeof agency) {
  const rows = await tx.select({ id: table.id, code: table.code }).from(table).where(isNotNull(table.code));
  return new Map(rows.map((r) => [r.code!, r.id]));
}

const unitFieldColumns = { name: 'name', kind: 'kind', parentId: 'parentCode', validFrom: 'validFrom', validTo: 'validTo' };

/** A unit row parsed and checked as far as it can be without the database (RowRejected if not). */
function parseUnitRow(c: Cells, byCode: Map<string, string>) {
  if (!c.code) throw new RowRejected('code', 'required', 'the code is required to match rows');
  const kind = requireKind(c.kind, unitKindFrom);
  const parentId = c.parentCode ? byCode.get(c.parentCode) : null;
  if (c.parentCode && !parentId) throw new RowRejected('parentCode', 'parent_not_found', `no unit with code ${c.parentCode}`);
  const parsed = createUnitBody.safeParse({
    code: c.code, name: c.name, kind, parentId,
    validFrom: parseDate(c.validFrom, 'validFrom'), validTo: parseDate(c.validTo, 'validTo'),
  });
  if (!parsed.success) throw zodRejection(parsed.error);
  return { data: parsed.data, active: parseActive(c.active) };
}

/** Whatever the row path would refuse is left to it, which says why; null means "not for the batch". */
function plainCreate<T>(prepare: () => { data: T; active: boolean }): T | null {
  try {
    const { data, active } = prepare();
    return active ? data : null;
  } catch (err) {
    if (err instanceof RowRejected) return null;
    throw err;
  }
}

/** True when the row parses and asks for nothing the stored record does not already have. */
function sameAsStored(prepare: () => { data: Record<string, unknown>; active: boolean }, before: { active: boolean } & Record<string, unknown> | undefined, fieldColumns: Record<string, string>, present: Set<string>): boolean {
  if (!before) return false;
  try {
    const { data, active } = prepare();
    return !Object.keys(changedFields(before, data, fieldColumns, present)).length && (active || !before.active);
  } catch (err) {
    if (err instanceof RowRejected) return false;
    throw err;
  }
}

/**
 * Stored records by id as the caller may see them, loaded a chunk at a time (one query for the
 * ids the chunk names that are not known yet). An id absent after `load` is not visible. A move
 * (a new parent) changes the paths below it: the cache is then stale — it answers nothing, so
 * the rest of the chunk goes by the row path — until the next chunk loads afresh.
 */
function visibleCache<R extends { id: string }>(find: (tx: Tx, ids: string[]) => Promise<R[]>) {
  const rows = new Map<string, R>();
  const tried = new Set<string>();
  let stale = false;
  return {
    get stale() {
      return stale;
    },
    get: (id: string | null | undefined) => (id && !stale ? rows.get(id) : undefined),
    set: (row: R) => (rows.set(row.id, row), tried.add(row.id)),
    async load(tx: Tx, ids: Iterable<string | null | undefined>) {
      if (stale) {
        rows.clear();
        tried.clear();
        stale = false;
      }
      const missing = [...new Set([...ids].filter((id): id is string => !!id && !tried.has(id)))];
      if (!missing.length) return;
      for (const id of missing) tried.add(id);
      for (const row of await find(tx, missing)) rows.set(row.id, row);
    },
    markStale: () => void (stale = true),
  };
}

type UnitValues = z.infer<typeof createUnitBody>;

/**
 * New units in one statement, an audit event each. A parent is a stored unit the caller sees,
 * or a unit earlier in the batch (its path then follows from its own parent's).
 */
async function createUnits(sp: Tx, ctx: RequestContext, batch: { r: SheetRow; values: Planned<UnitValues> }[], known: ReturnType<typeof visibleCache<UnitRow>>, result: ImportResult): Promise<BulkRejection[]> {
  const refused: BulkRejection[] = [];
  const planned = new Map<string, { path: string } | null>();
  const ok = batch.filter(({ r, values }) => {
    const refuse = (field: string, code: FieldErrorCode, message: string) => (refused.push({ r, field, code, message }), planned.set(values.id, null), false);
    const inBatch = planned.get(values.parentId!);
    if (inBatch === null) return refuse('parentCode', 'parent_rejected', `the parent ${r.cells.parentCode} was not imported`);
    const parent = inBatch ?? known.get(values.parentId);
    if (!parent) return refuse('parentCode', 'not_found', 'the parent unit does not exist');
    if (!mayAddUnitUnder(ctx.actor, parent)) return refuse('parentCode', 'out_of_scope', 'the parent unit is outside your scope');
    if (values.validFrom && values.validTo && values.validTo < values.validFrom) return refuse('validTo', 'before_valid_from', 'the end date is before the start date');
    planned.set(values.id, { path: `${parent.path}${values.id}/` });
    return true;
  });
  if (!ok.length) return refused;
  await insertRowsAsJson(sp, unit, ok.map(({ values }) => ({ ...values, parentId: values.parentId ?? null, sortKey: vietnameseSortKey(values.name) })));
  // Read back as stored: the paths the triggers wrote scope the audit events.
  const rows = await sp.select().from(unit).where(inArray(unit.id, ok.map(({ values }) => values.id)));
  await recordAudits(sp, ctx, rows.map((row) => ({ action: 'unit.created', entityType: 'unit', entityId: row.id, places: [{ unitPath: row.path }], after: row })));
  for (const row of rows) known.set(row);
  result.units.created += rows.length;
  return refused;
}

async function importUnits(exec: DbOrTx, ctx: RequestContext, sheet: Sheet, result: ImportResult, progress: Progress) {
  const byCode = await codeMap(exec, unit);
  const rows = parentsFirst(UNIT_SHEET, withoutDuplicates(UNIT_SHEET, sheet.rows, result.rejected), result.rejected);
  const known = visibleCache((tx, ids) => findVisibleUnits(tx, ctx.actor, ids));
  const mayCreate = holdsAnywhere(ctx.actor, 'unit.create');
  const bulk: BulkCreate<UnitValues> = {
    prepare: (tx, chunk) => known.load(tx, chunk.flatMap((r) => [byCode.get(r.cells.code), byCode.get(r.cells.parentCode)])),
    // A plain new unit under a parent, by a role that may create units somewhere.
    plan: (r) => {
      if (!r.cells.code || byCode.has(r.cells.code) || !r.cells.parentCode || !mayCreate || known.stale) return null;
      const values = plainCreate(() => parseUnitRow(r.cells, byCode));
      if (!values) return null;
      const id = randomUUID();
      byCode.set(r.cells.code, id);
      return { ...values, id };
    },
    unchanged: (r) => sameAsStored(() => parseUnitRow(r.cells, byCode), known.get(byCode.get(r.cells.code)), unitFieldColumns, sheet.present),
    write: async (sp, batch) => {
      const refused = await createUnits(sp, ctx, batch, known, result);
      for (const x of refused) byCode.delete(x.r.cells.code);
      return refused;
    },
    unplan: (batch) => batch.forEach(({ r }) => byCode.delete(r.cells.code)),
  };
  await inChunks(exec, UNIT_SHEET, rows, (code) => byCode.has(code), result.rejected, progress, async (sp, r) => {
    const { data, active } = parseUnitRow(r.cells, byCode);
    const c = r.cells;
    const id = byCode.get(c.code);
    if (!id) {
      const created = await createUnit(sp, ctx, data);
      if (!active) await deactivateUnit(sp, ctx, created.id, { version: created.version });
      byCode.set(c.code, created.id);
      result.units.created++;
      return;
    }
    const before = known.get(id) ?? (await findVisibleUnit(sp, ctx.actor, id));
    if (!before) throw outOfScopeCode();
    const changes = changedFields(before, data, unitFieldColumns, sheet.present);
    let after = before;
    if (Object.keys(changes).length) after = await updateUnit(sp, ctx, id, { ...changes, version: before.version });
    if (!active && after.active) after = await deactivateUnit(sp, ctx, id, { version: after.version });
    if (after !== before) result.units.updated++;
    if ('parentId' in changes) known.markStale();
  }, bulk);
}

const agencyFieldColumns = {
  unitId: 'unitCode', parentAgencyId: 'parentCode', name: 'name', shortName: 'shortName', kind: 'kind', docAbbreviation: 'docAbbreviation',
  placeName: 'placeName', headName: 'headName', headTitle: 'headTitle', phone: 'phone', email: 'email', address: 'address',
  validFrom: 'validFrom', validTo: 'validTo',
};

/** An agency row parsed and checked as far as it can be without the database (RowRejected if not). */
function parseAgencyRow(c: Cells, units: Map<string, string>, byCode: Map<string, string>, unitCodesInFile: Set<string>) {
  if (!c.code) throw new RowRejected('code', 'required', 'the code is required to match rows');
  const kind = requireKind(c.kind, agencyKindFrom);
  const unitId = units.get(c.unitCode);
  if (!unitId) {
    if (!c.unitCode) throw new RowRejected('unitCode', 'required', 'the unit code is required');
    const rejectedInFile = unitCodesInFile.has(c.unitCode);
    throw new RowRejected('unitCode', rejectedInFile ? 'unit_rejected' : 'unit_not_found', rejectedInFile ? `the unit ${c.unitCode} was not imported` : `no unit with code ${c.unitCode}`);
  }
  const parentAgencyId = c.parentCode ? byCode.get(c.parentCode) : null;
  if (c.parentCode && !parentAgencyId) throw new RowRejected('parentCode', 'parent_not_found', `no agency with code ${c.parentCode}`);
  const parsed = createAgencyBody.safeParse({
    unitId, parentAgencyId, name: c.name, shortName: c.shortName, kind, code: c.code,
    docAbbreviation: c.docAbbreviation, placeName: c.placeName, headName: c.headName, headTitle: c.headTitle,
    phone: c.phone, email: c.email || null, address: c.address,
    validFrom: parseDate(c.validFrom, 'validFrom'), validTo: parseDate(c.validTo, 'validTo'),
  });
  if (!parsed.success) throw zodRejection(parsed.error);
  return { data: parsed.data, active: parseActive(c.active) };
}

type AgencyValues = z.infer<typeof createAgencyBody>;

/**
 * New agencies in one statement, an audit event each. Their units are stored units the caller
 * sees; a parent agency is a stored one the caller sees, or one earlier in the batch.
 */
async function createAgencies(
  sp: Tx,
  ctx: RequestContext,
  batch: { r: SheetRow; values: Planned<AgencyValues> }[],
  places: { units: ReturnType<typeof visibleCache<UnitRow>>; agencies: ReturnType<typeof visibleCache<AgencyRow>> },
  result: ImportResult,
): Promise<BulkRejection[]> {
  const refused: BulkRejection[] = [];
  const planned = new Map<string, boolean>();
  const ok = batch.filter(({ r, values }) => {
    const place = places.units.get(values.unitId);
    const refuse = (field: string, code: FieldErrorCode, message: string) => (refused.push({ r, field, code, message }), planned.set(values.id, false), false);
    if (!place) return refuse('unitCode', 'not_found', 'the unit does not exist');
    if (!mayAddAgencyIn(ctx.actor, place)) return refuse('unitCode', 'out_of_scope', 'the unit is outside your scope');
    if (values.parentAgencyId) {
      const inBatch = planned.get(values.parentAgencyId);
      if (inBatch === false) return refuse('parentCode', 'parent_rejected', `the parent ${r.cells.parentCode} was not imported`);
      if (!inBatch && !places.agencies.get(values.parentAgencyId)) return refuse('parentCode', 'not_found', 'the parent agency does not exist');
    }
    if (values.validFrom && values.validTo && values.validTo < values.validFrom) return refuse('validTo', 'before_valid_from', 'the end date is before the start date');
    planned.set(values.id, true);
    return true;
  });
  if (!ok.length) return refused;
  await insertRowsAsJson(sp, agency, ok.map(({ values }) => ({ ...values, parentAgencyId: values.parentAgencyId ?? null, email: values.email ?? null, sortKey: vietnameseSortKey(values.name) })));
  const rows = await sp.select().from(agency).where(inArray(agency.id, ok.map(({ values }) => values.id)));
  await recordAudits(sp, ctx, rows.map((row) => ({ action: 'agency.created', entityType: 'agency', entityId: row.id, places: [{ unitPath: row.unitPath, agencyPath: row.path }], after: row })));
  for (const row of rows) places.agencies.set({ ...row, unitName: places.units.get(row.unitId)!.name, parentAgencyName: null, isStandingBody: false });
  result.agencies.created += rows.length;
  return refused;
}

async function importAgencies(exec: DbOrTx, ctx: RequestContext, sheet: Sheet, unitCodesInFile: Set<string>, result: ImportResult, progress: Progress) {
  const units = await codeMap(exec, unit);
  const byCode = await codeMap(exec, agency);
  const rows = parentsFirst(AGENCY_SHEET, withoutDuplicates(AGENCY_SHEET, sheet.rows, result.rejected), result.rejected);
  const places = {
    units: visibleCache((tx, ids) => findVisibleUnits(tx, ctx.actor, ids)),
    agencies: visibleCache((tx, ids) => listAgencies(tx, ctx.actor, { ids, includeInactive: true })),
  };
  const mayCreate = holdsAnywhere(ctx.actor, 'agency.create');
  const bulk: BulkCreate<AgencyValues> = {
    async prepare(tx, chunk) {
      await places.units.load(tx, chunk.map((r) => units.get(r.cells.unitCode)));
      await places.agencies.load(tx, chunk.flatMap((r) => [byCode.get(r.cells.code), byCode.get(r.cells.parentCode)]));
    },
    plan: (r) => {
      if (!r.cells.code || byCode.has(r.cells.code) || !mayCreate || places.agencies.stale) return null;
      const values = plainCreate(() => parseAgencyRow(r.cells, units, byCode, unitCodesInFile));
      if (!values) return null;
      const id = randomUUID();
      byCode.set(r.cells.code, id);
      return { ...values, id };
    },
    unchanged: (r) => sameAsStored(() => parseAgencyRow(r.cells, units, byCode, unitCodesInFile), places.agencies.get(byCode.get(r.cells.code)), agencyFieldColumns, sheet.present),
    write: async (sp, batch) => {
      const refused = await createAgencies(sp, ctx, batch, places, result);
      for (const x of refused) byCode.delete(x.r.cells.code);
      return refused;
    },
    unplan: (batch) => batch.forEach(({ r }) => byCode.delete(r.cells.code)),
  };
  await inChunks(exec, AGENCY_SHEET, rows, (code) => byCode.has(code), result.rejected, progress, async (sp, r) => {
    const { data, active } = parseAgencyRow(r.cells, units, byCode, unitCodesInFile);
    const id = byCode.get(r.cells.code);
    if (!id) {
      const created = await createAgency(sp, ctx, data);
      if (!active) await deactivateAgency(sp, ctx, created.id, { version: created.version });
      byCode.set(r.cells.code, created.id);
      result.agencies.created++;
      return;
    }
    const before = places.agencies.get(id) ?? (await findVisibleAgency(sp, ctx.actor, id));
    if (!before) throw outOfScopeCode();
    const changes = changedFields(before, data, agencyFieldColumns, sheet.present);
    let after: { version: number; active: boolean } = before;
    if (Object.keys(changes).length) after = await updateAgency(sp, ctx, id, { ...changes, version: before.version });
    if (!active && after.active) after = await deactivateAgency(sp, ctx, id, { version: after.version });
    if (after !== before) result.agencies.updated++;
    if ('unitId' in changes || 'parentAgencyId' in changes) places.agencies.markStale();
  }, bulk);
}
