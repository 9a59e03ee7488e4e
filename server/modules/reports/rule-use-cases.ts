import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { createPeriodRuleBody, updatePeriodRuleBody } from '../../../shared/api/reports.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { agency, reportPeriodRule } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError, type FieldIssue } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { ownerPlace, ruleResource } from './reports.policy.js';
import { ownerPlaceOf } from './template-use-cases.js';
import { latestPublished } from './reports.repository.js';
import { periodRuleProblems, type PeriodRuleDates } from '../../../shared/domain/report-periods.js';

/**
 * A rule that could never open a sound request is refused (400, every problem at once): a day its
 * month lacks, a period ending before it starts, a due day before the period's end, a template
 * code the owner has never published.
 */
export async function checkRuleSettings(tx: Tx, rule: PeriodRuleDates & { ownerAgencyId: string; templateCode: string }, field = 'body'): Promise<void> {
  const issues: FieldIssue[] = periodRuleProblems(rule).map((p) => ({ name: `${field}.${p.field}`, code: p.code, reason: p.reason }));
  if (!(await latestPublished(tx, rule.ownerAgencyId, rule.templateCode))) issues.push({ name: `${field}.templateCode`, code: 'unknown_template', reason: `the owner has no published template ${rule.templateCode}` });
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues[0].reason, issues);
}

async function checkRuleTargets(tx: Tx, ownerAgencyId: string, ownerUnitPath: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const self = unique.indexOf(ownerAgencyId);
  if (self >= 0) throw AppError.invalid(`body.targetAgencyIds.${self}`, 'self_target', 'the requesting agency does not report to itself');
  const rows = await tx.select({ id: agency.id }).from(agency).where(and(inArray(agency.id, unique), eq(agency.active, true)));
  const found = new Set(rows.map((r) => r.id));
  const bad = unique.findIndex((id) => !found.has(id));
  if (bad >= 0) throw AppError.invalid(`body.targetAgencyIds.${bad}`, 'not_found', 'no such agency');
  const outside = await tx.select({ id: agency.id, unitPath: agency.unitPath }).from(agency).where(inArray(agency.id, unique));
  const o = outside.find((r) => !r.unitPath.startsWith(ownerUnitPath));
  if (o) throw AppError.invalid(`body.targetAgencyIds.${unique.indexOf(o.id)}`, 'out_of_scope', 'the agency is not under the requesting authority');
  return unique;
}

/** The province (or the town) sets a period of its reporting regime: cut-off, due day, whom it asks. */
export async function createPeriodRule(tx: Tx, ctx: RequestContext, input: z.output<typeof createPeriodRuleBody>) {
  const place = await ownerPlaceOf(tx, ctx, input.ownerAgencyId, 'body.ownerAgencyId');
  const owner = { id: input.ownerAgencyId, ownerId: input.ownerAgencyId, unitPath: place.unitPath };
  const taken = await tx.select({ id: reportPeriodRule.id }).from(reportPeriodRule).where(and(eq(reportPeriodRule.ownerAgencyId, owner.id), eq(reportPeriodRule.code, input.code)));
  if (taken.length) throw AppError.invalid('body.code', 'duplicate', 'this period exists already');
  await checkRuleSettings(tx, input);
  const targetAgencyIds = await checkRuleTargets(tx, owner.ownerId, owner.unitPath, input.targetAgencyIds);
  const [row] = await tx.insert(reportPeriodRule).values({ ...input, targetAgencyIds }).returning();
  await recordAudit(tx, ctx, { action: 'report_period_rule.created', entityType: 'report_period_rule', entityId: row.id, scope: { places: [place] }, after: row });
  return row;
}

export async function updatePeriodRule(tx: Tx, ctx: RequestContext, id: string, input: z.output<typeof updatePeriodRuleBody>) {
  const rule = await loadForAction(tx, ctx, ruleResource, id, 'edit', input.version);
  const { version, ...changes } = input;
  await checkRuleSettings(tx, { ...rule, ...changes });
  if (changes.targetAgencyIds) changes.targetAgencyIds = await checkRuleTargets(tx, rule.ownerAgencyId, rule.ownerUnitPath, changes.targetAgencyIds);
  if (changes.code && changes.code !== rule.code) {
    const taken = await tx.select({ id: reportPeriodRule.id }).from(reportPeriodRule).where(and(eq(reportPeriodRule.ownerAgencyId, rule.ownerAgencyId), eq(reportPeriodRule.code, changes.code)));
    if (taken.length) throw AppError.invalid('body.code', 'duplicate', 'this period exists already');
  }
  const after = await updateVersioned(tx, reportPeriodRule, id, version, changes);
  await recordAudit(tx, ctx, { action: 'report_period_rule.updated', entityType: 'report_period_rule', entityId: id, scope: { places: [ownerPlace(rule)] }, before: Object.fromEntries(Object.keys(changes).map((k) => [k, (rule as Record<string, unknown>)[k]])), after: changes });
  return after;
}
