import { inReach } from '../../authz/scope.js';
import { registerRecordAccess } from '../../files/record-access.js';
import { difficultyPlace, mayMoveDifficulty } from './difficulties.policy.js';
import { findVisibleDifficulty } from './difficulties.repository.js';

/**
 * Files of a difficulty: whoever sees it reads them. The raising unit attaches its evidence
 * (`attachment`) while the difficulty is still raised; whoever may answer it attaches the
 * answer's documents (`answer_attachment`) while it is open.
 */
registerRecordAccess('difficulty', {
  async canRead(db, actor, id) {
    return (await findVisibleDifficulty(db, actor, id)) !== null;
  },
  async canAttach(db, actor, id, purpose) {
    const row = await findVisibleDifficulty(db, actor, id);
    if (!row) return false;
    if (purpose === 'attachment') return row.status === 'raised' && inReach(actor, 'difficulty.raise', difficultyPlace(row));
    return mayMoveDifficulty(actor, row, 'answer');
  },
  async auditScope(db, actor, id) {
    const row = await findVisibleDifficulty(db, actor, id);
    return row ? { places: [difficultyPlace(row)] } : { places: [] };
  },
  purposes: {
    attachment: { accept: ['pdf', 'docx', 'xlsx', 'jpeg', 'png'], maxFiles: 10 },
    answer_attachment: { accept: ['pdf', 'docx'], maxFiles: 5 },
  },
});
