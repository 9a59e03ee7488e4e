import { and, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateFrameworkBody, CriterionInput, updateFrameworkBody } from '../../../shared/api/indices.schemas.js';
import { round2 } from '../../../shared/domain/index-scoring.js';
import { authorize, loadForAction } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import { agency, indexCriterion, indexFramework } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { criteriaOf, insertTree, toInputTree } from './frameworks.repository.js';
import { frameworkResource } from './indices.policy.js';

/**
 * Checks a tree as sent: codes unique and nested (1 → 1.2 → 1.2.3), at most three levels, and
 * every parent's maximum the sum of its children's. 400 naming the node.
 */
export function checkTree(tree: CriterionInput[], field = 'body.criteria'): void {
  const seen = new Set<string>();
  const walk = (nodes: CriterionInput[], parentCode: string | null, path: string, depth: number) => {
    nodes.forEach((node, i) => {
      const here = `${path}[${i}]`;
      if (depth > 2) throw AppError.invalid(here, 'too_deep', 'a framework has three levels: area, criterion, sub-criterion');
      if (seen.has(node.code)) throw AppError.invalid(`${here}.code`, 'duplicate_code', `the code ${node.code} is used twice`);
      seen.add(node.code);
      if (parentCode !== null && !node.code.startsWith(`${parentCode}.`)) throw AppError.invalid(`${here}.code`, 'code_not_nested', `the code ${node.code} must start with ${parentCode}.`);
      if (parentCode === null && node.code.includes('.')) throw AppError.invalid(`${here}.code`, 'code_not_nested', `an area's code has no dot (${node.code})`);
      if (node.unmetBelow != null && node.unmetBelow > node.maxPoints) throw AppError.invalid(`${here}.unmetBelow`, 'above_maximum', 'the unmet threshold is above the maximum');
      if (node.children?.length) {
        const sum = round2(node.children.reduce((a, c) => a + c.maxPoints, 0));
        if (Math.abs(sum - node.maxPoints) > 0.005) throw AppError.invalid(`${here}.maxPoints`, 'max_points_mismatch', `${node.code}: ${node.maxPoints} points, but its parts add up to ${sum}`);
        walk(node.children, node.code, `${here}.children`, depth + 1);
      }
    });
  };
  walk(tree, null, field, 0);
}

/** A new draft framework owned by an agency the caller manages frameworks for. */
export async function createFramework(tx: Tx, ctx: RequestContext, input: CreateFrameworkBody) {
  authorize(ctx.actor, 'index.manage', 'you may not manage index frameworks');
  const [owner] = await tx.select().from(agency).where(eq(agency.id, input.ownerAgencyId));
  if (!owner || !inReach(ctx.actor, 'index.manage', { unitPath: owner.unitPath, agencyPath: owner.path })) {
    throw AppError.invalid('body.ownerAgencyId', 'not_found', 'no agency you manage frameworks for has this id');
  }
  if (input.toYear != null && input.toYear < input.fromYear) throw AppError.invalid('body.toYear', 'before_from_year', 'the last year is before the first');
  checkTree(input.criteria);
  const [taken] = await tx.select({ id: indexFramework.id }).from(indexFramework).where(and(eq(indexFramework.ownerAgencyId, owner.id), eq(indexFramework.code, input.code)));
  if (taken) throw new AppError('DUPLICATE', `the agency already has a framework coded ${input.code}; make a new version of it instead`);
  const [row] = await tx
    .insert(indexFramework)
    .values({
      ownerAgencyId: owner.id,
      code: input.code,
      name: input.name,
      kind: input.kind,
      unitKinds: input.unitKinds,
      fromYear: input.fromYear,
      toYear: input.toYear ?? null,
      aggregation: input.aggregation ?? (input.kind === 'sipas' ? 'average' : 'sum'),
      unmetThresholdPct: input.unmetThresholdPct ?? 100,
      source: input.source ?? null,
      illustrative: input.illustrative ?? false,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await insertTree(tx, row.id, input.criteria);
  await recordAudit(tx, ctx, { action: 'index_framework.created', entityType: 'index_framework', entityId: row.id, scope: { agencies: [owner.id] }, after: { ...row, criteria: input.criteria } });
  return row;
}

/** Edits a draft; `criteria` replaces the whole tree (no score refers to a draft). */
export async function updateFramework(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof updateFrameworkBody>) {
  const before = await loadForAction(tx, ctx, frameworkResource, id, 'update', input.version);
  const fromYear = input.fromYear ?? before.fromYear;
  const toYear = input.toYear === undefined ? before.toYear : input.toYear;
  if (toYear != null && toYear < fromYear) throw AppError.invalid('body.toYear', 'before_from_year', 'the last year is before the first');
  if (input.criteria) checkTree(input.criteria);
  const beforeTree = toInputTree(await criteriaOf(tx, id));
  const { version: _v, criteria, ...fields } = input;
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const after = await updateVersioned(tx, indexFramework, id, input.version, changes);
  if (criteria) {
    await tx.delete(indexCriterion).where(eq(indexCriterion.frameworkId, id));
    await insertTree(tx, id, criteria);
  }
  const { ownerAgencyName: _n, ownerUnitPath: _u, ownerPath: _p, ...plain } = before;
  await recordAudit(tx, ctx, { action: 'index_framework.updated', entityType: 'index_framework', entityId: id, scope: { agencies: [before.ownerAgencyId] }, before: { ...plain, criteria: beforeTree }, after: { ...after, criteria: criteria ?? beforeTree } });
  return after;
}

/** Publishes a draft: its tree is frozen from now on and units may be scored against it. */
export async function publishFramework(tx: Tx, ctx: RequestContext, id: string, version: number) {
  const framework = await loadForAction(tx, ctx, frameworkResource, id, 'publish', version);
  const nodes = await criteriaOf(tx, id);
  const parents = new Set(nodes.map((n) => n.parentId));
  const leaves = nodes.filter((n) => !parents.has(n.id));
  if (!leaves.length) throw new AppError('INVALID_STATE', 'a framework without criteria cannot be published');
  const empty = leaves.find((l) => l.maxPoints <= 0);
  if (empty) throw new AppError('INVALID_STATE', `criterion ${empty.code} has no maximum points yet`);
  const after = await updateVersioned(tx, indexFramework, id, version, { status: 'published' });
  await recordAudit(tx, ctx, { action: 'index_framework.published', entityType: 'index_framework', entityId: id, scope: { agencies: [framework.ownerAgencyId] }, before: { status: 'draft' }, after: { status: after.status, version: after.version } });
  return after;
}

/**
 * A new draft version of a published framework: same owner and code, next revision, the tree
 * copied, its years starting the year after the previous one's start (the office adjusts them).
 */
export async function newFrameworkVersion(tx: Tx, ctx: RequestContext, id: string, version: number) {
  const previous = await loadForAction(tx, ctx, frameworkResource, id, 'new_version', version);
  const [{ latest }] = await tx.select({ latest: max(indexFramework.revision) }).from(indexFramework).where(and(eq(indexFramework.ownerAgencyId, previous.ownerAgencyId), eq(indexFramework.code, previous.code)));
  const tree = toInputTree(await criteriaOf(tx, id));
  const [row] = await tx
    .insert(indexFramework)
    .values({
      ownerAgencyId: previous.ownerAgencyId,
      code: previous.code,
      name: previous.name,
      kind: previous.kind,
      unitKinds: previous.unitKinds,
      revision: (latest ?? previous.revision) + 1,
      previousId: previous.id,
      fromYear: (previous.toYear ?? previous.fromYear) + 1,
      toYear: null,
      aggregation: previous.aggregation,
      unmetThresholdPct: previous.unmetThresholdPct,
      source: previous.source,
      illustrative: previous.illustrative,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await insertTree(tx, row.id, tree);
  await recordAudit(tx, ctx, { action: 'index_framework.version_created', entityType: 'index_framework', entityId: row.id, scope: { agencies: [row.ownerAgencyId] }, after: { ...row, previousId: previous.id } });
  return row;
}
