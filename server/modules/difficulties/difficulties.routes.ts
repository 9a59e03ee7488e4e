import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import {
  answerDifficultyBody,
  closeDifficultyBody,
  difficultyDetailSchema,
  difficultyListResponse,
  forwardDifficultyBody,
  listDifficultiesQuery,
  raiseDifficultyBody,
  reformAreaListResponse,
} from '../../../shared/api/difficulties.schemas.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import { holdsAnywhere } from '../../authz/scope.js';
import { exportScope, LIST_EXPORT_MAX, sendXlsx } from '../../documents/list-workbook.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf, type Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { answerDifficulty } from './answer-difficulty.js';
import { closeDifficulty } from './close-difficulty.js';
import { presentDifficulty, presentDifficultyDetail } from './difficulties.presenter.js';
import { findVisibleDifficulty, listDifficulties, listReformAreas } from './difficulties.repository.js';
import { difficultiesWorkbook, difficultyStatusLabels } from './difficulties-workbook.js';
import type { DifficultyEnv } from './difficulty-env.js';
import { forwardDifficulty } from './forward-difficulty.js';
import { raiseDifficulty } from './raise-difficulty.js';
import './difficulties.files.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['difficulties'];

function mayRead(actor: Actor) {
  if (!holdsAnywhere(actor, 'difficulty.read') && !holdsAnywhere(actor, 'difficulty.raise')) throw new AppError('FORBIDDEN', 'you may not read difficulties');
}

/** Difficulties raised to the committee (issue 9 §7, M17). */
export async function difficultyRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const envOf = async (tx: DbOrTx): Promise<DifficultyEnv> => ({ calendar: (await loadWorkingCalendar(tx)).calendar, today: vietnamLocalTime(clockOf(deps).now()).date });
  async function detail(tx: DbOrTx, actor: Actor, env: DifficultyEnv, id: string) {
    const row = await findVisibleDifficulty(tx, actor, id);
    if (!row) throw AppError.notFound('difficulty');
    return presentDifficultyDetail(tx, actor, env, row);
  }

  app.get('/api/reform-areas', { schema: { tags, summary: 'The areas of administrative reform a difficulty may concern', response: { 200: reformAreaListResponse, ...errors } } }, async () => ({
    items: (await listReformAreas(db)).map((a) => ({ id: a.id, code: a.code, name: a.name, nameEn: a.nameEn, active: a.active })),
  }));

  app.get('/api/difficulties', { schema: { tags, summary: 'Difficulties the caller may see (a unit its own), newest first, with filters and diacritic-insensitive search', querystring: listDifficultiesQuery, response: { 200: difficultyListResponse, ...errors } } }, async (request) => {
    const { actor } = contextOf(request);
    mayRead(actor);
    const { page, pageSize, ...filter } = request.query;
    return db.transaction(async (tx) => {
      const env = await envOf(tx);
      const { rows, total, counts } = await listDifficulties(tx, actor, filter, { page, pageSize });
      return { items: rows.map((r) => presentDifficulty(actor, env, r)), total, counts };
    });
  });

  app.get('/api/difficulties/export.xlsx', { schema: { tags, summary: 'The list as .xlsx, with the list filters (response times in working days)', querystring: listDifficultiesQuery.omit({ page: true, pageSize: true }) } }, async (request, reply) => {
    const { actor } = contextOf(request);
    mayRead(actor);
    const bytes = await db.transaction(async (tx) => {
      const env = await envOf(tx);
      const q = request.query;
      const scope = await exportScope(tx, actor, q.unitId);
      const { rows } = await listDifficulties(tx, actor, q, { page: 1, pageSize: LIST_EXPORT_MAX });
      const items = rows.map((r) => presentDifficulty(actor, env, r));
      const areaName = q.reformAreaId ? (await listReformAreas(tx)).find((a) => a.id === q.reformAreaId)?.name : undefined;
      return difficultiesWorkbook(items, scope, [
        ['Năm', q.year],
        ['Tình trạng', q.status ? difficultyStatusLabels[q.status] : q.state === 'open' ? 'Chưa trả lời' : q.state === 'answered' ? 'Đã trả lời' : undefined],
        ['Lĩnh vực', areaName],
        ['Đơn vị', q.agencyId ? (items[0]?.agencyName ?? undefined) : undefined],
        ['Tìm', q.q],
      ]);
    });
    return sendXlsx(reply, bytes, 'kho-khan-vuong-mac.xlsx');
  });

  app.get('/api/difficulties/:id', { schema: { tags, summary: 'A difficulty with its answer, and the leaders it may be forwarded to', params: idParams, response: { 200: difficultyDetailSchema, ...errors } } }, async (request) =>
    db.transaction(async (tx) => detail(tx, contextOf(request).actor, await envOf(tx), request.params.id)),
  );

  app.post('/api/difficulties', { schema: { tags, summary: "Raise a difficulty of the caller's unit to the committee (the unit's officer); the standing office is told", body: raiseDifficultyBody, response: { 201: difficultyDetailSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => {
      const env = await envOf(tx);
      return detail(tx, ctx.actor, env, (await raiseDifficulty(tx, ctx, env, request.body)).id);
    });
    return reply.status(201).send(out);
  });

  const move = <B extends { version: number }>(path: string, summary: string, body: typeof forwardDifficultyBody | typeof answerDifficultyBody | typeof closeDifficultyBody, run: (tx: Parameters<typeof raiseDifficulty>[0], ctx: ReturnType<typeof contextOf>, env: DifficultyEnv, id: string, input: B) => Promise<unknown>) =>
    app.post(path, { schema: { tags, summary, params: idParams, body, response: { 200: difficultyDetailSchema, ...errors } } }, async (request) => {
      const ctx = contextOf(request);
      return db.transaction(async (tx) => {
        const env = await envOf(tx);
        await run(tx, ctx, env, request.params.id, request.body as B);
        return detail(tx, ctx.actor, env, request.params.id);
      });
    });
  move('/api/difficulties/:id/forward', 'Forward a raised difficulty to a leader (the standing office; versioned); the leader is told', forwardDifficultyBody, forwardDifficulty);
  move('/api/difficulties/:id/answer', 'Answer a difficulty (the office if not forwarded, or a leader; never the one who raised it; versioned); the unit is told', answerDifficultyBody, answerDifficulty);
  move('/api/difficulties/:id/close', 'Close an answered difficulty (the raising unit or the office; versioned)', closeDifficultyBody, closeDifficulty);
}
