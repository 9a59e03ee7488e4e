import { periodRequestTitle } from '../../modules/reports/request-use-cases.js';
import { eq } from 'drizzle-orm';
import type { SubmissionContent, TemplateBody } from '../../../shared/api/reports.schemas.js';
import { formatVietnameseDate } from '../../../shared/domain/calendar/dates.js';
import { periodDates } from '../../../shared/domain/report-periods.js';
import { agency, inspection, inspectionNoticeItem, reportPeriodRule, reportRequest, reportSubmission, reportSubmissionEvent } from '../schema/index.js';
import type { Tx } from '../client.js';
import { recordAudit } from '../../modules/audit/audit-log.js';
import { emptyContent } from '../../modules/reports/submission-content.js';
import { installStandardTemplates, periodicReportBody, preVisitReportBody } from '../../modules/reports/standard-templates.js';

const SYSTEM = { actor: null, ip: null, requestId: null } as const;

/** What a demo unit did with a request: the six statuses people see (accepted on time or late). */
type Outcome = 'not_started' | 'draft' | 'on_time' | 'late' | 'returned' | 'accepted' | 'accepted_late';

const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+07:00`);
const addDays = (day: string, n: number) => new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10) + n)).toISOString().slice(0, 10);

/** Figures that differ from unit to unit but stay plausible (a ward receives a few hundred dossiers a quarter). */
function figures(body: TemplateBody, seed: number, scale: number): SubmissionContent {
  const content = emptyContent(body);
  let s = seed * 7919 + 13;
  const next = (max: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % max;
  };
  for (const item of body.items) {
    if (item.type === 'section') {
      if (item.answer) content.answers[item.key] = `${item.heading.replace(/^[IVX\d]+\.\s*/, '')}: đơn vị đã triển khai theo kế hoạch; kết quả cụ thể như số liệu kèm theo.`;
      continue;
    }
    if (!item.fixedRows) {
      if (item.key === 'assigned_tasks') {
        content.tables[item.key] = [
          { task: 'Niêm yết công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa', source: '45/TB-UBND ngày 12/3/2021', deadline: '2021-04-30', status: 'Đúng hạn' },
          { task: 'Báo cáo kết quả khắc phục các tiêu chí Chỉ số CCHC năm 2020 bị trừ điểm', source: '45/TB-UBND ngày 12/3/2021', deadline: '2021-05-15', status: next(2) ? 'Trễ hạn' : 'Đúng hạn' },
          { task: 'Chấn chỉnh kỷ luật, kỷ cương hành chính tại Bộ phận Một cửa', source: '612/UBND-NV ngày 17/5/2021', deadline: '2021-06-15', status: 'Đúng hạn' },
        ];
      }
      continue;
    }
    const between = (lo: number, hi: number) => lo + next(hi - lo + 1);
    content.tables[item.key] = item.fixedRows.map((fixedRow) => {
      const row: Record<string, number | string | boolean | null> = {};
      switch (item.key) {
        case 'dossiers': {
          const received = Math.round((40 + next(160)) * scale);
          const late = next(6);
          const resolved = received - next(10);
          row.received = received;
          row.online = Math.round(received * (0.1 + next(20) / 100));
          row.on_time = Math.max(0, resolved - late);
          row.late = late;
          row.apologies = Math.min(late, next(3));
          row.on_time_rate = resolved > 0 ? Math.round((1000 * Math.max(0, resolved - late)) / resolved) / 10 : null;
          return row;
        }
        case 'plan_tasks': {
          // A ward's plan has a dozen or two tasks; what the checks found, then fixed (never more).
          const planned = { plan_tasks: between(12, 24), inspected_units: between(2, 5), issues_found: 0, issues_fixed: 0, communication: between(4, 10) }[fixedRow.key] ?? 0;
          if (fixedRow.key === 'issues_found') row.done = between(2, 8);
          else if (fixedRow.key === 'issues_fixed') row.done = null;
          else {
            row.planned = planned;
            row.done = Math.max(0, planned - next(3));
          }
          return row;
        }
        case 'procedure_counts':
          row.count = { published: between(150, 230), reviewed: between(10, 30), simplified: 0 }[fixedRow.key] ?? 0;
          return row;
        case 'online_services': {
          // Each ward offers the province's catalogue: a few dozen level-3 services, fewer level-4; some see dossiers.
          const services = fixedRow.key === 'partial' ? between(40, 70) : between(8, 20);
          const withDossiers = Math.round(services * (0.2 + next(40) / 100));
          row.services = services;
          row.with_dossiers = withDossiers;
          row.online_dossiers = withDossiers * between(1, 4);
          return row;
        }
        case 'staff': {
          const assigned = { civil_servants: between(19, 23), public_employees: between(0, 4), contracts: between(1, 4) }[fixedRow.key] ?? 0;
          row.assigned = assigned;
          row.present = Math.max(0, assigned - next(3));
          row.reduced = next(4) === 0 ? 1 : 0;
          return row;
        }
        case 'findings': {
          const issues = between(0, 4);
          Object.assign(row, { checked: between(3, 8), issues, fixed: Math.max(0, issues - next(2)) });
          return row;
        }
        case 'finance_egov':
          Object.assign(row, { autonomous_units: between(0, 2), e_documents: between(85, 99), digital_signature: between(80, 98), iso: next(5) > 0 });
          return row;
      }
      for (const c of item.columns) {
        if (c.type === 'integer') row[c.key] = next(30);
        else if (c.type === 'decimal') row[c.key] = next(100);
      }
      return row;
    });
    // The parts the template bounds follow their whole (fixed after the rows above are drawn).
    const rows = content.tables[item.key];
    const fixedRows = item.fixedRows;
    const rowOf = (key: string) => rows[fixedRows.findIndex((r) => r.key === key)];
    if (item.key === 'plan_tasks') rowOf('issues_fixed').done = Math.max(0, Number(rowOf('issues_found').done) - next(3));
    if (item.key === 'procedure_counts') rowOf('simplified').count = Math.min(Number(rowOf('reviewed').count), between(0, 5));
  }
  return content;
}

interface DemoSubmission {
  agencyId: string;
  agencyName: string;
  outcome: Outcome;
}

/** Writes one submission in its final state with the history that led there. */
async function seedSubmission(tx: Tx, r: { id: string; dueOn: string; title: string }, body: TemplateBody, d: DemoSubmission, n: number, users: { unit: string | null; secretariat: string; names: { unit: string; secretariat: string } }) {
  const submitted = !['not_started', 'draft'].includes(d.outcome);
  const late = d.outcome === 'late' || d.outcome === 'accepted_late';
  const submittedOn = late ? addDays(r.dueOn, 2 + (n % 4)) : addDays(r.dueOn, -1 - (n % 4));
  const content = d.outcome === 'not_started' ? emptyContent(body) : figures(body, n + 1, 1);
  if (d.outcome === 'draft') content.answers = Object.fromEntries(Object.entries(content.answers).slice(0, 2));
  const unitName = users.unit ? users.names.unit : `Đầu mối CCHC ${d.agencyName}`;
  const status = d.outcome === 'on_time' || d.outcome === 'late' ? 'submitted' : d.outcome === 'accepted_late' ? 'accepted' : d.outcome;
  const reviewedOn = addDays(submittedOn, 2);
  const returnReason = d.outcome === 'returned' ? 'Biểu 3 thiếu số liệu hồ sơ lĩnh vực đất đai; đề nghị bổ sung và nêu rõ nguyên nhân hồ sơ quá hạn.' : null;
  const events = (submitted ? 1 : 0) + (['returned', 'accepted', 'accepted_late'].includes(d.outcome) ? 1 : 0);
  const [row] = await tx
    .insert(reportSubmission)
    .values({
      requestId: r.id,
      agencyId: d.agencyId,
      status,
      late: submitted ? late : null,
      content,
      submittedAt: submitted ? at(submittedOn, '15:30') : null,
      submittedBy: submitted ? users.unit : null,
      reviewedAt: events > 1 ? at(reviewedOn, '10:00') : null,
      reviewedBy: events > 1 ? users.secretariat : null,
      returnReason,
      updatedBy: users.unit,
      version: 1 + (d.outcome === 'not_started' ? 0 : 1) + events,
      createdAt: at(addDays(r.dueOn, -15), '07:00'),
      updatedAt: events > 1 ? at(reviewedOn, '10:00') : submitted ? at(submittedOn, '15:30') : at(addDays(r.dueOn, -3), '16:00'),
    })
    .returning({ id: reportSubmission.id });
  if (submitted) await tx.insert(reportSubmissionEvent).values({ submissionId: row.id, action: 'submitted', late, content, actorId: users.unit, actorName: unitName, at: at(submittedOn, '15:30') });
  if (events > 1) {
    const action = d.outcome === 'returned' ? 'returned' : 'accepted';
    await tx.insert(reportSubmissionEvent).values({ submissionId: row.id, action, reason: returnReason, actorId: users.secretariat, actorName: users.names.secretariat, at: at(reviewedOn, '10:00') });
  }
  return row.id;
}

/**
 * The reports of the 2021 season (issue 9): the standard templates of UBND thị xã Hoài Nhơn
 * (periodic CCHC report, pre-visit outline, self-inspection results), its periodic rules (Q1, Q2,
 * 6 months, Q3, year) asking the town's offices and the 17 wards and communes, the Q2 and
 * 6-month requests of 2021 with reports in every status (not started, draft, submitted on time,
 * submitted late, returned, accepted) and a pre-visit request for each inspection the notice of
 * 16/8/2021 announced. Phường Bồng Sơn (the demo `unit`) has its Q2 report accepted and its
 * 6-month report returned, to correct and resubmit.
 */
export async function seedDemoReports(tx: Tx, ids: { agencyIds: Map<string, string>; noticeId: string; users: { unit: string; secretariat: string }; names: { unit: string; secretariat: string } }) {
  const agencyId = (key: string) => {
    const id = ids.agencyIds.get(key);
    if (!id) throw new Error(`demo reports: no agency ${key}`);
    return id;
  };
  const ownerId = agencyId('ubnd:hoai-nhon');
  const [owner] = await tx.select({ unitPath: agency.unitPath, path: agency.path }).from(agency).where(eq(agency.id, ownerId));
  const place = { unitPath: owner.unitPath, agencyPath: owner.path };
  const targetKeys = [...ids.agencyIds.keys()].filter((k) => (k.startsWith('office:') && k !== 'office:NV') || k.startsWith('ubnd:2021:'));
  const targets = targetKeys.map(agencyId);
  const names = new Map((await tx.select({ id: agency.id, name: agency.name }).from(agency)).map((a) => [a.id, a.name]));
  const bongSon = agencyId('ubnd:2021:Bồng Sơn');

  const templates = await installStandardTemplates(tx, SYSTEM, { agencyId: ownerId, place }, { publishedAt: at('2021-01-05'), targetAgencyIds: targets });
  const rules = await tx.select().from(reportPeriodRule).where(eq(reportPeriodRule.ownerAgencyId, ownerId));
  const periodicBody = periodicReportBody();
  const users = (agency: string) => ({ unit: agency === bongSon ? ids.users.unit : null, secretariat: ids.users.secretariat, names: ids.names });

  // Q2 mostly done and reviewed; the 6-month report (same due day) still being collected.
  const plans: Record<string, Outcome[]> = {
    Q2: ['accepted', 'accepted', 'accepted_late', 'on_time', 'late', 'returned', 'accepted', 'on_time', 'draft', 'not_started'],
    H1: ['on_time', 'late', 'returned', 'draft', 'not_started', 'accepted', 'not_started', 'on_time', 'draft', 'late'],
  };
  const special: Record<string, Outcome> = { Q2: 'accepted', H1: 'returned' };
  for (const code of ['Q2', 'H1'] as const) {
    const rule = rules.find((r) => r.code === code)!;
    const dates = periodDates(rule, 2021);
    const [request] = await tx
      .insert(reportRequest)
      .values({
        ownerAgencyId: ownerId,
        templateId: templates.get('cchc_periodic')!,
        kind: 'periodic',
        status: 'open',
        title: periodRequestTitle(rule.name, 2021),
        periodFrom: dates.from,
        periodTo: dates.to,
        dueOn: dates.due,
        dueExplanation: `chậm nhất ngày ${formatVietnameseDate(dates.due)} (số liệu từ ngày ${formatVietnameseDate(dates.from)} đến ngày ${formatVietnameseDate(dates.to)})`,
        ruleId: rule.id,
        periodYear: 2021,
        targetAgencyIds: targets,
        remindWorkingDays: rule.remindWorkingDays,
        escalateAfterWorkingDays: rule.escalateAfterWorkingDays,
        createdAt: at(dates.opensOn, '07:00'),
        updatedAt: at(dates.opensOn, '07:00'),
      })
      .returning();
    await recordAudit(tx, SYSTEM, { action: 'report_request.created', entityType: 'report_request', entityId: request.id, scope: { places: [place] }, after: { title: request.title, kind: 'periodic', dueOn: request.dueOn, agencies: targets.length } });
    for (const [n, target] of targets.entries()) {
      const outcome = target === bongSon ? special[code] : plans[code][n % plans[code].length];
      await seedSubmission(tx, request, periodicBody, { agencyId: target, agencyName: names.get(target)!, outcome }, n, users(target));
    }
  }

  // A pre-visit report per inspection the notice announced, due 3 working days before the visit.
  const preVisitBody = preVisitReportBody();
  const notified = await tx
    .select({ id: inspection.id, agencyId: inspection.agencyId, startsOn: inspection.startsOn, dueOn: inspection.reportDueOn, explanation: inspection.reportDueExplanation })
    .from(inspectionNoticeItem)
    .innerJoin(inspection, eq(inspection.id, inspectionNoticeItem.inspectionId))
    .where(eq(inspectionNoticeItem.noticeId, ids.noticeId))
    .orderBy(inspectionNoticeItem.position);
  // The visits are held by the demo's date (DEMO_SEASON_AS_OF): every unit sent its report, some late, one returned for more.
  const preVisitOutcomes: Outcome[] = ['accepted', 'late', 'on_time', 'returned', 'accepted_late', 'accepted'];
  for (const [n, v] of notified.entries()) {
    if (!v.dueOn) continue;
    const [request] = await tx
      .insert(reportRequest)
      .values({
        ownerAgencyId: ownerId,
        templateId: templates.get('pre_visit')!,
        kind: 'pre_visit',
        status: 'open',
        title: `Báo cáo phục vụ kiểm tra công tác CCHC năm 2021 của ${names.get(v.agencyId)}`,
        dueOn: v.dueOn,
        dueExplanation: v.explanation,
        periodFrom: '2020-12-15',
        periodTo: addDays(v.dueOn, -1),
        inspectionId: v.id,
        targetAgencyIds: [v.agencyId],
        createdAt: at('2021-08-16', '10:00'),
        updatedAt: at('2021-08-16', '10:00'),
      })
      .returning();
    await recordAudit(tx, SYSTEM, { action: 'report_request.created', entityType: 'report_request', entityId: request.id, scope: { places: [place] }, after: { title: request.title, kind: 'pre_visit', dueOn: request.dueOn, inspectionId: v.id } });
    await seedSubmission(tx, request, preVisitBody, { agencyId: v.agencyId, agencyName: names.get(v.agencyId)!, outcome: preVisitOutcomes[n % preVisitOutcomes.length] }, n, users(v.agencyId));
  }
  return { templates: templates.size, preVisit: notified.length };
}
