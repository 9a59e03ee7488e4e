import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { frameworkImportQuery, frameworkImportSchema } from '../../../shared/api/indices.schemas.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { authorize } from '../../authz/guard.js';
import { contextOf } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { readXlsxUpload, XLSX_MEDIA_TYPE } from '../../jobs/xlsx-import.js';
import { criteriaWorkbook } from './criteria-workbook.js';
import { criteriaOf, findVisibleFramework } from './frameworks.repository.js';
import { findCriteriaImportForActor, MAX_CRITERIA_IMPORT_BYTES, presentCriteriaImport, requestCriteriaImport } from './import-criteria.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['indices'];

/** A framework's criteria tree as .xlsx, and its import into a draft (issue 11 §1). */
export async function criteriaImportRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;

  app.get('/api/index-frameworks/:id/criteria.xlsx', { schema: { tags, summary: 'The framework’s criteria tree as .xlsx (sheet "Tiêu chí": Mã, Tên tiêu chí, Điểm tối đa, …), the layout its import reads', params: idParams } }, async (request, reply) => {
    const framework = await findVisibleFramework(db, contextOf(request).actor, request.params.id);
    if (!framework) throw AppError.notFound('index framework');
    return reply
      .type(XLSX_MEDIA_TYPE)
      .header('content-disposition', `attachment; filename="${framework.code}-tieu-chi.xlsx"`)
      .send(await criteriaWorkbook(await criteriaOf(db, framework.id)));
  });

  app.post(
    '/api/index-frameworks/:id/criteria-imports',
    {
      schema: {
        tags,
        summary: 'Replace a draft framework’s criteria tree from .xlsx as a job (multipart field "file"); dryRun=true checks without writing',
        params: idParams,
        querystring: frameworkImportQuery,
        response: { 202: frameworkImportSchema, ...errors, 415: problemSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      // Before a byte of the file is read.
      authorize(ctx.actor, 'index.manage', 'you may not manage index frameworks');
      const { bytes, fileName } = await readXlsxUpload(request, { maxBytes: MAX_CRITERIA_IMPORT_BYTES, workbook: 'a criteria workbook' });
      const row = await db.transaction((tx) => requestCriteriaImport(tx, ctx, request.params.id, { dryRun: request.query.dryRun === 'true', bytes, fileName }));
      return reply.status(202).send(presentCriteriaImport(row));
    },
  );

  app.get('/api/index-framework-imports/:id', { schema: { tags, summary: 'A criteria import the caller asked for: status, row-level errors, counts', params: idParams, response: { 200: frameworkImportSchema, ...errors } } }, async (request) =>
    presentCriteriaImport(await findCriteriaImportForActor(db, contextOf(request), request.params.id)),
  );
}
