import { dashboardQuery, dashboardResponse } from '../../../shared/api/dashboard.schemas.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import { contextOf } from '../../http/actor.js';
import { dashboardWorkbook } from './dashboard-workbook.js';
import { seasonDashboard } from './season-dashboard.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['dashboard'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The leaders' dashboard and its export. */
export async function dashboardRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const today = () => vietnamLocalTime(clockOf(deps).now()).date;

  app.get('/api/dashboard', { schema: { tags, summary: "The season at a glance for a unit's subtree and a year: inspections, index and satisfaction results and trends, the risk ranking", querystring: dashboardQuery, response: { 200: dashboardResponse, ...errors } } }, async (request) =>
    db.transaction((tx) => seasonDashboard(tx, contextOf(request).actor, request.query, today())),
  );

  app.get('/api/dashboard.xlsx', { schema: { tags, summary: "The dashboard's figures as an .xlsx, one sheet per figure", querystring: dashboardQuery } }, async (request, reply) => {
    const d = await db.transaction((tx) => seasonDashboard(tx, contextOf(request).actor, request.query, today()));
    return reply.type(XLSX).header('content-disposition', `attachment; filename="bang-dieu-khien-${d.year}.xlsx"`).send(await dashboardWorkbook(d));
  });
}
