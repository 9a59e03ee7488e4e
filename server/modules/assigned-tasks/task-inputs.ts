import { and, eq, inArray } from 'drizzle-orm';
import type { WorkingCalendar } from '../../../shared/domain/calendar/index.js';
import { isUnder } from '../../authz/grants.js';
import { agency } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import type { RequestContext } from '../../http/actor.js';
import type { SystemContext } from '../audit/audit-log.js';
import { notifyEach, type RecordLink } from '../../notifications/notify.js';
import { usersReachingEach } from '../../notifications/recipients.js';

export const taskLink = (id: string): RecordLink => ({ type: 'assigned_task', id, path: `/assigned-tasks/${id}` });

/**
 * The deadline as stored: a date given as it is, or N working days after the document's date
 * on the working calendar (with the sentence that explains it), or none (a standing task).
 */
export function resolveDeadline(calendar: WorkingCalendar, sourceDate: string, input: { deadline?: string | null; deadlineWorkingDays?: number }, field = 'body') {
  if (input.deadline && input.deadlineWorkingDays !== undefined) {
    throw AppError.invalid(`${field}.deadlineWorkingDays`, 'deadline_twice', 'give the deadline as a date or as working days, not both');
  }
  if (input.deadlineWorkingDays !== undefined) {
    const due = calendar.dueAfter(sourceDate, input.deadlineWorkingDays, { eventLabel: 'ngày ban hành văn bản' });
    return { deadline: due.date, deadlineExplanation: due.explanation };
  }
  const deadline = input.deadline ?? null;
  if (deadline && deadline < sourceDate) throw AppError.invalid(`${field}.deadline`, 'before_source_date', 'the deadline is before the assigning document');
  return { deadline, deadlineExplanation: null };
}

/** An agency of the assigning committee's unit or below (a town's offices and wards), active. */
export async function checkTaskAgencies(tx: DbOrTx, assigner: { unitPath: string }, ownerAgencyId: string, coOwnerAgencyIds: string[]) {
  const ids = [...new Set([ownerAgencyId, ...coOwnerAgencyIds])];
  const rows = await tx.select({ id: agency.id, unitPath: agency.unitPath, active: agency.active, name: agency.name, path: agency.path }).from(agency).where(and(inArray(agency.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const check = (id: string, field: string) => {
    const a = byId.get(id);
    if (!a) throw AppError.invalid(field, 'not_found', 'no agency has this id');
    if (!isUnder(a.unitPath, assigner.unitPath)) throw AppError.invalid(field, 'out_of_scope', 'the agency is outside the assigning committee’s unit');
    if (!a.active) throw AppError.invalid(field, 'inactive', 'the agency is no longer active');
  };
  check(ownerAgencyId, 'body.ownerAgencyId');
  const seen = new Set<string>();
  coOwnerAgencyIds.forEach((id, i) => {
    const field = `body.coOwnerAgencyIds.${i}`;
    check(id, field);
    if (id === ownerAgencyId || seen.has(id)) throw AppError.invalid(field, 'duplicate', 'the agency is already named on the task');
    seen.add(id);
  });
  return byId;
}

/** Tells the officers of the owner and co-owner agencies that a task is theirs. */
export async function tellAssigned(tx: DbOrTx, ctx: RequestContext | SystemContext, task: AssignedNotice['task'], agencies: AssignedNotice['agencies']) {
  await tellAssignedEach(tx, ctx, [{ task, agencies }]);
}

interface AssignedNotice {
  task: { id: string; content: string; sourceNumber: string; deadline: string | null };
  agencies: { owner: { unitPath: string; path: string } | null; coOwners: { unitPath: string; path: string }[] };
}

/**
 * tellAssigned for many tasks in a few statements (an import): the officers of all their owner
 * agencies found in one query, those of all their co-owners in another, every notice in one set.
 */
export async function tellAssignedEach(tx: DbOrTx, ctx: RequestContext | SystemContext, notices: readonly AssignedNotice[]) {
  const placeOf = (a: { unitPath: string; path: string }) => ({ unitPath: a.unitPath, agencyPath: a.path });
  const withOwner = notices.filter((n) => n.agencies.owner);
  const ownersOf = await usersReachingEach(tx, 'task.report', withOwner.map((n) => placeOf(n.agencies.owner!)));
  const owners = new Map(withOwner.map((n, i) => [n, ownersOf[i]]));
  const coOwners = notices.flatMap((n) => n.agencies.coOwners.map((a) => ({ n, place: placeOf(a) })));
  const supportersOf = await usersReachingEach(tx, 'task.read_owned', coOwners.map((c) => c.place));
  const supporters = new Map<AssignedNotice, string[]>();
  coOwners.forEach((c, i) => supporters.set(c.n, [...(supporters.get(c.n) ?? []), ...supportersOf[i]]));
  await notifyEach(
    tx,
    ctx,
    notices.map(({ task }, i) => {
      const ownerSet = new Set(owners.get(notices[i]) ?? []);
      return {
        kind: 'assigned_task.assigned' as const,
        recipients: [...ownerSet, ...(supporters.get(notices[i]) ?? [])],
        params: (id: string) => ({ content: task.content, sourceNumber: task.sourceNumber, deadline: task.deadline, role: ownerSet.has(id) ? ('owner' as const) : ('co_owner' as const) }),
        link: taskLink(task.id),
      };
    }),
  );
}

export const agencyById = async (tx: DbOrTx, id: string) => (await tx.select().from(agency).where(eq(agency.id, id)))[0] ?? null;
