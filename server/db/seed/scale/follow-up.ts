import { sql } from 'drizzle-orm';
import type { ConclusionContent } from '../../../../shared/api/conclusions.schemas.js';
import { officialCalendar } from '../../../../shared/domain/calendar/index.js';
import type { ActionStatus } from '../../../../shared/domain/follow-up.js';
import { queryRows, type DbOrTx } from '../../client.js';
import { correctiveAction, documentRegisterEntry, inspectionConclusion } from '../../schema/index.js';
import { bulkInsert } from './bulk.js';
import type { ScaleGenerator } from './context.js';
import { seededUuid } from './names.js';

const REQUIREMENTS: [group: string, text: string][] = [
  ['a', 'Ban hành kế hoạch tự kiểm tra công tác cải cách hành chính'],
  ['b', 'Hoàn thành các nhiệm vụ được giao còn chậm tiến độ'],
  ['c', 'Niêm yết đầy đủ thủ tục hành chính tại Bộ phận Một cửa'],
  ['c', 'Cập nhật đầy đủ Sổ theo dõi hồ sơ'],
];

/**
 * The follow-up at national scale, for the corrective-actions board bench (issue 10 "Done when"):
 * an issued conclusion notice for every closed inspection, numbered in the province committee's
 * register, with two to four requirements whose states spread as a season leaves them — most
 * closed in past years, open, in progress, reported and overdue ones in every year. Reads the
 * inspections from the database, so it can also top up a scale database loaded before it existed.
 */
export async function seedScaleFollowUp(db: DbOrTx, rnd: () => number, lastYear: number): Promise<Record<string, number>> {
  const visits = await queryRows<{ id: string; agency_id: string; issuer_id: string; starts_on: string; year: number }>(
    db,
    sql`select i.id, i.agency_id, p.issuing_agency_id as issuer_id, to_char(i.starts_on, 'YYYY-MM-DD') as starts_on, p.year
          from inspection i join inspection_plan p on p.id = i.plan_id
         where i.status = 'closed' and not exists (select 1 from inspection_conclusion c where c.inspection_id = i.id)
         order by p.issuing_agency_id, i.starts_on, i.id`,
  );
  const numbers = new Map<string, number>();
  const taken = await queryRows<{ agency_id: string; year: number; n: number }>(db, sql`select agency_id, year, max(number)::int as n from document_register_entry group by 1, 2`);
  for (const r of taken) numbers.set(`${r.agency_id}:${r.year}`, r.n);
  const entries: (typeof documentRegisterEntry.$inferInsert)[] = [];
  const conclusions: (typeof inspectionConclusion.$inferInsert)[] = [];
  const actions: (typeof correctiveAction.$inferInsert)[] = [];
  for (const v of visits) {
    const issuedOn = officialCalendar.addWorkingDays(v.starts_on, 10);
    const year = Number(issuedOn.slice(0, 4));
    if (year > lastYear) continue;
    const key = `${v.issuer_id}:${year}`;
    const number = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, number);
    const id = seededUuid(rnd);
    const entryId = seededUuid(rnd);
    const summary = 'Kết luận kiểm tra công tác cải cách hành chính';
    entries.push({ id: entryId, agencyId: v.issuer_id, year, number, typeCode: 'thong_bao', symbol: 'TB-UBND', summary, issuedOn, signerName: 'Chủ tịch UBND', signerPosition: 'CHỦ TỊCH', subjectType: 'conclusion', subjectId: id });
    const content: ConclusionContent = {
      summary,
      legalBases: [],
      introduction: '',
      overview: [],
      strengths: [],
      shortcomings: [],
      requirementsIntro: '',
      organisation: [],
      recipients: [],
      signature: { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', signerName: 'Chủ tịch UBND' },
    };
    conclusions.push({ id, inspectionId: v.id, issuingAgencyId: v.issuer_id, status: 'issued', content, registerEntryId: entryId, issuedOn });
    const n = 2 + Math.floor(rnd() * 3);
    for (let position = 0; position < n; position++) {
      const [group, text] = REQUIREMENTS[(position + Math.floor(rnd() * REQUIREMENTS.length)) % REQUIREMENTS.length];
      const days = 10 + 5 * Math.floor(rnd() * 4);
      const dueOn = officialCalendar.addWorkingDays(issuedOn, days);
      const x = rnd();
      const pastYear = v.year < lastYear;
      const status: ActionStatus = x < (pastYear ? 0.85 : 0.3) ? 'closed' : x < (pastYear ? 0.9 : 0.55) ? 'open' : x < (pastYear ? 0.95 : 0.8) ? 'in_progress' : 'reported';
      actions.push({
        conclusionId: id,
        position,
        content: text,
        contentGroup: group,
        responsibleAgencyId: v.agency_id,
        dueOn,
        dueWorkingDays: days,
        reportDueOn: dueOn,
        status,
        closedAt: status === 'closed' ? `${dueOn}T03:00:00Z` : null,
      } as typeof correctiveAction.$inferInsert);
    }
  }
  await bulkInsert(db, documentRegisterEntry, entries);
  await bulkInsert(db, inspectionConclusion, conclusions);
  await bulkInsert(db, correctiveAction, actions, 10000);
  return { inspection_conclusion: conclusions.length, corrective_action: actions.length };
}

export const followUpGenerator: ScaleGenerator = {
  name: 'follow-up',
  run: (ctx) => seedScaleFollowUp(ctx.db, ctx.rnd, ctx.options.lastYear),
};
