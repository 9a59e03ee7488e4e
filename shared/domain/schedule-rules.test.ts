import { describe, expect, it } from 'vitest';
import { officialCalendar } from './calendar/index.js';
import { checkSchedule, nonWorkingDayIssues, noticeDeadline, personKey, refusingIssues, reportDue, type ScheduledVisit, type ScheduleRules } from './schedule-rules.js';

const rules: ScheduleRules = { calendar: officialCalendar, periodFrom: '2021-05', periodTo: '2021-12', today: '2021-05-10', noticeLeadWorkingDays: 2, revisitMinDays: 1 };
const hung = { key: personKey({ userId: null, fullName: 'Nguyễn Văn Hùng', agencyId: 'a1' }), name: 'Ông Nguyễn Văn Hùng' };
const visit = (over: Partial<ScheduledVisit>): ScheduledVisit => ({
  id: 'v1',
  agencyId: 'ward-a',
  agencyName: 'UBND phường Hoài Thanh Tây',
  teamId: 't1',
  teamName: 'Đoàn 1',
  kind: 'announced',
  startsOn: '2021-09-09',
  endsOn: '2021-09-09',
  people: [hung],
  ...over,
});

describe('schedule rules', () => {
  it('computes the report due date 3 working days before the visit, across the National Day holiday', () => {
    expect(reportDue(officialCalendar, 'announced', '2021-09-09')?.date).toBe('2021-09-06');
    expect(reportDue(officialCalendar, 'announced', '2021-09-07')?.date).toBe('2021-08-31');
    expect(reportDue(officialCalendar, 'unannounced', '2021-09-07')).toBeNull();
    // Due Monday 06/9; two working days before it skip the 2–3/9 holiday: Wed 01/9, Tue 31/8.
    expect(noticeDeadline(officialCalendar, '2021-09-09', 2)).toBe('2021-08-31');
  });

  it('names the other team and agency when a member is booked twice the same day', () => {
    const other = visit({ id: 'v2', teamId: 't2', teamName: 'Đoàn 2', agencyId: 'ward-b', agencyName: 'UBND phường Tam Quan Bắc' });
    const issues = checkSchedule(visit({}), [other], rules);
    expect(issues.map((i) => [i.code, i.otherInspectionId])).toEqual([['member_double_booked', 'v2']]);
    expect(issues[0].message).toBe('Ông Nguyễn Văn Hùng đã có lịch kiểm tra UBND phường Tam Quan Bắc (Đoàn 2) ngày 09/09/2021.');
    expect(issues[0].messageEn).toBe('Ông Nguyễn Văn Hùng is already scheduled to inspect UBND phường Tam Quan Bắc (Đoàn 2) on 09/09/2021.');
  });

  it("books a hidden visit's people and agency without naming it, its team or its id", () => {
    const other = visit({ id: 'v2', teamId: 't2', teamName: 'Đoàn của tỉnh', agencyName: 'UBND phường Hoài Thanh Tây', hidden: true });
    const issues = checkSchedule(visit({}), [other], rules);
    expect(issues.map((i) => [i.code, i.otherInspectionId])).toEqual([
      ['member_double_booked', null],
      ['agency_visited_recently', null],
    ]);
    expect(issues[0].message).toBe('Ông Nguyễn Văn Hùng đã có lịch một cuộc kiểm tra khác ngày 09/09/2021.');
    expect(issues[1].message).toBe('UBND phường Hoài Thanh Tây đã có lịch kiểm tra cùng ngày 09/09/2021.');
    expect(issues.map((i) => i.message + i.messageEn).join(' ')).not.toMatch(/tỉnh|v2/);
  });

  it('refuses a second visit of one agency the same day, but not the day after', () => {
    const other = visit({ id: 'v2', teamId: 't2', people: [] });
    expect(checkSchedule(visit({}), [other], rules).map((i) => i.code)).toEqual(['agency_visited_recently']);
    expect(checkSchedule(visit({}), [{ ...other, startsOn: '2021-09-10', endsOn: '2021-09-10' }], rules)).toEqual([]);
    expect(checkSchedule(visit({}), [{ ...other, startsOn: '2021-09-10', endsOn: '2021-09-10' }], { ...rules, revisitMinDays: 30 }).map((i) => i.code)).toEqual(['agency_visited_recently']);
  });

  it('with a 30-day window, names the other visit and the window; a re-inspection does not count the inspection it returns to, any other visit still counts', () => {
    const month = { ...rules, revisitMinDays: 30 };
    const first = visit({ id: 'v0', teamId: 't2', teamName: 'Đoàn 2', people: [], startsOn: '2021-08-20', endsOn: '2021-08-20' });
    const [issue] = checkSchedule(visit({}), [first], month);
    expect(issue).toMatchObject({ code: 'agency_visited_recently', severity: 'error', overridable: true, otherInspectionId: 'v0', date: '2021-08-20' });
    expect(issue.message).toBe('UBND phường Hoài Thanh Tây đã có lịch kiểm tra ngày 20/08/2021 (Đoàn 2), cách chưa đủ 30 ngày.');
    // 31 days apart is enough (a Monday).
    expect(checkSchedule(visit({ startsOn: '2021-09-20', endsOn: '2021-09-20' }), [first], month)).toEqual([]);
    const revisit = visit({ kind: 'reinspection', reinspectionOfId: 'v0' });
    expect(checkSchedule(revisit, [first], month)).toEqual([]);
    // …nor the other way round: moving the first inspection near its re-inspection.
    expect(checkSchedule({ ...first, startsOn: '2021-09-01', endsOn: '2021-09-01' }, [{ ...revisit, people: [] }], month)).toEqual([]);
    // Another visit of the agency inside the window still trips it, and the linked one on the same days too.
    const other = visit({ id: 'v3', teamId: 't2', people: [], startsOn: '2021-09-01', endsOn: '2021-09-01' });
    expect(checkSchedule(revisit, [first, other], month).map((i) => [i.code, i.otherInspectionId])).toEqual([['agency_visited_recently', 'v3']]);
    expect(checkSchedule(revisit, [{ ...first, startsOn: '2021-09-09', endsOn: '2021-09-09' }], month).map((i) => i.code)).toEqual(['agency_visited_recently']);
    // Overridden with a reason, it refuses nothing.
    expect(refusingIssues(checkSchedule(visit({}), [first], month), true)).toEqual([]);
  });

  it('warns of a holiday, a day off and a weekend, saying which', () => {
    const issues = checkSchedule(visit({ startsOn: '2021-09-02', endsOn: '2021-09-04' }), [], rules);
    expect(issues.map((i) => [i.code, i.severity, i.date])).toEqual([
      ['non_working_day', 'warning', '2021-09-02'],
      ['non_working_day', 'warning', '2021-09-03'],
      ['non_working_day', 'warning', '2021-09-04'],
    ]);
    expect(issues[2].message).toBe('Ngày 04/09/2021 không phải ngày làm việc (Thứ Bảy).');
    expect(issues[0].message).toMatch(/^Ngày 02\/09\/2021 không phải ngày làm việc \(.+\)\.$/);
    // The warning before saving is the same, from the same rule.
    expect(nonWorkingDayIssues(rules.calendar, { kind: 'announced', startsOn: '2021-09-02', endsOn: '2021-09-04' })).toEqual(issues);
    expect(nonWorkingDayIssues(rules.calendar, { kind: 'report', startsOn: '2021-09-04', endsOn: '2021-09-04' })).toEqual([]);
  });

  it('refuses a visit outside the plan period, and a notice that could not reach the unit in time unless overridden', () => {
    const outside = checkSchedule(visit({ startsOn: '2022-01-05', endsOn: '2022-01-05' }), [], rules);
    expect(outside.map((i) => [i.code, i.overridable])).toEqual([['outside_plan_period', false]]);
    // One date format, dd/mm/yyyy, in every message.
    expect(outside[0].message).toMatch(/^Ngày kiểm tra 05\/01\/2022 nằm ngoài thời gian của Kế hoạch \(\d{2}\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}\)\.$/);
    const short = checkSchedule(visit({ startsOn: '2021-05-12', endsOn: '2021-05-12' }), [], rules);
    expect(short.map((i) => i.code)).toEqual(['short_lead_time']);
    expect(refusingIssues(short, false)).toHaveLength(1);
    expect(refusingIssues(short, true)).toHaveLength(0);
    // One date style in the sentence, dd/mm/yyyy as the tables show dates (rev8b #5): the calendar's explanation and the notice's last day alike.
    expect(short[0].message).toMatch(/báo cáo chậm nhất ngày \d{2}\/\d{2}\/2021 .*; thông báo phải đến đơn vị chậm nhất ngày \d{2}\/\d{2}\/2021 /);
    expect(short[0].message).not.toMatch(/\b\d{1,2}\/\d\/\d{4}/);
    // An earlier season recorded after the fact is not late.
    expect(checkSchedule(visit({ startsOn: '2021-05-07', endsOn: '2021-05-07' }), [], rules)).toEqual([]);
  });

  it('words every issue in English too, with the same names and dates', () => {
    const all = [
      ...checkSchedule(visit({ startsOn: '2022-01-05', endsOn: '2022-01-05' }), [], rules),
      ...checkSchedule(visit({ startsOn: '2021-05-12', endsOn: '2021-05-12' }), [], rules),
      ...checkSchedule(visit({ startsOn: '2021-09-02', endsOn: '2021-09-04' }), [], rules),
      ...checkSchedule(visit({}), [visit({ id: 'v2', teamId: 't2', teamName: 'Đoàn 2' })], rules),
    ];
    expect(new Set(all.map((i) => i.code)).size).toBeGreaterThanOrEqual(4);
    for (const issue of all) {
      expect(issue.messageEn, issue.code).toMatch(/ (is|are|must|reaches|not) /);
      expect(issue.messageEn).not.toBe(issue.message);
      for (const date of issue.message.match(/\d{2}\/\d{1,2}\/\d{4}/g) ?? []) if (issue.code !== 'short_lead_time') expect(issue.messageEn).toContain(date);
    }
  });

  it('refuses the same team at two agencies the same day unless the office says why (a team may split into groups)', () => {
    const other = visit({ id: 'v2', agencyId: 'ward-b', agencyName: 'UBND phường Tam Quan Bắc' });
    const issues = checkSchedule(visit({}), [other], rules);
    expect(issues.map((i) => [i.code, i.otherInspectionId, i.overridable])).toEqual([['team_double_booked', 'v2', true]]);
    expect(refusingIssues(issues, false)).toHaveLength(1);
    expect(refusingIssues(issues, true)).toHaveLength(0);
    expect(checkSchedule(visit({}), [{ ...other, startsOn: '2021-09-10', endsOn: '2021-09-10' }], rules)).toEqual([]);
  });
});

