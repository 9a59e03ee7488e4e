import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { copyTemplateBody, createTemplateBody, TemplateBody, updateTemplateBody } from '../../../shared/api/reports.schemas.js';
import { attachmentProblems, attachmentPurpose, submissionFilePurposes } from '../../../shared/domain/report-attachments.js';
import { tableCheckProblems } from '../../../shared/domain/report-checks.js';
import { columnProblem, ratioProblem } from '../../../shared/domain/report-tables.js';
import { authorize, loadForAction } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import type { Tx } from '../../db/client.js';
import { agency, reportTemplate } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { templateResource } from './reports.policy.js';

/**
 * Keys unique within the template (items) and within each table (columns, fixed rows); totals on
 * number columns only; a ratio on a percentage, of number columns of its table; checks naming what exists; attachments under purposes the report's files
 * know. 400 naming the first problem's field. Run on save and again on publish (a draft stored
 * before a rule was added is refused there).
 */
export function checkTemplateBody(body: TemplateBody, field = 'body.body'): void {
  const seen = new Set<string>();
  body.items.forEach((item, i) => {
    if (seen.has(item.key)) throw AppError.invalid(`${field}.items.${i}.key`, 'duplicate', `the key ${item.key} is used twice`);
    seen.add(item.key);
    if (item.type !== 'table') return;
    const cols = new Set<string>();
    item.columns.forEach((c, j) => {
      if (cols.has(c.key)) throw AppError.invalid(`${field}.items.${i}.columns.${j}.key`, 'duplicate', `the column ${c.key} is used twice`);
      cols.add(c.key);
      const problem = columnProblem(c);
      if (problem) throw AppError.invalid(`${field}.items.${i}.columns.${j}.total`, problem, `the column ${c.key} is not a number: only a number column has a total`);
    });
    item.columns.forEach((c, j) => {
      const ratio = ratioProblem(c, item.columns);
      if (ratio) throw AppError.invalid(`${field}.items.${i}.columns.${j}.ratio`, ratio.code, ratio.reason);
    });
    const rows = new Set<string>();
    (item.fixedRows ?? []).forEach((r, j) => {
      if (rows.has(r.key)) throw AppError.invalid(`${field}.items.${i}.fixedRows.${j}.key`, 'duplicate', `the row ${r.key} is used twice`);
      rows.add(r.key);
    });
    const [problem] = tableCheckProblems(item);
    if (problem) throw AppError.invalid(`${field}.items.${i}.checks.${problem.index}.${problem.path}`, 'not_found', problem.reason);
  });
  const [attachment] = attachmentProblems(body.attachments);
  if (attachment) {
    const purpose = attachmentPurpose(body.attachments[attachment.index], attachment.index);
    const reason = attachment.code === 'unknown_purpose' ? `a report's files are attached as ${submissionFilePurposes.join(', ')}` : `two attachments are kept as ${purpose}`;
    throw AppError.invalid(`${field}.attachments.${attachment.index}.purpose`, attachment.code, reason);
  }
}

/**
 * The owner agency of a new template, rule or request: 403 for a role that manages reports
 * nowhere (before anything is looked up), 400 not_found for an agency the caller cannot see, 403
 * for one they see but do not manage.
 */
export async function ownerPlaceOf(tx: Tx, ctx: RequestContext, agencyId: string, field: string) {
  authorize(ctx.actor, 'report.manage', 'you may not manage report templates');
  const [row] = await tx.select({ unitPath: agency.unitPath, agencyPath: agency.path, active: agency.active }).from(agency).where(eq(agency.id, agencyId));
  if (!row || !row.active || !inReach(ctx.actor, 'report.read_all', row)) throw AppError.invalid(field, 'not_found', 'no such agency');
  if (!inReach(ctx.actor, 'report.manage', row)) throw new AppError('FORBIDDEN', 'you may not manage the reports of this agency');
  return { unitPath: row.unitPath, agencyPath: row.agencyPath };
}

/** The office creates a draft template of an owner agency in its reach (revision 1 of a new code). */
export async function createTemplate(tx: Tx, ctx: RequestContext, input: z.output<typeof createTemplateBody>) {
  const place = await ownerPlaceOf(tx, ctx, input.ownerAgencyId, 'body.ownerAgencyId');
  checkTemplateBody(input.body);
  const taken = await tx.select({ id: reportTemplate.id }).from(reportTemplate).where(and(eq(reportTemplate.ownerAgencyId, input.ownerAgencyId), eq(reportTemplate.code, input.code))).limit(1);
  if (taken.length) throw AppError.invalid('body.code', 'duplicate', 'a template with this code exists: make a new version of it');
  const [row] = await tx.insert(reportTemplate).values({ ...input, createdBy: ctx.actor.userId }).returning();
  await recordAudit(tx, ctx, { action: 'report_template.created', entityType: 'report_template', entityId: row.id, scope: { places: [place] }, after: row });
  return row;
}

export async function updateTemplate(tx: Tx, ctx: RequestContext, id: string, input: z.output<typeof updateTemplateBody>) {
  const t = await loadForAction(tx, ctx, templateResource, id, 'edit', input.version);
  if (input.body) checkTemplateBody(input.body);
  const changes = { ...(input.name ? { name: input.name } : {}), ...(input.year !== undefined ? { year: input.year } : {}), ...(input.body ? { body: input.body } : {}) };
  const after = await updateVersioned(tx, reportTemplate, id, input.version, changes);
  await recordAudit(tx, ctx, { action: 'report_template.updated', entityType: 'report_template', entityId: id, scope: { places: [{ unitPath: t.ownerUnitPath, agencyPath: t.ownerPath }] }, before: { version: t.version, name: t.name, year: t.year, body: t.body }, after: { version: after.version, ...changes } });
  return after;
}

/** Publishing freezes the revision: requests may name it from now on, and nobody edits it again. */
export async function publishTemplate(tx: Tx, ctx: RequestContext, id: string, version: number) {
  const t = await loadForAction(tx, ctx, templateResource, id, 'publish', version);
  const body = t.body as TemplateBody;
  if (!body.items.length) throw AppError.invalid('body.items', 'required', 'a template needs at least one section or table');
  checkTemplateBody(body, 'body');
  const after = await updateVersioned(tx, reportTemplate, id, version, { status: 'published', publishedAt: sql`now()` });
  await recordAudit(tx, ctx, { action: 'report_template.published', entityType: 'report_template', entityId: id, scope: { places: [{ unitPath: t.ownerUnitPath, agencyPath: t.ownerPath }] }, before: { status: t.status, version: t.version }, after: { status: 'published', version: after.version } });
  return after;
}

/**
 * A body whose items' keys are unique: a later item that reuses an earlier key (a template stored
 * before keys were checked, such as the first standard CCHC report's section and table both named
 * `procedures`) is renamed `<key>_2` (or the next free number), so its copy can be saved as it is.
 * Submissions keep their own template revision, so renaming in the copy changes no stored answer.
 */
export function withUniqueItemKeys(body: TemplateBody): TemplateBody {
  const taken = new Set(body.items.map((i) => i.key));
  const seen = new Set<string>();
  const items = body.items.map((item) => {
    if (!seen.has(item.key)) {
      seen.add(item.key);
      return item;
    }
    let n = 2;
    const stem = item.key.slice(0, 37);
    while (taken.has(`${stem}_${n}`)) n++;
    const key = `${stem}_${n}`;
    taken.add(key);
    seen.add(key);
    return { ...item, key };
  });
  return { ...body, items };
}

/**
 * A new draft from a template: the next revision of the same code (a change to a published one),
 * or, with a new code, this year's template started from last year's. The body is copied whole,
 * a clashing item key renamed (withUniqueItemKeys).
 */
export async function copyTemplate(tx: Tx, ctx: RequestContext, id: string, input: z.output<typeof copyTemplateBody>) {
  const t = await loadForAction(tx, ctx, templateResource, id, 'copy');
  const code = input.code ?? t.code;
  let revision = 1;
  if (code === t.code) {
    const [draft] = await tx.select({ id: reportTemplate.id }).from(reportTemplate).where(and(eq(reportTemplate.ownerAgencyId, t.ownerAgencyId), eq(reportTemplate.code, code), eq(reportTemplate.status, 'draft'))).limit(1);
    if (draft) throw new AppError('INVALID_STATE', 'a draft of this template already exists: edit it');
    const [{ max }] = await tx.select({ max: sql<number>`max(${reportTemplate.revision})::int` }).from(reportTemplate).where(and(eq(reportTemplate.ownerAgencyId, t.ownerAgencyId), eq(reportTemplate.code, code)));
    revision = Number(max) + 1;
  } else {
    const taken = await tx.select({ id: reportTemplate.id }).from(reportTemplate).where(and(eq(reportTemplate.ownerAgencyId, t.ownerAgencyId), eq(reportTemplate.code, code))).limit(1);
    if (taken.length) throw AppError.invalid('body.code', 'duplicate', 'a template with this code exists');
  }
  const [row] = await tx
    .insert(reportTemplate)
    .values({ ownerAgencyId: t.ownerAgencyId, code, revision, name: input.name ?? t.name, kind: t.kind, year: input.year !== undefined ? input.year : t.year, body: withUniqueItemKeys(t.body as TemplateBody), basedOnId: t.id, createdBy: ctx.actor.userId })
    .returning();
  await recordAudit(tx, ctx, { action: 'report_template.created', entityType: 'report_template', entityId: row.id, scope: { places: [{ unitPath: t.ownerUnitPath, agencyPath: t.ownerPath }] }, after: { ...row, basedOn: t.id } });
  return row;
}
