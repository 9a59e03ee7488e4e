import { z } from 'zod';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleNames } from '../../shared/domain/capabilities.js';
import { isPdfAvailable } from '../documents/pdf.js';
import { defineJob } from '../jobs/define.js';
import { createTestApp, signIn, type Client, type TestApp } from '../test/harness.js';
import { makeAuthority, makeUser, TEST_PASSWORD } from '../test/factories.js';
import { fingerprint } from '../test/fuzz/openapi-fuzzer.js';
import { expectedMatrix, type Cell, type MatrixRow, type Outcome } from './matrix.expected.js';
import { failJob, FAILING_JOB, matrixRequests, type Authority, type Caller, type MatrixRequest, type Place, type Recipe } from './matrix.requests.js';

/**
 * The authorization matrix, generated from the OpenAPI document (issue 12 §3): every operation ×
 * every role × in and out of scope, against the checked-in table in matrix.expected.ts. A new
 * operation without a row fails with the row to add; CSRF and sign-in are checked on every
 * operation too. One app and one set of records for the whole file (fast: it runs in `npm test`).
 */

const failingJob = defineJob({
  name: FAILING_JOB,
  title: { vi: 'Thử', en: 'Test' },
  payload: z.object({ recordId: z.uuid() }),
  scoped: true,
  retry: { limit: 0, delaySeconds: 1, backoff: false },
  async handler() {
    throw new Error('always fails');
  },
});

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const callers: Caller[] = ['anonymous', ...roleNames];

let t: TestApp;
let home: Place;
let away: Place;
let clients: Record<Exclude<Caller, 'anonymous'>, Client>;
/** Operations of the OpenAPI document, "METHOD /path". */
let operations: string[];
/** What each cell answered: key → caller → [in, out]. */
const observed: Record<string, Partial<Record<Caller, Outcome[]>>> = {};
const problems: string[] = [];

async function placeOf(a: Authority): Promise<Place> {
  const [admin, leader, sec] = await Promise.all([a.users.admin, a.users.leader, a.users.secretariat].map((u) => signIn(t.app, u.username, TEST_PASSWORD)));
  const made = new Map<string, Promise<unknown>>();
  return {
    a,
    t,
    db: t.database.db,
    admin,
    leader,
    sec,
    shared<T>(name: string, make: () => Promise<T>) {
      if (!made.has(name)) made.set(name, make());
      return made.get(name) as Promise<T>;
    },
    failedJob: () => failJob(t, failingJob, a),
  };
}

const userOf = (a: Authority, role: Exclude<Caller, 'anonymous'>) => (role === 'unit_officer' ? a.users.unitOfficerA : a.users[role]);
const grantOf = (a: Authority, role: Exclude<Caller, 'anonymous'>) =>
  ({ admin: a.provinceCommittee, leader: a.townCommittee, secretariat: a.homeAffairs, inspector: a.homeAffairs, unit_officer: a.wardACommittee })[role].id;

beforeAll(async () => {
  // Its own database: the CSRF check compares whole-database counts, which test files running beside it change on a shared server.
  t = await createTestApp({ extraJobs: [failingJob], privateDatabase: true });
  const [a, b] = [await makeAuthority(t.database.db), await makeAuthority(t.database.db)];
  [home, away] = await Promise.all([placeOf(a), placeOf(b)]);
  const signed = await Promise.all(roleNames.map((r) => signIn(t.app, userOf(a, r).username, TEST_PASSWORD)));
  clients = Object.fromEntries(roleNames.map((r, i) => [r, signed[i]])) as typeof clients;
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
}, 300_000);
afterAll(() => t?.close());

/** The row keys of an operation: "METHOD /path" and its variants "METHOD /path (…)". */
const keysOf = (op: string, table: Record<string, unknown>) => Object.keys(table).filter((k) => k === op || k.startsWith(`${op} (`));
const operationOf = (key: string) => key.replace(/ \(.*\)$/, '');

function send(client: Client | null, req: MatrixRequest, headers: Record<string, string> = {}) {
  const opts = { method: req.method, url: req.url, payload: req.payload as string, headers: { ...req.headers, ...headers } };
  if (!client) return t.app.inject(opts);
  return t.app.inject({ ...opts, cookies: { par_session: client.sessionCookie }, headers: { 'x-csrf-token': client.csrfToken, ...opts.headers } });
}

/** The client for one cell: the role's user, or a fresh session or user when the recipe needs one. */
async function clientFor(caller: Caller, recipe: Recipe): Promise<Client | null> {
  if (caller === 'anonymous') return null;
  if (recipe.session === 'fresh-session') return signIn(t.app, userOf(home.a, caller).username, TEST_PASSWORD);
  if (recipe.session === 'fresh-user') {
    const user = await makeUser(t.database.db, [{ role: caller, agencyId: grantOf(home.a, caller) }]);
    return signIn(t.app, user.username, TEST_PASSWORD);
  }
  return clients[caller];
}

/** Names and ids of the other province: none may reach a user of the test authority. */
function leakOf(res: LightMyRequestResponse, req: MatrixRequest): string | null {
  const b = away.a;
  const ids = [b.province, b.town, b.wardA, b.wardB, b.provinceCommittee, b.townCommittee, b.homeAffairs, b.wardACommittee, b.wardBCommittee, b.wardBDesk, ...Object.values(b.users)].map((r) => r.id);
  const body = res.rawPayload.toString('latin1');
  if (body.includes(b.tag)) return `the other province's tag ${b.tag}`;
  // A refusal may name the id the caller sent; a success must not carry it.
  for (const id of ids) if (body.includes(id) && (res.statusCode < 400 || !req.url.includes(id))) return `the other province's record ${id}`;
  return null;
}

async function runRow(key: string, recipe: Recipe) {
  const row: Partial<Record<Caller, Outcome[]>> = (observed[key] = {});
  for (const caller of callers) {
    const scopes: Place[] = recipe.scoped && caller !== 'anonymous' ? [home, away] : [home];
    row[caller] = [];
    for (const place of scopes) {
      const client = await clientFor(caller, recipe);
      const memo = freshRecords(key, place);
      const req = await recipe.build({ place, caller, client, inScope: place === home, fresh: memo.get });
      const res = await send(client, req);
      if (res.statusCode < 300) memo.clear();
      const outcome = recipe.outcome ? recipe.outcome(res.statusCode, res.body) : res.statusCode;
      row[caller].push(outcome);
      const where = `${key} as ${caller}${recipe.scoped ? (place === home ? ' in scope' : ' out of scope') : ''}`;
      if (res.statusCode >= 500) problems.push(`${where}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (caller === 'anonymous' && res.statusCode === 401 && res.json().code !== 'UNAUTHENTICATED') problems.push(`${where}: 401 with code ${res.json().code}`);
      if (caller !== 'anonymous' && !recipe.echoesInput) {
        const leak = leakOf(res, req);
        if (leak) problems.push(`${where}: the answer (${res.statusCode}) carries ${leak}`);
      }
    }
  }
}

/** Records made for one operation and place, until a request succeeds on them. */
const freshMemos = new Map<string, Map<string, Promise<unknown>>>();
function freshRecords(key: string, place: Place) {
  const id = `${key}|${place.a.tag}`;
  if (!freshMemos.has(id)) freshMemos.set(id, new Map());
  const memo = freshMemos.get(id)!;
  return {
    get<T>(name: string, make: () => Promise<T>): Promise<T> {
      if (!memo.has(name)) memo.set(name, make());
      return memo.get(name) as Promise<T>;
    },
    clear: () => memo.clear(),
  };
}

const format = (o: Outcome) => (typeof o === 'number' ? String(o) : `'${o}'`);
function cellText(outcomes: Outcome[]): string {
  return outcomes.length === 1 ? format(outcomes[0]) : `[${outcomes.map(format).join(', ')}]`;
}
/** A row of matrix.expected.ts as it should be written. */
function rowText(key: string): string {
  const row = observed[key];
  const cells = callers.map((c) => `${c}: ${row?.[c] ? cellText(row[c]) : '?'}`);
  return `  '${key}': { ${cells.join(', ')} },`;
}
const cellOf = (c: Cell): Outcome[] => (Array.isArray(c) ? [...c] : [c as Outcome]);
const rowMatches = (key: string, expected: MatrixRow) => callers.every((c) => JSON.stringify(cellOf(expected[c])) === JSON.stringify(observed[key]?.[c]));

describe('authorization matrix (server/authz/matrix.expected.ts)', () => {
  it('has a row and a request for every operation of the OpenAPI document, and none for an operation that is gone', () => {
    const missing = operations.filter((op) => keysOf(op, expectedMatrix).length === 0 || keysOf(op, matrixRequests).length === 0);
    const stale = [...new Set([...Object.keys(expectedMatrix), ...Object.keys(matrixRequests)])].filter((k) => !operations.includes(operationOf(k)));
    const unmatched = Object.keys(expectedMatrix).filter((k) => !matrixRequests[k]).concat(Object.keys(matrixRequests).filter((k) => !expectedMatrix[k]));
    const advice = missing.map(
      (op) =>
        `\n  ${op}: no ${keysOf(op, expectedMatrix).length ? '' : 'row in server/authz/matrix.expected.ts'}${!keysOf(op, expectedMatrix).length && !keysOf(op, matrixRequests).length ? ' and no ' : ''}${keysOf(op, matrixRequests).length ? '' : 'recipe in server/authz/matrix.requests.ts'}.` +
        `\n    1. Add to matrixRequests a recipe that makes the request on a record of \`place\` (in scope for the test authority's users, out of scope for the other province), e.g.` +
        `\n       '${op}': { scoped: true, build: async ({ place, fresh }) => ({ method: '${op.split(' ')[0]}', url: \`${op.split(' ')[1].replace(/\{(\w+)\}/g, '${…$1 of place…}')}\`${MUTATING.has(op.split(' ')[0]) ? ', payload: { … }' : ''} }) },` +
        `\n    2. Run \`MATRIX_PRINT=1 npx vitest run server/authz/matrix.test.ts\`: it prints the row each caller got; check every cell against the operation's policy, then add the row to expectedMatrix:` +
        `\n       '${op}': { anonymous: 401, admin: [in, out], leader: [in, out], secretariat: [in, out], inspector: [in, out], unit_officer: [in, out] },`,
    );
    expect(missing.length + stale.length + unmatched.length, [
      ...(missing.length ? [`Operations without an authorization-matrix entry:${advice.join('')}`] : []),
      ...(stale.length ? [`Rows for operations that no longer exist (remove them): ${stale.join(', ')}`] : []),
      ...(unmatched.length ? [`Rows without a recipe or recipes without a row (add the other half): ${unmatched.join(', ')}`] : []),
    ].join('\n')).toBe(0);
  });

  it('answers every operation × role × scope as the table says, without leaking the other province', async () => {
    const pdf = isPdfAvailable();
    // MATRIX_ONLY=<regex>: only the rows whose key matches (checking a module's rows on a loaded machine).
    const only = process.env.MATRIX_ONLY ? new RegExp(process.env.MATRIX_ONLY) : null;
    const keys = [...new Set([...Object.keys(matrixRequests)])].filter((k) => operations.includes(operationOf(k)) && (!only || only.test(k)));
    const timings: [string, number][] = [];
    for (const key of keys) {
      const recipe = matrixRequests[key];
      if (recipe.needsPdf && !pdf) continue;
      const started = performance.now();
      await runRow(key, recipe);
      timings.push([key, performance.now() - started]);
    }
    if (process.env.MATRIX_PRINT) console.log(timings.sort((x, y) => y[1] - x[1]).slice(0, 15).map(([k, ms]) => `${Math.round(ms)} ms ${k}`).join('\n'));
    const wrong = keys.filter((k) => observed[k] && (!expectedMatrix[k] || !rowMatches(k, expectedMatrix[k])));
    if (process.env.MATRIX_PRINT) console.log(`// observed\n${keys.filter((k) => observed[k]).map(rowText).join('\n')}`);
    const explain = wrong.map((k) => `\n  expected ${expectedMatrix[k] ? `'${k}': ${JSON.stringify(expectedMatrix[k])}` : `a row for ${k}`}\n  got     ${rowText(k).trim()}`);
    expect(wrong, `Rows that differ from server/authz/matrix.expected.ts (fix the code, or, if the policy changed on purpose, the row):${explain.join('')}`).toEqual([]);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 600_000);

  it('refuses every mutation without the session\'s CSRF token (403) and changes nothing; 401 and 403 come before body validation', async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => MUTATING.has(o.split(' ')[0]))) {
      const recipe = matrixRequests[keysOf(op, matrixRequests)[0]];
      if (!recipe || (recipe.needsPdf && !isPdfAvailable())) continue;
      const expected = expectedMatrix[keysOf(op, expectedMatrix)[0]];
      if (expected?.anonymous !== 401) continue; // public: sign-in has no session yet
      const client = await clientFor('admin', recipe);
      const req = await recipe.build({ place: home, caller: 'admin', client, inScope: true, fresh: freshRecords(`csrf ${op}`, home).get });
      const tokens: [string, Record<string, string>][] = [['without the header', {}], ['with another token', { 'x-csrf-token': 'x'.repeat(43) }]];
      for (const [name, headers] of tokens) {
        const before = await fingerprint(t.database.db);
        const res = await t.app.inject({ method: req.method, url: req.url, payload: req.payload as string, headers: { ...req.headers, ...headers }, cookies: { par_session: client!.sessionCookie } });
        if (res.statusCode !== 403 || res.json().code !== 'CSRF_TOKEN_INVALID') failures.push(`${op} ${name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if ((await fingerprint(t.database.db)) !== before) failures.push(`${op} ${name}: refused, but data changed`);
      }
      // A body the schema refuses changes nothing about who is asked first: no session → 401,
      // no token → 403, before any validation (a caller learns nothing from the fields).
      if (!String(req.headers?.['content-type'] ?? '').startsWith('multipart/')) {
        const junk = { method: req.method, url: req.url, payload: JSON.stringify({ version: 'x', unexpected: [1] }), headers: { 'content-type': 'application/json' } };
        const anonymous = await t.app.inject(junk);
        if (anonymous.statusCode !== 401) failures.push(`${op} without a session and with a wrong body: ${anonymous.statusCode} (401 expected before validation)`);
        const noToken = await t.app.inject({ ...junk, cookies: { par_session: client!.sessionCookie } });
        if (noToken.statusCode !== 403) failures.push(`${op} without the CSRF token and with a wrong body: ${noToken.statusCode} (403 expected before validation)`);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 240_000);
});
