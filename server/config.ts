import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

export type TrustProxy = false | number | string[];

/** Names proxy-addr understands for whole private ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * PAR_TRUST_PROXY: `false`/`0`/empty, a hop count (`1` = one load balancer in front), or a
 * comma-separated list of addresses, CIDR ranges and the names loopback, linklocal,
 * uniquelocal. Returns an error message for anything else — `true` included, which would let
 * every client choose the address that login limits and the audit trail record.
 */
export function parseTrustProxy(value: string): TrustProxy | string {
  const v = value.trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') {
    return 'true would trust X-Forwarded-For from anyone; give the proxies\' addresses (e.g. 10.0.0.5,10.0.1.0/24) or their number (e.g. 1)';
  }
  if (/^\d+$/.test(v)) return Math.min(Number(v), 10);
  const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (bad.length) return `not an address, CIDR range or hop count: ${bad.join(', ')}`;
  return entries;
}

/** PAR_PGLITE_SHARED_BUFFERS_MB's default, also for the scripts that open a data directory. */
export const DEFAULT_PGLITE_SHARED_BUFFERS_MB = 32;

/**
 * The environment, parsed once. Nothing else in the server reads process.env, so every setting
 * is visible here with its default.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** When set, the server uses this PostgreSQL server instead of the embedded PGlite. */
  DATABASE_URL: z.string().url().optional(),
  PAR_DATA_DIR: z.string().default('./data'),
  /**
   * The embedded database's shared buffers, in MB. PGlite's own default, 128, is reserved and
   * zeroed in the process at start: about 110 MB more resident memory than 32 for the same
   * speed on one town's data (README "Load").
   */
  PAR_PGLITE_SHARED_BUFFERS_MB: z.coerce.number().int().min(1).max(4096).default(DEFAULT_PGLITE_SHARED_BUFFERS_MB),
  /** Password for the demo accounts; generated and printed once when unset. */
  PAR_DEMO_PASSWORD: z.string().min(8).optional(),
  /** Load the demo data on first start (an empty database). */
  PAR_DEMO_DATA: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Set when the app is served over TLS (directly or behind a proxy): cookies get Secure. */
  PAR_SECURE_COOKIES: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * Which proxies in front of the app servers may set X-Forwarded-For: `false` (none, the
   * default), the number of proxies (hops) in front, or their addresses and CIDR ranges
   * separated by commas. Never every sender: then anyone picks their own address.
   */
  PAR_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
  /** The bearer token Prometheus sends to read /api/metrics; metrics are off without it. */
  PAR_METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /** Requests slower than this are logged at info level (all requests at debug). */
  PAR_SLOW_REQUEST_MS: z.coerce.number().int().min(1).default(1000),
  /**
   * Load runs (bench/load.ts): each answer carries its database round trips (x-db-queries) and
   * the process's CPU time so far (x-cpu-us). Off by default: it costs an AsyncLocalStorage.
   */
  PAR_REQUEST_COSTS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  PAR_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).default(8 * 60),
  PAR_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(7 * 24),
  /** Store uploaded files in this directory instead of the database (large deployments, shared storage). */
  PAR_FILES_DIR: z.string().min(1).optional(),
  /** Largest file one upload may carry, in megabytes. */
  PAR_MAX_FILE_MB: z.coerce.number().int().min(1).max(1024).default(25),
  /** PDF conversions one person may have waiting at once. */
  PAR_PDF_PENDING_PER_USER: z.coerce.number().int().min(1).max(100).default(3),
  /** PDF conversions the whole installation may have waiting at once. */
  PAR_PDF_QUEUE_MAX: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Working days a schedule notice must reach the unit before its report is due (issue 8 §2). */
  PAR_NOTICE_LEAD_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(2),
  /** Two inspections of one agency closer than this many days conflict (1 = the same day). */
  PAR_REVISIT_MIN_DAYS: z.coerce.number().int().min(1).max(365).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** What this process runs: the HTTP server, the job workers, or both (one machine). */
  PAR_ROLE: z.enum(['web', 'worker', 'all']).default('all'),
  /** The address people open, for links in e-mails. Defaults to http://localhost:PORT. */
  PAR_PUBLIC_URL: z.string().url().optional(),
  /**
   * Further origins whose pages may send writes (comma-separated, e.g. https://cchc.gialai.gov.vn):
   * besides the origin a request is addressed to and PAR_PUBLIC_URL's (docs/decisions/origin-check.md).
   */
  PAR_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .refine((list) => list.every((o) => /^https?:\/\/[^/?#]+\/?$/.test(o) && URL.canParse(o)), 'expected origins like https://cchc.example.gov.vn, comma-separated'),
  /** smtp://user:password@host:587 or smtps://…:465; e-mail is off unless this and MAIL_FROM are set. */
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), 'expected smtp:// or smtps://')
    .optional(),
  /** The sender of every e-mail: "PAR Inspect <cchc@hoainhon.gov.vn>". */
  MAIL_FROM: z.string().min(3).optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string; sharedBuffersMb: number } | { kind: 'postgres'; url: string };
  demoPassword: string | undefined;
  loadDemoData: boolean;
  secureCookies: boolean;
  /** false, a hop count, or the proxies' addresses/CIDRs (Fastify's trustProxy). */
  trustProxy: TrustProxy;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  metricsToken: string | undefined;
  slowRequestMs: number;
  /** Debug headers with each answer's costs (PAR_REQUEST_COSTS; load runs only). */
  requestCosts?: boolean;
  logLevel: string;
  webDistDir: string;
  /** web: HTTP only; worker: jobs only; all: both (the only choice on the embedded database). */
  role: 'web' | 'worker' | 'all';
  publicUrl: string;
  /** Origins whose pages may send writes besides the request's own: PAR_PUBLIC_URL's and PAR_ALLOWED_ORIGINS. */
  allowedOrigins: string[];
  /** Null when e-mail is off (SMTP_URL or MAIL_FROM unset). */
  mail: { smtpUrl: string; from: string } | null;
  files: { backend: 'database' } | { backend: 'directory'; dir: string };
  maxFileBytes: number;
  pdf: { pendingPerUser: number; queueMax: number };
  /** Lead times and spacing of the inspection schedule (issue 8 §2). */
  schedule: { noticeLeadWorkingDays: number; revisitMinDays: number };
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.PAR_ROLE !== 'all' && !e.DATABASE_URL) {
    // PGlite is one process per data directory: a web-only server would never run its jobs.
    throw new Error(`Invalid configuration:\n  PAR_ROLE: ${e.PAR_ROLE} needs DATABASE_URL (the embedded database runs web and jobs in one process; use PAR_ROLE=all)`);
  }
  if (!!e.SMTP_URL !== !!e.MAIL_FROM) {
    throw new Error(`Invalid configuration:\n  ${e.SMTP_URL ? 'MAIL_FROM' : 'SMTP_URL'}: set both SMTP_URL and MAIL_FROM to send e-mail, or neither`);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(e.PAR_DATA_DIR), sharedBuffersMb: e.PAR_PGLITE_SHARED_BUFFERS_MB },
    demoPassword: e.PAR_DEMO_PASSWORD,
    loadDemoData: e.PAR_DEMO_DATA,
    secureCookies: e.PAR_SECURE_COOKIES,
    trustProxy: e.PAR_TRUST_PROXY,
    sessionIdleMinutes: e.PAR_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.PAR_SESSION_MAX_HOURS,
    metricsToken: e.PAR_METRICS_TOKEN,
    slowRequestMs: e.PAR_SLOW_REQUEST_MS,
    requestCosts: e.PAR_REQUEST_COSTS,
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve('dist/web'),
    role: e.PAR_ROLE,
    publicUrl: (e.PAR_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    allowedOrigins: [...new Set([new URL(e.PAR_PUBLIC_URL ?? `http://localhost:${e.PORT}`).origin, ...e.PAR_ALLOWED_ORIGINS.map((o) => new URL(o).origin)])],
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : null,
    files: e.PAR_FILES_DIR ? { backend: 'directory', dir: path.resolve(e.PAR_FILES_DIR) } : { backend: 'database' },
    maxFileBytes: e.PAR_MAX_FILE_MB * 1024 * 1024,
    pdf: { pendingPerUser: e.PAR_PDF_PENDING_PER_USER, queueMax: e.PAR_PDF_QUEUE_MAX },
    schedule: { noticeLeadWorkingDays: e.PAR_NOTICE_LEAD_WORKING_DAYS, revisitMinDays: e.PAR_REVISIT_MIN_DAYS },
  };
}
