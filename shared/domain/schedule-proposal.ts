/**
 * Propose a schedule (issue 8 §2): dates and teams for the targets still unscheduled, that keep
 * the schedule rules (shared/domain/schedule-rules.ts), spread the load evenly over the season's
 * working days, and say why each placement was chosen. Pure and deterministic: the same input
 * gives the same proposal; the office accepts all, some or none (each accepted visit is then
 * scheduled through the ordinary rules, which check it again).
 *
 * How, so it can be explained to the office:
 *  1. The days: the working days of the window (weekends, holidays and days off left out), from
 *     today on, and for announced visits from the first day a notice issued today reaches the unit
 *     in time.
 *  2. Targets in a fixed order: by the risk ranking when one is given (issue 11 §3: the riskiest
 *     unit's targets first, those of unranked units after), then by name, then id; target i of N
 *     aims at the working day at position ⌊(i + ½) · D / N⌋ of the D days, so the visits spread
 *     evenly over the months and the riskiest are visited earliest and placed first.
 *  3. From that day, the nearest days first (later before earlier at equal distance), the first
 *     day where some team has room (capacity per day), none of its people is booked elsewhere that
 *     day, and the agency was not visited within the revisit window; among those teams, the one
 *     with the fewest visits so far (then the earlier in the list).
 *  4. A target with no such day is listed as unplaced, with the reason.
 */
import { dayNumberToIso, formatVietnameseDate, toDayNumber, type IsoDate } from './calendar/dates.js';
import type { WorkingCalendar } from './calendar/working-days.js';
import { needsNotice, type InspectionKind } from './inspection-status.js';
import { daysOf, noticeDeadline, type ScheduledVisit, type TeamPerson } from './schedule-rules.js';

export interface ProposalTarget {
  agencyId: string;
  agencyName: string;
  /** The target's unit in the risk ranking (its own unit, or the ranked unit above it), if ranked. */
  risk?: { rank: number; score: number; unitName: string } | null;
}

export interface ProposalTeam {
  teamId: string;
  teamName: string;
  people: TeamPerson[];
}

export interface ProposalInput {
  targets: readonly ProposalTarget[];
  teams: readonly ProposalTeam[];
  /** Visits already booked (of any plan, cancelled ones left out), with their people. */
  booked: readonly ScheduledVisit[];
  kind: InspectionKind;
  from: IsoDate;
  to: IsoDate;
  /** Visits one team can make on one day (more than one: the team splits into groups). */
  capacityPerTeamPerDay: number;
  calendar: WorkingCalendar;
  today: IsoDate;
  /**
   * The day the lead time is counted from (default: today). An office recording an earlier season
   * counts it from the season's start: from today every day of a past window is too late.
   */
  asOf?: IsoDate;
  noticeLeadWorkingDays: number;
  revisitMinDays: number;
  /** The year of the risk ranking the targets' `risk` comes from (said in the explanations). */
  riskYear?: number | null;
}

export interface Placement {
  agencyId: string;
  agencyName: string;
  teamId: string;
  teamName: string;
  startsOn: IsoDate;
  /** Vietnamese. */
  explanation: string;
  explanationEn: string;
}

export interface Unplaced {
  agencyId: string;
  agencyName: string;
  reason: string;
  reasonEn: string;
}

export interface Proposal {
  placements: Placement[];
  unplaced: Unplaced[];
  /** Visits per month ('YYYY-MM'), booked ones not counted. */
  perMonth: Record<string, number>;
  /** The working days the proposal could use. */
  workingDays: number;
  firstDay: IsoDate | null;
  /** The day the lead time was counted from. */
  asOf: IsoDate;
}

const fmt = formatVietnameseDate;
const byNameThenId = (a: ProposalTarget, b: ProposalTarget) => (a.agencyName < b.agencyName ? -1 : a.agencyName > b.agencyName ? 1 : a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0);
/** Ranked before unranked, by rank; then by name and id. */
const byRiskThenName = (a: ProposalTarget, b: ProposalTarget) => (a.risk?.rank ?? Infinity) - (b.risk?.rank ?? Infinity) || byNameThenId(a, b);
const nf = (x: number, locale = 'vi-VN') => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(x);

/** Why the target comes where it does in the order (Vietnamese, English), when a ranking orders them. */
function orderReason(target: ProposalTarget, position: number, count: number, year: number | null | undefined): { vi: string; en: string } {
  const of = `${position}/${count}`;
  if (!target.risk) return { vi: `thứ tự ${of}: ${target.agencyName} chưa có trong xếp hạng rủi ro${year ? ` năm ${year}` : ''}, xếp sau các đơn vị có hạng; `, en: `order ${of}: not in the ${year ? `${year} ` : ''}risk ranking, after the ranked units; ` };
  const { rank, score, unitName } = target.risk;
  return {
    vi: `thứ tự ${of} theo xếp hạng rủi ro${year ? ` năm ${year}` : ''} (${unitName} hạng ${rank}, điểm rủi ro ${nf(score)}); `,
    en: `order ${of} by the ${year ? `${year} ` : ''}risk ranking (${unitName} rank ${rank}, risk score ${nf(score, 'en-GB')}); `,
  };
}

/** The proposal for the input (see the file's comment for the rule). */
export function proposeSchedule(input: ProposalInput): Proposal {
  const { calendar } = input;
  const capacity = Math.max(1, Math.floor(input.capacityPerTeamPerDay));
  // 1. The days.
  // A proposal looks ahead: from today (or the day given), and for announced visits from the first day a notice issued then still reaches the unit in time.
  const asOf = input.asOf ?? input.today;
  let days = daysOf(input.from < asOf ? asOf : input.from, input.to).filter((d) => calendar.isWorkingDay(d));
  if (needsNotice(input.kind)) days = days.filter((d) => noticeDeadline(calendar, d, input.noticeLeadWorkingDays) >= asOf);
  const counted = asOf === input.today ? null : { vi: `; thời gian chuẩn bị tính từ ngày ${fmt(asOf)}, không phải hôm nay`, en: `; lead time counted from ${fmt(asOf)}, not today` };
  const firstDay = days[0] ?? null;

  // What is booked: people by day, team visits by day, agencies' visit days.
  const personDay = new Set<string>();
  const teamDay = new Map<string, number>();
  const agencyDays = new Map<string, number[]>();
  const book = (v: { teamId: string; agencyId: string; startsOn: IsoDate; endsOn: IsoDate }, people: readonly TeamPerson[]) => {
    for (const d of daysOf(v.startsOn, v.endsOn)) {
      for (const p of people) personDay.add(`${p.key}|${d}`);
      teamDay.set(`${v.teamId}|${d}`, (teamDay.get(`${v.teamId}|${d}`) ?? 0) + 1);
    }
    const list = agencyDays.get(v.agencyId) ?? [];
    list.push(toDayNumber(v.startsOn), toDayNumber(v.endsOn));
    agencyDays.set(v.agencyId, list);
  };
  for (const b of input.booked) book(b, b.people);

  const load = new Map(input.teams.map((t) => [t.teamId, 0]));
  const perMonth: Record<string, number> = {};
  const placements: Placement[] = [];
  const unplaced: Unplaced[] = [];
  const ranked = input.targets.some((t) => t.risk);
  const targets = [...input.targets].sort(ranked ? byRiskThenName : byNameThenId);
  const revisit = Math.max(1, input.revisitMinDays);

  const agencyFree = (agencyId: string, day: IsoDate) => {
    const n = toDayNumber(day);
    return (agencyDays.get(agencyId) ?? []).every((d) => Math.abs(d - n) >= revisit);
  };
  const teamFree = (team: ProposalTeam, day: IsoDate, people: readonly TeamPerson[]) => {
    const used = teamDay.get(`${team.teamId}|${day}`) ?? 0;
    if (used >= capacity) return false;
    // Its own people are on its own visits that day already when used > 0 (a split team); others' bookings block.
    return used > 0 || people.every((p) => !personDay.has(`${p.key}|${day}`));
  };

  targets.forEach((target, i) => {
    if (!days.length || !input.teams.length) {
      unplaced.push({
        agencyId: target.agencyId,
        agencyName: target.agencyName,
        reason: !input.teams.length ? 'Kế hoạch chưa có đoàn kiểm tra được thành lập.' : 'Không còn ngày làm việc nào trong khoảng thời gian đã chọn đủ thời hạn thông báo.',
        reasonEn: !input.teams.length ? 'The plan has no founded team.' : 'No working day left in the chosen window with enough notice.',
      });
      return;
    }
    const ideal = Math.min(days.length - 1, Math.floor(((i + 0.5) * days.length) / targets.length));
    let revisitBlocked = false;
    for (let step = 0; step < 2 * days.length; step++) {
      // ideal, ideal+1, ideal−1, ideal+2, ideal−2, …
      const offset = step === 0 ? 0 : step % 2 === 1 ? (step + 1) / 2 : -step / 2;
      const index = ideal + offset;
      if (index < 0 || index >= days.length) continue;
      const day = days[index];
      if (!agencyFree(target.agencyId, day)) {
        revisitBlocked = true;
        continue;
      }
      let best: ProposalTeam | null = null;
      for (const team of input.teams) {
        if (!teamFree(team, day, team.people)) continue;
        if (!best || load.get(team.teamId)! < load.get(best.teamId)!) best = team;
      }
      if (!best) continue;
      book({ teamId: best.teamId, agencyId: target.agencyId, startsOn: day, endsOn: day }, best.people);
      const visits = load.get(best.teamId)! + 1;
      load.set(best.teamId, visits);
      perMonth[day.slice(0, 7)] = (perMonth[day.slice(0, 7)] ?? 0) + 1;
      const shifted = index !== ideal;
      const notice = needsNotice(input.kind) && day >= asOf ? noticeDeadline(calendar, day, input.noticeLeadWorkingDays) : null;
      const order = ranked ? orderReason(target, i + 1, targets.length, input.riskYear) : { vi: '', en: '' };
      placements.push({
        agencyId: target.agencyId,
        agencyName: target.agencyName,
        teamId: best.teamId,
        teamName: best.teamName,
        startsOn: day,
        explanation:
          `${fmt(day)}: ${order.vi}${shifted ? `ngày làm việc gần nhất còn trống so với ngày chia đều ${fmt(days[ideal])}` : 'ngày làm việc chia đều trong mùa kiểm tra'}; ` +
          `${best.teamName} (cuộc thứ ${visits} của đoàn) không có thành viên trùng lịch ngày này` +
          (notice ? `; thông báo phải đến đơn vị chậm nhất ngày ${fmt(notice)}` : '') +
          (counted?.vi ?? '') +
          '.',
        explanationEn:
          `${fmt(day)}: ${order.en}${shifted ? `the nearest free working day to the evenly spread day ${fmt(days[ideal])}` : 'the evenly spread working day of the season'}; ` +
          `${best.teamName} (its visit no. ${visits}) has no member booked elsewhere that day` +
          (notice ? `; the notice must reach the unit by ${fmt(notice)}` : '') +
          (counted?.en ?? '') +
          '.',
      });
      return;
    }
    unplaced.push({
      agencyId: target.agencyId,
      agencyName: target.agencyName,
      reason: revisitBlocked
        ? `Không còn ngày nào mà mọi đoàn còn trống và cách lần kiểm tra khác của cơ quan đủ ${revisit} ngày.`
        : 'Mọi đoàn đã kín lịch (hoặc có thành viên trùng lịch) vào mọi ngày làm việc còn lại.',
      reasonEn: revisitBlocked ? `No day left with a free team at least ${revisit} days from the agency's other visits.` : 'Every team is fully booked (or has a member booked elsewhere) on every working day left.',
    });
  });
  return { placements, unplaced, perMonth, workingDays: days.length, firstDay, asOf };
}

/** The last day of a 'YYYY-MM' month. */
export function monthEnd(yyyymm: string): IsoDate {
  const [y, m] = yyyymm.split('-').map(Number);
  return dayNumberToIso(toDayNumber({ year: m === 12 ? y + 1 : y, month: m === 12 ? 1 : m + 1, day: 1 }) - 1);
}
