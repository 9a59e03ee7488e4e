import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import {
  actionBoardSchema,
  actionReinspectionResultBody,
  actionReviewBody,
  actionUpdateBody,
  boardQuery,
  correctiveActionDetailSchema,
  correctiveActionListResponse,
  listActionsQuery,
} from '../../../shared/api/corrective-actions.schemas.js';
import type { ActionMove } from '../../../shared/domain/follow-up.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf, type RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { exportScope, listTitle, listWorkbook, LIST_EXPORT_MAX, sendXlsx } from '../../documents/list-workbook.js';
import { actionColumns, actionStateLabels, actionStatusLabels } from './actions-workbook.js';
import './corrective-actions.files.js';
import { presentAction, presentBoard } from './corrective-actions.presenter.js';
import { actionBoard, actionHistory, contentGroupTitles, findVisibleAction, listActions } from './corrective-actions.repository.js';
import { recordReinspectionResult } from './record-reinspection-result.js';
import { reviewAction } from './review-action.js';
import { updateAction } from './update-action.js';
import './risk-source.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export async function correctiveActionRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['corrective-actions'];
  const today = () => vietnamLocalTime(clockOf(deps).now()).date;
  async function detail(tx: DbOrTx, ctx: RequestContext, id: string) {
    const row = await findVisibleAction(tx, ctx.actor, id);
    if (!row) throw AppError.notFound('corrective action');
    const history = await actionHistory(tx, id);
    return {
      ...presentAction(ctx.actor, row, today()),
      history: history.map((h) => ({ move: h.move as ActionMove, fromStatus: h.fromStatus, toStatus: h.toStatus, note: h.note, authorName: h.authorName, at: h.createdAt.toISOString() })),
    };
  }

  app.get('/api/corrective-actions', { schema: { tags, summary: 'Corrective actions the caller may see, by due date', querystring: listActionsQuery, response: { 200: correctiveActionListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    const asOf = today();
    return db.transaction(async (tx) => {
      const { rows, total } = await listActions(tx, ctx.actor, { ...request.query, today: asOf });
      return { items: rows.map((r) => presentAction(ctx.actor, r, asOf)), total };
    });
  });
  app.get('/api/corrective-actions/export.xlsx', { schema: { tags, summary: 'The corrective actions as .xlsx, with the list filters (a title row names the scope and the filters; a unit the caller does not see: 404)', querystring: listActionsQuery.omit({ page: true, pageSize: true }) } }, async (request, reply) => {
    const ctx = contextOf(request);
    const asOf = today();
    const q = request.query;
    const bytes = await db.transaction(async (tx) => {
      const scope = await exportScope(tx, ctx.actor, q.unitId);
      const { rows } = await listActions(tx, ctx.actor, { ...q, today: asOf, page: 1, pageSize: LIST_EXPORT_MAX });
      const titles = await contentGroupTitles(tx, rows);
      const items = rows.map((r) => ({ ...presentAction(ctx.actor, r, asOf), contentGroupTitle: titles.get(`${r.inspectionId}|${r.contentGroup}`) ?? null }));
      const title = listTitle('Yêu cầu khắc phục sau kiểm tra', scope, [
        ['Năm kế hoạch', q.year],
        ['Năm kiểm tra', q.visitYear],
        ['Đơn vị', q.agencyId ? (items.find((a) => a.agencyId === q.agencyId)?.agencyName ?? items.find((a) => a.responsibleAgencyId === q.agencyId)?.responsibleAgencyName) : undefined],
        ['Trạng thái', q.status && actionStatusLabels[q.status]],
        ['Tình trạng', q.state && actionStateLabels[q.state]],
        ['Quá hạn', q.overdue === undefined ? undefined : q.overdue ? 'có' : 'không'],
        ['Nhóm nội dung', q.contentGroup === '-' ? 'không thuộc nhóm' : q.contentGroup && (items[0]?.contentGroupTitle ?? q.contentGroup)],
        ['Tính đến ngày', asOf.split('-').reverse().join('/')],
      ]);
      return listWorkbook({ sheet: 'Yêu cầu khắc phục', title, columns: actionColumns, rows: items });
    });
    return sendXlsx(reply, bytes, 'yeu-cau-khac-phuc.xlsx');
  });
  app.get('/api/corrective-actions/board', { schema: { tags, summary: 'Open, overdue and closed actions by inspected agency and by content group', querystring: boardQuery, response: { 200: actionBoardSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    const asOf = today();
    return db.transaction(async (tx) => presentBoard(await actionBoard(tx, ctx.actor, { ...request.query, today: asOf }), asOf));
  });
  app.get('/api/corrective-actions/:id', { schema: { tags, params: idParams, response: { 200: correctiveActionDetailSchema, ...errors } } }, async (request) =>
    db.transaction((tx) => detail(tx, contextOf(request), request.params.id)),
  );
  app.post(
    '/api/corrective-actions/:id/updates',
    { schema: { tags, summary: "The responsible unit's plan, progress or report of completion (evidence attached first)", params: idParams, body: actionUpdateBody, response: { 200: correctiveActionDetailSchema, ...errors } } },
    async (request) => {
      const ctx = contextOf(request);
      return db.transaction(async (tx) => {
        await updateAction(tx, ctx, request.params.id, request.body);
        return detail(tx, ctx, request.params.id);
      });
    },
  );
  app.post(
    '/api/corrective-actions/:id/review',
    { schema: { tags, summary: "The standing office accepts (closes) or returns the unit's report", params: idParams, body: actionReviewBody, response: { 200: correctiveActionDetailSchema, ...errors } } },
    async (request) => {
      const ctx = contextOf(request);
      return db.transaction(async (tx) => {
        await reviewAction(tx, ctx, request.params.id, request.body);
        return detail(tx, ctx, request.params.id);
      });
    },
  );
  app.post(
    '/api/corrective-actions/:id/reinspection-result',
    { schema: { tags, summary: "The re-inspection's result for the action: fixed (closed) or kept open", params: idParams, body: actionReinspectionResultBody, response: { 200: correctiveActionDetailSchema, ...errors } } },
    async (request) => {
      const ctx = contextOf(request);
      return db.transaction(async (tx) => {
        await recordReinspectionResult(tx, ctx, request.params.id, request.body);
        return detail(tx, ctx, request.params.id);
      });
    },
  );
}
