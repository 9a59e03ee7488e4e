import { describe, expect, it } from 'vitest';
import { officialCalendar } from './calendar/index.js';
import { proposeSchedule, type ProposalInput } from './schedule-proposal.js';
import { checkSchedule, refusingIssues, type ScheduledVisit } from './schedule-rules.js';

const person = (k: string) => ({ key: `user:${k}`, name: k });
const teams = [
  { teamId: 't1', teamName: 'Đoàn 1', people: [person('hung'), person('lan')] },
  { teamId: 't2', teamName: 'Đoàn 2', people: [person('tam')] },
];
const targets = Array.from({ length: 17 }, (_, i) => ({ agencyId: `a${String(i).padStart(2, '0')}`, agencyName: `UBND phường ${String(i).padStart(2, '0')}` }));
const base: ProposalInput = {
  targets,
  teams,
  booked: [],
  kind: 'announced',
  from: '2021-05-01',
  to: '2021-12-31',
  capacityPerTeamPerDay: 1,
  calendar: officialCalendar,
  today: '2021-05-10',
  noticeLeadWorkingDays: 2,
  revisitMinDays: 1,
};
const rules = { calendar: officialCalendar, periodFrom: '2021-05', periodTo: '2021-12', today: '2021-05-10', noticeLeadWorkingDays: 2, revisitMinDays: 1 };

describe('proposing a schedule', () => {
  it('places every target on a working day, spread over the months, keeping every schedule rule', () => {
    const p = proposeSchedule(base);
    expect(p.unplaced).toEqual([]);
    expect(p.placements).toHaveLength(17);
    // The first day a notice issued today reaches the unit in time: report due 3 working days before, notice 2 before that.
    expect(p.firstDay).toBe('2021-05-17');
    for (const pl of p.placements) expect(officialCalendar.isWorkingDay(pl.startsOn)).toBe(true);
    // Spread: every month May–December gets visits, none gets more than a fair share plus one.
    const months = Object.keys(p.perMonth).sort();
    expect(months).toEqual(['2021-05', '2021-06', '2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12']);
    expect(Math.max(...Object.values(p.perMonth))).toBeLessThanOrEqual(3);
    // Load shared between the teams.
    const t1 = p.placements.filter((x) => x.teamId === 't1').length;
    expect(Math.abs(t1 - (17 - t1))).toBeLessThanOrEqual(1);
    // Each placement, checked against the others by the ordinary rules, breaks none.
    const visits: ScheduledVisit[] = p.placements.map((x, i) => ({ id: `p${i}`, agencyId: x.agencyId, agencyName: x.agencyName, teamId: x.teamId, teamName: x.teamName, kind: 'announced', startsOn: x.startsOn, endsOn: x.startsOn, people: teams.find((t) => t.teamId === x.teamId)!.people }));
    for (const v of visits) expect(refusingIssues(checkSchedule(v, visits, rules), false)).toEqual([]);
    expect(p.placements[0].explanation).toMatch(/^\d\d\/\d\d?\/2021: .*Đoàn \d \(cuộc thứ 1 của đoàn\) không có thành viên trùng lịch ngày này; thông báo phải đến đơn vị chậm nhất ngày/);
  });

  it('is deterministic, whatever order the targets come in', () => {
    expect(proposeSchedule({ ...base, targets: [...targets].reverse() })).toEqual(proposeSchedule(base));
  });

  it('avoids days a member is booked elsewhere and the revisit window of an agency already booked', () => {
    const few = { ...base, targets: targets.slice(0, 1), teams: teams.slice(0, 1), from: '2021-06-01', to: '2021-06-04' };
    const ideal = proposeSchedule(few).placements[0].startsOn;
    const booked: ScheduledVisit = { id: 'b1', agencyId: 'other', agencyName: 'UBND xã khác', teamId: 'tx', teamName: 'Đoàn tỉnh', kind: 'announced', startsOn: ideal, endsOn: ideal, people: [person('lan')] };
    const moved = proposeSchedule({ ...few, booked: [booked] }).placements[0];
    expect(moved.startsOn).not.toBe(ideal);
    expect(moved.explanation).toContain('ngày làm việc gần nhất còn trống');
    const again = proposeSchedule({ ...few, revisitMinDays: 30, booked: [{ ...booked, agencyId: 'a00', people: [] }] });
    expect(again.placements).toEqual([]);
    expect(again.unplaced[0].reason).toContain('cách lần kiểm tra khác của cơ quan đủ 30 ngày');
  });

  it('says why a target stays unplaced when the teams are full', () => {
    const p = proposeSchedule({ ...base, from: '2021-06-01', to: '2021-06-02' });
    expect(p.placements).toHaveLength(4);
    expect(p.unplaced).toHaveLength(13);
    expect(p.unplaced[0].reason).toBe('Mọi đoàn đã kín lịch (hoặc có thành viên trùng lịch) vào mọi ngày làm việc còn lại.');
    expect(proposeSchedule({ ...base, from: '2021-06-01', to: '2021-06-02', capacityPerTeamPerDay: 5 }).unplaced).toHaveLength(0);
  });

  it('orders the targets by the risk ranking: the riskiest placed first and earliest, unranked last, each placement saying why', () => {
    // Three of the seventeen ranked (a05 riskiest), in a window with room for four visits only.
    const risky = targets.map((t) => ({ ...t, risk: t.agencyId === 'a05' ? { rank: 1, score: 72.5, unitName: 'Phường 05' } : t.agencyId === 'a12' ? { rank: 2, score: 60, unitName: 'Phường 12' } : t.agencyId === 'a09' ? { rank: 3, score: 41.25, unitName: 'Phường 09' } : null }));
    const p = proposeSchedule({ ...base, targets: risky, riskYear: 2020, from: '2021-06-01', to: '2021-06-02' });
    expect(p.placements.map((x) => x.agencyId)).toEqual(['a05', 'a12', 'a09', 'a00']);
    expect(p.placements[0].startsOn <= p.placements[2].startsOn).toBe(true);
    expect(p.placements[0].explanation).toContain('thứ tự 1/17 theo xếp hạng rủi ro năm 2020 (Phường 05 hạng 1, điểm rủi ro 72,5); ');
    expect(p.placements[0].explanationEn).toContain('order 1/17 by the 2020 risk ranking (Phường 05 rank 1, risk score 72.5); ');
    expect(p.placements[3].explanation).toContain('thứ tự 4/17: UBND phường 00 chưa có trong xếp hạng rủi ro năm 2020, xếp sau các đơn vị có hạng; ');
    // The unplaced are the unranked (by name), never a ranked one.
    expect(p.unplaced.map((x) => x.agencyId)).toEqual(targets.slice(1).map((t) => t.agencyId).filter((id) => !['a05', 'a12', 'a09'].includes(id)));
    // Without a ranking, the order and the texts are as before.
    expect(proposeSchedule(base).placements[0].explanation).not.toContain('xếp hạng rủi ro');
  });
});
