import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TaskImport, TaskImportError } from '../../../shared/api/assigned-tasks.schemas.js';
import { isUnder } from '../../authz/grants.js';
import { inReach, type Grantee } from '../../authz/scope.js';
import { agency, appUser, assignedTaskImport } from '../../db/schema/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { FileStorage } from '../../files/file-storage.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { defineJob, NO_RETRY, type JobDefinition } from '../../jobs/define.js';
import { FINISHED_IMPORT_STATUSES, MAX_IMPORT_ERRORS, xlsxImports, XLSX_MEDIA_TYPE } from '../../jobs/xlsx-import.js';
import { loadRoles } from '../session/session-store.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { insertTasks, type NewTask, type TaskPlaces } from './create-assigned-task.js';
import { agencyMatchKey, parseTaskWorkbook, TASK_XLSX_LIMITS } from './task-workbook.js';

/** The largest workbook one import reads (parsed in the server's thread): 1,000 tasks are far smaller. */
export const MAX_TASK_IMPORT_BYTES = 2 * 1024 * 1024;
export { XLSX_MEDIA_TYPE };
type ImportRow = typeof assignedTaskImport.$inferSelect;

const taskImports = xlsxImports({ table: assignedTaskImport, what: 'task import', maxBytes: MAX_TASK_IMPORT_BYTES, workbook: 'a task workbook', limits: TASK_XLSX_LIMITS, job: (): JobDefinition<{ importId: string }> => importTasksJob });

/**
 * Tasks from an .xlsx, as a job (issue 10 §8): the request stores the file and enqueues the job in
 * its transaction; the job reads the workbook outside any transaction (at most
 * MAX_TASK_IMPORT_ROWS rows), checks every row — the document's number and date, the content, the
 * owner and co-owners matched by code, name or short name among the active agencies under the
 * assigning committee (read in one query: that is the scope check, for every row at once), the
 * deadline — and then, all or nothing, writes the tasks in one short transaction, in sets
 * (insertTasks: a few statements whatever the number of rows; a dry run only says what it would
 * write). Each task is audited with the requester as author.
 */
export const importTasksJob = defineJob({
  name: 'assigned-tasks.import',
  title: { vi: 'Nhập nhiệm vụ được giao từ tệp .xlsx', en: 'Import assigned tasks from .xlsx' },
  payload: z.object({ importId: z.uuid() }),
  scoped: true,
  // Never run again by itself: an attempt that died with its process would kill the next one too.
  retry: NO_RETRY,
  expireInSeconds: 10 * 60,
  async handler({ importId }, ctx) {
    const files = ctx.deps.files ?? FileStorage.fromConfig(ctx.deps.config);
    return taskImports.failOnLastAttempt(ctx, importId, () => runTaskImport(ctx.db, files, importId));
  },
});

/** Records the import and enqueues it, in the caller's transaction (403 without task.manage comes before, in the route). */
export async function requestTaskImport(tx: DbOrTx, ctx: RequestContext, input: { assigningAgencyId: string; dryRun: boolean; bytes: Buffer; fileName: string | null }): Promise<ImportRow> {
  const [assigner] = await tx.select().from(agency).where(eq(agency.id, input.assigningAgencyId));
  if (!assigner || !inReach(ctx.actor, 'task.manage', { unitPath: assigner.unitPath, agencyPath: assigner.path })) {
    throw AppError.invalid('query.assigningAgencyId', 'out_of_scope', 'no committee whose tasks you keep has this id');
  }
  return taskImports.request(tx, ctx, { bytes: input.bytes, fileName: input.fileName, values: { assigningAgencyId: assigner.id, dryRun: input.dryRun } });
}

/** An import its requester follows (anyone else: 404). */
export async function findTaskImportForActor(db: DbOrTx, ctx: RequestContext, id: string): Promise<ImportRow> {
  return taskImports.findForActor(db, ctx, id);
}

const parsed = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
export function presentTaskImport(row: ImportRow): TaskImport {
  return {
    id: row.id,
    assigningAgencyId: row.assigningAgencyId,
    dryRun: row.dryRun,
    fileName: row.fileName,
    status: row.status as TaskImport['status'],
    errors: parsed<TaskImportError[]>(row.errors),
    summary: parsed<TaskImport['summary']>(row.summary) ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The import's work, idempotent: a finished import is left as it is. */
export async function runTaskImport(db: Db, files: FileStorage, importId: string): Promise<Record<string, unknown>> {
  const [imp] = await db.select().from(assignedTaskImport).where(eq(assignedTaskImport.id, importId));
  if (!imp || (FINISHED_IMPORT_STATUSES as readonly string[]).includes(imp.status)) return { skipped: true };
  await db.update(assignedTaskImport).set({ status: 'running' }).where(eq(assignedTaskImport.id, importId));
  const stored = await files.find(db, imp.fileSha256);
  if (!stored) throw new Error(`the file of task import ${importId} is gone`);
  const { rows, rejected, errors } = await parseTaskWorkbook(await files.readBytes(db, stored));

  // The requester must still keep this committee's register.
  const [user] = await db.select().from(appUser).where(eq(appUser.id, imp.requestedBy));
  const requester: Grantee = { roles: await loadRoles(db, imp.requestedBy) };
  const [assigner] = await db.select().from(agency).where(eq(agency.id, imp.assigningAgencyId));
  if (!user?.active || !inReach(requester, 'task.manage', { unitPath: assigner.unitPath, agencyPath: assigner.path })) {
    await taskImports.markFailed(db, importId);
    return { refused: true };
  }
  // Agencies under the committee's unit, by code, name and short name (folded).
  const candidates = (await db.select({ id: agency.id, code: agency.code, name: agency.name, shortName: agency.shortName, unitPath: agency.unitPath, path: agency.path, active: agency.active }).from(agency).where(sql`${agency.unitPath} like ${`${assigner.unitPath}%`}`)).filter(
    (a) => a.active && isUnder(a.unitPath, assigner.unitPath),
  );
  const byKey = new Map<string, typeof candidates>();
  for (const a of candidates) {
    for (const k of new Set([a.code, a.name, a.shortName].filter((x): x is string => !!x).map(agencyMatchKey))) byKey.set(k, [...(byKey.get(k) ?? []), a]);
  }
  const match = (name: string, row: number, column: string) => {
    const found = byKey.get(agencyMatchKey(name)) ?? [];
    if (found.length === 1) return found[0];
    errors.push({ code: found.length ? 'ambiguous_agency' : 'unknown_agency', row, column, value: name.slice(0, 100), params: {} });
    return null;
  };
  for (const r of rejected) {
    if (r.owner) match(r.owner, r.row, 'Cơ quan chủ trì');
    for (const c of r.coOwners) match(c, r.row, 'Cơ quan phối hợp');
  }
  const { calendar } = await loadWorkingCalendar(db);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const tasks: { task: NewTask; places: TaskPlaces }[] = [];
  for (const r of rows) {
    const owner = match(r.owner, r.row, 'Cơ quan chủ trì');
    const coOwners = r.coOwners.map((c) => match(c, r.row, 'Cơ quan phối hợp'));
    if (!owner || coOwners.some((c) => !c)) continue;
    const coOwnerIds = [...new Set(coOwners.map((c) => c!.id))].filter((id) => id !== owner.id);
    const deadline =
      r.deadline === null
        ? { deadline: null, deadlineExplanation: null }
        : 'date' in r.deadline
          ? { deadline: r.deadline.date, deadlineExplanation: null }
          : (({ date, explanation }) => ({ deadline: date, deadlineExplanation: explanation }))(calendar.dueAfter(r.sourceDate, r.deadline.workingDays, { eventLabel: 'ngày ban hành văn bản' }));
    tasks.push({
      task: { assigningAgencyId: assigner.id, sourceNumber: r.sourceNumber, sourceDate: r.sourceDate, sourceTitle: r.sourceTitle, content: r.content, ownerAgencyId: owner.id, coOwnerAgencyIds: coOwnerIds, ...deadline },
      places: { assigner, owner, coOwners: coOwnerIds.map((id) => byId.get(id)!) },
    });
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  // Rows read, each once: a row that parsed but named an unknown agency is among both.
  const summary = { rows: new Set([...rows.map((r) => r.row), ...errors.map((e) => e.row).filter((x) => x !== null)]).size, tasks: tasks.length };
  if (errors.length || imp.dryRun) {
    const shown: TaskImportError[] = errors.length > MAX_IMPORT_ERRORS ? [...errors.slice(0, MAX_IMPORT_ERRORS), { code: 'too_many_errors', row: null, column: null, value: null, params: { shown: MAX_IMPORT_ERRORS, total: errors.length } }] : errors;
    await db.update(assignedTaskImport).set({ status: errors.length ? 'rejected' : 'done', errors: shown, summary, finishedAt: sql`now()` }).where(eq(assignedTaskImport.id, importId));
    return { errors: errors.length, dryRun: imp.dryRun };
  }
  // The requester is the author of every task (the job only carries it out).
  const author: RequestContext = {
    actor: { userId: user.id, username: user.username, fullName: user.fullName, roles: requester.roles, sessionId: '', csrfToken: '', mustChangePassword: false },
    ip: null,
    requestId: `job:assigned-tasks.import:${importId}`,
  };
  await db.transaction(async (tx) => {
    await insertTasks(tx, author, tasks, 'import', importId);
    await tx.update(assignedTaskImport).set({ status: 'done', errors: [], summary, finishedAt: sql`now()` }).where(eq(assignedTaskImport.id, importId));
  });
  return summary;
}
