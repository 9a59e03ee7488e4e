import { z } from 'zod';
import { idParams, queryBool, queryInt4 } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import {
  agencyTasksResponse,
  assignedTaskDetailSchema,
  assignedTaskListResponse,
  createAssignedTaskBody,
  listAssignedTasksQuery,
  reportProgressBody,
  taskImportQuery,
  taskImportSchema,
  updateAssignedTaskBody,
} from '../../../shared/api/assigned-tasks.schemas.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import { authorize } from '../../authz/guard.js';
import { holdsAnywhere } from '../../authz/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf, type Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { findVisibleAgency } from '../registry/registry.repository.js';
import { listAgencyTasks } from './agency-tasks.js';
import { presentTaskDetail, presentTasks, type TaskEnv } from './assigned-tasks.presenter.js';
import { findVisibleTask, listTasks } from './assigned-tasks.repository.js';
import { createAssignedTask } from './create-assigned-task.js';
import { findTaskImportForActor, MAX_TASK_IMPORT_BYTES, presentTaskImport, requestTaskImport, XLSX_MEDIA_TYPE } from './import-assigned-tasks.js';
import { readXlsxUpload } from '../../jobs/xlsx-import.js';
import { reportTaskProgress } from './report-task-progress.js';
import { tasksWorkbook, taskTemplate } from './task-workbook.js';
import { updateAssignedTask } from './update-assigned-task.js';
// The ranking's overdue-tasks factor counts from this register.
import './checklist-source.js';
import './risk-source.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['assigned-tasks'];
/** The most rows one export carries. */
const TASK_EXPORT_MAX = 10_000;

/** Who may open the register at all (a list is scoped in SQL; this is the 403 for the rest). */
function mayReadRegister(actor: Actor) {
  if (!holdsAnywhere(actor, 'task.read') && !holdsAnywhere(actor, 'task.read_owned')) throw new AppError('FORBIDDEN', 'you may not read the register of assigned tasks');
}

/** The register of tasks assigned by the People's Committee and its Chairman (issue 10 §8). */
export async function assignedTaskRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const envOf = async (tx: DbOrTx): Promise<TaskEnv> => ({ calendar: (await loadWorkingCalendar(tx)).calendar, today: vietnamLocalTime(clockOf(deps).now()).date });
  async function detail(tx: DbOrTx, actor: Actor, env: TaskEnv, id: string) {
    const row = await findVisibleTask(tx, actor, id);
    if (!row) throw AppError.notFound('assigned task');
    return presentTaskDetail(tx, actor, env, row);
  }

  app.get('/api/assigned-tasks', { schema: { tags, summary: 'Assigned tasks the caller may see, by deadline, with filters and diacritic-insensitive search', querystring: listAssignedTasksQuery, response: { 200: assignedTaskListResponse, ...errors } } }, async (request) => {
    const { actor } = contextOf(request);
    mayReadRegister(actor);
    const { page, pageSize, ...filter } = request.query;
    return db.transaction(async (tx) => {
      const env = await envOf(tx);
      const { rows, total, counts } = await listTasks(tx, actor, filter, env.today, { page, pageSize });
      return { items: await presentTasks(tx, actor, env, rows), total, counts };
    });
  });

  app.get('/api/assigned-tasks/export.xlsx', { schema: { tags, summary: 'The register as .xlsx, with the list filters (imports back)', querystring: listAssignedTasksQuery.omit({ page: true, pageSize: true }) } }, async (request, reply) => {
    const { actor } = contextOf(request);
    mayReadRegister(actor);
    const bytes = await db.transaction(async (tx) => {
      const env = await envOf(tx);
      const { rows } = await listTasks(tx, actor, request.query, env.today, { page: 1, pageSize: TASK_EXPORT_MAX });
      return tasksWorkbook(await presentTasks(tx, actor, env, rows));
    });
    return reply.type(XLSX_MEDIA_TYPE).header('content-disposition', 'attachment; filename="nhiem-vu-duoc-giao.xlsx"').send(bytes);
  });

  app.get('/api/assigned-tasks/import-template.xlsx', { schema: { tags, summary: 'An empty register to fill in and import' } }, async (request, reply) => {
    authorize(contextOf(request).actor, 'task.manage', 'you may not import assigned tasks');
    return reply.type(XLSX_MEDIA_TYPE).header('content-disposition', 'attachment; filename="mau-nhiem-vu-duoc-giao.xlsx"').send(await taskTemplate());
  });

  app.get('/api/assigned-tasks/:id', { schema: { tags, summary: 'A task with its progress notes', params: idParams, response: { 200: assignedTaskDetailSchema, ...errors } } }, async (request) =>
    db.transaction(async (tx) => detail(tx, contextOf(request).actor, await envOf(tx), request.params.id)),
  );

  app.post('/api/assigned-tasks', { schema: { tags, summary: 'Enter a task assigned by a committee in reach (the standing office); the owner and co-owners are told', body: createAssignedTaskBody, response: { 201: assignedTaskDetailSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => {
      const env = await envOf(tx);
      return detail(tx, ctx.actor, env, (await createAssignedTask(tx, ctx, env, request.body)).id);
    });
    return reply.status(201).send(out);
  });

  app.patch('/api/assigned-tasks/:id', { schema: { tags, summary: 'Correct a task: document, content, owner, co-owners, deadline (versioned; the office)', params: idParams, body: updateAssignedTaskBody, response: { 200: assignedTaskDetailSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      const env = await envOf(tx);
      await updateAssignedTask(tx, ctx, env, request.params.id, request.body);
      return detail(tx, ctx.actor, env, request.params.id);
    });
  });

  app.post('/api/assigned-tasks/:id/progress', { schema: { tags, summary: 'Report progress: a note and/or a move (the owner starts and completes; the office also reopens, cancels, restores)', params: idParams, body: reportProgressBody, response: { 200: assignedTaskDetailSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      const env = await envOf(tx);
      await reportTaskProgress(tx, ctx, env, request.params.id, request.body);
      return detail(tx, ctx.actor, env, request.params.id);
    });
  });

  app.get(
    '/api/agencies/:id/assigned-tasks',
    { schema: { tags, summary: "The tasks an agency owns or supports, as the caller may see them (an inspection's content group b)", params: idParams, querystring: z.object({ openOnly: queryBool.optional(), year: queryInt4().min(1990).max(2199).optional() }), response: { 200: agencyTasksResponse, ...errors } } },
    async (request) => {
      const { actor } = contextOf(request);
      mayReadRegister(actor);
      return db.transaction(async (tx) => {
        // An agency the caller cannot see is not found, rather than an empty list that says it exists (or not).
        if (!(await findVisibleAgency(tx, actor, request.params.id))) throw new AppError('NOT_FOUND', 'no agency you can see has this id');
        return { items: await listAgencyTasks(tx, actor, await envOf(tx), request.params.id, request.query) };
      });
    },
  );

  app.post(
    '/api/assigned-tasks/imports',
    { schema: { tags, summary: 'Import tasks from .xlsx as a job (multipart field "file"; the register’s columns; at most 1,000 rows); dryRun=true checks without writing', querystring: taskImportQuery, response: { 202: taskImportSchema, ...errors, 415: problemSchema } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      // Before a byte of the file is read.
      authorize(ctx.actor, 'task.manage', 'you may not import assigned tasks');
      const { bytes, fileName } = await readXlsxUpload(request, { maxBytes: MAX_TASK_IMPORT_BYTES, workbook: 'a task workbook' });
      const row = await db.transaction((tx) => requestTaskImport(tx, ctx, { assigningAgencyId: request.query.assigningAgencyId, dryRun: request.query.dryRun === 'true', bytes, fileName }));
      return reply.status(202).send(presentTaskImport(row));
    },
  );

  app.get('/api/assigned-task-imports/:id', { schema: { tags, summary: 'An import the caller asked for: status, row-level errors, counts', params: idParams, response: { 200: taskImportSchema, ...errors } } }, async (request) =>
    presentTaskImport(await findTaskImportForActor(db, contextOf(request), request.params.id)),
  );
}
