import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { AppInstance } from '../../app.js';
import { queryRows, type Db } from '../../db/client.js';
import { errorCodes } from '../../../shared/api/errors.js';
import { seededRandom } from '../../db/seed/scale/names.js';

/**
 * A fuzzer generated from the OpenAPI document: every operation the app documents — including
 * those other modules add later — gets requests that are almost right, each broken in one way:
 * wrong types, missing and extra fields, huge strings, NUL and control characters, invalid
 * UUIDs, huge numbers, broken JSON, wrong content types, bad percent-encoding, path traversal,
 * unknown or repeated query parameters. It checks what the contract promises for each answer:
 * never a 5xx, every error problem+json with a catalogue code and a request id, no internal
 * names, and nothing written by a refused request (a fingerprint of every table and the audit
 * trail, taken after each request).
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  const?: unknown;
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}
export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

/** Every operation of the OpenAPI document. */
export function operationsOf(doc: { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], body: op.requestBody?.content['application/json']?.schema });
    }
  }
  return ops;
}

export const MUTATIONS = [
  'valid',
  'wrong-type',
  'missing-field',
  'extra-field',
  'huge-string',
  'control-chars',
  'invalid-uuid',
  'huge-number',
  'broken-json',
  'wrong-content-type',
  'bad-encoding',
  'path-traversal',
  'query-junk',
  'empty-body',
  'deep-nesting',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** Ids of real records, so some requests get past the 404 to deeper validation. */
export interface KnownIds {
  units: string[];
  agencies: string[];
  users: string[];
}

/** Values that break a field in one way each. */
const NASTY_STRINGS = ['\u0000', 'a\u0000b', '\u0001\u0002\u001f\u007f', '\ud800', '\udfff x', '\u202e‮evil', '%00', '\r\n\r\nX-Injected: 1', "'; drop table unit; --", '<script>alert(1)</script>', '${7*7}', '../../etc/passwd'];
const HUGE_NUMBERS = [2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, 1.5, -0.0001];
const BAD_UUIDS = ['not-a-uuid', '00000000-0000-0000-0000-00000000000g', '', '1', 'ffffffff-ffff-ffff-ffff-fffffffffffff', '{}'];
const BAD_ENCODINGS = ['%ZZ', '%C0%AE', '%ED%A0%80', '%E0%A4%A', '%', '%%20', '%FF%FE'];
const TRAVERSALS = ['..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2f', '....//....//', '..\\..\\windows', '%2F', '.', '..'];

/** encodeURIComponent, except that a lone surrogate goes out as its (invalid) UTF-8 bytes. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s.split('').map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

export class Fuzzer {
  private rnd: () => number;
  constructor(
    seed: number,
    private known: KnownIds,
  ) {
    this.rnd = seededRandom(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rnd() * items.length)];
  }

  /** A value the schema accepts (or close to it: patterns are approximated). */
  valid(schema: Schema | undefined, depth = 0, name = ''): unknown {
    if (!schema) return {};
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return this.pick(schema.enum);
    const variants = schema.oneOf ?? schema.anyOf;
    if (variants) return this.valid(this.pick(variants), depth, name);
    if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => this.valid(s, depth, name) as object));
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [key, prop] of Object.entries(schema.properties ?? {})) {
          if (schema.required?.includes(key) || (depth < 3 && this.rnd() < 0.5)) out[key] = this.valid(prop, depth + 1, key);
        }
        return out;
      }
      case 'array': {
        const n = Math.max(schema.minItems ?? 0, depth < 3 ? Math.floor(this.rnd() * 3) : 0);
        return Array.from({ length: Math.min(n, schema.maxItems ?? n) }, () => this.valid(schema.items, depth + 1, name));
      }
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? 1;
        const max = Math.min(schema.maximum ?? min + 100, min + 1000);
        const n = min + this.rnd() * (max - min);
        return type === 'integer' ? Math.round(n) : n;
      }
      case 'boolean':
        return this.rnd() < 0.5;
      case 'string':
        return this.validString(schema, name);
      default:
        return null;
    }
  }

  private validString(schema: Schema, name: string): string {
    if (schema.format === 'uuid') {
      const pool = /unit/i.test(name) ? this.known.units : /user|actor/i.test(name) ? this.known.users : this.known.agencies;
      return pool.length && this.rnd() < 0.7 ? this.pick(pool) : crypto.randomUUID();
    }
    if (schema.format === 'email') return 'thu.nguyen@example.gov.vn';
    if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return `2026-0${1 + Math.floor(this.rnd() * 9)}-1${Math.floor(this.rnd() * 9)}`;
    if (schema.pattern?.includes('(0[1-9]|1[0-2])')) return `2026-0${1 + Math.floor(this.rnd() * 9)}`;
    if (schema.pattern?.includes('a-z0-9')) return `fuzz.${Math.floor(this.rnd() * 1e6)}`;
    const words = ['Hoài Thanh', 'Ủy ban nhân dân', 'Phòng Nội vụ', 'kiểm tra', 'cải cách hành chính', 'năm 2026'];
    const s = this.pick(words);
    return s.slice(0, schema.maxLength ?? s.length).padEnd(schema.minLength ?? 0, 'x');
  }

  /** The same value broken in one way. */
  private breakValue(value: unknown, how: Mutation): unknown {
    switch (how) {
      case 'wrong-type':
        return this.pick([12345, true, null, [], {}, 'text', [1, 'a'], { a: 1 }].filter((v) => typeof v !== typeof value));
      case 'huge-string':
        return 'ẫ'.repeat(100_000 + Math.floor(this.rnd() * 1000));
      case 'control-chars':
        return this.pick(NASTY_STRINGS);
      case 'invalid-uuid':
        return this.pick(BAD_UUIDS);
      case 'huge-number':
        return this.pick(HUGE_NUMBERS);
      case 'deep-nesting': {
        let v: unknown = 1;
        for (let i = 0; i < 2000; i++) v = [v];
        return v;
      }
      default:
        return value;
    }
  }

  /** Breaks one field somewhere in an object (a random path), or the whole value. */
  private breakSomewhere(body: unknown, how: Mutation): unknown {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return this.breakValue(body, how);
    const obj = { ...(body as Record<string, unknown>) };
    const keys = Object.keys(obj);
    if (how === 'missing-field') {
      if (keys.length) delete obj[this.pick(keys)];
      return obj;
    }
    if (how === 'extra-field') {
      obj[this.pick(['__proto__', 'constructor', 'isAdmin', 'id', 'version2', 'role'])] = this.pick([true, 'x', { admin: true }, 1]);
      return obj;
    }
    if (!keys.length) return this.breakValue(obj, how);
    const key = this.pick(keys);
    obj[key] = this.rnd() < 0.3 ? this.breakSomewhere(obj[key], how) : this.breakValue(obj[key], how);
    return obj;
  }

  /** One request for an operation, broken by `how`. */
  request(op: Operation, how: Mutation): { method: string; url: string; payload?: string; headers: Record<string, string> } {
    const headers: Record<string, string> = {};
    let path = op.path;
    for (const p of op.parameters.filter((x) => x.in === 'path')) {
      let v = String(this.valid(p.schema, 0, p.name));
      if (how === 'invalid-uuid') v = this.pick(BAD_UUIDS) || 'x';
      if (how === 'bad-encoding') v = this.pick(BAD_ENCODINGS);
      if (how === 'path-traversal') v = this.pick(TRAVERSALS);
      if (how === 'huge-number' && p.schema.type === 'integer') v = String(this.pick(HUGE_NUMBERS));
      if (how === 'huge-string') v = 'a'.repeat(150 + Math.floor(this.rnd() * 2000));
      path = path.replace(`{${p.name}}`, how === 'bad-encoding' || how === 'path-traversal' ? v : encode(v));
    }
    const query: string[] = [];
    for (const p of op.parameters.filter((x) => x.in === 'query')) {
      if (!p.required && this.rnd() < 0.5) continue;
      let v: unknown = this.valid(p.schema, 0, p.name);
      if (how === 'wrong-type' || how === 'huge-number' || how === 'control-chars' || how === 'invalid-uuid' || how === 'huge-string') v = this.breakValue(v, how);
      if (how === 'missing-field' && p.required) continue;
      query.push(`${encode(p.name)}=${how === 'bad-encoding' ? this.pick(BAD_ENCODINGS) : encode(typeof v === 'string' ? v : JSON.stringify(v))}`);
    }
    if (how === 'query-junk') query.push(this.pick(['dryRun[]=true', 'unknown=1', 'q=a&q=b', '__proto__[x]=1', 'page=1&page=2', '=x', '&&&']));
    const url = query.length ? `${path}?${query.join('&')}` : path;

    if (op.method === 'GET' || op.method === 'DELETE') return { method: op.method, url, headers };
    let body: unknown = this.valid(op.body);
    if (['wrong-type', 'missing-field', 'extra-field', 'huge-string', 'control-chars', 'invalid-uuid', 'huge-number', 'deep-nesting'].includes(how)) body = this.breakSomewhere(body, how);
    let payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
    if (how === 'broken-json') payload = this.pick([payload.slice(0, Math.max(1, payload.length - 1)), `${payload},`, `{"a":}`, `{'single':'quotes'}`, '\u0000', '[', 'null', '"just a string"', '{"a":1e99999}']);
    if (how === 'empty-body') payload = '';
    if (how === 'wrong-content-type') {
      headers['content-type'] = this.pick(['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'image/png', '']);
      if (headers['content-type'] === '') delete headers['content-type'];
    }
    return { method: op.method, url, payload, headers };
  }
}

/** Framework, table and constraint names, stack frames, file paths: none may reach a client. */
export const INTERNAL_NAMES = /_key\b|_fkey\b|_pkey\b|_check\b|_idx\b|\bFST_[A-Z_]+|\bERR_[A-Z_]+|app_user|user_role|audit_event|login_failure|\bat [\w.<>]+ \(|node_modules|\/work\/|drizzle|ZodError|TypeError|SyntaxError/;

/** Why an answer breaks the contract, or null. */
export function contractProblem(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500 && !(res.statusCode === 503 && res.body.includes('"PDF_UNAVAILABLE"'))) return `status ${res.statusCode}`;
  if (res.statusCode < 400) return null;
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) return `error without problem+json (${res.headers['content-type']})`;
  let problem: { code?: string; requestId?: string; status?: number };
  try {
    problem = JSON.parse(res.body);
  } catch {
    return 'problem body is not JSON';
  }
  if (!problem.code || !(errorCodes as readonly string[]).includes(problem.code)) return `code outside the catalogue: ${problem.code}`;
  if (!problem.requestId) return 'no request id';
  if (problem.status !== res.statusCode) return `status ${res.statusCode} but problem.status ${problem.status}`;
  const leak = INTERNAL_NAMES.exec(res.body);
  if (leak) return `internal name in the answer: ${leak[0]}`;
  return null;
}

/**
 * What a request could have written: the row count of every table the app owns (sessions and
 * sign-in attempts aside: a refused sign-in is recorded by design), the newest update of each
 * versioned table, and the audit trail's newest event.
 */
export async function fingerprint(db: Db): Promise<string> {
  // No row changes without a transaction id, and a transaction that took one changes the snapshot
  // (its xmax or its in-progress list) when it ends, committed or rolled back: while the snapshot
  // is the one of the last fingerprint, so is the fingerprint. Most refused requests write
  // nothing, so the counts of every table (~16 ms on PGlite, after each of the fuzzer's thousands
  // of requests) are taken again only when something may have changed. The snapshot is read
  // before the counts: a transaction ending in between changes it for the next call.
  const [{ snapshot }] = await queryRows<{ snapshot: string }>(db, sql`select pg_current_snapshot()::text as snapshot`);
  const last = lastFingerprint.get(db);
  if (last?.snapshot === snapshot) return last.fingerprint;
  const tables = await queryRows<{ name: string; versioned: boolean }>(
    db,
    sql`select c.relname as name, exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'updated_at') as versioned
          from pg_class c where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
           and c.relname not in ('session', 'login_failure', 'trusted_device') order by 1`,
  );
  const parts = tables.map((t) => `(select count(*) || ${t.versioned ? `'/' || coalesce(max(updated_at)::text, '')` : `''`} from "${t.name}")`);
  const [row] = await queryRows<{ f: string }>(db, sql.raw(`select concat_ws('|', ${parts.join(', ')}, (select max(id) from audit_event)) as f`));
  lastFingerprint.set(db, { snapshot, fingerprint: row.f });
  return row.f;
}
/** The last fingerprint taken of each database, with the transaction snapshot it was taken in. */
const lastFingerprint = new WeakMap<Db, { snapshot: string; fingerprint: string }>();

export interface FuzzClient {
  name: string;
  request(opts: { method: string; url: string; payload?: string; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  /** Signs in again when a request ended the session (DELETE /api/session, a deactivation). */
  renew?(): Promise<void>;
}

export interface FuzzFailure {
  client: string;
  method: string;
  url: string;
  payload?: string;
  status: number;
  problem: string;
  body: string;
}

export interface FuzzReport {
  requests: number;
  operations: number;
  byStatus: Record<number, number>;
  failures: FuzzFailure[];
}

/**
 * Runs `requests` requests over every operation in turn, each as one of the clients, with the
 * mutation kinds in turn as well (so a short run still covers every kind on many operations).
 */
export async function runFuzz(opts: {
  app: AppInstance;
  db: Db;
  seed: number;
  requests: number;
  clients: FuzzClient[];
  known: KnownIds;
  onProgress?: (done: number) => void;
}): Promise<FuzzReport> {
  const doc = (await opts.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
  const ops = operationsOf(doc);
  const fuzzer = new Fuzzer(opts.seed, opts.known);
  const report: FuzzReport = { requests: 0, operations: ops.length, byStatus: {}, failures: [] };
  let before = await fingerprint(opts.db);
  for (let i = 0; i < opts.requests; i++) {
    const op = ops[i % ops.length];
    const how = MUTATIONS[Math.floor(i / ops.length) % MUTATIONS.length];
    const client = opts.clients[i % opts.clients.length];
    const req = fuzzer.request(op, how);
    let res: LightMyRequestResponse;
    try {
      res = await client.request(req);
    } catch (err) {
      report.failures.push({ client: client.name, ...req, status: 0, problem: `request threw: ${(err as Error).message}`, body: '' });
      continue;
    }
    report.requests++;
    report.byStatus[res.statusCode] = (report.byStatus[res.statusCode] ?? 0) + 1;
    const fail = (problem: string) => report.failures.push({ client: client.name, ...req, payload: req.payload?.slice(0, 300), status: res.statusCode, problem, body: res.body.slice(0, 400) });
    const problem = contractProblem(res);
    if (problem) fail(problem);
    const after = await fingerprint(opts.db);
    if (res.statusCode >= 400 && after !== before) fail('a refused request changed data');
    before = after;
    if (res.statusCode === 401 && client.renew) {
      await client.renew();
      before = await fingerprint(opts.db);
    }
    opts.onProgress?.(i + 1);
  }
  return report;
}

/** Failures grouped by what went wrong, each with a count and its first example. */
export function summarize(failures: FuzzFailure[]): Record<string, { count: number; example: string }> {
  const out: Record<string, { count: number; example: string }> = {};
  for (const f of failures) {
    const key = f.problem.replace(/\(.*\)$/, '').trim();
    out[key] ??= { count: 0, example: `${f.client}: ${f.method} ${f.url.slice(0, 120)} ${f.payload ? `${f.payload.slice(0, 120)} ` : ''}→ ${f.status} ${f.body.slice(0, 200)}` };
    out[key].count++;
  }
  return out;
}
