import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { createFeedbackBody, Feedback, updateFeedbackBody } from '../../../shared/api/indices.schemas.js';
import { authorize, findFilterUnit } from '../../authz/guard.js';
import { inReach, unitColumns, unitInReach } from '../../authz/scope.js';
import { agency, citizenFeedback, unit } from '../../db/schema/index.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { Actor, RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';

/**
 * The register of citizens' complaints and feedback (phản ánh, kiến nghị) about units: the seed
 * plan's "địa bàn có phản ánh, kiến nghị" (part I.2), an input of risk-based targeting. Read where
 * `feedback.read` reaches the unit (not by the inspected unit itself: a complaint may be why an
 * unannounced visit is chosen); recorded and followed up where `feedback.record` reaches it.
 */

const feedbackAgency = alias(agency, 'feedback_agency');
const columns = { f: citizenFeedback, unitName: unit.name, unitPath: unit.path, agencyName: feedbackAgency.name };
type Row = { f: typeof citizenFeedback.$inferSelect; unitName: string; unitPath: string; agencyName: string | null };

function present(actor: Actor, r: Row): Feedback {
  return {
    id: r.f.id,
    unitId: r.f.unitId,
    unitName: r.unitName,
    agencyId: r.f.agencyId,
    agencyName: r.agencyName,
    receivedOn: r.f.receivedOn,
    channel: r.f.channel as Feedback['channel'],
    subject: r.f.subject,
    status: r.f.status as Feedback['status'],
    resolvedOn: r.f.resolvedOn,
    version: r.f.version,
    abilities: { update: inReach(actor, 'feedback.record', { unitPath: r.unitPath }) },
  };
}

function select(tx: DbOrTx, actor: Actor, where: SQL[]) {
  return tx
    .select(columns)
    .from(citizenFeedback)
    .innerJoin(unit, eq(unit.id, citizenFeedback.unitId))
    .leftJoin(feedbackAgency, eq(feedbackAgency.id, citizenFeedback.agencyId))
    .where(and(unitInReach(actor, 'feedback.read', unitColumns('unit')), ...where));
}

export async function listFeedback(tx: DbOrTx, actor: Actor, q: { unitId?: string; year?: number; status?: string }): Promise<Feedback[]> {
  authorize(actor, 'feedback.read', 'you may not read the feedback register');
  const where: SQL[] = [];
  if (q.unitId) {
    await findFilterUnit(tx, actor, q.unitId, (unitPath) => inReach(actor, 'feedback.read', { unitPath }));
    where.push(eq(citizenFeedback.unitId, q.unitId));
  }
  if (q.year) where.push(sql`extract(year from ${citizenFeedback.receivedOn}) = ${q.year}`);
  if (q.status) where.push(eq(citizenFeedback.status, q.status));
  const rows = await select(tx, actor, where).orderBy(desc(citizenFeedback.receivedOn), desc(citizenFeedback.createdAt)).limit(1000);
  return rows.map((r) => present(actor, r));
}

export async function feedbackDetail(tx: DbOrTx, actor: Actor, id: string): Promise<Feedback> {
  const [row] = await select(tx, actor, [eq(citizenFeedback.id, id)]);
  if (!row) throw AppError.notFound('feedback');
  return present(actor, row);
}

/** The dates a register entry may carry: nothing after today (Asia/Ho_Chi_Minh), resolved after received. */
function checkResolution(status: string, receivedOn: string, resolvedOn: string | null, today: string) {
  if (receivedOn > today) throw AppError.invalid('body.receivedOn', 'date_in_future', `a complaint cannot be received after today (${today})`);
  if (resolvedOn && resolvedOn > today) throw AppError.invalid('body.resolvedOn', 'date_in_future', `a complaint cannot be resolved after today (${today})`);
  if (resolvedOn && resolvedOn < receivedOn) throw AppError.invalid('body.resolvedOn', 'before_received', 'resolved before it was received');
  if (resolvedOn && !['resolved', 'dismissed'].includes(status)) throw AppError.invalid('body.resolvedOn', 'not_closed', 'only a resolved or dismissed item has a resolution date');
}

/** `today`: the calendar date in Vietnam from the injected clock (no date after it is accepted). */
export async function recordFeedback(tx: Tx, ctx: RequestContext, input: z.infer<typeof createFeedbackBody>, today: string) {
  authorize(ctx.actor, 'feedback.record', 'you may not record feedback');
  const [u] = await tx.select().from(unit).where(eq(unit.id, input.unitId));
  if (!u || !inReach(ctx.actor, 'feedback.record', { unitPath: u.path })) throw AppError.invalid('body.unitId', 'not_found', 'no unit you record feedback for has this id');
  if (input.agencyId) {
    const [a] = await tx.select().from(agency).where(eq(agency.id, input.agencyId));
    if (!a || a.unitId !== u.id) throw AppError.invalid('body.agencyId', 'not_in_unit', 'the agency is not one of the unit’s');
  }
  const status = input.status ?? 'received';
  checkResolution(status, input.receivedOn, input.resolvedOn ?? null, today);
  const [row] = await tx
    .insert(citizenFeedback)
    .values({ unitId: u.id, agencyId: input.agencyId ?? null, receivedOn: input.receivedOn, channel: input.channel, subject: input.subject, status, resolvedOn: input.resolvedOn ?? null, createdBy: ctx.actor.userId })
    .returning();
  await recordAudit(tx, ctx, { action: 'feedback.recorded', entityType: 'citizen_feedback', entityId: row.id, scope: { units: [u.id] }, after: row });
  return row;
}

export async function updateFeedback(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof updateFeedbackBody>, today: string) {
  const [found] = await select(tx, ctx.actor, [eq(citizenFeedback.id, id)]);
  if (!found) throw AppError.notFound('feedback');
  if (!inReach(ctx.actor, 'feedback.record', { unitPath: found.unitPath })) throw new AppError('FORBIDDEN', 'you may not change this feedback');
  const before = found.f;
  const status = input.status ?? before.status;
  const resolvedOn = input.resolvedOn === undefined ? (['resolved', 'dismissed'].includes(status) ? before.resolvedOn : null) : input.resolvedOn;
  checkResolution(status, input.receivedOn ?? before.receivedOn, resolvedOn, today);
  const { version, ...fields } = input;
  const changes = { ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)), resolvedOn };
  const after = await updateVersioned(tx, citizenFeedback, id, version, changes);
  await recordAudit(tx, ctx, { action: 'feedback.updated', entityType: 'citizen_feedback', entityId: id, scope: { units: [before.unitId] }, before, after });
  return after;
}
