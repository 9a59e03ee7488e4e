import { sql } from 'drizzle-orm';
import { summarizeSheet, type CriterionNode, type LeafScore } from '../../../../shared/domain/index-scoring.js';
import { areaFigures } from '../../../modules/indices/sheet-summaries.js';
import { queryRows } from '../../client.js';
import { indexCriterion, indexFramework, indexScore, indexScoreSheet, indexSheetSummary, inspection } from '../../schema/index.js';
import { bulkInsert } from './bulk.js';
import type { ScaleGenerator } from './context.js';
import { seededUuid } from './names.js';

const PAR_AREAS = ['Công tác chỉ đạo, điều hành CCHC', 'Cải cách thể chế', 'Cải cách thủ tục hành chính', 'Cải cách tổ chức bộ máy', 'Cải cách chế độ công vụ', 'Xây dựng chính quyền số'];
const SIPAS_ELEMENTS = ['Tiếp cận dịch vụ', 'Thủ tục hành chính', 'Công chức giải quyết', 'Kết quả dịch vụ', 'Tiếp nhận, xử lý góp ý'];

/**
 * The season at national scale, for the dashboard and the ranking benchmarks (issue 11 §4): a
 * national commune PAR framework (6 areas × 3 criteria) and a SIPAS framework (5 elements), every
 * commune scored on both in every year (sheets, scores and their summaries, computed by the
 * shared scoring rules), and inspections of about a third of the communes a year under each
 * province's plan and team (closed in past years, every status this year).
 */
export const seasonGenerator: ScaleGenerator = {
  name: 'season',
  async run(ctx) {
    const { rnd, options, registry } = ctx;
    const uuid = () => seededUuid(rnd);
    const firstYear = options.lastYear - options.years + 1;
    const frameworks: (typeof indexFramework.$inferInsert)[] = [];
    const criteria: (typeof indexCriterion.$inferInsert & CriterionNode)[] = [];
    const par = uuid();
    const sipas = uuid();
    const common = { ownerAgencyId: registry.ministryId, unitKinds: ['ward', 'commune'], fromYear: firstYear, status: 'published', illustrative: true, source: 'seed:scale' };
    frameworks.push({ id: par, code: 'PAR-XA-QG', name: 'Bộ chỉ số CCHC cấp xã (quy mô quốc gia, minh họa)', kind: 'par', aggregation: 'sum', unmetThresholdPct: 100, ...common });
    frameworks.push({ id: sipas, code: 'SIPAS-XA-QG', name: 'Chỉ số hài lòng cấp xã (quy mô quốc gia, minh họa)', kind: 'sipas', aggregation: 'average', unmetThresholdPct: 80, ...common });
    PAR_AREAS.forEach((name, a) => {
      const areaId = uuid();
      const max = 12 + (a % 3) * 4;
      criteria.push({ id: areaId, frameworkId: par, parentId: null, level: 'area', code: String(a + 1), name, maxPoints: max, unmetBelow: null, position: a, scoringMethod: 'appraised' });
      for (let c = 0; c < 3; c++) {
        criteria.push({ id: uuid(), frameworkId: par, parentId: areaId, level: 'criterion', code: `${a + 1}.${c + 1}`, name: `Tiêu chí ${a + 1}.${c + 1}`, maxPoints: max / 4 + (c === 0 ? max / 4 : 0), unmetBelow: null, position: c, scoringMethod: 'appraised' });
      }
    });
    SIPAS_ELEMENTS.forEach((name, e) => criteria.push({ id: uuid(), frameworkId: sipas, parentId: null, level: 'area', code: String(e + 1), name, maxPoints: 100, unmetBelow: null, position: e, scoringMethod: 'survey' }));
    await bulkInsert(ctx.db, indexFramework, frameworks);
    await bulkInsert(ctx.db, indexCriterion, criteria);

    const nodesOf = (f: string) => criteria.filter((c) => c.frameworkId === f);
    const rules = { par: { aggregation: 'sum' as const, unmetThresholdPct: 100 }, sipas: { aggregation: 'average' as const, unmetThresholdPct: 80 } };
    const parNodes = nodesOf(par);
    const sipasNodes = nodesOf(sipas);
    const parLeaves = parNodes.filter((n) => n.parentId !== null);
    let sheets = 0;
    let scoreRows = 0;
    for (const p of registry.provinces) {
      const sheetRows: (typeof indexScoreSheet.$inferInsert)[] = [];
      const scores: (typeof indexScore.$inferInsert)[] = [];
      const summaries: (typeof indexSheetSummary.$inferInsert)[] = [];
      for (const c of p.communes) {
        const quality = 0.7 + rnd() * 0.28;
        for (let year = firstYear; year <= options.lastYear; year++) {
          for (const [frameworkId, nodes, leaves, r] of [
            [par, parNodes, parLeaves, rules.par],
            [sipas, sipasNodes, sipasNodes, rules.sipas],
          ] as const) {
            const sheetId = uuid();
            const entries: LeafScore[] = leaves.map((l) => {
              const share = Math.min(1, Math.max(0.2, quality + (rnd() - 0.5) * 0.3));
              return { criterionId: l.id, selfPoints: null, appraisedPoints: null, finalPoints: Math.round(l.maxPoints * share * 4) / 4, notApplicable: false };
            });
            sheetRows.push({ id: sheetId, frameworkId, unitId: c.unitId, year, origin: 'demo' });
            for (const e of entries) scores.push({ sheetId, ...e });
            const s = summarizeSheet(nodes, entries, r);
            summaries.push({ sheetId, frameworkId, unitId: c.unitId, year, indexPct: s.indexPct, total: s.total, applicableMax: s.applicableMax, pointsLost: s.pointsLost, unmetCount: s.unmet.length, areas: areaFigures(nodes, entries, r) });
          }
        }
      }
      await bulkInsert(ctx.db, indexScoreSheet, sheetRows);
      await bulkInsert(ctx.db, indexScore, scores, 10000);
      await bulkInsert(ctx.db, indexSheetSummary, summaries);
      sheets += sheetRows.length;
      scoreRows += scores.length;
    }

    // Inspections under each province's plan and team of the year.
    const plans = await queryRows<{ plan_id: string; agency_id: string; year: number; team_id: string }>(
      ctx.db,
      sql`select p.id as plan_id, p.issuing_agency_id as agency_id, p.year, t.id as team_id from inspection_plan p join inspection_team t on t.plan_id = p.id`,
    );
    const planOf = new Map(plans.map((r) => [`${r.agency_id}:${r.year}`, r]));
    const rows: (typeof inspection.$inferInsert)[] = [];
    const pad = (n: number) => String(n).padStart(2, '0');
    for (const p of registry.provinces) {
      for (let year = firstYear; year <= options.lastYear; year++) {
        const plan = planOf.get(`${p.committeeId}:${year}`);
        if (!plan) continue;
        const current = year === options.lastYear;
        for (const c of p.communes) {
          if (rnd() > 0.33) continue;
          const month = 5 + Math.floor(rnd() * 7);
          const day = 1 + Math.floor(rnd() * 27);
          const startsOn = `${year}-${pad(month)}-${pad(day)}`;
          const x = rnd();
          const kind = x < 0.65 ? 'announced' : x < 0.85 ? 'report' : 'unannounced';
          const status = current ? (['planned', 'notified', 'under_way', 'closed', 'cancelled'] as const)[Math.floor(rnd() * 5)] : rnd() < 0.03 ? 'cancelled' : 'closed';
          const started = status === 'under_way' || status === 'closed';
          rows.push({
            id: uuid(),
            planId: plan.plan_id,
            agencyId: c.committeeId,
            teamId: plan.team_id,
            kind,
            status,
            startsOn,
            endsOn: startsOn,
            reportDueOn: kind === 'unannounced' ? null : `${year}-${pad(month)}-01`,
            startedAt: started ? `${startsOn}T01:00:00Z` : null,
            closedAt: status === 'closed' ? `${startsOn}T09:00:00Z` : null,
          } as typeof inspection.$inferInsert);
        }
      }
    }
    await bulkInsert(ctx.db, inspection, rows);
    return { index_framework: frameworks.length, index_score_sheet: sheets, index_score: scoreRows, inspection: rows.length };
  },
};
