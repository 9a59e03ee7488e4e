import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ImportError, PointsKind, ScoreImport } from '../../../shared/api/indices.schemas.js';
import { leavesOf } from '../../../shared/domain/index-scoring.js';
import { foldVietnamese } from '../../../shared/domain/vietnamese.js';
import { unitColumns, unitInReach } from '../../authz/scope.js';
import { inIdList } from '../../db/bulk-insert.js';
import type { Grantee } from '../../authz/scope.js';
import { agency, appUser, indexFramework, indexScore, indexScoreImport, indexScoreSheet, unit } from '../../db/schema/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { FileStorage } from '../../files/file-storage.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { defineJob, NO_RETRY, type JobDefinition } from '../../jobs/define.js';
import { FINISHED_IMPORT_STATUSES, MAX_IMPORT_ERRORS, xlsxImports, XLSX_MEDIA_TYPE } from '../../jobs/xlsx-import.js';
import { loadRoles } from '../session/session-store.js';
import { recordAudits } from '../audit/audit-log.js';
import { criteriaOf, type FrameworkRow } from './frameworks.repository.js';
import { parseScoreWorkbook, SCORE_XLSX_LIMITS } from './score-workbook.js';
import { mergePoints, writeSheets } from './score-sheets.js';

/** The largest workbook one import reads (it is parsed in the server's thread): a national sheet is far smaller. */
export const MAX_SCORE_IMPORT_BYTES = 2 * 1024 * 1024;

export { XLSX_MEDIA_TYPE };
type ImportRow = typeof indexScoreImport.$inferSelect;

const scoreImports = xlsxImports({ table: indexScoreImport, what: 'score import', maxBytes: MAX_SCORE_IMPORT_BYTES, workbook: 'a score workbook', limits: SCORE_XLSX_LIMITS, job: (): JobDefinition<{ importId: string }> => importScoresJob });

/**
 * Scores from the .xlsx a province publishes, as a job (issue 11 §2): the request stores the file
 * and enqueues the import in its transaction; the job reads the workbook outside any transaction,
 * checks every row and cell, and then, all or nothing, writes the sheets in one short
 * transaction (or, for a dry run, only says what it would write). Rows name units the requester
 * may score (`index.score`): any other unit is "unknown", as if it did not exist.
 */
export const importScoresJob = defineJob({
  name: 'indices.import-scores',
  title: { vi: 'Nhập điểm chỉ số từ tệp .xlsx', en: 'Import index scores from .xlsx' },
  payload: z.object({ importId: z.uuid() }),
  scoped: true,
  // Never run again by itself: an attempt that died with its process would kill the next one too.
  retry: NO_RETRY,
  expireInSeconds: 10 * 60,
  async handler({ importId }, ctx) {
    const files = ctx.deps.files ?? FileStorage.fromConfig(ctx.deps.config);
    return scoreImports.failOnLastAttempt(ctx, importId, () => runScoreImport(ctx.db, files, importId));
  },
});

/** Records the import and enqueues it (the caller's transaction). 403 before the file is read without `index.score`. */
export async function requestScoreImport(
  tx: DbOrTx,
  ctx: RequestContext,
  framework: FrameworkRow,
  input: { year: number; points: PointsKind; dryRun: boolean; bytes: Buffer; fileName: string | null },
): Promise<ImportRow> {
  if (framework.status !== 'published') throw new AppError('INVALID_STATE', 'publish the framework before importing scores against it');
  if (input.year < framework.fromYear || (framework.toYear !== null && input.year > framework.toYear)) {
    throw AppError.invalid('querystring.year', 'year_outside_framework', `the framework applies ${framework.fromYear}–${framework.toYear ?? '…'}`);
  }
  return scoreImports.request(tx, ctx, {
    bytes: input.bytes,
    fileName: input.fileName,
    values: { frameworkId: framework.id, year: input.year, pointsKind: input.points, dryRun: input.dryRun },
  });
}

/** An import its requester follows (anyone else: 404). */
export async function findImportForActor(db: DbOrTx, ctx: RequestContext, id: string): Promise<ImportRow> {
  return scoreImports.findForActor(db, ctx, id);
}

export function presentImport(row: ImportRow): ScoreImport {
  return {
    id: row.id,
    frameworkId: row.frameworkId,
    year: row.year,
    points: row.pointsKind as PointsKind,
    dryRun: row.dryRun,
    fileName: row.fileName,
    status: row.status as ScoreImport['status'],
    errors: (typeof row.errors === 'string' ? JSON.parse(row.errors) : row.errors) as ImportError[],
    summary: ((typeof row.summary === 'string' ? JSON.parse(row.summary) : row.summary) as ScoreImport['summary']) ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The import's work, idempotent: a finished import is left as it is. */
export async function runScoreImport(db: Db, files: FileStorage, importId: string): Promise<Record<string, unknown>> {
  const [imp] = await db.select().from(indexScoreImport).where(eq(indexScoreImport.id, importId));
  if (!imp || (FINISHED_IMPORT_STATUSES as readonly string[]).includes(imp.status)) return { skipped: true };
  await db.update(indexScoreImport).set({ status: 'running' }).where(eq(indexScoreImport.id, importId));
  const [framework] = await db
    .select({ f: indexFramework, ownerAgencyName: agency.name, ownerUnitPath: agency.unitPath, ownerPath: agency.path })
    .from(indexFramework)
    .innerJoin(agency, eq(agency.id, indexFramework.ownerAgencyId))
    .where(eq(indexFramework.id, imp.frameworkId));
  const criteria = await criteriaOf(db, imp.frameworkId);
  const leafIds = new Set(leavesOf(criteria).map((l) => l.id));
  const stored = await files.find(db, imp.fileSha256);
  if (!stored) throw new Error(`the file of import ${importId} is gone`);
  const bytes = await files.readBytes(db, stored);
  const parsed = await parseScoreWorkbook(bytes, framework.f.code, criteria, leafIds);
  const errors = [...parsed.errors];

  // Units: by code, else by name (case and diacritics folded), among those the requester scores,
  // read in one scoped query: that is the scope check of every row.
  const [user] = await db.select().from(appUser).where(eq(appUser.id, imp.requestedBy));
  const requester: Grantee = { roles: await loadRoles(db, imp.requestedBy) };
  const candidates = await db
    .select({ id: unit.id, code: unit.code, name: unit.name, path: unit.path })
    .from(unit)
    .where(and(inArray(unit.kind, framework.f.unitKinds), unitInReach(requester, 'index.score', unitColumns('unit'))));
  const byCode = new Map(candidates.filter((c) => c.code).map((c) => [c.code!.toLowerCase(), c]));
  const byName = new Map<string, typeof candidates>();
  for (const c of candidates) byName.set(foldVietnamese(c.name), [...(byName.get(foldVietnamese(c.name)) ?? []), c]);
  const firstRow = new Map<string, number>();
  const resolved: { unitId: string; unitPath: string; values: Map<string, number> }[] = [];
  for (const r of parsed.rows) {
    const at = { sheet: parsed.sheet, row: r.row, column: null, value: r.unitCode ?? r.unitName, params: {} };
    let match = r.unitCode ? byCode.get(r.unitCode.toLowerCase()) : undefined;
    if (!match && !r.unitCode && r.unitName) {
      const named = byName.get(foldVietnamese(r.unitName)) ?? [];
      if (named.length > 1) {
        errors.push({ ...at, code: 'ambiguous_unit' });
        continue;
      }
      match = named[0];
    }
    if (!match) {
      errors.push({ ...at, code: 'unknown_unit' });
      continue;
    }
    if (firstRow.has(match.id)) {
      errors.push({ ...at, code: 'duplicate_unit', params: { first: firstRow.get(match.id)! } });
      continue;
    }
    firstRow.set(match.id, r.row);
    resolved.push({ unitId: match.id, unitPath: match.path, values: r.values });
  }

  const existing = resolved.length
    ? await db.select().from(indexScoreSheet).where(and(eq(indexScoreSheet.frameworkId, imp.frameworkId), eq(indexScoreSheet.year, imp.year), inIdList(indexScoreSheet.unitId, resolved.map((r) => r.unitId))))
    : [];
  const sheetOf = new Map(existing.map((s) => [s.unitId, s]));
  // A unit's row without a value (the template uploaded as it came) changes nothing: no sheet
  // made or updated, none counted, none audited (issue 12 review: "17 sheets updated, 0 values").
  const scored = resolved.filter((r) => r.values.size > 0);
  const summary = {
    rows: parsed.rows.length,
    units: resolved.length,
    values: scored.reduce((a, r) => a + r.values.size, 0),
    sheetsCreated: scored.filter((r) => !sheetOf.has(r.unitId)).length,
    sheetsUpdated: scored.filter((r) => sheetOf.has(r.unitId)).length,
  };
  if (errors.length || imp.dryRun) {
    // A bounded list: the first errors show what to fix; the count says how many there are.
    const shown = errors.length > MAX_IMPORT_ERRORS ? [...errors.slice(0, MAX_IMPORT_ERRORS), { code: 'too_many_errors' as const, sheet: null, row: null, column: null, value: null, params: { shown: MAX_IMPORT_ERRORS, total: errors.length } }] : errors;
    await db.update(indexScoreImport).set({ status: errors.length ? 'rejected' : 'done', errors: shown, summary, finishedAt: sql`now()` }).where(eq(indexScoreImport.id, importId));
    return { errors: errors.length, dryRun: imp.dryRun };
  }

  // The requester is the author of the change (the job only carries it out).
  const author: RequestContext = {
    actor: { userId: user.id, username: user.username, fullName: user.fullName, roles: requester.roles, sessionId: '', csrfToken: '', mustChangePassword: false },
    ip: null,
    requestId: `job:indices.import-scores:${importId}`,
  };
  // In sets (docs/decisions/registry-import-in-sets.md): the stored entries read in one query,
  // merged here, every sheet written by writeSheets, an audit event each in one statement.
  const storedScores = existing.length ? await db.select().from(indexScore).where(inIdList(indexScore.sheetId, existing.map((s) => s.id))) : [];
  const scoresOf = new Map<string, (typeof storedScores)[number][]>();
  for (const s of storedScores) scoresOf.set(s.sheetId, [...(scoresOf.get(s.sheetId) ?? []), s]);
  const writes = scored.map((r) => {
    const sheet = sheetOf.get(r.unitId) ?? null;
    const before = sheet ? (scoresOf.get(sheet.id) ?? []) : [];
    return { r, before, write: { unitId: r.unitId, sheet, version: sheet?.version ?? null, entries: mergePoints(before, imp.pointsKind as PointsKind, r.values) } };
  });
  await db.transaction(async (tx) => {
    const written = writes.length ? await writeSheets(tx, imp.frameworkId, imp.year, writes.map((w) => w.write), { origin: 'import', userId: imp.requestedBy }) : [];
    await recordAudits(
      tx,
      author,
      writes.map(({ r, before, write }, i) => ({
        action: 'index_scores.imported',
        entityType: 'index_score_sheet',
        entityId: written[i].id,
        places: [{ unitPath: r.unitPath }],
        before: write.sheet ? { ...write.sheet, entries: before } : undefined,
        after: { ...written[i], entries: write.entries, importId },
      })),
    );
    await tx.update(indexScoreImport).set({ status: 'done', errors: [], summary, finishedAt: sql`now()` }).where(eq(indexScoreImport.id, importId));
  });
  return summary;
}
