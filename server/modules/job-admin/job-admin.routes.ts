import { problemSchema } from '../../../shared/api/errors.js';
import {
  dailyRunTimeSchema,
  failedJobsQuery,
  failedJobsResponse,
  jobOverviewResponse,
  jobParams,
  putDailyRunTimeBody,
  retryJobResponse,
} from '../../../shared/api/job-admin.schemas.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { contextOf } from '../../http/actor.js';
import type { JobRuntime } from '../../jobs/runtime.js';
import { jobOverview } from './job-overview.js';
import { requireJobAdmin } from './job-admin.policy.js';
import { listFailedJobs } from './list-failed-jobs.js';
import { retryJob } from './retry-job.js';
import { authorize } from '../../authz/guard.js';
import { setDailyRunTime } from './set-daily-run-time.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export async function jobAdminRoutes(app: AppInstance, deps: AppDeps, jobs: JobRuntime) {
  const { db } = deps.database;
  const tags = ['admin'];

  app.get('/api/admin/jobs', { schema: { tags, summary: 'Job queues with their jobs counted by state; the daily run time (admins)', response: { 200: jobOverviewResponse, ...errors } } }, async (request) => {
    requireJobAdmin(contextOf(request).actor);
    return jobOverview(db, jobs, deps.config);
  });

  app.get('/api/admin/jobs/failed', { schema: { tags, summary: 'Failed jobs the admin may see, with their error', querystring: failedJobsQuery, response: { 200: failedJobsResponse, ...errors } } }, async (request) => {
    const { actor } = contextOf(request);
    requireJobAdmin(actor);
    return listFailedJobs(db, jobs, actor, request.query);
  });

  app.post('/api/admin/jobs/:queue/:id/retry', { schema: { tags, summary: 'One more attempt of a failed job, now', params: jobParams, response: { 200: retryJobResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    requireJobAdmin(ctx.actor);
    return db.transaction((tx) => retryJob(tx, ctx, jobs, request.params.queue, request.params.id));
  });

  app.put('/api/admin/jobs/daily-run-time', { schema: { tags, summary: 'When the daily jobs run (HH:MM, Vietnamese time)', body: putDailyRunTimeBody, response: { 200: dailyRunTimeSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    // One time for every authority: only an admin whose reach is the installation sets it.
    authorize(ctx.actor, 'jobs.schedule', 'only an administrator of the whole installation may change when the daily jobs run');
    return db.transaction((tx) => setDailyRunTime(tx, ctx, request.body));
  });
}
