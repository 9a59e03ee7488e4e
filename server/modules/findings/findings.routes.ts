import type { FindingKind, FindingSeverity } from '../../../shared/domain/checklists.js';
import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { createFindingBody, findingListResponse, findingSchema, findingsPageResponse, goodPracticeListResponse, goodPracticesQuery, listFindingsQuery, updateFindingBody, withdrawFindingBody } from '../../../shared/api/findings.schemas.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf, type RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { findVisibleInspection } from '../inspections/inspections.repository.js';
import { exportScope, listTitle, listWorkbook, LIST_EXPORT_MAX, sendXlsx } from '../../documents/list-workbook.js';
import { findingColumns, findingKindLabels } from './findings-workbook.js';
import './findings.files.js';
import { presentFindings } from './findings.presenter.js';
import { findingsOf, findVisibleFinding, listFindings, listGoodPractices, photoUrlsOf } from './findings.repository.js';
import { recordFinding, updateFinding, withdrawFinding } from './record-finding.js';

/** A finding as the lists show it (the good practices' library, the findings list): with its visit, agency and unit. */
const listedFinding = (r: Awaited<ReturnType<typeof listFindings>>['rows'][number]) => ({
  id: r.finding.id,
  inspectionId: r.finding.inspectionId,
  year: r.year,
  agencyId: r.agencyId,
  agencyName: r.agencyName,
  unitId: r.unitId,
  unitName: r.unitName,
  contentGroup: r.finding.contentGroup,
  contentGroupTitle: r.contentGroupTitle,
  title: r.finding.title,
  visitedOn: r.visitedOn,
});

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Findings of an inspection (good practices, shortcomings, violations) and the library of good practices. */
export async function findingRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['findings'];

  async function one(tx: DbOrTx, ctx: RequestContext, id: string) {
    const row = await findVisibleFinding(tx, ctx.actor, id);
    if (!row) throw AppError.notFound('finding');
    const inspection = (await findVisibleInspection(tx, ctx.actor, row.inspectionId))!;
    return (await presentFindings(tx, ctx.actor, inspection, [row]))[0];
  }

  app.get('/api/inspections/:id/findings', { schema: { tags, summary: 'The inspection’s findings (whoever sees the inspection)', params: idParams, response: { 200: findingListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      const inspection = await findVisibleInspection(tx, ctx.actor, request.params.id);
      if (!inspection) throw AppError.notFound('inspection');
      return { items: await presentFindings(tx, ctx.actor, inspection, await findingsOf(tx, inspection.id)) };
    });
  });

  app.post(
    '/api/inspections/:id/findings',
    { schema: { tags, summary: 'Record a finding, from a checklist item or free (the team, the office)', params: idParams, body: createFindingBody, response: { 201: findingSchema, ...errors } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const out = await db.transaction(async (tx) => one(tx, ctx, (await recordFinding(tx, ctx, request.params.id, request.body)).id));
      return reply.status(201).send(out);
    },
  );

  app.get('/api/findings/:id', { schema: { tags, params: idParams, response: { 200: findingSchema, ...errors } } }, async (request) => db.transaction(async (tx) => one(tx, contextOf(request), request.params.id)));

  app.patch('/api/findings/:id', { schema: { tags, summary: 'Edit a finding (versioned)', params: idParams, body: updateFindingBody, response: { 200: findingSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updateFinding(tx, ctx, request.params.id, request.body);
      return one(tx, ctx, request.params.id);
    });
  });

  app.post('/api/findings/:id/withdraw', { schema: { tags, summary: 'Withdraw a finding (kept for the record)', params: idParams, body: withdrawFindingBody, response: { 200: findingSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await withdrawFinding(tx, ctx, clockOf(deps), request.params.id, request.body.version);
      return one(tx, ctx, request.params.id);
    });
  });

  app.get(
    '/api/good-practices',
    { schema: { tags, summary: 'The library of good practices (mô hình hay, sáng kiến) across years and units, of the inspections the caller may see', querystring: goodPracticesQuery, response: { 200: goodPracticeListResponse, ...errors } } },
    async (request) => {
      const ctx = contextOf(request);
      return db.transaction(async (tx) => {
        const { rows, total } = await listGoodPractices(tx, ctx.actor, request.query);
        const photos = await photoUrlsOf(tx, rows.map((r) => r.finding.id));
        return {
          total,
          items: rows.map((r) => ({
            ...listedFinding(r),
            text: r.finding.text,
            recommendation: r.finding.recommendation,
            photoUrls: photos.get(r.finding.id) ?? [],
          })),
        };
      });
    },
  );

  app.get(
    '/api/findings',
    { schema: { tags, summary: 'Findings of the visits the caller may see (withdrawn ones left out), by visit year, unit subtree, kind and content group', querystring: listFindingsQuery, response: { 200: findingsPageResponse, ...errors } } },
    async (request) => {
      const ctx = contextOf(request);
      return db.transaction(async (tx) => {
        const { rows, total } = await listFindings(tx, ctx.actor, request.query);
        return {
          total,
          items: rows.map((r) => ({ ...listedFinding(r), kind: r.finding.kind as FindingKind, severity: r.finding.severity as FindingSeverity | null })),
        };
      });
    },
  );

  app.get(
    '/api/findings/export.xlsx',
    { schema: { tags, summary: 'The findings list as .xlsx, with the list filters (a title row names the scope and the filters; a unit the caller does not see: 404)', querystring: listFindingsQuery.omit({ page: true, pageSize: true }) } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const q = request.query;
      const bytes = await db.transaction(async (tx) => {
        const scope = await exportScope(tx, ctx.actor, q.unitId);
        const { rows } = await listFindings(tx, ctx.actor, { ...q, page: 1, pageSize: LIST_EXPORT_MAX });
        const items = rows.map((r) => ({ ...listedFinding(r), kind: r.finding.kind as FindingKind, severity: r.finding.severity as FindingSeverity | null }));
        const title = listTitle('Các phát hiện qua kiểm tra', scope, [
          ['Năm kiểm tra', q.visitYear],
          ['Loại', q.kind && findingKindLabels[q.kind]],
          ['Nhóm nội dung', q.contentGroup && (items[0]?.contentGroupTitle ?? q.contentGroup)],
        ]);
        return listWorkbook({ sheet: 'Phát hiện', title, columns: findingColumns, rows: items });
      });
      return sendXlsx(reply, bytes, 'cac-phat-hien.xlsx');
    },
  );
}
