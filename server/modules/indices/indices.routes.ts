import { z } from 'zod';
import { exportScope, sendXlsx } from '../../documents/list-workbook.js';
import { fileSlug } from '../reports/report-exports.js';
import { indexResultsWorkbook } from './results-workbook.js';
import { idParams, uuid } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import {
  createFrameworkBody,
  frameworkDetailSchema,
  frameworkListResponse,
  frameworkVersionBody,
  listFrameworksQuery,
  resultsQuery,
  scoreImportQuery,
  scoreImportSchema,
  resultsResponse,
  saveSheetBody,
  patchSheetBody,
  sheetParams,
  sheetSchema,
  unitHistoryResponse,
  updateFrameworkBody,
  type FrameworkDetail,
  type FrameworkSummary,
} from '../../../shared/api/indices.schemas.js';
import type { AppDeps, AppInstance } from '../../app.js';
import type { FastifyRequest } from 'fastify';
import type { DbOrTx, Tx } from '../../db/client.js';
import { contextOf, type Actor, type RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { createFramework, newFrameworkVersion, publishFramework, updateFramework } from './framework-use-cases.js';
import { criteriaOf, criteriaOfMany, findVisibleFramework, listFrameworks, treeTotals, unitsToScore, type CriterionRow, type FrameworkRow } from './frameworks.repository.js';
import { frameworkResults, unitHistory } from './index-results.js';
import { frameworkAbilities } from './indices.policy.js';
import { loadSheet, patchScoreSheet, presentSheet, saveScoreSheet } from './score-sheets.js';
import { authorize } from '../../authz/guard.js';
import { findImportForActor, MAX_SCORE_IMPORT_BYTES, presentImport, requestScoreImport, XLSX_MEDIA_TYPE } from './import-scores.js';
import { readXlsxUpload } from '../../jobs/xlsx-import.js';
import { scoreTemplate } from './score-workbook.js';
import { feedbackRoutes } from './feedback.routes.js';
import { riskRoutes } from './risk.routes.js';
import { criteriaImportRoutes } from './criteria-import.routes.js';
import { leavesOf } from '../../../shared/domain/index-scoring.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['indices'];

export function presentFramework(row: FrameworkRow, criteria: CriterionRow[]): FrameworkSummary {
  return {
    id: row.id,
    ownerAgencyId: row.ownerAgencyId,
    ownerAgencyName: row.ownerAgencyName,
    code: row.code,
    name: row.name,
    kind: row.kind as FrameworkSummary['kind'],
    unitKinds: row.unitKinds as FrameworkSummary['unitKinds'],
    revision: row.revision,
    previousId: row.previousId,
    fromYear: row.fromYear,
    toYear: row.toYear,
    aggregation: row.aggregation as FrameworkSummary['aggregation'],
    unmetThresholdPct: row.unmetThresholdPct,
    source: row.source,
    illustrative: row.illustrative,
    status: row.status as FrameworkSummary['status'],
    version: row.version,
    ...treeTotals(criteria),
  };
}

export async function frameworkDetail(tx: DbOrTx, actor: Actor, id: string): Promise<FrameworkDetail> {
  const row = await findVisibleFramework(tx, actor, id);
  if (!row) throw AppError.notFound('index framework');
  const criteria = await criteriaOf(tx, id);
  return {
    ...presentFramework(row, criteria),
    criteria: criteria.map((c) => ({
      id: c.id,
      parentId: c.parentId,
      level: c.level as FrameworkDetail['criteria'][number]['level'],
      code: c.code,
      name: c.name,
      maxPoints: c.maxPoints,
      scoringMethod: c.scoringMethod as FrameworkDetail['criteria'][number]['scoringMethod'],
      expectedEvidence: c.expectedEvidence,
      unmetBelow: c.unmetBelow,
      position: c.position,
    })),
    abilities: frameworkAbilities(actor, row),
  };
}

export async function indicesRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const detail = (tx: DbOrTx, ctx: RequestContext, id: string) => frameworkDetail(tx, ctx.actor, id);
  await feedbackRoutes(app, deps);
  await riskRoutes(app, deps);
  await criteriaImportRoutes(app, deps);

  app.get('/api/index-frameworks', { schema: { tags, summary: 'Index frameworks (PAR Index, SIPAS) the caller may read', querystring: listFrameworksQuery, response: { 200: frameworkListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    const rows = await listFrameworks(db, ctx.actor, request.query);
    const trees = await criteriaOfMany(db, rows.map((r) => r.id));
    return { items: rows.map((r) => presentFramework(r, trees.get(r.id)!)) };
  });

  app.get('/api/index-frameworks/:id', { schema: { tags, summary: 'A framework with its criteria tree', params: idParams, response: { 200: frameworkDetailSchema, ...errors } } }, async (request) =>
    db.transaction((tx) => detail(tx, contextOf(request), request.params.id)),
  );

  app.post('/api/index-frameworks', { schema: { tags, summary: 'New draft framework with its tree', body: createFrameworkBody, response: { 201: frameworkDetailSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => detail(tx, ctx, (await createFramework(tx, ctx, request.body)).id));
    return reply.status(201).send(out);
  });

  app.patch('/api/index-frameworks/:id', { schema: { tags, summary: "Edit a draft; criteria replaces the whole tree", params: idParams, body: updateFrameworkBody, response: { 200: frameworkDetailSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updateFramework(tx, ctx, request.params.id, request.body);
      return detail(tx, ctx, request.params.id);
    });
  });

  app.post('/api/index-frameworks/:id/publish', { schema: { tags, summary: 'Publish a draft (its tree is frozen; units may be scored)', params: idParams, body: frameworkVersionBody, response: { 200: frameworkDetailSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await publishFramework(tx, ctx, request.params.id, request.body.version);
      return detail(tx, ctx, request.params.id);
    });
  });

  app.post('/api/index-frameworks/:id/versions', { schema: { tags, summary: 'A new draft version of a published framework (tree copied)', params: idParams, body: frameworkVersionBody, response: { 201: frameworkDetailSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => detail(tx, ctx, (await newFrameworkVersion(tx, ctx, request.params.id, request.body.version)).id));
    return reply.status(201).send(out);
  });

  app.get('/api/index-frameworks/:id/results', { schema: { tags, summary: "Units' totals, index %, unmet criteria and rank among peers for a year", params: idParams, querystring: resultsQuery, response: { 200: resultsResponse, ...errors } } }, async (request) =>
    db.transaction(async (tx) => {
      const { frameworkId, year, average, averageOf, items } = await frameworkResults(tx, contextOf(request).actor, request.params.id, request.query.year, request.query.parentUnitId, request.query.unitId);
      return { frameworkId, year, average, averageOf, items };
    }),
  );
  app.get('/api/index-frameworks/:id/results.xlsx', { schema: { tags, summary: "The year's results as .xlsx: a row per unit the caller reads (as /results), a column per criterion's points, then total, maximum, index %, unmet criteria and rank; a framework the caller does not see: 404", params: idParams, querystring: resultsQuery } }, async (request, reply) => {
    const ctx = contextOf(request);
    const q = request.query;
    const out = await db.transaction(async (tx) => {
      const scope = await exportScope(tx, ctx.actor, q.parentUnitId);
      const r = await frameworkResults(tx, ctx.actor, request.params.id, q.year, q.parentUnitId);
      return { bytes: await indexResultsWorkbook(r, scope), name: `ket-qua-${fileSlug(r.framework.name)}-${q.year}.xlsx` };
    });
    return sendXlsx(reply, out.bytes, out.name);
  });

  app.get('/api/index-frameworks/:id/sheets/:unitId/:year', { schema: { tags, summary: "A unit's points per criterion for a year, with unmet flags", params: sheetParams, response: { 200: sheetSchema, ...errors } } }, async (request) =>
    db.transaction(async (tx) => {
      const { actor } = contextOf(request);
      const { id, unitId, year } = request.params;
      return presentSheet(actor, await loadSheet(tx, actor, id, unitId, year), year);
    }),
  );

  /** Writes a sheet with one use case (PUT: whole, PATCH: part) and answers with the sheet as saved. */
  const writeAndPresent = <B>(write: (tx: Tx, ctx: RequestContext, id: string, unitId: string, year: number, body: B) => Promise<void>) => async (request: FastifyRequest<{ Params: { id: string; unitId: string; year: number }; Body: B }>) => {
    const ctx = contextOf(request);
    const { id, unitId, year } = request.params;
    return db.transaction(async (tx) => {
      await write(tx, ctx, id, unitId, year, request.body as B);
      return presentSheet(ctx.actor, await loadSheet(tx, ctx.actor, id, unitId, year), year);
    });
  };
  app.put(
    '/api/index-frameworks/:id/sheets/:unitId/:year',
    { schema: { tags, summary: "Enter or correct a unit's whole sheet (every criterion; self-assessed, appraised, final points)", params: sheetParams, body: saveSheetBody, response: { 200: sheetSchema, ...errors } } },
    writeAndPresent(saveScoreSheet),
  );
  app.patch(
    '/api/index-frameworks/:id/sheets/:unitId/:year',
    { schema: { tags, summary: "Correct some criteria of a unit's sheet, the others kept as saved", params: sheetParams, body: patchSheetBody, response: { 200: sheetSchema, ...errors } } },
    writeAndPresent(patchScoreSheet),
  );

  app.get('/api/units/:id/index-history', { schema: { tags, summary: "A unit's index and satisfaction results across years, with rank among its peers", params: z.object({ id: uuid }), response: { 200: unitHistoryResponse, ...errors } } }, async (request) =>
    db.transaction((tx) => unitHistory(tx, contextOf(request).actor, request.params.id)),
  );

  app.get('/api/index-frameworks/:id/score-template.xlsx', { schema: { tags, summary: 'An .xlsx to fill in: the framework’s sheet, a row per unit the caller scores, a column per criterion', params: idParams } }, async (request, reply) => {
    const { actor } = contextOf(request);
    const framework = await findVisibleFramework(db, actor, request.params.id);
    if (!framework) throw AppError.notFound('index framework');
    const leaves = leavesOf(await criteriaOf(db, framework.id));
    const units = await unitsToScore(db, actor, framework.unitKinds);
    return reply
      .type(XLSX_MEDIA_TYPE)
      .header('content-disposition', `attachment; filename="${framework.code}.xlsx"`)
      .send(await scoreTemplate(framework.code, leaves, units));
  });

  app.post(
    '/api/index-frameworks/:id/score-imports',
    {
      schema: {
        tags,
        summary: 'Import scores from .xlsx as a job (multipart field "file"): one sheet named by the framework code, a row per unit, a column per criterion; dryRun=true checks without writing',
        params: idParams,
        querystring: scoreImportQuery,
        response: { 202: scoreImportSchema, ...errors, 415: problemSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      // Before a byte of the file is read.
      authorize(ctx.actor, 'index.score', 'you may not import scores');
      const framework = await findVisibleFramework(db, ctx.actor, request.params.id);
      if (!framework) throw AppError.notFound('index framework');
      const { bytes, fileName } = await readXlsxUpload(request, { maxBytes: MAX_SCORE_IMPORT_BYTES, workbook: 'a score workbook' });
      const { year, points, dryRun } = request.query;
      const row = await db.transaction((tx) => requestScoreImport(tx, ctx, framework, { year, points, dryRun: dryRun === 'true', bytes, fileName }));
      return reply.status(202).send(presentImport(row));
    },
  );

  app.get('/api/index-score-imports/:id', { schema: { tags, summary: 'An import the caller asked for: status, row-level errors, counts', params: idParams, response: { 200: scoreImportSchema, ...errors } } }, async (request) =>
    presentImport(await findImportForActor(db, contextOf(request), request.params.id)),
  );
}
