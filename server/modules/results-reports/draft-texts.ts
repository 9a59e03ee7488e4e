import type { ReportFigures } from './report-figures.js';
import type { SeasonFacts } from './season-facts.js';
import { indexKindLabel, kindLabel, viPct } from '../dashboard/season-labels.js';

type Section = ReportFigures['sections'][number];
type IndexSection = ReportFigures['indices'][number];

const value = (s: Section | undefined, key: string) => s?.items.find((i) => i.key === key)?.value ?? 0;
const section = (f: ReportFigures, key: string) => f.sections.find((s) => s.key === key);
const lower = (s: string) => s.toLocaleLowerCase('vi');

/** The units with an index, best first, each "Name (87,5%)". */
function ranked(s: IndexSection): { name: string; pct: number }[] {
  return s.units.filter((u) => u.indexPct !== null).map((u) => ({ name: u.unitName, pct: u.indexPct! })).sort((a, b) => b.pct - a.pct || a.name.localeCompare(b.name, 'vi'));
}
const named = (xs: { name: string; pct: number }[]) => xs.map((x) => `${x.name} (${viPct(x.pct)}%)`).join(', ');

/** The highest and lowest units of an index with their figures (up to three each, never the same unit twice). */
export function topAndBottom(s: IndexSection): { top: string; bottom: string } | null {
  const r = ranked(s);
  if (!r.length) return null;
  const n = Math.min(3, Math.ceil(r.length / 2));
  const top = r.slice(0, n);
  const bottom = r.length > 1 ? r.slice(Math.max(n, r.length - n)).reverse() : [];
  return { top: named(top), bottom: named(bottom) };
}

/** Findings counted by content group: "Nhóm a…: 2 tồn tại, hạn chế, 1 vi phạm". */
export function findingsByGroup(f: ReportFigures): string[] {
  const findings = section(f, 'findings');
  const groups = new Map<string, string[]>();
  for (const it of findings?.items ?? []) {
    const at = it.key.lastIndexOf(':');
    if (at < 0 || it.value === 0) continue;
    const group = it.key.slice(0, at);
    const kind = it.key.slice(at + 1);
    const label = kind === 'good_practice' ? 'cách làm hay' : kind === 'shortcoming' ? 'tồn tại, hạn chế' : 'vi phạm';
    groups.set(group, [...(groups.get(group) ?? []), `${it.value} ${label}`]);
  }
  return [...groups].map(([group, counts]) => `${group}: ${counts.join(', ')}`);
}

/** The office's starting texts, written from the season's figures and records (editable until issue). */
export function draftTexts(f: ReportFigures, facts: SeasonFacts): { inspected: string; strengths: string; shortcomings: string; measures: string } {
  const inspected = facts.inspectedByKind.length
    ? `Các cơ quan, đơn vị được kiểm tra: ${facts.inspectedByKind.map((k) => `${lower(kindLabel[k.kind])} (${k.agencies.length}): ${k.agencies.join(', ')}`).join('; ')}.`
    : `Năm ${f.year} chưa có cuộc kiểm tra nào được thực hiện.`;

  const strengths: string[] = [];
  const shortcomings: string[] = [];
  for (const s of f.indices) {
    if (!s.framework || s.average === null) continue;
    const label = indexKindLabel[s.kind];
    const tb = topAndBottom(s);
    if (tb) strengths.push(`${label} năm ${f.year} bình quân đạt ${viPct(s.average)}% (${s.scored} đơn vị); các đơn vị dẫn đầu: ${tb.top}.`);
    if (tb?.bottom) shortcomings.push(`${label} của một số đơn vị còn thấp: ${tb.bottom}${s.unmetCount ? `; tổng số ${s.unmetCount} tiêu chí chưa đạt` : ''}.`);
  }
  const findings = section(f, 'findings');
  const good = value(findings, 'good_practice');
  if (good) strengths.push(`Qua kiểm tra ghi nhận ${good} cách làm hay, mô hình hiệu quả được giới thiệu để nhân rộng.`);
  const reports = section(f, 'reports');
  if (reports) {
    const onTime = value(reports, 'on_time');
    const late = value(reports, 'late');
    const missing = value(reports, 'missing');
    // All the units' reports due in the year: the periodic ones (quarterly, six-monthly…) and those
    // before a visit, named as both (section I's "báo cáo phục vụ kiểm tra" counts the latter only).
    if (onTime) strengths.push(`Các đơn vị đã gửi đúng hạn ${onTime} báo cáo (gồm báo cáo định kỳ và báo cáo phục vụ kiểm tra).`);
    if (late || missing) shortcomings.push(`Việc gửi báo cáo định kỳ và báo cáo phục vụ kiểm tra: ${late} báo cáo gửi trễ hạn, ${missing} báo cáo chưa gửi dù đã quá hạn.`);
  }
  const groups = findingsByGroup(f).filter((g) => !/^[^:]*: \d+ cách làm hay$/.test(g));
  const faults = value(findings, 'shortcoming') + value(findings, 'violation');
  if (faults) shortcomings.push(`Qua kiểm tra phát hiện ${value(findings, 'shortcoming')} tồn tại, hạn chế và ${value(findings, 'violation')} vi phạm${groups.length ? `, theo nội dung: ${groups.join('; ')}` : ''}.`);

  const actions = section(f, 'corrective_actions');
  const measures = [
    `Đã ban hành ${facts.conclusionsIssued} kết luận kiểm tra${facts.conclusionsPending ? `; ${facts.conclusionsPending} cuộc kiểm tra đã kết thúc chưa có kết luận` : ''}.`,
    actions ? `Yêu cầu khắc phục theo kết luận: ${value(actions, 'closed')} đã hoàn thành, ${value(actions, 'open')} đang thực hiện, ${value(actions, 'overdue')} quá hạn chưa hoàn thành.` : '',
    facts.escalations.sent ? `Đã kiến nghị cấp có thẩm quyền xử lý ${facts.escalations.sent} trường hợp, ${facts.escalations.accepted} trường hợp đã được chấp nhận hoặc xử lý.` : 'Không có trường hợp phải kiến nghị cấp có thẩm quyền xử lý.',
  ];
  return {
    inspected,
    strengths: strengths.join('\n') || `Năm ${f.year} chưa có số liệu về kết quả đạt được.`,
    shortcomings: shortcomings.join('\n') || `Năm ${f.year} chưa phát hiện tồn tại, hạn chế.`,
    measures: measures.filter(Boolean).join('\n'),
  };
}

/** A dashboard section as a sentence of the report ("Báo cáo định kỳ, theo yêu cầu: đúng hạn 3, trễ hạn 1"), content groups of findings apart. */
export function sectionSentence(s: Section): string {
  if (s.key === 'findings') {
    const groups = findingsByGroup({ sections: [s] } as ReportFigures);
    const totals = s.items.filter((i) => !i.key.includes(':')).map((i) => `${lower(i.label.vi)}: ${i.value}`);
    return `${s.title.vi}: ${totals.join(', ')}${groups.length ? ` (theo nội dung — ${groups.join('; ')})` : ''}.`;
  }
  return `${s.title.vi}: ${s.items.map((i) => `${lower(i.label.vi)}: ${i.value ?? '–'}`).join(', ')}.`;
}
