import type { Difficulty, DifficultyDetail } from '../../../shared/api/difficulties.schemas.js';
import { allowedDifficultyMoves, type DifficultyStatus } from '../../../shared/domain/difficulty-status.js';
import { inReach } from '../../authz/scope.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { difficultyPlace, mayMoveDifficulty } from './difficulties.policy.js';
import type { DifficultyRow } from './difficulties.repository.js';
import type { DifficultyEnv } from './difficulty-env.js';
import { forwardTargets } from './forward-targets.js';

export function presentDifficulty(actor: Actor, env: DifficultyEnv, row: DifficultyRow): Difficulty {
  const status = row.status as DifficultyStatus;
  const open = status === 'raised' || status === 'forwarded';
  return {
    id: row.id,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    reformAreaId: row.reformAreaId,
    reformAreaName: row.reformAreaName,
    title: row.title,
    body: row.body,
    raisedOn: row.raisedOn,
    raisedByName: row.raisedByName,
    status,
    forwardedToName: row.forwardedToName,
    forwardNote: row.forwardNote,
    forwardedOn: row.forwardedOn,
    answer: row.answer,
    answeredByName: row.answeredByName,
    answeredOn: row.answeredOn,
    closedOn: row.closedOn,
    responseWorkingDays: row.responseWorkingDays,
    // Counted within the year it was raised: one left open from an earlier season (the 2021 demo
    // seen in a later year) reads "not answered, raised in 2021", not "waiting 1,300 working days".
    waitingWorkingDays: open && row.raisedOn.slice(0, 4) === env.today.slice(0, 4) ? Math.max(0, env.calendar.workingDaysBetween(row.raisedOn, env.today)) : null,
    abilities: {
      moves: allowedDifficultyMoves(status).filter((m) => mayMoveDifficulty(actor, row, m)),
      attach: status === 'raised' && inReach(actor, 'difficulty.raise', difficultyPlace(row)),
    },
    version: row.version,
  };
}

export async function presentDifficultyDetail(tx: DbOrTx, actor: Actor, env: DifficultyEnv, row: DifficultyRow): Promise<DifficultyDetail> {
  const d = presentDifficulty(actor, env, row);
  return { ...d, forwardTargets: d.abilities.moves.includes('forward') ? await forwardTargets(tx, difficultyPlace(row)) : [] };
}
