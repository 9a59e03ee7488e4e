import type { ReportFigures } from './report-figures.js';
import { indexKindLabel, kindLabel, statusLabel, viPct } from '../dashboard/season-labels.js';

type Section = ReportFigures['sections'][number];
type IndexSection = ReportFigures['indices'][number];

const value = (s: Section | undefined, key: string) => s?.items.find((i) => i.key === key)?.value ?? 0;
const section = (f: Pick<ReportFigures, 'sections'>, key: string) => f.sections.find((s) => s.key === key);
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
export function findingsByGroup(f: Pick<ReportFigures, 'sections'>, only?: (kind: string) => boolean): string[] {
  const findings = section(f, 'findings');
  const groups = new Map<string, string[]>();
  for (const it of findings?.items ?? []) {
    const at = it.key.lastIndexOf(':');
    if (at < 0 || it.value === 0) continue;
    const group = it.key.slice(0, at);
    const kind = it.key.slice(at + 1);
    if (only && !only(kind)) continue;
    const label = kind === 'good_practice' ? 'cách làm hay' : kind === 'shortcoming' ? 'tồn tại, hạn chế' : 'vi phạm';
    groups.set(group, [...(groups.get(group) ?? []), `${it.value} ${label}`]);
  }
  return [...groups].map(([group, counts]) => `${group}: ${counts.join(', ')}`);
}

/**
 * The office's starting texts (editable until issue): narrative only. Every figure of the report
 * is written by the data into the document, once, from the live figures (factParagraphs), so a
 * correction after the draft was made never leaves an old figure in the texts (rev11 #2). Each
 * sentence follows what the figures say when the draft is made, never against them: no visit →
 * no word of units having followed the plan; no shortcoming found → no paragraph of their causes;
 * no conclusion issued → none said to have been announced (fin #1).
 */
export function draftTexts(f: ReportFigures): { strengths: string; shortcomings: string; measures: string } {
  const visited = f.inspections.total > 0;
  const issued = f.facts?.conclusionsIssued ?? 0;
  const pending = f.facts?.conclusionsPending ?? 0;
  return {
    strengths: visited
      ? `Nhìn chung, các cơ quan, đơn vị được kiểm tra đã quan tâm lãnh đạo, chỉ đạo và triển khai các nhiệm vụ cải cách hành chính năm ${f.year}; chấp hành nghiêm kế hoạch kiểm tra, chuẩn bị báo cáo, hồ sơ, tài liệu phục vụ Đoàn kiểm tra.`
      : `Nhìn chung, các cơ quan, đơn vị đã quan tâm lãnh đạo, chỉ đạo và triển khai các nhiệm vụ cải cách hành chính năm ${f.year}.`,
    // After the shortcomings the data lists (the document prints them first under II.2): their causes — none when none was found.
    shortcomings: factParagraphs(f).anyShortcoming
      ? 'Nguyên nhân chủ yếu là một số cơ quan, đơn vị chưa thật sự quan tâm chỉ đạo công tác cải cách hành chính; công chức phụ trách còn kiêm nhiệm, chưa thường xuyên cập nhật, triển khai văn bản mới.'
      : '',
    measures:
      issued > 0 && pending === 0
        ? 'Sau kiểm tra, Ủy ban nhân dân đã thông báo kết luận kiểm tra đến từng cơ quan, đơn vị, yêu cầu khắc phục các tồn tại, hạn chế đã nêu và theo dõi, đôn đốc việc khắc phục.'
        : issued > 0
          ? 'Ủy ban nhân dân đã thông báo kết luận kiểm tra đến các cơ quan, đơn vị đã được kết luận, yêu cầu khắc phục các tồn tại, hạn chế đã nêu và theo dõi, đôn đốc việc khắc phục; các cuộc kiểm tra còn lại sẽ được thông báo kết luận khi hoàn thành.'
          : 'Sau khi kết thúc kiểm tra, Ủy ban nhân dân sẽ thông báo kết luận kiểm tra đến từng cơ quan, đơn vị, yêu cầu khắc phục các tồn tại, hạn chế (nếu có) và theo dõi, đôn đốc việc khắc phục.',
  };
}

/**
 * The sentences the data writes into each part of the report, after the office's text: every
 * figure once, from the figures printed (live while a draft, frozen at issue). I: the visits,
 * their kinds and who was inspected; II.1: the indices and the best units, good practices, reports
 * sent on time; II.2: the weakest units, unmet criteria, weak areas, the shortcomings and
 * violations found by content group, late and missing reports; III: conclusions, corrective
 * actions, escalations, difficulties answered.
 */
export function factParagraphs(f: ReportFigures): { organisation: string[]; strengths: string[]; shortcomings: string[]; measures: string[]; anyShortcoming: boolean } {
  const i = f.inspections;
  const facts = f.facts;
  const kinds = i.byKind.filter((k) => k.count > 0).map((k) => `${k.count} cuộc ${lower(kindLabel[k.kind])}`);
  const statuses = i.byStatus.filter((s) => s.count > 0 && s.status !== 'cancelled').map((s) => `${s.count} cuộc ${lower(statusLabel[s.status])}`);
  const cancelled = i.cancelled ? ` (không kể ${i.cancelled} cuộc đã hủy)` : '';
  const organisation = [
    `Năm ${f.year}, theo kế hoạch kiểm tra của Ủy ban nhân dân, có ${i.total} cuộc kiểm tra${cancelled} tại ${i.agencies} cơ quan, đơn vị${kinds.length ? ` (${kinds.join(', ')})` : ''}; đến nay ${statuses.join(', ') || 'chưa có cuộc kiểm tra nào'}. Các đơn vị phải gửi ${i.reports.due} báo cáo phục vụ kiểm tra, ${i.reports.dueByToday} báo cáo đã đến hạn.`,
  ];
  if (facts?.inspectedByKind.length) organisation.push(`Các cơ quan, đơn vị được kiểm tra: ${facts.inspectedByKind.map((k) => `${lower(kindLabel[k.kind])} (${k.agencies.length}): ${k.agencies.join(', ')}`).join('; ')}.`);

  const strengths: string[] = [];
  const shortcomings: string[] = [];
  for (const s of f.indices) {
    const label = indexKindLabel[s.kind];
    if (!s.framework || s.average === null) {
      strengths.push(`${label} năm ${f.year}: chưa có kết quả.`);
      continue;
    }
    const tb = topAndBottom(s);
    const prev = s.trend.filter((t) => t.year < f.year && t.average !== null).at(-1);
    const change = prev ? `, ${s.average >= prev.average! ? 'tăng' : 'giảm'} ${viPct(Math.abs(s.average - prev.average!))} điểm so với năm ${prev.year}` : '';
    strengths.push(`${label} năm ${f.year} của ${s.scored} đơn vị bình quân đạt ${viPct(s.average)}%${change}; các đơn vị dẫn đầu: ${tb?.top || '—'}.`);
    const weakAreas = s.areas.filter((a) => a.average !== null).sort((a, b) => a.average! - b.average!).slice(0, 3);
    const parts = [
      tb?.bottom ? `kết quả của một số đơn vị còn thấp: ${tb.bottom}` : '',
      s.unmetCount ? `tổng số ${s.unmetCount} tiêu chí chưa đạt ở các đơn vị` : '',
      weakAreas.length ? `các lĩnh vực có kết quả thấp nhất: ${weakAreas.map((a) => `${a.name} (${viPct(a.average)}%)`).join(', ')}` : '',
    ].filter(Boolean);
    if (parts.length) shortcomings.push(`${label}: ${parts.join('; ')}.`);
  }

  const findings = section(f, 'findings');
  const good = value(findings, 'good_practice');
  const goodGroups = findingsByGroup(f, (k) => k === 'good_practice');
  if (good) strengths.push(`Qua kiểm tra ghi nhận ${good} cách làm hay, mô hình hiệu quả${goodGroups.length ? ` (${goodGroups.join('; ')})` : ''} để giới thiệu, nhân rộng.`);
  const reports = section(f, 'reports');
  // All the units' reports due in the year: the periodic ones and those before a visit, named as
  // both (section I's "báo cáo phục vụ kiểm tra" counts the latter only).
  if (reports && value(reports, 'on_time')) strengths.push(`Các đơn vị đã gửi đúng hạn ${value(reports, 'on_time')} báo cáo (gồm báo cáo định kỳ và báo cáo phục vụ kiểm tra).`);
  const faults = value(findings, 'shortcoming') + value(findings, 'violation');
  const groups = findingsByGroup(f, (k) => k !== 'good_practice');
  if (faults) shortcomings.push(`Qua kiểm tra phát hiện ${value(findings, 'shortcoming')} tồn tại, hạn chế và ${value(findings, 'violation')} vi phạm${groups.length ? `, theo nội dung: ${groups.join('; ')}` : ''}.`);
  if (reports && (value(reports, 'late') || value(reports, 'missing'))) shortcomings.push(`Việc gửi báo cáo định kỳ và báo cáo phục vụ kiểm tra: ${value(reports, 'late')} báo cáo gửi trễ hạn, ${value(reports, 'missing')} báo cáo chưa gửi dù đã quá hạn.`);
  const anyShortcoming = shortcomings.length > 0;
  if (!anyShortcoming) shortcomings.push(`Năm ${f.year} chưa phát hiện tồn tại, hạn chế.`);

  const measures: string[] = [];
  if (facts) measures.push(`Đã ban hành ${facts.conclusionsIssued} thông báo kết luận kiểm tra${facts.conclusionsPending ? `; ${facts.conclusionsPending} cuộc kiểm tra đã kết thúc chưa có kết luận` : ''}.`);
  const actions = section(f, 'corrective_actions');
  if (actions) measures.push(`Yêu cầu khắc phục theo kết luận: ${value(actions, 'closed')} đã hoàn thành, ${value(actions, 'open')} đang thực hiện, ${value(actions, 'overdue')} quá hạn chưa hoàn thành.`);
  if (facts) measures.push(facts.escalations.sent ? `Đã kiến nghị cấp có thẩm quyền xử lý ${facts.escalations.sent} trường hợp, ${facts.escalations.accepted} trường hợp đã được chấp nhận hoặc xử lý.` : 'Không có trường hợp phải kiến nghị cấp có thẩm quyền xử lý.');
  const raised = section(f, 'difficulties');
  if (raised && value(raised, 'answered') + value(raised, 'open')) {
    const days = raised.items.find((it) => it.key === 'response_days')?.value ?? null;
    measures.push(
      `Trong năm, các cơ quan, đơn vị đã kiến nghị ${value(raised, 'answered') + value(raised, 'open')} khó khăn, vướng mắc lên Ủy ban nhân dân; đã trả lời ${value(raised, 'answered')} kiến nghị${days !== null ? ` (bình quân ${viPct(days, 1)} ngày làm việc)` : ''}${value(raised, 'open') ? `, còn ${value(raised, 'open')} kiến nghị đang xem xét` : ''}.`,
    );
  }
  return { organisation, strengths, shortcomings, measures, anyShortcoming };
}
