import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { finding, inspectionMinutes } from '../../db/schema/index.js';

/**
 * What a new conclusion takes from the inspection's findings (server/modules/checklists, issue 10
 * §3): good practices → section II, shortcomings and violations → section III, one line each
 * ("title: text"); withdrawn findings are left out. The office edits the lines afterwards.
 */
export async function draftFromFindings(db: DbOrTx, inspectionId: string): Promise<{ strengths?: string[]; shortcomings?: string[] }> {
  const rows = await db
    .select({ kind: finding.kind, title: finding.title, text: finding.text })
    .from(finding)
    .where(and(eq(finding.inspectionId, inspectionId), isNull(finding.withdrawnAt)))
    .orderBy(asc(finding.contentGroup), asc(finding.createdAt));
  if (!rows.length) return {};
  const line = (r: { title: string; text: string }) => (r.text && r.text !== r.title ? `${r.title}: ${r.text}` : r.title);
  return { strengths: rows.filter((r) => r.kind === 'good_practice').map(line), shortcomings: rows.filter((r) => r.kind !== 'good_practice').map(line) };
}

/** The shortcomings and violations of an inspection with what the team recommends: the requirements a conclusion starts from. */
export async function recommendedActions(db: DbOrTx, inspectionId: string) {
  return db
    .select({ id: finding.id, contentGroup: finding.contentGroup, title: finding.title, recommendation: finding.recommendation, kind: finding.kind })
    .from(finding)
    .where(and(eq(finding.inspectionId, inspectionId), isNull(finding.withdrawnAt)))
    .orderBy(asc(finding.contentGroup), asc(finding.createdAt));
}

/**
 * What a new conclusion takes from the inspection's minutes when it has any (the team's
 * assessment, section III of the minutes → sections II and III of the notice), else from its
 * findings (draftFromFindings).
 */
export async function draftFromMinutesOrFindings(db: DbOrTx, inspectionId: string): Promise<{ strengths?: string[]; shortcomings?: string[] }> {
  const [minutes] = await db.select({ content: inspectionMinutes.content }).from(inspectionMinutes).where(eq(inspectionMinutes.inspectionId, inspectionId));
  const assessed = minutes?.content as { strengths?: string[]; shortcomings?: string[] } | undefined;
  if (assessed && (assessed.strengths?.length || assessed.shortcomings?.length)) return { strengths: assessed.strengths ?? [], shortcomings: assessed.shortcomings ?? [] };
  return draftFromFindings(db, inspectionId);
}
