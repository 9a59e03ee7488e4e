import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineJob } from '../../jobs/define.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

/** Liveness, readiness, metrics, compression and the cache headers of the built SPA (issue 12 §2–3). */

const TOKEN = 'metrics-token-for-tests-0123456789';
const title = { vi: 'Thử', en: 'Test' };
const okJob = defineJob({ name: 'test.metrics-ok', title, payload: z.object({}), async handler() {} });
const failingJob = defineJob({
  name: 'test.metrics-fail',
  title,
  payload: z.object({}),
  retry: { limit: 0, delaySeconds: 1, backoff: false },
  async handler() {
    throw new Error('refused on purpose');
  },
});
let t: TestApp;
let webDir: string;
beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-web-'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><script type="module" src="/assets/app-3f9a.js"></script>');
  const js = `console.log(${JSON.stringify('x'.repeat(5000))});`;
  fs.writeFileSync(path.join(webDir, 'assets', 'app-3f9a.js'), js);
  fs.writeFileSync(path.join(webDir, 'assets', 'app-3f9a.js.br'), zlib.brotliCompressSync(js));
  fs.writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await createTestApp({ config: { metricsToken: TOKEN, webDistDir: webDir }, extraJobs: [okJob, failingJob] });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('health', () => {
  it('liveness answers without the database; readiness asks it', async () => {
    const live = await t.app.inject({ method: 'GET', url: '/api/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: t.database.kind, databaseMs: expect.any(Number) });
  });

  it('health does not read a session, even when a cookie is sent', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health', cookies: { par_session: 'not-a-session' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: t.database.kind });
  });
});

describe('metrics', () => {
  it('needs the bearer token, and then counts requests by route with latency histograms', async () => {
    await t.app.inject({ method: 'GET', url: '/api/health/live' });
    expect((await t.app.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/metrics', headers: { authorization: 'Bearer wrong-token-wrong-token' } })).statusCode).toBe(401);
    const res = await t.app.inject({ method: 'GET', url: '/api/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/par_http_requests_total\{method="GET",route="\/api\/health\/live",status="200"\} \d+/);
    expect(res.body).toMatch(/par_http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/api\/health\/live"\} \d+/);
    expect(res.body).toContain('par_process_resident_memory_bytes');
    // The heap limit, so an operator sees a server started without npm start's heap setting.
    expect(Number(/^par_nodejs_heap_size_limit_bytes (\d+)$/m.exec(res.body)?.[1])).toBeGreaterThan(0);
    if (t.database.kind === 'postgres') expect(res.body).toMatch(/par_db_pool_total_connections \d+/);
  });

  it('reports the job queues from pg-boss, and each job the server finishes with its run time', async () => {
    const scrape = async () => (await t.app.inject({ method: 'GET', url: '/api/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
    await enqueueJob(t.database.db, okJob, {});
    await enqueueJob(t.database.db, okJob, {});
    await enqueueJob(t.database.db, failingJob, {});
    const before = await scrape();
    expect(before).toContain('par_jobs_queued{queue="test.metrics-ok"} 2');
    expect(before).toContain('par_jobs_queued{queue="test.metrics-fail"} 1');
    expect(before).toContain('par_jobs_active{queue="test.metrics-ok"} 0');
    // Every queue of the registry is reported, idle ones at 0.
    expect(before).toMatch(/par_jobs_queued\{queue="notifications\.[a-z-]+"\} \d+/);

    const drained = await t.drain({ queues: [okJob.name, failingJob.name] });
    expect(drained.map((d) => d.outcome).sort()).toEqual(['completed', 'completed', 'failed']);
    const after = await scrape();
    expect(after).toContain('par_jobs_queued{queue="test.metrics-ok"} 0');
    expect(after).toContain('par_jobs_failed{queue="test.metrics-fail"} 1');
    expect(after).toContain('par_jobs_finished_total{queue="test.metrics-ok",outcome="completed"} 2');
    expect(after).toContain('par_jobs_finished_total{queue="test.metrics-fail",outcome="failed"} 1');
    expect(after).toContain('par_job_duration_seconds_count{queue="test.metrics-ok"} 2');
    expect(after).toMatch(/par_job_duration_seconds_sum\{queue="test.metrics-fail"\} \d/);
  });

});

describe('an app without a metrics token, whose database goes away', () => {
  it('has metrics off (404), and readiness answers 503 problem+json once the database is gone', async () => {
    const other = await createTestApp();
    expect((await other.app.inject({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(404);
    await other.database.close();
    const res = await other.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('NOT_READY');
    expect((await other.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
    await other.app.close();
  });
});

describe('compression and caching', () => {
  it('compresses API answers over 1 KB for clients that accept it', async () => {
    const br = await t.app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString()).openapi).toMatch(/^3/);
    const gzip = await t.app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('keeps hashed assets for a year, revalidates everything else, and never answers a missing asset with the page', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-3f9a.js', headers: { 'accept-encoding': 'br' } });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['content-security-policy']).toContain("default-src 'self'");

    for (const url of ['/', '/units/123', '/favicon.svg']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await t.app.inject({ method: 'GET', url: '/units/123' })).body).toContain('<!doctype html>');
    const missing = await t.app.inject({ method: 'GET', url: '/assets/app-old.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('lets no cache keep an API answer (personal data): answers, errors and unknown endpoints alike', async () => {
    for (const url of ['/api/health/live', '/api/units', '/api/no-such-endpoint', '/%61pi/health/live']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const signIn = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'nobody', password: 'wrong-password' } });
    expect(signIn.headers['cache-control']).toBe('no-store');
  });
});
