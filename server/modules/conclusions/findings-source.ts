import type { DbOrTx } from '../../db/client.js';

/**
 * What a new conclusion takes from the inspection's findings (good practices → section II,
 * shortcomings and violations → section III). The findings live in server/modules/checklists
 * (issue 10 §3); until an inspection has any, the sections start empty for the office to write.
 */
export async function draftFromFindings(_db: DbOrTx, _inspectionId: string): Promise<{ strengths?: string[]; shortcomings?: string[] }> {
  return {};
}
