import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { PatchSheetBody, PointsKind, SaveSheetBody, Sheet } from '../../../shared/api/indices.schemas.js';
import { leavesOf, summarizeSheet, unmetThreshold, leafValue, type FrameworkRules } from '../../../shared/domain/index-scoring.js';
import { indexScore, indexScoreSheet, unit } from '../../db/schema/index.js';
import { queryRows, type DbOrTx, type Tx } from '../../db/client.js';
import { inIdList, insertRowsAsJson } from '../../db/bulk-insert.js';
import { assertVersion } from '../../db/versioned-update.js';
import type { Actor, RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { refreshSheetSummaries } from './sheet-summaries.js';
import { recordAudit } from '../audit/audit-log.js';
import { criteriaOf, findVisibleFramework, type CriterionRow, type FrameworkRow } from './frameworks.repository.js';
import { readsScoresOf, scoresUnit } from './indices.policy.js';

export type SheetRow = typeof indexScoreSheet.$inferSelect;
export type ScoreRow = typeof indexScore.$inferSelect;
type UnitRow = typeof unit.$inferSelect;

export const rulesOf = (f: Pick<FrameworkRow, 'aggregation' | 'unmetThresholdPct'>): FrameworkRules => ({
  aggregation: f.aggregation as FrameworkRules['aggregation'],
  unmetThresholdPct: f.unmetThresholdPct,
});

/** Whether a framework scores this unit in this year (kinds and years): 400 naming the field if not. */
export function checkApplies(framework: FrameworkRow, u: Pick<UnitRow, 'kind'>, year: number, field = 'params'): void {
  if (!framework.unitKinds.includes(u.kind)) throw AppError.invalid(`${field}.unitId`, 'unit_kind_not_scored', `the framework scores ${framework.unitKinds.join(', ')}, not ${u.kind}`);
  if (year < framework.fromYear || (framework.toYear !== null && year > framework.toYear)) {
    throw AppError.invalid(`${field}.year`, 'year_outside_framework', `the framework applies ${framework.fromYear}–${framework.toYear ?? '…'}`);
  }
}

interface LoadedSheet {
  framework: FrameworkRow;
  unit: UnitRow;
  criteria: CriterionRow[];
  sheet: SheetRow | null;
  scores: ScoreRow[];
}

/** The framework and unit of a sheet as the actor may see them (404 otherwise), and what is saved. */
export async function loadSheet(tx: DbOrTx, actor: Actor, frameworkId: string, unitId: string, year: number): Promise<LoadedSheet> {
  const framework = await findVisibleFramework(tx, actor, frameworkId);
  if (!framework) throw AppError.notFound('index framework');
  const [u] = await tx.select().from(unit).where(eq(unit.id, unitId));
  if (!u || !readsScoresOf(actor, u.path)) throw AppError.notFound('unit');
  checkApplies(framework, u, year);
  const criteria = await criteriaOf(tx, frameworkId);
  const [sheet] = await tx.select().from(indexScoreSheet).where(and(eq(indexScoreSheet.frameworkId, frameworkId), eq(indexScoreSheet.unitId, unitId), eq(indexScoreSheet.year, year)));
  const scores = sheet ? await tx.select().from(indexScore).where(eq(indexScore.sheetId, sheet.id)) : [];
  return { framework, unit: u, criteria, sheet: sheet ?? null, scores };
}

export function presentSheet(actor: Actor, l: LoadedSheet, year: number): Sheet {
  const rules = rulesOf(l.framework);
  const summary = summarizeSheet(l.criteria, l.scores, rules);
  const byLeaf = new Map(l.scores.map((s) => [s.criterionId, s]));
  const entries = leavesOf(l.criteria).map((leaf) => {
    const s = byLeaf.get(leaf.id);
    const value = s && !s.notApplicable ? leafValue(s) : null;
    return {
      criterionId: leaf.id,
      selfPoints: s?.selfPoints ?? null,
      appraisedPoints: s?.appraisedPoints ?? null,
      finalPoints: s?.finalPoints ?? null,
      notApplicable: s?.notApplicable ?? false,
      unmet: value !== null && value < unmetThreshold(leaf, rules),
    };
  });
  return {
    frameworkId: l.framework.id,
    unitId: l.unit.id,
    unitName: l.unit.name,
    year,
    version: l.sheet?.version ?? null,
    origin: (l.sheet?.origin as Sheet['origin']) ?? null,
    updatedAt: l.sheet?.updatedAt.toISOString() ?? null,
    entries,
    summary,
    abilities: { update: l.framework.status === 'published' && scoresUnit(actor, l.unit.path) },
  };
}

export interface EntryInput {
  criterionId: string;
  selfPoints: number | null;
  appraisedPoints: number | null;
  finalPoints: number | null;
  notApplicable: boolean;
}

/** Entries checked against the tree: leaves only, each once, no points above the leaf's maximum. */
export function checkEntries(criteria: CriterionRow[], entries: EntryInput[], field = 'body.entries'): void {
  const leaves = new Map(leavesOf(criteria).map((l) => [l.id, l]));
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const leaf = leaves.get(e.criterionId);
    if (!leaf) throw AppError.invalid(`${field}[${i}].criterionId`, 'not_a_leaf', 'not a criterion scored in this framework');
    if (seen.has(e.criterionId)) throw AppError.invalid(`${field}[${i}].criterionId`, 'duplicate_criterion', `criterion ${leaf.code} is given twice`);
    seen.add(e.criterionId);
    for (const k of ['selfPoints', 'appraisedPoints', 'finalPoints'] as const) {
      const v = e[k];
      if (v !== null && v > leaf.maxPoints) throw AppError.invalid(`${field}[${i}].${k}`, 'above_maximum', `${leaf.code}: ${v} is above the maximum ${leaf.maxPoints}`);
    }
  });
}

/**
 * Writes a sheet's entries in the caller's transaction: creates the sheet (version null) or
 * replaces its entries at the version read (409 if stale). Shared by the form and the import.
 */
export async function writeSheet(
  tx: Tx,
  l: Pick<LoadedSheet, 'framework' | 'unit' | 'sheet'>,
  year: number,
  version: number | null,
  entries: EntryInput[],
  meta: { origin: 'manual' | 'import' | 'demo'; userId: string | null },
): Promise<SheetRow> {
  return (await writeSheets(tx, l.framework.id, year, [{ unitId: l.unit.id, sheet: l.sheet, version, entries }], meta))[0];
}

/** One sheet to write: the stored one (null: to create) and the version it was read at. */
export interface SheetWrite {
  unitId: string;
  sheet: SheetRow | null;
  version: number | null;
  entries: EntryInput[];
}

/**
 * writeSheet for many units of one framework and year, in a few statements whatever their number
 * (an import, docs/decisions/registry-import-in-sets.md): the stored sheets bumped in one update
 * at the versions read (409 if any is stale), their entries deleted in one statement, the new
 * sheets inserted in one (ids chosen here), every entry in one, the summaries refreshed as a set.
 * Answers the sheets as stored, in the order given.
 */
export async function writeSheets(tx: Tx, frameworkId: string, year: number, writes: readonly SheetWrite[], meta: { origin: 'manual' | 'import' | 'demo'; userId: string | null }): Promise<SheetRow[]> {
  for (const w of writes) {
    if (w.sheet) {
      if (w.version === null) throw new AppError('VERSION_CONFLICT', 'the sheet exists already: send the version you read');
      assertVersion(w.sheet, w.version);
    } else if (w.version !== null) throw new AppError('VERSION_CONFLICT', 'the sheet does not exist any more');
  }
  const stored = writes.flatMap((w) => (w.sheet ? [{ id: w.sheet.id, version: w.version! }] : []));
  if (stored.length) {
    const bumped = await queryRows<{ id: string }>(
      tx,
      sql`update index_score_sheet s set version = s.version + 1, origin = ${meta.origin}, updated_by = ${meta.userId}::uuid, updated_at = now()
          from json_to_recordset(${JSON.stringify(stored)}::json) as x(id uuid, version int)
          where s.id = x.id and s.version = x.version returning s.id`,
    );
    if (bumped.length !== stored.length) throw new AppError('VERSION_CONFLICT', 'a sheet was changed by someone else since it was read');
    await tx.delete(indexScore).where(inIdList(indexScore.sheetId, stored.map((x) => x.id)));
  }
  const ids = writes.map((w) => w.sheet?.id ?? randomUUID());
  await insertRowsAsJson(
    tx,
    indexScoreSheet,
    writes.flatMap((w, i) => (w.sheet ? [] : [{ id: ids[i], frameworkId, unitId: w.unitId, year, origin: meta.origin, updatedBy: meta.userId }])),
  );
  await insertRowsAsJson(
    tx,
    indexScore,
    writes.flatMap((w, i) => w.entries.filter((e) => e.notApplicable || e.selfPoints !== null || e.appraisedPoints !== null || e.finalPoints !== null).map((e) => ({ sheetId: ids[i], ...e }))),
  );
  await refreshSheetSummaries(tx, ids);
  const rows = new Map((await tx.select().from(indexScoreSheet).where(inIdList(indexScoreSheet.id, ids))).map((r) => [r.id, r]));
  return ids.map((id) => rows.get(id)!);
}

/** A whole sheet names every leaf (PUT): 400 on `body.entries` naming the first one missing. */
export function checkAllLeaves(criteria: CriterionRow[], entries: readonly Pick<EntryInput, 'criterionId'>[], field = 'body.entries'): void {
  const given = new Set(entries.map((e) => e.criterionId));
  const missing = leavesOf(criteria).filter((l) => !given.has(l.id));
  if (missing.length) {
    throw AppError.invalid(field, 'missing_criterion', `a whole sheet gives every criterion (leave the points empty if not scored): missing ${missing.map((m) => m.code).join(', ')}; PATCH changes some`);
  }
}

/** The sheet as the actor may score it (403 / 409 otherwise). */
async function loadForScoring(tx: Tx, ctx: RequestContext, frameworkId: string, unitId: string, year: number): Promise<LoadedSheet> {
  const loaded = await loadSheet(tx, ctx.actor, frameworkId, unitId, year);
  if (!scoresUnit(ctx.actor, loaded.unit.path)) throw new AppError('FORBIDDEN', 'you may not enter scores for this unit');
  if (loaded.framework.status !== 'published') throw new AppError('INVALID_STATE', 'publish the framework before scoring units against it');
  return loaded;
}

async function writeAudited(tx: Tx, ctx: RequestContext, loaded: LoadedSheet, year: number, version: number | null, entries: EntryInput[]): Promise<void> {
  const sheet = await writeSheet(tx, loaded, year, version, entries, { origin: 'manual', userId: ctx.actor.userId });
  await recordAudit(tx, ctx, {
    action: 'index_scores.saved',
    entityType: 'index_score_sheet',
    entityId: sheet.id,
    scope: { units: [loaded.unit.id] },
    before: loaded.sheet ? { ...loaded.sheet, entries: loaded.scores } : undefined,
    after: { ...sheet, entries },
  });
}

/** Saves a unit's whole sheet from the browser (PUT: every leaf given; audited with the entries before and after). */
export async function saveScoreSheet(tx: Tx, ctx: RequestContext, frameworkId: string, unitId: string, year: number, input: SaveSheetBody) {
  const loaded = await loadForScoring(tx, ctx, frameworkId, unitId, year);
  checkEntries(loaded.criteria, input.entries);
  checkAllLeaves(loaded.criteria, input.entries);
  await writeAudited(tx, ctx, loaded, year, input.version, input.entries);
}

/**
 * Changes some leaves of a unit's sheet (PATCH), every other leaf kept as saved: a field left
 * out of an entry keeps its saved value, null clears it. Checked and audited as a whole save.
 */
export async function patchScoreSheet(tx: Tx, ctx: RequestContext, frameworkId: string, unitId: string, year: number, input: PatchSheetBody) {
  const loaded = await loadForScoring(tx, ctx, frameworkId, unitId, year);
  const saved = new Map(loaded.scores.map((s) => [s.criterionId, s]));
  const changed: EntryInput[] = input.entries.map((e) => {
    const s = saved.get(e.criterionId);
    return {
      criterionId: e.criterionId,
      selfPoints: e.selfPoints !== undefined ? e.selfPoints : (s?.selfPoints ?? null),
      appraisedPoints: e.appraisedPoints !== undefined ? e.appraisedPoints : (s?.appraisedPoints ?? null),
      finalPoints: e.finalPoints !== undefined ? e.finalPoints : (s?.finalPoints ?? null),
      notApplicable: e.notApplicable ?? s?.notApplicable ?? false,
    };
  });
  checkEntries(loaded.criteria, changed);
  const touched = new Set(changed.map((e) => e.criterionId));
  const kept = loaded.scores.filter((s) => !touched.has(s.criterionId)).map(({ criterionId, selfPoints, appraisedPoints, finalPoints, notApplicable }) => ({ criterionId, selfPoints, appraisedPoints, finalPoints, notApplicable }));
  await writeAudited(tx, ctx, loaded, year, input.version, [...kept, ...changed]);
}

/** Sets one kind of points on entries, keeping the other kinds already saved (the import's merge). */
export function mergePoints(existing: ScoreRow[], kind: PointsKind, values: Map<string, number | null>): EntryInput[] {
  const key = kind === 'self' ? 'selfPoints' : kind === 'appraised' ? 'appraisedPoints' : 'finalPoints';
  const byLeaf = new Map<string, EntryInput>(
    existing.map((s) => [s.criterionId, { criterionId: s.criterionId, selfPoints: s.selfPoints, appraisedPoints: s.appraisedPoints, finalPoints: s.finalPoints, notApplicable: s.notApplicable }]),
  );
  for (const [criterionId, v] of values) {
    const e = byLeaf.get(criterionId) ?? { criterionId, selfPoints: null, appraisedPoints: null, finalPoints: null, notApplicable: false };
    e[key] = v;
    byLeaf.set(criterionId, e);
  }
  return [...byLeaf.values()];
}
