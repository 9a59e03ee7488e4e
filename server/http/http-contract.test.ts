import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, uniq, type Client, type TestApp } from '../test/harness.js';
import { countRows, makeAuthority, signInAuthority } from '../test/factories.js';
import { INT4_MAX } from '../../shared/api/common.js';

/**
 * The error contract at the edges of the HTTP layer (issue 12 §4): whatever a client sends, the
 * answer is application/problem+json with a catalogue code and the request id, never a 5xx, and
 * never an internal name.
 */

let t: TestApp;
let authority: Awaited<ReturnType<typeof makeAuthority>>;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  authority = await makeAuthority(t.database.db);
  ({ admin } = await signInAuthority(t.app, authority));
});
afterAll(() => t.close());

type Answer = { statusCode: number; headers: Record<string, unknown>; body: string };

function expectProblem(res: Answer, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const body = JSON.parse(res.body) as { code: string; requestId: string; status: number; detail?: string };
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  expect(body.requestId).toMatch(/^[\w-]{8,}$/);
  return body;
}

/** Names of tables, constraints, indexes and framework internals that must never reach a client. */
const INTERNAL = /_key\b|_fkey\b|_pkey\b|_check\b|_idx\b|\bFST_|\bERR_|app_user|user_role|constraint|\bat [\w.]+ \(|node_modules/;

describe('integers that map to int4 columns', () => {
  it('refuses a version of 2^31 with 400 instead of failing in the database', async () => {
    const settings = await admin.put('/api/settings/standing-body', { agencyId: authority.homeAffairs.id, version: INT4_MAX + 1 });
    const p1 = expectProblem(settings, 400, 'VALIDATION_FAILED') as { invalidParams?: { name: string }[] };
    expect(p1.invalidParams?.map((p) => p.name)).toContain('body.version');

    const calendar = await admin.put('/api/calendar/2150', { version: 2147483648, source: 'thử', entries: [] });
    expectProblem(calendar, 400, 'VALIDATION_FAILED');

    const unit = await admin.patch(`/api/units/${authority.wardA.id}`, { version: 2 ** 53 - 1, name: 'x' });
    expectProblem(unit, 400, 'VALIDATION_FAILED');
  });

  it('bounds every integer a request may carry to int4 (the OpenAPI document says so)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string; schema: unknown }[]; requestBody?: { content: Record<string, { schema: unknown }> } }>>;
    };
    const unbounded: string[] = [];
    const walk = (schema: unknown, where: string) => {
      if (!schema || typeof schema !== 'object') return;
      const s = schema as Record<string, unknown>;
      if (s.type === 'integer' && (typeof s.maximum !== 'number' || s.maximum > INT4_MAX)) unbounded.push(where);
      for (const [k, v] of Object.entries(s)) {
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}.${k}[${i}]`));
        else if (v && typeof v === 'object') walk(v, `${where}.${k}`);
      }
    };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const p of op.parameters ?? []) walk(p.schema, `${method} ${path} ${p.name}`);
        for (const [type, c] of Object.entries(op.requestBody?.content ?? {})) walk(c.schema, `${method} ${path} body(${type})`);
      }
    }
    expect(unbounded).toEqual([]);
  });
});

describe('malformed URLs', () => {
  it.each(['/api/units/%ZZ', '/api/units/%C0%AE', '/api/units/%ED%A0%80', '/api/agencies/%E0%A4%A'])('%s answers 400 problem+json', async (url) => {
    const res = await admin.get(url);
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(INTERNAL);
  });

  it('a path parameter over the router limit answers 414 problem+json', async () => {
    const res = await admin.get(`/api/units/${'a'.repeat(300)}`);
    const body = expectProblem(res, 414, 'URI_TOO_LONG');
    expect(JSON.stringify(body)).not.toMatch(INTERNAL);
  });

  it('a JSON body over the 2 MB limit answers 413 problem+json with its code', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/units',
      payload: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024), kind: 'ward', parentId: authority.town.id }),
      headers: { 'content-type': 'application/json' },
    });
    const body = expectProblem(res, 413, 'PAYLOAD_TOO_LARGE') as { invalidParams?: { name: string; code: string }[] };
    expect(body.invalidParams?.[0]).toMatchObject({ name: 'body', code: 'too_large' });
  });

  it('a JSON body with a lone surrogate is refused as a field error', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/units',
      payload: `{"name":"X\\ud800","kind":"ward","parentId":"${authority.town.id}"}`,
      headers: { 'content-type': 'application/json' },
    });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED') as { invalidParams?: { name: string }[] };
    expect(body.invalidParams?.map((p) => p.name)).toContain('body.name');
  });
});

/** Sends raw bytes over a socket and returns the response head and body (inject skips Node's parser). */
function rawRequest(port: number, text: string): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (d) => (data += d.toString('latin1')));
    socket.on('error', (err) => (data ? undefined : reject(err)));
    socket.on('close', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ statusCode: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(text);
  });
}

describe('errors raised before routing, over real HTTP', () => {
  let port: number;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });

  it('a 1 MB query string answers 431 problem+json', async () => {
    const res = await rawRequest(port, `GET /api/units?q=${'a'.repeat(1024 * 1024)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expectProblem(res, 431, 'HEADERS_TOO_LARGE');
  });

  it('a request line that is not HTTP answers 400 problem+json', async () => {
    const res = await rawRequest(port, 'NONSENSE\r\n\r\n');
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('a bad percent-encoding over the wire answers 400 problem+json', async () => {
    const res = await rawRequest(port, 'GET /api/units/%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });
});

describe("Fastify's own errors", () => {
  it('broken JSON answers 400 problem+json without framework codes', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/units', payload: '{"name": ', headers: { 'content-type': 'application/json' } });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(INTERNAL);
  });

  it('an empty JSON body answers 400 problem+json', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/units', payload: '', headers: { 'content-type': 'application/json' } });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(INTERNAL);
  });

  it('an unsupported content type answers 415 problem+json', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/units', payload: 'name=x', headers: { 'content-type': 'text/csv' } });
    const body = expectProblem(res, 415, 'UNSUPPORTED_FILE');
    expect(JSON.stringify(body)).not.toMatch(INTERNAL);
  });

  it('a prototype-poisoning body answers 400 problem+json', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/units', payload: '{"__proto__":{"x":1},"name":"x"}', headers: { 'content-type': 'application/json' } });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(INTERNAL);
  });
});

describe('database errors', () => {
  it('a duplicate answers 409 naming the field, never the constraint', async () => {
    const username = `dup${uniq()}`;
    const body = { username, fullName: 'Trùng tên', password: 'a-long-password-1', roles: [{ role: 'inspector', agencyId: authority.homeAffairs.id }] };
    expect((await admin.post('/api/users', body)).statusCode).toBe(201);
    const again = await admin.post('/api/users', { ...body, username: username.toUpperCase() });
    const problem = expectProblem(again, 409, 'DUPLICATE') as { invalidParams?: { name: string }[] };
    expect(problem.invalidParams?.map((p) => p.name)).toEqual(['body.username']);
    expect(JSON.stringify(problem)).not.toMatch(INTERNAL);
  });
});

describe('request bodies', () => {
  type JsonSchema = { type?: string; additionalProperties?: unknown; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[] };
  /** Object schemas at a body's top level: itself, or each branch of a union. */
  const topObjects = (s: JsonSchema): JsonSchema[] => (s.anyOf ?? s.oneOf ?? s.allOf ? [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].flatMap(topObjects) : s.type === 'object' ? [s] : []);

  it('every JSON body refuses a field it does not know (the OpenAPI document says so), on every operation', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
    };
    const bodies: string[] = [];
    const lax: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const schema = op.requestBody?.content['application/json']?.schema;
        if (!schema) continue;
        bodies.push(`${method} ${path}`);
        const objects = topObjects(schema);
        if (!objects.length || objects.some((o) => o.additionalProperties !== false)) lax.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(bodies.length).toBeGreaterThan(80);
    expect(lax).toEqual([]);
  });

  it('an unknown field is 400 `unknown` naming it, and nothing changes', async () => {
    const before = await countRows(t.database.db, 'unit', sql`parent_id = ${authority.town.id}`);
    const res = await admin.post('/api/units', { name: 'Phường Thử', kind: 'ward', parentId: authority.town.id, status: 'active' });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED') as { invalidParams?: { name: string; code: string }[] };
    expect(body.invalidParams).toContainEqual(expect.objectContaining({ name: 'body.status', code: 'unknown' }));
    expect(await countRows(t.database.db, 'unit', sql`parent_id = ${authority.town.id}`)).toBe(before);
  });
});

describe('query parameters', () => {
  it('a misspelled or malformed flag is refused, and the import does not run', async () => {
    const before = await countRows(t.database.db, 'audit_event', sql`action like 'registry.%' and actor_id = ${authority.users.admin.id}`);
    for (const url of ['/api/registry/import?dryRun[]=true', '/api/registry/import?dryrun=true', '/api/registry/import?dryRun=true&dryRun=false']) {
      const res = await admin.request({
        method: 'POST',
        url,
        payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\n\r\nxx\r\n--b--\r\n',
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
      });
      const body = expectProblem(res, 400, 'VALIDATION_FAILED') as { invalidParams?: { name: string }[] };
      expect(body.invalidParams?.[0].name, url).toMatch(/^query\./);
    }
    expect(await countRows(t.database.db, 'audit_event', sql`action like 'registry.%' and actor_id = ${authority.users.admin.id}`)).toBe(before);
  });

  it('an unknown parameter is refused on every route, including those without a query schema', async () => {
    for (const url of ['/api/units?qq=x', '/api/session?x=1', `/api/units/${authority.wardA.id}?include=all`, '/api/health?verbose=1']) {
      const res = await admin.get(url);
      const body = expectProblem(res, 400, 'VALIDATION_FAILED') as { invalidParams?: { name: string; code: string }[] };
      expect(body.invalidParams?.[0], url).toMatchObject({ code: 'unknown' });
    }
  });

  it('a number is written in decimal digits: hex, binary, exponent or padded forms are refused by name', async () => {
    for (const value of ['0x7E5', '0b11111100101', '%202021', '1e3', '2021abc']) {
      const res = await admin.get(`/api/inspections?year=${value}`);
      const body = expectProblem(res, 400, 'VALIDATION_FAILED') as { invalidParams?: { name: string; code: string }[] };
      expect(body.invalidParams?.[0], value).toMatchObject({ name: 'query.year', code: 'invalid_type' });
    }
    expect((await admin.get('/api/inspections?year=2021')).statusCode).toBe(200);
    expect((await admin.get('/api/dashboard?year=')).statusCode).toBe(400);
  });

  it('a value with broken percent-encoding is refused', async () => {
    const res = await admin.get('/api/units?q=%ZZ');
    const body = expectProblem(res, 400, 'VALIDATION_FAILED') as { invalidParams?: { name: string }[] };
    expect(body.invalidParams?.[0].name).toBe('query');
  });

  it('a required number left out or empty is `required` naming the parameter, never "expected number, received NaN"', async () => {
    const urls = [
      '/api/self-inspections/overview',
      '/api/self-inspections/overview?year=',
      '/api/dashboard?year=',
      `/api/document-register?agencyId=${authority.wardA.id}`,
      '/api/report-statistics',
    ];
    for (const url of urls) {
      const res = await admin.get(url);
      const body = expectProblem(res, 400, 'VALIDATION_FAILED') as { invalidParams?: { name: string; code: string; reason: string }[] };
      expect(body.invalidParams, url).toEqual([{ name: 'query.year', code: 'required', reason: 'required' }]);
    }
    // A value that is not a number is still its own error, named.
    const res = await admin.get('/api/self-inspections/overview?year=abc');
    const body = expectProblem(res, 400, 'VALIDATION_FAILED') as { invalidParams?: { name: string; code: string }[] };
    expect(body.invalidParams?.[0]).toMatchObject({ name: 'query.year', code: 'invalid_type' });
  });

  it('known parameters still work', async () => {
    const res = await admin.get(`/api/units?q=${encodeURIComponent('hoài thanh')}&includeInactive=true`);
    expect(res.statusCode).toBe(200);
  });
});
