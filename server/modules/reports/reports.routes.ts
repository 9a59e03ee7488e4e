import { z } from 'zod';
import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import {
  acceptSubmissionBody,
  copyTemplateBody,
  createPeriodRuleBody,
  createRequestBody,
  createTemplateBody,
  formImportQuery,
  reportCompilationSchema,
  issueRequestBody,
  extendRequestBody,
  withdrawRequestBody,
  listRequestsQuery,
  listSubmissionsQuery,
  listTemplatesQuery,
  periodRuleListResponse,
  periodRuleSchema,
  reportStatisticsQuery,
  reportStatisticsResponse,
  publishTemplateBody,
  requestListResponse,
  requestSchema,
  returnSubmissionBody,
  saveSubmissionBody,
  submissionListResponse,
  submissionSchema,
  submitSubmissionBody,
  templateListResponse,
  templateSchema,
  updatePeriodRuleBody,
  updateRequestBody,
  updateTemplateBody,
} from '../../../shared/api/reports.schemas.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import type { DbOrTx } from '../../db/client.js';
import type { SubmissionContent } from '../../../shared/api/reports.schemas.js';
import { contextOf, type RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { presentRequests, presentRules, presentSubmission, presentSubmissionSummary, presentTemplate } from './reports.presenter.js';
import { findRequest, findTemplate, findVisibleRequest, findVisibleRule, findVisibleSubmission, findVisibleTemplate, listVisibleRequests, listVisibleRules, listVisibleSubmissions, listVisibleTemplates } from './reports.repository.js';
import { createRequest, extendRequest, issueRequest, updateRequest, withdrawRequest } from './request-use-cases.js';
import { createPeriodRule, updatePeriodRule } from './rule-use-cases.js';
import { checkTablesImport, formRefused, formTemplate, importSubmissionTables, reviewSubmission, saveSubmission, submitSubmission } from './submission-use-cases.js';
import { MAX_FORM_BYTES, readTemplateForm, templateFormWorkbook } from './template-form-workbook.js';
import { readXlsxUpload } from '../../jobs/xlsx-import.js';
import { copyTemplate, createTemplate, publishTemplate, updateTemplate } from './template-use-cases.js';
import './reports.files.js';
import './risk-source.js';
import { exportSubmissionTables, fileSlug, reportStatistics } from './report-exports.js';
import { statisticsWorkbook } from './report-workbooks.js';
import { displayStatusLabels, submissionColumns, submissionTimelinessLabels } from './submissions-workbook.js';
import { exportScope, listTitle, listWorkbook, LIST_EXPORT_MAX, sendXlsx } from '../../documents/list-workbook.js';
import { compilationFile, findCompilationForActor, presentCompilation, requestCompilation } from './report-compilation.js';
import { FileStorage } from '../../files/file-storage.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export async function reportRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const files = deps.files ?? FileStorage.fromConfig(deps.config);
  const tags = ['reports'];

  async function template(tx: DbOrTx, ctx: RequestContext, id: string) {
    const t = await findVisibleTemplate(tx, ctx.actor, id);
    if (!t) throw AppError.notFound('report template');
    return presentTemplate(ctx.actor, t);
  }
  async function rule(tx: DbOrTx, ctx: RequestContext, id: string) {
    const r = await findVisibleRule(tx, ctx.actor, id);
    if (!r) throw AppError.notFound('report period rule');
    return (await presentRules(tx, ctx.actor, [r]))[0];
  }
  async function request_(tx: DbOrTx, ctx: RequestContext, id: string) {
    const r = await findVisibleRequest(tx, ctx.actor, id);
    if (!r) throw AppError.notFound('report request');
    return (await presentRequests(tx, ctx.actor, [r], vietnamLocalTime(clockOf(deps).now()).date))[0];
  }
  async function submission(tx: DbOrTx, ctx: RequestContext, id: string) {
    const s = await findVisibleSubmission(tx, ctx.actor, id);
    if (!s) throw AppError.notFound('report');
    return presentSubmission(tx, ctx.actor, s, (await findRequest(tx, s.requestId))!);
  }

  // Templates.
  app.get('/api/report-templates', { schema: { tags, summary: 'Report templates the caller may see (the office, the leaders)', querystring: listTemplatesQuery, response: { 200: templateListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => ({ items: (await listVisibleTemplates(tx, ctx.actor, request.query)).map((t) => presentTemplate(ctx.actor, t)) }));
  });
  app.get('/api/report-templates/:id', { schema: { tags, params: idParams, response: { 200: templateSchema, ...errors } } }, async (request) => db.transaction((tx) => template(tx, contextOf(request), request.params.id)));
  app.post('/api/report-templates', { schema: { tags, summary: 'Create a draft template (standing office)', body: createTemplateBody, response: { 201: templateSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => template(tx, ctx, (await createTemplate(tx, ctx, request.body)).id));
    return reply.status(201).send(out);
  });
  app.patch('/api/report-templates/:id', { schema: { tags, summary: 'Edit a draft template (a published one is frozen: 409)', params: idParams, body: updateTemplateBody, response: { 200: templateSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updateTemplate(tx, ctx, request.params.id, request.body);
      return template(tx, ctx, request.params.id);
    });
  });
  app.post('/api/report-templates/:id/publish', { schema: { tags, summary: 'Publish the draft: frozen from now on', params: idParams, body: publishTemplateBody, response: { 200: templateSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await publishTemplate(tx, ctx, request.params.id, request.body.version);
      return template(tx, ctx, request.params.id);
    });
  });
  app.post('/api/report-templates/:id/copies', { schema: { tags, summary: "A new draft from this template: its next version, or this year's from last year's (new code)", params: idParams, body: copyTemplateBody, response: { 201: templateSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => template(tx, ctx, (await copyTemplate(tx, ctx, request.params.id, request.body)).id));
    return reply.status(201).send(out);
  });

  // Periodic rules.
  app.get('/api/report-period-rules', { schema: { tags, summary: 'The periodic reporting regime as data: cut-off periods, due days, units asked', response: { 200: periodRuleListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => ({ items: await presentRules(tx, ctx.actor, await listVisibleRules(tx, ctx.actor)) }));
  });
  app.post('/api/report-period-rules', { schema: { tags, body: createPeriodRuleBody, response: { 201: periodRuleSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => rule(tx, ctx, (await createPeriodRule(tx, ctx, request.body)).id));
    return reply.status(201).send(out);
  });
  app.patch('/api/report-period-rules/:id', { schema: { tags, params: idParams, body: updatePeriodRuleBody, response: { 200: periodRuleSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updatePeriodRule(tx, ctx, request.params.id, request.body);
      return rule(tx, ctx, request.params.id);
    });
  });

  // Requests.
  app.get('/api/report-requests', { schema: { tags, summary: 'Report requests the caller may see (a unit: those asked of it)', querystring: listRequestsQuery, response: { 200: requestListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => ({ items: await presentRequests(tx, ctx.actor, await listVisibleRequests(tx, ctx.actor, request.query), vietnamLocalTime(clockOf(deps).now()).date) }));
  });
  app.get('/api/report-requests/:id', { schema: { tags, params: idParams, response: { 200: requestSchema, ...errors } } }, async (request) => db.transaction((tx) => request_(tx, contextOf(request), request.params.id)));
  app.post('/api/report-requests', { schema: { tags, summary: 'Open a periodic request now, or draft an ad hoc one (standing office)', body: createRequestBody, response: { 201: requestSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => request_(tx, ctx, await createRequest(tx, ctx, clockOf(deps), request.body)));
    return reply.status(201).send(out);
  });
  app.patch('/api/report-requests/:id', { schema: { tags, params: idParams, body: updateRequestBody, response: { 200: requestSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updateRequest(tx, ctx, clockOf(deps), request.params.id, request.body);
      return request_(tx, ctx, request.params.id);
    });
  });
  app.post('/api/report-requests/:id/issue', { schema: { tags, summary: 'Issue an ad hoc request as a công văn (number from the register) and send it to the units', params: idParams, body: issueRequestBody, response: { 200: requestSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await issueRequest(tx, ctx, request.params.id, request.body, vietnamLocalTime(clockOf(deps).now()).date);
      return request_(tx, ctx, request.params.id);
    });
  });

  app.post('/api/report-requests/:id/extend', { schema: { tags, summary: 'Extend the due day of a sent request (later only, with a reason): audited, the units told; an issued letter keeps its printed date and shows the extension beside it', params: idParams, body: extendRequestBody, response: { 200: requestSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await extendRequest(tx, ctx, clockOf(deps), request.params.id, request.body);
      return request_(tx, ctx, request.params.id);
    });
  });
  app.post('/api/report-requests/:id/withdraw', { schema: { tags, summary: 'Withdraw a request sent by mistake (with a reason): audited, the units told; left out of statistics and reminders; an issued letter stays a record, marked withdrawn', params: idParams, body: withdrawRequestBody, response: { 200: requestSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await withdrawRequest(tx, ctx, clockOf(deps), request.params.id, request.body);
      return request_(tx, ctx, request.params.id);
    });
  });

  // Submissions.
  const submissionFilter = (q: Omit<z.output<typeof listSubmissionsQuery>, 'page' | 'pageSize'>) => ({ requestId: q.requestId, mine: q.mine === 'true', toReview: q.toReview === 'true', dueYear: q.dueYear, unitId: q.unitId, issuer: q.issuer, timeliness: q.timeliness, status: q.status, today: vietnamLocalTime(clockOf(deps).now()).date });
  app.get('/api/report-submissions', { schema: { tags, summary: "A page of the units' reports the caller may see (mine=true: those the caller fills in), with how many match", querystring: listSubmissionsQuery, response: { 200: submissionListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    const { page, pageSize } = request.query;
    return db.transaction(async (tx) => {
      const { rows, total } = await listVisibleSubmissions(tx, ctx.actor, submissionFilter(request.query), { page, pageSize });
      return { items: rows.map(presentSubmissionSummary), total };
    });
  });
  app.get('/api/report-submissions/export.xlsx', { schema: { tags, summary: "The units' reports as .xlsx, with the list filters (a title row names the scope and the filters; a unit the caller does not see: 404)", querystring: listSubmissionsQuery.omit({ page: true, pageSize: true }) } }, async (request, reply) => {
    const ctx = contextOf(request);
    const q = request.query;
    const bytes = await db.transaction(async (tx) => {
      const scope = await exportScope(tx, ctx.actor, q.unitId);
      const { rows } = await listVisibleSubmissions(tx, ctx.actor, submissionFilter(q), { page: 1, pageSize: LIST_EXPORT_MAX });
      const title = listTitle("Báo cáo của các đơn vị", scope, [
        ['Yêu cầu báo cáo', q.requestId ? rows[0]?.requestTitle : undefined],
        ['Hạn báo cáo trong năm', q.dueYear],
        ['Tình trạng', q.timeliness && submissionTimelinessLabels[q.timeliness]],
        ['Trạng thái', q.status && displayStatusLabels[q.status]],
        ['Báo cáo của đơn vị mình', q.mine === 'true' ? 'có' : undefined],
        ['Chờ xem xét', q.toReview === 'true' ? 'có' : undefined],
      ]);
      return listWorkbook({ sheet: 'Báo cáo', title, columns: submissionColumns, rows: rows.map(presentSubmissionSummary) });
    });
    return sendXlsx(reply, bytes, 'bao-cao-cua-cac-don-vi.xlsx');
  });
  app.get('/api/report-submissions/:id', { schema: { tags, params: idParams, response: { 200: submissionSchema, ...errors } } }, async (request) => db.transaction((tx) => submission(tx, contextOf(request), request.params.id)));
  app.put('/api/report-submissions/:id/draft', { schema: { tags, summary: "Autosave the unit's draft (409 VERSION_CONFLICT with the other person's draft in `current`)", params: idParams, body: saveSubmissionBody, response: { 200: submissionSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await saveSubmission(tx, ctx, request.params.id, request.body);
      return submission(tx, ctx, request.params.id);
    });
  });
  app.post('/api/report-submissions/:id/submit', { schema: { tags, summary: 'Submit the report (on time or late by the due day)', params: idParams, body: submitSubmissionBody, response: { 200: submissionSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await submitSubmission(tx, ctx, clockOf(deps), request.params.id, request.body);
      return submission(tx, ctx, request.params.id);
    });
  });
  app.post('/api/report-submissions/:id/accept', { schema: { tags, summary: 'Accept a submitted report (standing office)', params: idParams, body: acceptSubmissionBody, response: { 200: submissionSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await reviewSubmission(tx, ctx, request.params.id, 'accept', request.body);
      return submission(tx, ctx, request.params.id);
    });
  });
  app.post('/api/report-submissions/:id/return', { schema: { tags, summary: 'Return a submitted report with reasons the unit sees (standing office)', params: idParams, body: returnSubmissionBody, response: { 200: submissionSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await reviewSubmission(tx, ctx, request.params.id, 'return', request.body);
      return submission(tx, ctx, request.params.id);
    });
  });

  // Exports and statistics (issue 9 §3–4).
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const attachment = (name: string) => `attachment; filename="${name}"`;
  // The compilation, a job (issue 9 §4): 202 and its progress; the requester downloads the .xlsx and the .docx skeleton.
  app.post('/api/report-requests/:id/compilations', { schema: { tags, summary: "Compile the request's accepted reports as a job (the office, the leaders; a unit asked: 403): an .xlsx (a sheet per table, a row per unit, totals) and the .docx skeleton of the office's own report with the figures. Follow it at /api/report-compilations/{id}", params: idParams, response: { 202: reportCompilationSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const row = await db.transaction((tx) => requestCompilation(tx, ctx, request.params.id));
    return reply.status(202).send(presentCompilation(row));
  });
  app.get('/api/report-compilations/:id', { schema: { tags, summary: 'A compilation the caller asked for: status, reports read out of how many, then its files', params: idParams, response: { 200: reportCompilationSchema, ...errors } } }, async (request) =>
    presentCompilation(await findCompilationForActor(db, contextOf(request), request.params.id)),
  );
  for (const [file, which] of [['compilation.xlsx', 'xlsx'], ['report.docx', 'docx']] as const) {
    app.get(`/api/report-compilations/:id/${file}`, { schema: { tags, summary: which === 'xlsx' ? "A finished compilation's .xlsx (its requester)" : "A finished compilation's .docx skeleton of the office's report, Mẫu 1.4, DỰ THẢO (its requester)", params: idParams } }, async (request, reply) => {
      const out = await compilationFile(db, files, contextOf(request), request.params.id, which);
      return reply.type(out.mediaType).header('content-disposition', attachment(out.filename)).header('cache-control', 'private, no-store').send(out.bytes);
    });
  }
  app.get('/api/report-submissions/:id/tables.xlsx', { schema: { tags, summary: "One unit's report tables as .xlsx", params: idParams } }, async (request, reply) => {
    const file = await db.transaction((tx) => exportSubmissionTables(tx, contextOf(request), request.params.id));
    return reply.type(xlsx).header('content-disposition', attachment(file.filename)).send(file.bytes);
  });
  // The .xlsx form of a template version, filled offline and read back into a draft (issue 9 §3).
  app.get('/api/report-templates/:id/form.xlsx', { schema: { tags, summary: 'The blank .xlsx form of a template version: a sheet per table, typed columns, fixed rows filled in, the template and version named in a hidden sheet', params: idParams } }, async (request, reply) => {
    const t = await db.transaction((tx) => findVisibleTemplate(tx, contextOf(request).actor, request.params.id));
    if (!t) throw AppError.notFound('report template');
    return reply.type(xlsx).header('content-disposition', attachment(`bieu-nhap-lieu-${fileSlug(t.name)}-v${t.revision}.xlsx`)).send(await templateFormWorkbook(formTemplate(t), null));
  });
  app.get('/api/report-submissions/:id/form.xlsx', { schema: { tags, summary: "The .xlsx form of the report's template version, filled with the report's tables as they stand", params: idParams } }, async (request, reply) => {
    const { s, t } = await db.transaction(async (tx) => {
      const found = await findVisibleSubmission(tx, contextOf(request).actor, request.params.id);
      if (!found) throw AppError.notFound('report');
      return { s: found, t: (await findTemplate(tx, (await findRequest(tx, found.requestId))!.templateId))! };
    });
    return reply.type(xlsx).header('content-disposition', attachment(`bieu-nhap-lieu-${fileSlug(`${t.name} ${s.agencyName}`)}.xlsx`)).send(await templateFormWorkbook(formTemplate(t), s.content as SubmissionContent));
  });
  app.post(
    '/api/report-submissions/:id/form',
    {
      schema: {
        tags,
        summary: "Fill the draft's tables from its filled .xlsx form (multipart field \"file\", ?version=): the answers are kept; every bad cell or row is listed (400, invalidParams named file.<sheet>!<cell>) and nothing changes",
        params: idParams,
        querystring: formImportQuery,
        response: { 200: submissionSchema, ...errors, 415: problemSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const version = request.query.version;
      // Authorized before a byte of the file is read.
      const template = await db.transaction((tx) => checkTablesImport(tx, ctx, request.params.id, version));
      const { bytes } = await readXlsxUpload(request, { maxBytes: MAX_FORM_BYTES, workbook: 'a report form' });
      const read = await readTemplateForm(bytes, template);
      if (!read.ok) throw formRefused(read.errors);
      return db.transaction(async (tx) => {
        await importSubmissionTables(tx, ctx, request.params.id, version, template.id, read.tables);
        return submission(tx, ctx, request.params.id);
      });
    },
  );
  app.get('/api/report-statistics', { schema: { tags, summary: 'On time, late, returned and missing reports per unit over the requests due in a year, with the on-time rate', querystring: reportStatisticsQuery, response: { 200: reportStatisticsResponse, ...errors } } }, async (request) =>
    db.transaction((tx) => reportStatistics(tx, contextOf(request), request.query, vietnamLocalTime(clockOf(deps).now()).date)),
  );
  app.get('/api/report-statistics.xlsx', { schema: { tags, summary: 'The on-time statistics per unit of a year as .xlsx (the same lines as /api/report-statistics, scoped alike)', querystring: reportStatisticsQuery } }, async (request, reply) => {
    const stats = await db.transaction((tx) => reportStatistics(tx, contextOf(request), request.query, vietnamLocalTime(clockOf(deps).now()).date));
    return reply.type(xlsx).header('content-disposition', attachment(`ty-le-bao-cao-dung-han-${stats.year}.xlsx`)).send(await statisticsWorkbook(stats.year, stats.items));
  });
}
