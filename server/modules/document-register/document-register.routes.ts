import { problemSchema } from '../../../shared/api/errors.js';
import {
  createRegisterEntryBody,
  documentTypeListResponse,
  listRegisterQuery,
  pdfAvailabilitySchema,
  registerEntrySchema,
  registerListResponse,
} from '../../../shared/api/documents.schemas.js';
import { documentTypes } from '../../../shared/domain/document-types.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import type { DbOrTx } from '../../db/client.js';
import { isPdfAvailable } from '../../documents/pdf.js';
import { contextOf, type Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import type { Capability } from '../../../shared/domain/capabilities.js';
import { inReach } from '../../authz/scope.js';
import { agencyPlace } from '../registry/registry.policy.js';
import { findVisibleAgency } from '../registry/registry.repository.js';
import { listRegister, presentRegisterEntry, registerDocument } from './document-register.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** The agency as the actor sees it (null when they cannot see it at all), and whether a capability reaches it. */
async function agencyInReach(tx: DbOrTx, actor: Actor, agencyId: string) {
  const agency = await findVisibleAgency(tx, actor, agencyId);
  return { agency, reaches: (capability: Capability) => !!agency && inReach(actor, capability, agencyPlace(agency)) };
}

export async function documentRegisterRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['documents'];

  app.get('/api/document-types', { schema: { tags, summary: 'Document types and abbreviations (Decree 30, Phụ lục III)', response: { 200: documentTypeListResponse } } }, async () => ({
    items: documentTypes.map((t) => ({ code: t.code, name: t.name, abbreviation: t.abbreviation })),
  }));

  app.get('/api/documents/pdf-availability', { schema: { tags, summary: 'Whether the server can produce PDF (LibreOffice installed)', response: { 200: pdfAvailabilitySchema } } }, async (request) => {
    contextOf(request);
    return { available: isPdfAvailable() };
  });

  app.get('/api/document-register', { schema: { tags, summary: "An agency's register for a year, by number", querystring: listRegisterQuery, response: { 200: registerListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    // An agency the caller cannot see is not found; one they see but whose register is not theirs to read is forbidden.
    const { reaches } = await agencyInReach(db, ctx.actor, request.query.agencyId);
    if (!reaches('registry.read')) throw AppError.notFound('agency');
    if (!reaches('register.read')) throw new AppError('FORBIDDEN', "you may not read this agency's register");
    const rows = await listRegister(db, request.query.agencyId, request.query.year, { latestOnly: request.query.latest === 'true' });
    return { items: rows.map((r) => presentRegisterEntry(r.entry, r.agencyName)) };
  });

  app.post(
    '/api/document-register',
    { schema: { tags, summary: 'Register a document made outside the app; it takes the next number', body: createRegisterEntryBody, response: { 201: registerEntrySchema, ...errors } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const entry = await db.transaction(async (tx) => {
        const { agency, reaches } = await agencyInReach(tx, ctx.actor, request.body.agencyId);
        if (!agency || !reaches('registry.read')) throw AppError.invalid('body.agencyId', 'not_found', 'the agency does not exist');
        if (!reaches('register.record')) throw new AppError('FORBIDDEN', 'you may not register documents of this agency');
        const row = await registerDocument(tx, ctx, { ...request.body, subjectType: null, subjectId: null, notAfter: vietnamLocalTime(clockOf(deps).now()).date });
        return presentRegisterEntry(row, agency.name);
      });
      return reply.status(201).send(entry);
    },
  );
}
