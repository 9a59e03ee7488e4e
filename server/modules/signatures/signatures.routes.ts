import { problemSchema } from '../../../shared/api/errors.js';
import { awaitingSignatureResponse } from '../../../shared/api/signatures.schemas.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { contextOf } from '../../http/actor.js';
import { listAwaitingSignature } from './awaiting-signature.js';

/** "Chờ ký": the drafts the caller signs to issue, across plans, teams, conclusions, escalations and results reports. */
export async function signatureRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  app.get(
    '/api/awaiting-signature',
    { schema: { tags: ['documents'], summary: 'Drafts waiting for the caller’s signature (scoped by the capability that signs each kind)', response: { 200: awaitingSignatureResponse, 401: problemSchema } } },
    async (request) => listAwaitingSignature(db, contextOf(request).actor),
  );
}
