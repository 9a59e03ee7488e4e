import type { Difficulty } from '../../../../shared/api/difficulties.schemas.js';
import { formatDate } from '../../i18n/dates.js';
import type { Translate } from '../../i18n/i18n.js';

/**
 * The response time of a difficulty: working days to its answer, or waited so far; one left open
 * from an earlier year has no count (the server gives none) and reads "not answered since …".
 */
export function responseTimeText(t: Translate, d: Pick<Difficulty, 'responseWorkingDays' | 'waitingWorkingDays' | 'raisedOn' | 'status'>): string {
  if (d.responseWorkingDays !== null) return t('difficulties.responseDays', { days: d.responseWorkingDays });
  if (d.waitingWorkingDays !== null) return t('difficulties.waitingDays', { days: d.waitingWorkingDays });
  if (d.status === 'raised' || d.status === 'forwarded') return t('difficulties.openSince', { date: formatDate(d.raisedOn) });
  return '—';
}
