import { date, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The days a daily job was enqueued: the tick that finds a row already here enqueues nothing, so
 * a daily job runs once per Vietnamese calendar day however many ticks and workers there are.
 */
export const jobDailyRun = pgTable(
  'job_daily_run',
  {
    jobName: text().notNull(),
    runOn: date({ mode: 'string' }).notNull(),
    enqueuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'job_daily_run_pkey', columns: [t.jobName, t.runOn] })],
);
