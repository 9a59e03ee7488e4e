import crypto from 'node:crypto';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { createEvents, type EventAttributes } from 'ics';
import { z } from 'zod';
import { formatVietnameseDate, toDayNumber, dayNumberToIso } from '../../../shared/domain/calendar/dates.js';
import type { InspectionKind } from '../../../shared/domain/inspection-status.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { agency, appUser, calendarFeedToken, inspection, inspectionTeam } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf, type Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { loadRoles } from '../session/session-store.js';
import { isVisibleTo } from './inspections.repository.js';
import { problemSchema } from '../../../shared/api/errors.js';

/** When a timed visit's calendar event ends on its last day (local time): the end of the office day. */
const OFFICE_DAY_ENDS = '17:00';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const kindText: Record<InspectionKind, string> = { report: 'Kiểm tra qua báo cáo', announced: 'Kiểm tra có báo trước', unannounced: 'Kiểm tra đột xuất', reinspection: 'Tái kiểm tra' };

/** The owner of a feed token, as an actor with their current roles, or null (unknown, revoked, inactive). */
async function feedActor(db: DbOrTx, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({ userId: appUser.id, username: appUser.username, fullName: appUser.fullName })
    .from(calendarFeedToken)
    .innerJoin(appUser, eq(appUser.id, calendarFeedToken.userId))
    .where(and(eq(calendarFeedToken.tokenHash, sha256(token)), eq(appUser.active, true)));
  if (!row) return null;
  return { ...row, roles: await loadRoles(db, row.userId), sessionId: '', csrfToken: '', mustChangePassword: false };
}

/**
 * The inspections the owner may see now, as iCalendar events (timed when the visit has a start time): the same visibility rule as
 * everywhere (an unannounced visit appears in a unit's feed only once started), read at each fetch.
 */
export async function calendarFeed(db: DbOrTx, actor: Actor): Promise<string> {
  const rows = await db
    .select({ id: inspection.id, kind: inspection.kind, status: inspection.status, startsOn: inspection.startsOn, endsOn: inspection.endsOn, startTime: inspection.startTime, agencyName: agency.name, teamName: inspectionTeam.name, reportDueOn: inspection.reportDueOn })
    .from(inspection)
    .innerJoin(agency, eq(agency.id, inspection.agencyId))
    .innerJoin(inspectionTeam, eq(inspectionTeam.id, inspection.teamId))
    .where(and(isVisibleTo(actor), ne(inspection.status, 'cancelled')))
    .orderBy(asc(inspection.startsOn))
    .limit(5000);
  const day = (iso: string) => iso.split('-').map(Number) as [number, number, number];
  const utc = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [number, number, number, number, number];
  /**
   * A visit with a start time is a timed event from that time (Asia/Ho_Chi_Minh, UTC+7 all year,
   * written in UTC) to the end of the office day on its last day; without one, all-day events.
   */
  type When = { start: EventAttributes['start']; end: EventAttributes['start']; startInputType?: 'utc'; startOutputType?: 'utc'; endInputType?: 'utc'; endOutputType?: 'utc' };
  const when = (r: (typeof rows)[number]): When => {
    if (!r.startTime) return { start: day(r.startsOn), end: day(dayNumberToIso(toDayNumber(r.endsOn) + 1)) };
    const start = new Date(`${r.startsOn}T${r.startTime.slice(0, 5)}:00+07:00`);
    const officeEnd = new Date(`${r.endsOn}T${OFFICE_DAY_ENDS}:00+07:00`);
    const end = officeEnd > start ? officeEnd : new Date(start.getTime() + 60 * 60 * 1000);
    return { start: utc(start), end: utc(end), startInputType: 'utc', startOutputType: 'utc', endInputType: 'utc', endOutputType: 'utc' };
  };
  const events: EventAttributes[] = rows.map((r) => ({
    uid: `${r.id}@par-inspect`,
    ...when(r),
    title: `${kindText[r.kind as InspectionKind]}: ${r.agencyName}`,
    description: [`${r.teamName}`, r.startTime ? `Bắt đầu lúc ${r.startTime}` : null, r.reportDueOn && !(r.kind === 'announced' && r.status === 'planned') ? `Hạn gửi báo cáo: ${formatVietnameseDate(r.reportDueOn)}` : null].filter(Boolean).join('\n'),
  }));
  const { error, value } = createEvents(events, { productId: 'par-inspect', calName: 'Lịch kiểm tra CCHC' });
  if (error || !value) throw error ?? new Error('calendar feed');
  return foldContentLines(value);
}

/**
 * RFC 5545 §3.1: content lines longer than 75 octets are folded (CRLF and one space). The `ics`
 * library folds by characters, and a Vietnamese line of 75 characters is up to ~100 octets; this
 * unfolds its output and folds again by UTF-8 octets, never inside a character (a code point is
 * kept whole; a combining mark may start a continuation line, which unfolding rejoins).
 */
export function foldContentLines(ics: string): string {
  const logical = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  return logical.map(foldLine).join('\r\n');
}

const LINE_OCTETS = 75;
function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    // A continuation line begins with a space, which counts toward its 75 octets.
    const limit = parts.length ? LINE_OCTETS - 1 : LINE_OCTETS;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const feedUrl = z.object({ url: z.string() });
/** Whether one has an address now (the address itself is kept only as its hash: shown once, when made). */
const feedStatus = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** A secret, revocable address of one's inspections for a calendar app (issue 8 §5). */
export async function calendarFeedRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['inspections'];
  app.get('/api/me/calendar-feed', { schema: { tags, summary: 'Whether one has a calendar address, and since when', response: { 200: feedStatus, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    const [row] = await db.select({ createdAt: calendarFeedToken.createdAt }).from(calendarFeedToken).where(eq(calendarFeedToken.userId, ctx.actor.userId));
    return { active: !!row, createdAt: row ? row.createdAt.toISOString() : null };
  });
  app.post('/api/me/calendar-feed', { schema: { tags, summary: 'A new secret calendar address (the previous one stops working)', response: { 200: feedUrl, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    const token = crypto.randomBytes(32).toString('base64url');
    await db
      .insert(calendarFeedToken)
      .values({ userId: ctx.actor.userId, tokenHash: sha256(token) })
      .onConflictDoUpdate({ target: calendarFeedToken.userId, set: { tokenHash: sha256(token), createdAt: sql`now()` } });
    return { url: `${deps.config.publicUrl}/api/calendar-feed/${token}` };
  });
  app.delete('/api/me/calendar-feed', { schema: { tags, summary: 'Revoke the calendar address', response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    await db.delete(calendarFeedToken).where(eq(calendarFeedToken.userId, ctx.actor.userId));
    return reply.status(204).send(null);
  });
  app.get(
    '/api/calendar-feed/:token',
    { config: { public: true }, schema: { tags, summary: 'The iCalendar feed behind a secret address (no session)', security: [], params: tokenParams } },
    async (request, reply) => {
      const actor = await feedActor(db, request.params.token);
      if (!actor) throw AppError.notFound('calendar feed');
      const body = await calendarFeed(db, actor);
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store').send(body);
    },
  );
}
