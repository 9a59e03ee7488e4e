import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { createNoticeBody, issueNoticeBody, listNoticesQuery, noticeListResponse, noticeSchema, updateNoticeBody, type IssuedNoticeItem, type Notice, type NoticeContent } from '../../../shared/api/notices.schemas.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf, type RequestContext } from '../../http/actor.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { createNotice, updateNotice } from './create-notice.js';
import { issueNotice } from './issue-notice.js';
import { visibleInspectionIds } from '../inspections/inspections.repository.js';
import { noticeAbilities } from './notices.policy.js';
import { findVisibleNotice, issuedItemOf, listVisibleNotices, noticeItems, type NoticeRow } from './notices.repository.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Notices with their table (one query for all of them) and the caller's abilities. */
async function presentNotices(tx: DbOrTx, actor: Actor, rows: NoticeRow[]): Promise<Notice[]> {
  const items = await noticeItems(tx, rows.map((r) => r.id));
  // A notice lists every unit's visit; a ward officer may open only its own (canOpen per line).
  const openable = await visibleInspectionIds(tx, actor, [...new Set(items.map((it) => it.inspection.id))]);
  return rows.map((n) => {
    // An issued notice states its table as issued; the inspection's status stays live.
    const issued = new Map(((n.issuedItems as IssuedNoticeItem[] | null) ?? []).map((it) => [it.inspectionId, it]));
    return {
      id: n.id,
      planId: n.planId,
      issuingAgencyId: n.issuingAgencyId,
      issuingAgencyName: n.issuingAgencyName,
      status: n.status as Notice['status'],
      content: n.content as NoticeContent,
      items: items
        .filter((it) => it.noticeId === n.id)
        .map((it) => {
          const now = issuedItemOf(it);
          const stated = issued.get(it.inspection.id) ?? now;
          const moved = stated.startsOn !== now.startsOn || stated.endsOn !== now.endsOn || stated.startTime !== now.startTime || it.inspection.status === 'cancelled';
          return { ...stated, status: it.inspection.status, changedAfterIssue: n.status === 'issued' && moved, canOpen: openable.has(it.inspection.id) };
        }),
      documentNumber: n.number !== null && n.symbol ? formatDocumentNumber(n.number, n.symbol) : null,
      issuedOn: n.issuedOn,
      abilities: noticeAbilities(actor, n),
      version: n.version,
    };
  });
}

export async function noticeRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['notices'];
  async function detail(tx: DbOrTx, ctx: RequestContext, id: string) {
    const row = await findVisibleNotice(tx, ctx.actor, id);
    if (!row) throw AppError.notFound('notice');
    return (await presentNotices(tx, ctx.actor, [row]))[0];
  }

  app.get('/api/inspection-notices', { schema: { tags, summary: 'Schedule notices the caller may see (drafts: the office only)', querystring: listNoticesQuery, response: { 200: noticeListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      const { rows, hasMore } = await listVisibleNotices(tx, ctx.actor, { planId: request.query.planId, limit: request.query.limit });
      return { items: await presentNotices(tx, ctx.actor, rows), hasMore };
    });
  });
  app.get('/api/inspection-notices/:id', { schema: { tags, params: idParams, response: { 200: noticeSchema, ...errors } } }, async (request) =>
    db.transaction((tx) => detail(tx, contextOf(request), request.params.id)),
  );
  app.post('/api/inspection-notices', { schema: { tags, summary: 'Draft a schedule notice for announced inspections (standing office)', body: createNoticeBody, response: { 201: noticeSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => detail(tx, ctx, (await createNotice(tx, ctx, request.body)).id));
    return reply.status(201).send(out);
  });
  app.patch('/api/inspection-notices/:id', { schema: { tags, summary: 'Edit a draft notice (versioned): its texts, its table, and its inspections’ time and places in the same transaction', params: idParams, body: updateNoticeBody, response: { 200: noticeSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      const env = { calendar: (await loadWorkingCalendar(tx)).calendar, clock: clockOf(deps), config: deps.config };
      await updateNotice(tx, ctx, env, request.params.id, request.body);
      return detail(tx, ctx, request.params.id);
    });
  });
  app.post(
    '/api/inspection-notices/:id/issue',
    { schema: { tags, summary: 'Issue the notice (TB number from the register): its inspections become notified and the units are told', params: idParams, body: issueNoticeBody, response: { 200: noticeSchema, ...errors } } },
    async (request) => {
      const ctx = contextOf(request);
      return db.transaction(async (tx) => {
        const env = { calendar: (await loadWorkingCalendar(tx)).calendar, clock: clockOf(deps), config: deps.config };
        await issueNotice(tx, ctx, env, request.params.id, request.body);
        return detail(tx, ctx, request.params.id);
      });
    },
  );
}
