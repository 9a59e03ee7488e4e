import { z } from 'zod';
import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import {
  agencyDetailSchema,
  agencyListResponse,
  createAgencyBody,
  createSuccessionBody,
  createUnitBody,
  deactivateBody,
  registryImportSchema,
  listAgenciesQuery,
  listUnitsQuery,
  successionSchema,
  unitDetailSchema,
  unitListResponse,
  updateAgencyBody,
  updateUnitBody,
} from '../../../shared/api/registry.schemas.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { contextOf, type RequestContext } from '../../http/actor.js';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import { authorize } from '../../authz/guard.js';
import { createAgency } from './create-agency.js';
import { deactivateAgency } from './deactivate-agency.js';
import { updateAgency } from './update-agency.js';
import { exportRegistry } from './export-registry.js';
import { findRegistryImport, MAX_REGISTRY_IMPORT_BYTES, presentRegistryImport, requestRegistryImport } from './registry-import.job.js';
import { readXlsxUpload } from '../../jobs/xlsx-import.js';
import { cleanFileName } from '../../files/file-names.js';
import { agencyAbilities, unitAbilities } from './registry.policy.js';
import { presentAgency, presentUnit, withAbilities } from './registry.presenter.js';
import { findSuccessions, findVisibleAgency, findVisibleUnit, pageUnits, pageAgencies } from './registry.repository.js';
import { addSuccession } from './add-succession.js';
import { createUnit } from './create-unit.js';
import { deactivateUnit } from './deactivate-unit.js';
import { getUnitOrThrow } from './get-unit.js';
import { updateUnit } from './update-unit.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export async function registryRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;

  /**
   * A unit as the caller sees it. Writes read back in their own transaction, so what was just
   * written is what is answered (never a 404 for a committed change, never a retry's duplicate).
   */
  async function unitDetail(tx: Tx, ctx: RequestContext, id: string) {
    const row = await getUnitOrThrow(tx, ctx, id);
    const parent = row.parentId ? await findVisibleUnit(tx, ctx.actor, row.parentId) : null;
    const successions = await findSuccessions(tx, ctx.actor, id);
    return withAbilities(
      {
        ...presentUnit(row),
        parentName: parent?.name ?? null,
        successors: successions.filter((s) => s.fromUnitId === id) as z.infer<typeof successionSchema>[],
        predecessors: successions.filter((s) => s.toUnitId === id) as z.infer<typeof successionSchema>[],
      },
      unitAbilities(ctx.actor, row),
    );
  }

  async function agencyDetail(tx: Tx, ctx: RequestContext, id: string) {
    const row = await findVisibleAgency(tx, ctx.actor, id);
    if (!row) throw AppError.notFound('agency');
    return withAbilities(presentAgency(row), agencyAbilities(ctx.actor, row));
  }

  app.get('/api/units', { schema: { tags: ['registry'], summary: 'Territorial units in scope, Vietnamese order', querystring: listUnitsQuery, response: { 200: unitListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    const page = await pageUnits(db, ctx.actor, request.query);
    return { items: page.rows.map(presentUnit), nextCursor: page.nextCursor, total: page.total };
  });

  app.get('/api/units/:id', { schema: { tags: ['registry'], params: idParams, response: { 200: unitDetailSchema, ...errors } } }, async (request) =>
    db.transaction((tx) => unitDetail(tx, contextOf(request), request.params.id)),
  );

  app.post('/api/units', { schema: { tags: ['registry'], body: createUnitBody, response: { 201: unitDetailSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const detail = await db.transaction(async (tx) => unitDetail(tx, ctx, (await createUnit(tx, ctx, request.body)).id));
    return reply.status(201).send(detail);
  });

  app.patch('/api/units/:id', { schema: { tags: ['registry'], params: idParams, body: updateUnitBody, response: { 200: unitDetailSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updateUnit(tx, ctx, request.params.id, request.body);
      return unitDetail(tx, ctx, request.params.id);
    });
  });

  app.post('/api/units/:id/deactivate', { schema: { tags: ['registry'], params: idParams, body: deactivateBody, response: { 200: unitDetailSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await deactivateUnit(tx, ctx, request.params.id, request.body);
      return unitDetail(tx, ctx, request.params.id);
    });
  });

  app.post('/api/units/:id/successions', { schema: { tags: ['registry'], params: idParams, body: createSuccessionBody, response: { 200: unitDetailSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await addSuccession(tx, ctx, request.params.id, request.body);
      return unitDetail(tx, ctx, request.params.id);
    });
  });

  app.get('/api/agencies', { schema: { tags: ['registry'], querystring: listAgenciesQuery, response: { 200: agencyListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    const page = await pageAgencies(db, ctx.actor, request.query);
    return { items: page.rows.map(presentAgency), nextCursor: page.nextCursor, total: page.total };
  });

  app.get('/api/agencies/:id', { schema: { tags: ['registry'], params: idParams, response: { 200: agencyDetailSchema, ...errors } } }, async (request) =>
    db.transaction((tx) => agencyDetail(tx, contextOf(request), request.params.id)),
  );

  app.post('/api/agencies', { schema: { tags: ['registry'], body: createAgencyBody, response: { 201: agencyDetailSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const detail = await db.transaction(async (tx) => agencyDetail(tx, ctx, (await createAgency(tx, ctx, request.body)).id));
    return reply.status(201).send(detail);
  });

  app.patch('/api/agencies/:id', { schema: { tags: ['registry'], params: idParams, body: updateAgencyBody, response: { 200: agencyDetailSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updateAgency(tx, ctx, request.params.id, request.body);
      return agencyDetail(tx, ctx, request.params.id);
    });
  });

  app.post('/api/agencies/:id/deactivate', { schema: { tags: ['registry'], params: idParams, body: deactivateBody, response: { 200: agencyDetailSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await deactivateAgency(tx, ctx, request.params.id, request.body);
      return agencyDetail(tx, ctx, request.params.id);
    });
  });

  app.get('/api/registry/export.xlsx', { schema: { tags: ['registry'], summary: 'Units and agencies in scope as .xlsx' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const bytes = await exportRegistry(db, ctx.actor);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="danh-muc-don-vi.xlsx"`)
      .send(bytes);
  });

  app.post(
    '/api/registry/import',
    {
      schema: {
        tags: ['registry'],
        summary: 'Import units and agencies from .xlsx (multipart field "file") as a job; ?dryRun=true checks without writing. Follow it at /api/registry/imports/{id}.',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
        response: { 202: registryImportSchema, ...errors, 415: problemSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      // Before a byte of the file is read: parsing a workbook is the expensive part.
      authorize(ctx.actor, 'registry.import', 'you may not import into the registry');
      const { bytes, fileName } = await readXlsxUpload(request, { maxBytes: MAX_REGISTRY_IMPORT_BYTES, workbook: 'a registry workbook', cleanName: (raw) => cleanFileName(raw, 'danh-muc.xlsx') });
      const row = await db.transaction((tx) => requestRegistryImport(tx, ctx, { bytes, fileName, dryRun: request.query.dryRun === 'true' }));
      return reply.status(202).send(presentRegistryImport(row));
    },
  );

  app.get(
    '/api/registry/imports/:id',
    { schema: { tags: ['registry'], summary: 'A registry import the caller asked for: progress, then what it did', params: idParams, response: { 200: registryImportSchema, ...errors } } },
    async (request) => presentRegistryImport(await findRegistryImport(db, contextOf(request), request.params.id)),
  );
}
