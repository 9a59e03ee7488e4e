import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { createUserBody, listUsersQuery, updateUserBody, userListResponse, userSchema } from '../../../shared/api/users.schemas.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { contextOf } from '../../http/actor.js';
import { hashPassword } from '../session/passwords.js';
import { createUser } from './create-user.js';
import { listUsers } from './list-users.js';
import { updateUser } from './update-user.js';
import { authorizeUserManagement } from './users.policy.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export async function userRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;

  app.get('/api/users', { schema: { tags: ['users'], querystring: listUsersQuery, response: { 200: userListResponse, ...errors } } }, async (request) =>
    listUsers(db, contextOf(request), request.query),
  );

  app.post('/api/users', { schema: { tags: ['users'], body: createUserBody, response: { 201: userSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    // Refused before the (slow) hash is computed.
    authorizeUserManagement(ctx.actor);
    const { password, ...input } = request.body;
    const passwordHash = await hashPassword(password);
    const user = await db.transaction((tx) => createUser(tx, ctx, { ...input, passwordHash }));
    return reply.status(201).send(user);
  });

  app.patch('/api/users/:id', { schema: { tags: ['users'], params: idParams, body: updateUserBody, response: { 200: userSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    authorizeUserManagement(ctx.actor);
    const { password, ...input } = request.body;
    const passwordHash = password ? await hashPassword(password) : undefined;
    return db.transaction((tx) => updateUser(tx, ctx, request.params.id, { ...input, passwordHash }));
  });
}
