import path from 'node:path';
import { z } from 'zod';

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
  /** Trust X-Forwarded-For from a load balancer in front of the app servers. */
  PAR_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  PAR_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).default(8 * 60),
  PAR_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(7 * 24),
  /** Store uploaded files in this directory instead of the database (large deployments, shared storage). */
  PAR_FILES_DIR: z.string().min(1).optional(),
  /** Largest file one upload may carry, in megabytes. */
  PAR_MAX_FILE_MB: z.coerce.number().int().min(1).max(1024).default(25),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** What this process runs: the HTTP server, the job workers, or both (one machine). */
  PAR_ROLE: z.enum(['web', 'worker', 'all']).default('all'),
  /** The address people open, for links in e-mails. Defaults to http://localhost:PORT. */
  PAR_PUBLIC_URL: z.string().url().optional(),
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
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  demoPassword: string | undefined;
  loadDemoData: boolean;
  secureCookies: boolean;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  logLevel: string;
  webDistDir: string;
  /** web: HTTP only; worker: jobs only; all: both (the only choice on the embedded database). */
  role: 'web' | 'worker' | 'all';
  publicUrl: string;
  /** Null when e-mail is off (SMTP_URL or MAIL_FROM unset). */
  mail: { smtpUrl: string; from: string } | null;
  files: { backend: 'database' } | { backend: 'directory'; dir: string };
  maxFileBytes: number;
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
      : { kind: 'pglite', dataDir: path.resolve(e.PAR_DATA_DIR) },
    demoPassword: e.PAR_DEMO_PASSWORD,
    loadDemoData: e.PAR_DEMO_DATA,
    secureCookies: e.PAR_SECURE_COOKIES,
    trustProxy: e.PAR_TRUST_PROXY,
    sessionIdleMinutes: e.PAR_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.PAR_SESSION_MAX_HOURS,
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve('dist/web'),
    role: e.PAR_ROLE,
    publicUrl: (e.PAR_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : null,
    files: e.PAR_FILES_DIR ? { backend: 'directory', dir: path.resolve(e.PAR_FILES_DIR) } : { backend: 'database' },
    maxFileBytes: e.PAR_MAX_FILE_MB * 1024 * 1024,
  };
}
