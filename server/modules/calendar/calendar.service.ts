import { sql } from 'drizzle-orm';
import {
  CalendarInputError,
  createWorkingCalendar,
  OFFICIAL_SCHEDULES,
  type CalendarEntry,
  type WorkingCalendar,
  type YearSchedule,
} from '../../../shared/domain/calendar/index.js';
import { calendarYear } from '../../db/schema/index.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';

/**
 * The working calendar in force: the official schedules shipped with the product, overridden
 * year by year by what admins recorded in the database, and the Labour Code default elsewhere.
 *
 * Building it is cheap but not free, so each app server caches it, keyed by the (year, version)
 * pairs of the table: one tiny query per use keeps every server in step with edits made on
 * another (app servers stay stateless).
 */
let cached: LoadedCalendar | null = null;

type LoadedCalendar = { signature: string; calendar: WorkingCalendar; rows: Map<number, { source: string; version: number }> };

async function buildWorkingCalendar(db: DbOrTx, signature: string): Promise<LoadedCalendar> {
  const rows = await db.select().from(calendarYear);
  const fromDb = new Map(rows.map((r) => [r.year, { year: r.year, source: r.source, entries: r.entries as CalendarEntry[] }]));
  const schedules: YearSchedule[] = [...OFFICIAL_SCHEDULES.filter((s) => !fromDb.has(s.year)), ...fromDb.values()];
  return {
    signature,
    calendar: createWorkingCalendar(schedules),
    rows: new Map(rows.map((r) => [r.year, { source: r.source, version: r.version }])),
  };
}

/**
 * The calendar as committed. Pass `cache: false` when reading inside a transaction that writes
 * the calendar: what it sees may still roll back and must not reach the shared cache.
 */
export async function loadWorkingCalendar(db: DbOrTx, opts: { cache?: boolean } = {}): Promise<LoadedCalendar> {
  const versions = await db.select({ year: calendarYear.year, version: calendarYear.version }).from(calendarYear).orderBy(calendarYear.year);
  const signature = versions.map((v) => `${v.year}:${v.version}`).join(',');
  if (opts.cache === false) return buildWorkingCalendar(db, signature);
  if (cached?.signature !== signature) cached = await buildWorkingCalendar(db, signature);
  return cached;
}

export async function getCalendarYear(db: DbOrTx, year: number, opts: { cache?: boolean } = {}) {
  const { calendar, rows } = await loadWorkingCalendar(db, opts);
  const stored = rows.get(year);
  const shipped = OFFICIAL_SCHEDULES.find((s) => s.year === year);
  const origin = stored ? 'database' : shipped ? 'shipped' : 'default';
  return {
    year,
    official: origin !== 'default',
    origin: origin as 'database' | 'shipped' | 'default',
    source: stored?.source ?? shipped?.source ?? calendar.scheduleFor(year).source ?? null,
    version: stored?.version ?? null,
    entries: calendar.listYear(year),
  };
}

/** The calendar's own input errors become 400s naming the field that caused them. */
export function calendarProblem(err: unknown, fields: { date?: string; count?: string; schedule?: string }): never {
  if (err instanceof CalendarInputError) {
    const name =
      err.code === 'INVALID_COUNT' ? fields.count : err.code === 'INVALID_SCHEDULE' ? fields.schedule : fields.date;
    throw AppError.invalid(name ?? 'body', err.code.toLowerCase() as Lowercase<typeof err.code>, err.message);
  }
  throw err;
}

/**
 * Records a year's official schedule (admins): it replaces that year's default or shipped
 * schedule for every deadline computed afterwards. Validated by building a calendar from it.
 */
export async function saveCalendarYear(tx: Tx, ctx: RequestContext, year: number, input: { version: number | null; source: string; entries: CalendarEntry[] }) {
  input.entries.forEach((e, i) => {
    if (!e.date.startsWith(`${year}-`)) throw AppError.invalid(`body.entries.${i}.date`, 'wrong_year', `the date is not in ${year}`);
  });
  try {
    createWorkingCalendar([{ year, source: input.source, entries: input.entries }]);
  } catch (err) {
    calendarProblem(err, { schedule: 'body.entries' });
  }
  const entries = [...input.entries].sort((a, b) => a.date.localeCompare(b.date));
  const before = await getCalendarYear(tx, year, { cache: false });
  if (input.version === null) {
    if (before.origin === 'database') throw new AppError('VERSION_CONFLICT', `the ${year} schedule is already recorded (version ${before.version})`);
    await tx.insert(calendarYear).values({ year, source: input.source, entries });
  } else {
    const updated = await tx
      .update(calendarYear)
      .set({ source: input.source, entries, version: sql`${calendarYear.version} + 1`, updatedAt: sql`now()` })
      .where(sql`${calendarYear.year} = ${year} and ${calendarYear.version} = ${input.version}`)
      .returning({ year: calendarYear.year });
    if (!updated.length) throw new AppError('VERSION_CONFLICT', `the ${year} schedule was changed by someone else`);
  }
  const after = await getCalendarYear(tx, year, { cache: false });
  await recordAudit(tx, ctx, { action: 'calendar.year_updated', entityType: 'calendar_year', entityId: String(year), scope: 'installation', before, after });
  return after;
}

