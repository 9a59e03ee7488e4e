import type { DifficultyForReport } from '../difficulties/difficulties-for-report.js';

const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/**
 * What the results report says of the difficulties the units raised to the committee in the year
 * (reference §7; issue 11 §5): under "measures", how many were answered and how fast; under
 * "proposals", the ones still waiting, each named with its unit, for the committee to settle.
 * Empty strings when none was raised.
 */
export function difficultyParagraphs(items: DifficultyForReport[]): { measures: string; proposals: string } {
  if (!items.length) return { measures: '', proposals: '' };
  const answered = items.filter((d) => !d.open);
  const open = items.filter((d) => d.open);
  const days = answered.map((d) => d.responseWorkingDays).filter((x): x is number => x !== null);
  const mean = days.length ? nf.format(days.reduce((a, b) => a + b, 0) / days.length) : null;
  const measures =
    `Trong năm, các cơ quan, đơn vị đã kiến nghị ${items.length} khó khăn, vướng mắc lên Ủy ban nhân dân; ` +
    `đã trả lời ${answered.length} kiến nghị${mean ? ` (bình quân ${mean} ngày làm việc)` : ''}` +
    (open.length ? `, còn ${open.length} kiến nghị đang xem xét.` : '.');
  const proposals = open.length
    ? `Đề nghị Ủy ban nhân dân xem xét, giải quyết các kiến nghị của cơ sở còn chưa được trả lời: ${open.map((d) => `${d.title} (${d.agencyName}, kiến nghị ngày ${d.raisedOn.split('-').reverse().join('/')})`).join('; ')}.`
    : '';
  return { measures, proposals };
}
