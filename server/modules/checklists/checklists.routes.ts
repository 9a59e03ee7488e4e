import { z } from 'zod';
import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import {
  createChecklistBody,
  createTemplateBody,
  documentEvidenceBody,
  evidenceSchema,
  inspectionChecklistsResponse,
  itemHistoryResponse,
  listTemplatesQuery,
  saveAnswerBody,
  saveAnswerResponse,
  templateDetailSchema,
  templateListResponse,
  templateMoveBody,
  updateTemplateBody,
  uploadEvidenceQuery,
} from '../../../shared/api/checklists.schemas.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import type { DbOrTx } from '../../db/client.js';
import { FileStorage } from '../../files/file-storage.js';
import { receiveOneFile } from '../../files/files.routes.js';
import { contextOf, type RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { findVisibleInspection } from '../inspections/inspections.repository.js';
import './checklists.files.js';
import { evidenceOf, inspectionOfVisibleItem, revisionsOf } from './checklists.repository.js';
import { presentChecklists, presentEvidence, presentItemById, presentTemplate, presentTemplates } from './checklists.presenter.js';
import { createChecklist } from './create-checklist.js';
import { addDocumentEvidence, addFileEvidence, evidenceByClientId, evidencePurposes, itemForEvidence, removeEvidence } from './evidence.js';
import { saveAnswer } from './save-answer.js';
import { createTemplate, newTemplateVersion, publishTemplate, updateTemplate } from './template-use-cases.js';
import { findVisibleTemplate, listTemplates } from './templates.repository.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Checklist templates (the office) and an inspection's checklists: answers, history, evidence. */
export async function checklistRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const files = deps.files ?? FileStorage.fromConfig(deps.config);
  const tags = ['checklists'];

  async function template(tx: DbOrTx, ctx: RequestContext, id: string) {
    const row = await findVisibleTemplate(tx, ctx.actor, id);
    if (!row) throw AppError.notFound('checklist template');
    return presentTemplate(tx, ctx.actor, row);
  }
  async function checklists(tx: DbOrTx, ctx: RequestContext, inspectionId: string) {
    const row = await findVisibleInspection(tx, ctx.actor, inspectionId);
    if (!row) throw AppError.notFound('inspection');
    return presentChecklists(tx, ctx.actor, row);
  }

  app.get('/api/checklist-templates', { schema: { tags, summary: 'Checklist templates the caller may read (their authority’s and those above)', querystring: listTemplatesQuery, response: { 200: templateListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => ({ items: await presentTemplates(tx, ctx.actor, await listTemplates(tx, ctx.actor, request.query)) }));
  });

  app.get('/api/checklist-templates/:id', { schema: { tags, params: idParams, response: { 200: templateDetailSchema, ...errors } } }, async (request) =>
    db.transaction(async (tx) => template(tx, contextOf(request), request.params.id)),
  );

  app.post('/api/checklist-templates', { schema: { tags, summary: 'A new draft template (the standing office)', body: createTemplateBody, response: { 201: templateDetailSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => template(tx, ctx, (await createTemplate(tx, ctx, request.body)).id));
    return reply.status(201).send(out);
  });

  app.put('/api/checklist-templates/:id', { schema: { tags, summary: 'Edit a draft: groups and items replaced whole (versioned)', params: idParams, body: updateTemplateBody, response: { 200: templateDetailSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updateTemplate(tx, ctx, request.params.id, request.body);
      return template(tx, ctx, request.params.id);
    });
  });

  app.post('/api/checklist-templates/:id/publish', { schema: { tags, summary: 'Publish a draft: teams may use it; frozen from now on', params: idParams, body: templateMoveBody, response: { 200: templateDetailSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await publishTemplate(tx, ctx, request.params.id, request.body.version);
      return template(tx, ctx, request.params.id);
    });
  });

  app.post('/api/checklist-templates/:id/versions', { schema: { tags, summary: 'A new draft revision of a published template', params: idParams, body: templateMoveBody, response: { 201: templateDetailSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => template(tx, ctx, (await newTemplateVersion(tx, ctx, request.params.id, request.body.version)).id));
    return reply.status(201).send(out);
  });

  app.get(
    '/api/inspections/:id/checklists',
    { schema: { tags, summary: 'The inspection’s checklists with answers and evidence (whoever sees the inspection; an unannounced visit hidden from the unit until it starts)', params: idParams, response: { 200: inspectionChecklistsResponse, ...errors } } },
    async (request) => db.transaction(async (tx) => checklists(tx, contextOf(request), request.params.id)),
  );

  app.post(
    '/api/inspections/:id/checklists',
    { schema: { tags, summary: 'Add a checklist from a published template (the team, the office); group b lists the agency’s assigned tasks', params: idParams, body: createChecklistBody, response: { 201: inspectionChecklistsResponse, ...errors } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const out = await db.transaction(async (tx) => {
        await createChecklist(tx, ctx, clockOf(deps), request.params.id, request.body.templateId);
        return checklists(tx, ctx, request.params.id);
      });
      return reply.status(201).send(out);
    },
  );

  app.put(
    '/api/checklist-items/:id/answer',
    {
      schema: {
        tags,
        summary: 'Autosave an item’s answer and note (the team). From a stale version: 409 VERSION_CONFLICT with `current`, or with onConflict keep_both both saves stay in the history and the later one is shown',
        params: idParams,
        body: saveAnswerBody,
        response: { 200: saveAnswerResponse, ...errors },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return db.transaction(async (tx) => {
        const { item, outcome } = await saveAnswer(tx, ctx, request.params.id, request.body);
        return { item: await presentItemById(tx, item), outcome };
      });
    },
  );

  app.get('/api/checklist-items/:id/history', { schema: { tags, summary: 'Every save of an item, conflicting ones included', params: idParams, response: { 200: itemHistoryResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      if (!(await inspectionOfVisibleItem(tx, ctx.actor, request.params.id))) throw AppError.notFound('checklist item');
      const rows = await revisionsOf(tx, request.params.id);
      return {
        items: rows.map(({ revision: r, editedByName }) => ({
          id: r.id,
          itemVersion: r.itemVersion,
          baseVersion: r.baseVersion,
          conflictWithVersion: r.conflictWithVersion,
          rating: r.rating as never,
          numberValue: r.numberValue,
          textValue: r.textValue,
          note: r.note,
          editedAt: r.editedAt.toISOString(),
          editedBy: r.editedBy,
          editedByName,
          receivedAt: r.receivedAt.toISOString(),
        })),
      };
    });
  });

  app.post(
    '/api/checklist-items/:id/evidence',
    { schema: { tags, summary: 'Record a document sighted as evidence (title, number, date); idempotent by clientId', params: idParams, body: documentEvidenceBody, response: { 201: evidenceSchema, ...errors } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const out = await db.transaction(async (tx) => {
        const row = await addDocumentEvidence(tx, ctx, request.params.id, request.body);
        return presentEvidence({ ...row, fileName: null, mediaType: null, size: null });
      });
      return reply.status(201).send(out);
    },
  );

  app.post(
    '/api/checklist-items/:id/evidence/upload',
    {
      schema: {
        tags,
        summary: 'Attach a photo (JPEG, PNG, HEIC, at most 8 MB: resized on the device, capture time kept) or a file (PDF, .docx, .xlsx, pictures) as evidence; multipart, one part "file"; idempotent by clientId',
        params: idParams,
        querystring: uploadEvidenceQuery,
        response: { 201: evidenceSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { kind, clientId, capturedAt } = request.query;
      // Authorized, and a repeated upload recognised, before a byte of the body is read.
      await itemForEvidence(db, ctx.actor, request.params.id);
      const known = await evidenceByClientId(db, request.params.id, clientId);
      if (!known && !request.isMultipart()) throw AppError.invalid('body.file', 'not_multipart', 'send the file as multipart/form-data, field "file"');
      const received = known ? null : await receiveOneFile(request, files, evidencePurposes[kind]);
      try {
        const out = await db.transaction(async (tx) => {
          const row = received ? await addFileEvidence(tx, ctx, files, { itemId: request.params.id, kind, clientId, capturedAt: capturedAt ?? null, file: received }) : known!;
          const [withFile] = await evidenceOf(tx, [row.itemId]).then((all) => all.filter((e) => e.id === row.id));
          return presentEvidence(withFile);
        });
        return reply.status(201).send(out);
      } finally {
        if (received) await files.discard(received);
      }
    },
  );

  app.delete('/api/checklist-evidence/:id', { schema: { tags, summary: 'Remove a piece of evidence (the team)', params: idParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    await db.transaction((tx) => removeEvidence(tx, ctx, request.params.id));
    await files.sweepUnreferenced(db);
    return reply.status(204).send(null);
  });
}
