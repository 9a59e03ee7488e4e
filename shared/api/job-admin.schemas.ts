import { z } from 'zod';
import { TIME_OF_DAY } from '../domain/vietnam-time.js';
import { version } from './common.js';

export const jobStates = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof jobStates)[number];

export const localizedText = z.object({ vi: z.string(), en: z.string() });

export const jobQueueSchema = z.object({
  name: z.string(),
  title: localizedText,
  /** Attempts after the first, the first wait (seconds) and whether each wait doubles. */
  retryLimit: z.number().int(),
  retryDelaySeconds: z.number().int(),
  retryBackoff: z.boolean(),
  /** Recurring: a cron expression (Asia/Ho_Chi_Minh), or daily at the office's time. */
  cron: z.string().nullable(),
  daily: z.boolean(),
  /** Jobs of every authority (a count names no record). */
  counts: z.object(Object.fromEntries(jobStates.map((s) => [s, z.number().int()])) as Record<JobState, z.ZodNumber>),
});

export const dailyRunTimeSchema = z.object({
  /** 'HH:MM', Asia/Ho_Chi_Minh. */
  time: z.string(),
  /** Null until an admin first sets it (the default applies). */
  version: z.number().int().nullable(),
});

export const jobOverviewResponse = z.object({
  queues: z.array(jobQueueSchema),
  dailyRunTime: dailyRunTimeSchema,
  /** E-mail is off unless SMTP_URL and MAIL_FROM are set (GET /api/admin/mail has the outbox). */
  mail: z.object({ enabled: z.boolean(), from: z.string().nullable() }),
});
export type JobOverview = z.infer<typeof jobOverviewResponse>;

export const failedJobsQuery = z.object({
  queue: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const failedJobSchema = z.object({
  id: z.uuid(),
  queue: z.string(),
  title: localizedText,
  createdAt: z.string(),
  failedAt: z.string().nullable(),
  /** Attempts made (the first one included). */
  attempts: z.number().int(),
  /** The last attempt's error message. */
  error: z.string().nullable(),
  /** The job's payload (record ids, never record content). */
  payload: z.unknown(),
  /** `system` jobs concern no record; the others are shown only to admins of their scope. */
  scope: z.enum(['system', 'agency', 'user']),
});
export type FailedJob = z.infer<typeof failedJobSchema>;

export const failedJobsResponse = z.object({ items: z.array(failedJobSchema), total: z.number().int() });
export type FailedJobsResponse = z.infer<typeof failedJobsResponse>;

export const jobParams = z.object({ queue: z.string().max(100), id: z.uuid() });

export const retryJobResponse = z.object({ id: z.uuid(), queue: z.string(), state: z.enum(jobStates) });

export const putDailyRunTimeBody = z.object({
  time: z.string().regex(TIME_OF_DAY, 'expected HH:MM, 00:00 to 23:59'),
  /** The version it was read at; null when it was never set. */
  version: version.nullable(),
});
