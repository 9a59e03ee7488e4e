import type { DifficultyForReport } from '../difficulties/difficulties-for-report.js';
import { formatVietnameseDate } from '../../../shared/domain/calendar/dates.js';

/**
 * What the office's proposals start from of the difficulties the units raised to the committee in
 * the year (reference §7; issue 11 §5): the ones still waiting, each named with its unit, for the
 * committee to settle. How many were raised and answered, and how fast, the data writes under
 * the measures (draft-texts.ts factParagraphs, the dashboard's section). Empty when none waits.
 */
export function difficultyProposals(items: DifficultyForReport[]): string {
  const open = items.filter((d) => d.open);
  return open.length
    ? `Đề nghị Ủy ban nhân dân xem xét, giải quyết các kiến nghị của cơ sở còn chưa được trả lời: ${open.map((d) => `${d.title} (${d.agencyName}, kiến nghị ngày ${formatVietnameseDate(d.raisedOn)})`).join('; ')}.`
    : '';
}
