import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { listDifficulties } from './difficulties.repository.js';
import type { DifficultyEnv } from './difficulty-env.js';

export interface DifficultyForReport {
  id: string;
  agencyName: string;
  reformAreaName: string;
  title: string;
  status: string;
  raisedOn: string;
  answeredOn: string | null;
  /** Working days from raising to answer; for one still open, waited so far (to `env.today`). */
  responseWorkingDays: number | null;
  open: boolean;
}

/**
 * The difficulties raised in a year that the actor may see, with their response times in working
 * days: what the annual results report (results-reports) lists and counts. At most 10,000.
 */
export async function listDifficultiesForYear(tx: DbOrTx, actor: Actor, env: DifficultyEnv, year: number): Promise<DifficultyForReport[]> {
  const { rows } = await listDifficulties(tx, actor, { year }, { page: 1, pageSize: 10_000 });
  return rows
    .map((r) => {
      const open = r.status === 'raised' || r.status === 'forwarded';
      return {
        id: r.id,
        agencyName: r.agencyName,
        reformAreaName: r.reformAreaName,
        title: r.title,
        status: r.status,
        raisedOn: r.raisedOn,
        answeredOn: r.answeredOn,
        responseWorkingDays: open ? Math.max(0, env.calendar.workingDaysBetween(r.raisedOn, env.today)) : r.responseWorkingDays,
        open,
      };
    })
    .reverse();
}
