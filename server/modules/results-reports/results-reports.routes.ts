import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import {
  createResultsReportBody,
  deleteResultsReportQuery,
  issueResultsReportBody,
  listResultsReportsQuery,
  resultsReportListResponse,
  resultsReportSchema,
  updateResultsReportBody,
  type ResultsReportContent,
  type ResultsReportDto,
} from '../../../shared/api/results-reports.schemas.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf, type Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { authorize } from '../../authz/guard.js';
import { z } from 'zod';
import { createResultsReport } from './create-results-report.js';
import { deleteResultsReport } from './delete-results-report.js';
import { issueResultsReport } from './issue-results-report.js';
import { reportFigures } from './report-figures.js';
import { reportAbilities } from './results-reports.policy.js';
import { findVisibleReport, listReports, type ReportRow } from './results-reports.repository.js';
import { updateResultsReport } from './update-results-report.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['results-reports'];

function summary(actor: Actor, r: ReportRow) {
  return {
    id: r.id,
    issuingAgencyId: r.issuingAgencyId,
    issuingAgencyName: r.issuingAgencyName,
    unitId: r.unitId,
    unitName: r.unitName,
    year: r.year,
    status: r.status as ResultsReportDto['status'],
    number: r.number,
    symbol: r.symbol,
    issuedOn: r.issuedOn,
    version: r.version,
    abilities: reportAbilities(actor, r),
  };
}

async function detail(tx: DbOrTx, actor: Actor, id: string, today: string): Promise<ResultsReportDto> {
  const r = await findVisibleReport(tx, actor, id);
  if (!r) throw AppError.notFound('results report');
  return { ...summary(actor, r), content: r.content as ResultsReportContent, figures: await reportFigures(tx, r, today) };
}

/** The annual results report: drafted by the office, issued by a leader; its document through /api/documents/results-report/{id}. */
export async function resultsReportRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const today = () => vietnamLocalTime(clockOf(deps).now()).date;

  app.get('/api/results-reports', { schema: { tags, summary: 'Annual results reports of the authorities in reach', querystring: listResultsReportsQuery, response: { 200: resultsReportListResponse, ...errors } } }, async (request) => {
    const { actor } = contextOf(request);
    authorize(actor, 'results_report.read', 'you may not read results reports');
    return { items: (await listReports(db, actor, request.query.year)).map((r) => summary(actor, r)) };
  });

  app.post('/api/results-reports', { schema: { tags, summary: "Draft the year's results report of an authority (texts prefilled, figures from the data)", body: createResultsReportBody, response: { 201: resultsReportSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => detail(tx, ctx.actor, (await createResultsReport(tx, ctx, request.body, today())).id, today()));
    return reply.status(201).send(out);
  });

  app.get('/api/results-reports/:id', { schema: { tags, summary: 'A results report: texts, the figures it prints, abilities', params: idParams, response: { 200: resultsReportSchema, ...errors } } }, async (request) =>
    db.transaction((tx) => detail(tx, contextOf(request).actor, request.params.id, today())),
  );

  app.patch('/api/results-reports/:id', { schema: { tags, summary: "Edit a draft's texts", params: idParams, body: updateResultsReportBody, response: { 200: resultsReportSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updateResultsReport(tx, ctx, request.params.id, request.body);
      return detail(tx, ctx.actor, request.params.id, today());
    });
  });

  app.delete('/api/results-reports/:id', { schema: { tags, summary: 'Discard a draft (the office); an issued report stays', params: idParams, querystring: deleteResultsReportQuery, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    await db.transaction((tx) => deleteResultsReport(tx, ctx, request.params.id, request.query.version));
    return reply.status(204).send(null);
  });

  app.post('/api/results-reports/:id/issue', { schema: { tags, summary: 'Approve and sign: numbered in the register, figures and document frozen', params: idParams, body: issueResultsReportBody, response: { 200: resultsReportSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await issueResultsReport(tx, ctx, request.params.id, request.body, today());
      return detail(tx, ctx.actor, request.params.id, today());
    });
  });
}
