import type { AnyJobDefinition } from './define.js';
import { dailyTickJob } from './daily.js';
import { convertPdfJob } from '../documents/pdf-conversions.js';
import { sendEmailJob } from '../notifications/send-email.job.js';
import { inspectionRemindersJob } from '../modules/inspections/reminders.job.js';
import { importTasksJob } from '../modules/assigned-tasks/import-assigned-tasks.js';
import { taskRemindersJob } from '../modules/assigned-tasks/reminders.job.js';
import { importScoresJob } from '../modules/indices/import-scores.js';
import { importCriteriaJob } from '../modules/indices/import-criteria.js';
import { importRegistryJob } from '../modules/registry/registry-import.job.js';
import { actionRemindersJob } from '../modules/corrective-actions/reminders.job.js';
import { reportsDailyJob } from '../modules/reports/reports.job.js';
import { compileReportsJob } from '../modules/reports/report-compilation.js';

/**
 * Every job of the application, in one list: the worker runs these queues, the web servers create
 * them, the admin page lists them. A module defines its jobs beside itself and adds them here.
 */
export const jobRegistry: AnyJobDefinition[] = [dailyTickJob, convertPdfJob as AnyJobDefinition, sendEmailJob as AnyJobDefinition, inspectionRemindersJob as AnyJobDefinition, importScoresJob as AnyJobDefinition, importCriteriaJob as AnyJobDefinition, importRegistryJob as AnyJobDefinition, actionRemindersJob as AnyJobDefinition, importTasksJob as AnyJobDefinition, taskRemindersJob as AnyJobDefinition, reportsDailyJob as AnyJobDefinition, compileReportsJob as AnyJobDefinition];
