import { viNumber } from '../../../../shared/domain/risk-ranking.js';
import type { Language } from '../../i18n/i18n.js';

/** Points and percentages as each language writes them: 7,5 in Vietnamese, 7.5 in English. */
export const formatNumber = (language: Language, x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined ? '–' : language === 'vi' ? viNumber(x, digits) : viNumber(x, digits).replace(',', '.');
