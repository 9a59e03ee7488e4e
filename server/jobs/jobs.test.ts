import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { ManualClock } from '../clock.js';
import { queryRows } from '../db/client.js';
import { createTestApp, signIn, type Client, type TestApp } from '../test/harness.js';
import { makeAuthority, makeUser, TEST_PASSWORD } from '../test/factories.js';
import { dailyPayload, dailyTickJob } from './daily.js';
import { defineJob } from './define.js';
import { enqueueJob } from './enqueue.js';
import { createJobRuntime } from './runtime.js';

const clock = new ManualClock('2021-06-01T06:55:00+07:00');
const title = { vi: 'Thử', en: 'Test' };

const echoed: { n: number; at: string }[] = [];
const echoJob = defineJob({
  name: 'test.echo',
  title,
  payload: z.object({ n: z.number().int() }),
  async handler(data, ctx) {
    echoed.push({ n: data.n, at: ctx.clock.now().toISOString() });
  },
});

let flakyFailures = Infinity;
const flakyJob = defineJob({
  name: 'test.flaky',
  title,
  payload: z.object({ recordId: z.uuid() }),
  scoped: true,
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  async handler() {
    if (flakyFailures-- > 0) throw new Error('421 try again later');
  },
});

const dailyRuns: string[] = [];
const dailyJob = defineJob({
  name: 'test.daily',
  title,
  payload: dailyPayload,
  daily: true,
  async handler(data) {
    dailyRuns.push(data.day);
  },
});

let t: TestApp;
let a: Awaited<ReturnType<typeof makeAuthority>>;
let b: Awaited<ReturnType<typeof makeAuthority>>;
let adminA: Client, adminB: Client, secretariatA: Client;

beforeAll(async () => {
  t = await createTestApp({ clock, extraJobs: [echoJob, flakyJob, dailyJob] });
  a = await makeAuthority(t.database.db);
  b = await makeAuthority(t.database.db);
  [adminA, adminB, secretariatA] = await Promise.all([
    signIn(t.app, a.users.admin.username, TEST_PASSWORD),
    signIn(t.app, b.users.admin.username, TEST_PASSWORD),
    signIn(t.app, a.users.secretariat.username, TEST_PASSWORD),
  ]);
});
afterAll(() => t.close());

type JobRow = { state: string; retry_count: number; wait_seconds: number };
const jobRow = async (name: string, id: string) =>
  (
    await queryRows<JobRow>(
      t.database.db,
      sql`select state::text as state, retry_count, extract(epoch from start_after - now())::float8 as wait_seconds
            from ${sql.identifier(t.jobs.schema)}.job where name = ${name} and id = ${id}::uuid`,
    )
  )[0];

describe('jobs: enqueued in the transaction', () => {
  it('never runs a job whose transaction rolled back, and runs a committed one once, at the clock’s time', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await enqueueJob(tx, echoJob, { n: 1 });
        throw new Error('the request failed');
      }),
    ).rejects.toThrow('the request failed');
    const [{ n }] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.identifier(t.jobs.schema)}.job where name = 'test.echo'`);
    expect(n).toBe(0);

    await t.database.db.transaction((tx) => enqueueJob(tx, echoJob, { n: 2 }));
    const ran = await t.drain();
    expect(ran).toEqual([expect.objectContaining({ name: 'test.echo', outcome: 'completed' })]);
    expect(echoed).toEqual([{ n: 2, at: '2021-05-31T23:55:00.000Z' }]);
    expect(await t.drain()).toEqual([]);
  });

  it('refuses a payload that does not match the job, and a queue nobody registered', async () => {
    await expect(t.database.db.transaction((tx) => enqueueJob(tx, echoJob, { n: 'two' } as never))).rejects.toThrow();
    const stray = defineJob({ name: 'test.unregistered', title, payload: z.object({}), async handler() {} });
    await expect(t.database.db.transaction((tx) => enqueueJob(tx, stray, {}))).rejects.toThrow(/registry/);
  });

  it('refuses a job about a record without its scope', async () => {
    await expect(t.database.db.transaction((tx) => enqueueJob(tx, flakyJob, { recordId: a.town.id }))).rejects.toThrow(/scope/);
  });
});

describe('jobs: retries with back-off, failures shown to the admin, retry from the admin API', () => {
  let jobId: string;

  it('retries a failing handler after a doubling wait, then marks it failed', async () => {
    flakyFailures = Infinity;
    jobId = (await t.database.db.transaction((tx) => enqueueJob(tx, flakyJob, { recordId: a.town.id }, { scope: { agencyId: a.townCommittee.id } })))!;

    expect(await t.drain()).toEqual([{ name: 'test.flaky', id: jobId, outcome: 'retry', error: '421 try again later' }]);
    const first = await jobRow('test.flaky', jobId);
    expect(first.state).toBe('retry');
    // First wait: 60 s doubled once, halved, plus up to as much again of jitter: 60–120 s.
    expect(first.wait_seconds).toBeGreaterThan(55);
    expect(first.wait_seconds).toBeLessThan(121);
    expect(await t.drain(), 'not due before its wait is over').toEqual([]);

    expect(await t.drain({ advanceMs: 121_000 })).toEqual([expect.objectContaining({ id: jobId, outcome: 'retry' })]);
    const second = await jobRow('test.flaky', jobId);
    expect(second.retry_count).toBe(1);
    expect(second.wait_seconds).toBeGreaterThan(115);
    expect(second.wait_seconds).toBeLessThan(241);

    expect(await t.drain({ advanceMs: 241_000 })).toEqual([expect.objectContaining({ id: jobId, outcome: 'failed' })]);
    expect((await jobRow('test.flaky', jobId)).state).toBe('failed');
    expect(await t.drain({ advanceMs: 24 * 3600_000 }), 'a failed job is not retried by itself').toEqual([]);
  });

  it('lists the failed job with its error and attempts to the admin of its scope, and counts it', async () => {
    const res = await adminA.get('/api/admin/jobs/failed?queue=test.flaky');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      total: 1,
      items: [expect.objectContaining({ id: jobId, queue: 'test.flaky', attempts: 3, error: '421 try again later', payload: { recordId: a.town.id }, scope: 'agency' })],
    });
    const overview = (await adminA.get('/api/admin/jobs')).json();
    const flaky = overview.queues.find((q: { name: string }) => q.name === 'test.flaky');
    expect(flaky).toMatchObject({ retryLimit: 2, retryDelaySeconds: 60, retryBackoff: true, counts: { failed: 1 } });
    expect(overview.queues.map((q: { name: string }) => q.name)).toContain('jobs.daily-tick');
  });

  it("hides it from another authority's admin (404 on retry) and the whole page from non-admins", async () => {
    expect((await adminB.get('/api/admin/jobs/failed?queue=test.flaky')).json()).toEqual({ items: [], total: 0 });
    expect((await adminB.post(`/api/admin/jobs/test.flaky/${jobId}/retry`)).statusCode).toBe(404);
    expect((await secretariatA.get('/api/admin/jobs')).json().code).toBe('FORBIDDEN');
    expect((await secretariatA.get('/api/admin/jobs/failed')).statusCode).toBe(403);
    expect((await secretariatA.post(`/api/admin/jobs/test.flaky/${jobId}/retry`)).statusCode).toBe(403);
  });

  it('gives the failed job one more attempt when the admin retries it, audited', async () => {
    const res = await adminA.post(`/api/admin/jobs/test.flaky/${jobId}/retry`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: jobId, queue: 'test.flaky', state: 'retry' });
    expect((await adminA.post(`/api/admin/jobs/test.flaky/${jobId}/retry`)).json().code).toBe('INVALID_STATE');
    flakyFailures = 0;
    expect(await t.drain()).toEqual([{ name: 'test.flaky', id: jobId, outcome: 'completed' }]);
    expect((await jobRow('test.flaky', jobId)).state).toBe('completed');
    const [audit] = await queryRows<{ action: string; actor_id: string }>(t.database.db, sql`select action, actor_id from audit_event where entity_id = ${`test.flaky/${jobId}`}`);
    expect(audit).toEqual({ action: 'job.retried', actor_id: a.users.admin.id });
  });

  it('answers 404 for an unknown queue or job and 400 for a malformed id', async () => {
    expect((await adminA.post(`/api/admin/jobs/nope.nope/${jobId}/retry`)).statusCode).toBe(404);
    expect((await adminA.post(`/api/admin/jobs/test.flaky/${crypto.randomUUID()}/retry`)).statusCode).toBe(404);
    expect((await adminA.post('/api/admin/jobs/test.flaky/not-a-uuid/retry')).statusCode).toBe(400);
  });
});

describe('jobs: daily at the office’s time (Vietnamese time, by the injected clock)', () => {
  const tick = async () => {
    await t.database.db.transaction((tx) => enqueueJob(tx, dailyTickJob, {}));
    return (await t.drain()).filter((j) => j.name === 'test.daily');
  };

  it('lets only an administrator of the whole installation set the daily run time (it is one for every authority)', async () => {
    const townAdminUser = await makeUser(t.database.db, [{ role: 'admin', agencyId: a.townCommittee.id }], 'Quản trị thị xã');
    const townAdmin = await signIn(t.app, townAdminUser.username, TEST_PASSWORD);
    const before = (await townAdmin.get('/api/admin/jobs')).json().dailyRunTime;
    const refused = await townAdmin.put('/api/admin/jobs/daily-run-time', { time: '03:00', version: before.version });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    expect((await adminA.get('/api/admin/jobs')).json().dailyRunTime).toEqual(before);
    expect((await townAdmin.get('/api/session')).json().capabilities).not.toContain('jobs.schedule');
    expect((await adminA.get('/api/session')).json().capabilities).toContain('jobs.schedule');
  });

  it('runs once a day, after the time the admin set', async () => {
    const before = (await adminA.get('/api/admin/jobs')).json().dailyRunTime;
    const set = await adminA.put('/api/admin/jobs/daily-run-time', { time: '07:30', version: before.version });
    expect(set.statusCode).toBe(200);
    expect(set.json().time).toBe('07:30');
    expect((await adminA.put('/api/admin/jobs/daily-run-time', { time: '07:45', version: before.version })).json().code).toBe('VERSION_CONFLICT');
    expect((await adminA.put('/api/admin/jobs/daily-run-time', { time: '25:00', version: set.json().version })).json().invalidParams[0].name).toBe('body.time');

    clock.set('2021-06-01T07:29:00+07:00');
    expect(await tick()).toEqual([]);
    clock.set('2021-06-01T07:31:00+07:00');
    expect(await tick()).toEqual([expect.objectContaining({ outcome: 'completed' })]);
    expect(await tick(), 'not twice the same day').toEqual([]);
    clock.set('2021-06-02T00:30:00+07:00');
    expect(await tick(), 'a new day, before the time').toEqual([]);
    clock.set('2021-06-02T18:00:00+07:00');
    expect(await tick(), 'catches up later in the day').toHaveLength(1);
    expect(dailyRuns).toEqual(['2021-06-01', '2021-06-02']);
  });
});

describe('jobs: the worker', () => {
  it('starts a committed job at once (woken by the commit, not by its poll)', async () => {
    let resolve!: (n: number) => void;
    const ran = new Promise<number>((r) => (resolve = r));
    const wakeJob = defineJob({
      name: 'test.wake',
      title,
      payload: z.object({ n: z.number() }),
      async handler(data) {
        resolve(data.n);
      },
    });
    const worker = createJobRuntime(t.deps, { definitions: [wakeJob], mode: 'worker', log: pino({ level: 'silent' }), pollingIntervalSeconds: 600 });
    await worker.install();
    await worker.startWorkers();
    try {
      await t.database.db.transaction((tx) => enqueueJob(tx, wakeJob, { n: 7 }));
      expect(await ran).toBe(7);
    } finally {
      await worker.stop();
    }
  });
});

describe('config: PAR_ROLE, SMTP_URL, MAIL_FROM', () => {
  it('runs web and workers together by default; apart only on a PostgreSQL server', () => {
    expect(loadConfig({}).role).toBe('all');
    expect(loadConfig({ PAR_ROLE: 'worker', DATABASE_URL: 'postgres://x@localhost/db' }).role).toBe('worker');
    expect(() => loadConfig({ PAR_ROLE: 'web' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ PAR_ROLE: 'both' })).toThrow(/PAR_ROLE/);
  });
  it('sends e-mail only with both SMTP_URL and MAIL_FROM', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtp://mail.example:587', MAIL_FROM: 'CCHC <cchc@example.vn>' }).mail).toEqual({ smtpUrl: 'smtp://mail.example:587', from: 'CCHC <cchc@example.vn>' });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example:587' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example', MAIL_FROM: 'x@example.vn' })).toThrow(/SMTP_URL/);
  });
});
