import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { putScheduleRulesBody, ScheduleRulesSetting } from '../../../shared/api/schedule-settings.schemas.js';
import type { Config } from '../../config.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { setting } from '../../db/schema/index.js';
import type { Actor, RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { idsOfPath } from '../../authz/grants.js';
import { holdsAnywhere, inReach } from '../../authz/scope.js';
import { recordAudit } from '../audit/audit-log.js';
import { writeVersionedSetting } from './settings.repository.js';
import { findVisibleUnit } from '../registry/registry.repository.js';
import { committeeOfUnit } from './settings.repository.js';

type Rules = Config['schedule'];
/** The installation's row, and each authority's own (keyed by its unit). */
export const scheduleRulesKey = (unitId: string | null) => (unitId ? `schedule.rules:${unitId}` : 'schedule.rules');

const merged = (value: unknown, base: Rules): Rules => {
  const v = (value ?? {}) as Partial<Rules>;
  return { noticeLeadWorkingDays: v.noticeLeadWorkingDays ?? base.noticeLeadWorkingDays, revisitMinDays: v.revisitMinDays ?? base.revisitMinDays };
};

/**
 * The rules in force for an authority (its unit), or for the installation (null): the authority's
 * own row, else the installation's, else the defaults; with the version of the level's own row.
 */
export async function readScheduleRules(db: DbOrTx, defaults: Rules, unitId: string | null): Promise<Omit<ScheduleRulesSetting, 'canUpdate' | 'unitName'>> {
  const keys = [scheduleRulesKey(null), ...(unitId ? [scheduleRulesKey(unitId)] : [])];
  const rows = await db.select({ key: setting.key, value: setting.value, version: setting.version }).from(setting).where(inArray(setting.key, keys));
  const installation = rows.find((r) => r.key === scheduleRulesKey(null));
  const own = unitId ? rows.find((r) => r.key === scheduleRulesKey(unitId)) : installation;
  const base = installation ? merged(installation.value, defaults) : defaults;
  const value = unitId && own ? merged(own.value, base) : base;
  return { ...value, unitId, version: own?.version ?? null, source: unitId && own ? 'authority' : installation ? 'installation' : 'default' };
}

/** The rules a use case's schedule checks use, for the authority whose People's Committee sits at `issuerUnitPath` (read in its transaction). */
export const scheduleRulesFor = async (db: DbOrTx, env: { config: Pick<Config, 'schedule'> }, issuerUnitPath: string): Promise<Rules> => {
  const { noticeLeadWorkingDays, revisitMinDays } = await readScheduleRules(db, env.config.schedule, idsOfPath(issuerUnitPath).at(-1) ?? null);
  return { noticeLeadWorkingDays, revisitMinDays };
};

/**
 * Who changes a level: the installation's row needs `schedule.configure` (its administrator); an
 * authority's, its standing office (`inspection.schedule`) or an admin configuring it
 * (`authority.configure`), in reach of its People's Committee.
 */
export async function mayUpdate(db: DbOrTx, actor: Actor, unitId: string | null): Promise<boolean> {
  if (!unitId) return holdsAnywhere(actor, 'schedule.configure');
  const committee = await committeeOfUnit(db, unitId);
  if (!committee) return false;
  const place = { unitPath: committee.unitPath, agencyPath: committee.path };
  return inReach(actor, 'inspection.schedule', place) || inReach(actor, 'authority.configure', place);
}

/** The level a request names, as the caller may see it: 404 for a unit out of sight. */
export async function levelOf(db: DbOrTx, actor: Actor, unitId: string | null | undefined, scope: 'authority' | 'installation'): Promise<{ unitId: string | null; unitName: string | null }> {
  if (scope === 'installation' && !unitId) return { unitId: null, unitName: null };
  const id = unitId ?? actor.roles[0]?.unitId;
  if (!id) throw AppError.notFound('unit');
  const found = await findVisibleUnit(db, actor, id);
  if (!found) throw AppError.notFound('unit');
  return { unitId: found.id, unitName: found.name };
}

export async function presentScheduleRules(db: DbOrTx, actor: Actor, defaults: Rules, query: { unitId?: string; scope: 'authority' | 'installation' }): Promise<ScheduleRulesSetting> {
  const level = await levelOf(db, actor, query.unitId, query.scope);
  return { ...(await readScheduleRules(db, defaults, level.unitId)), unitName: level.unitName, canUpdate: await mayUpdate(db, actor, level.unitId) };
}

/** Refused before any work for a role that may change no level at all; `refusal` names the setting asked for (the reminder time shares these roles). */
export function authorizeScheduleRules(actor: Actor, refusal = 'only the standing office sets its authority’s schedule rules, and the installation’s administrator the installation’s') {
  if (!(['schedule.configure', 'inspection.schedule', 'authority.configure'] as const).some((c) => holdsAnywhere(actor, c))) {
    throw new AppError('FORBIDDEN', refusal);
  }
}

/** Sets one level: versioned (null creates; 409 on a stale version), audited. */
export async function setScheduleRules(tx: Tx, ctx: RequestContext, input: z.infer<typeof putScheduleRulesBody>, defaults: Rules): Promise<ScheduleRulesSetting> {
  authorizeScheduleRules(ctx.actor);
  const level = await levelOf(tx, ctx.actor, input.unitId, input.unitId ? 'authority' : 'installation');
  if (!(await mayUpdate(tx, ctx.actor, level.unitId))) {
    throw new AppError('FORBIDDEN', level.unitId ? 'you may not set this authority’s schedule rules' : 'only an administrator of the whole installation may change the installation’s schedule rules');
  }
  const key = scheduleRulesKey(level.unitId);
  const before = await readScheduleRules(tx, defaults, level.unitId);
  const value = { noticeLeadWorkingDays: input.noticeLeadWorkingDays, revisitMinDays: input.revisitMinDays };
  await writeVersionedSetting(tx, key, value, input.version, 'the schedule rules');
  const after = await readScheduleRules(tx, defaults, level.unitId);
  await recordAudit(tx, ctx, { action: 'setting.updated', entityType: 'setting', entityId: key, scope: level.unitId ? { units: [level.unitId] } : 'author', before, after });
  return { ...after, unitName: level.unitName, canUpdate: true };
}
