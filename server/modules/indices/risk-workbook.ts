import { riskFactorNames, type RankedUnitDto, type RiskRankingDto } from '../../../shared/api/indices.schemas.js';
import { listTitle, listWorkbook, type ListColumn } from '../../documents/list-workbook.js';

type Factor = (typeof riskFactorNames)[number];
export const riskFactorLabels: Record<Factor, string> = {
  unmet: 'Số tiêu chí chưa đạt',
  pointsLost: 'Số điểm bị mất',
  lowIndex: 'Chỉ số CCHC thấp hơn bình quân',
  lowSatisfaction: 'Chỉ số hài lòng thấp hơn bình quân',
  complaints: 'Phản ánh, kiến nghị trong năm',
  sinceInspection: 'Số năm chưa được kiểm tra',
  openActions: 'Biện pháp khắc phục chưa hoàn thành',
  overdueActions: 'Biện pháp khắc phục quá hạn',
  overdueTasks: 'Nhiệm vụ quá hạn',
  lateReports: 'Báo cáo nộp trễ',
};

/**
 * The whole risk ranking as .xlsx (GET /api/risk-ranking.xlsx): a row per unit of /api/risk-ranking
 * in its order — rank, unit, score, each factor's figure and its share of the score (weight ×
 * normalised figure), and the Vietnamese explanation.
 */
export function riskRankingWorkbook(r: RiskRankingDto, parentName: string): Promise<Buffer> {
  const factor = (u: RankedUnitDto, f: Factor) => u.factors.find((x) => x.factor === f);
  const columns: ListColumn<RankedUnitDto>[] = [
    { header: 'Hạng', width: 7, kind: 'number', value: (u) => u.rank },
    { header: 'Đơn vị', width: 34, value: (u) => u.unitName },
    { header: 'Điểm rủi ro', width: 11, kind: 'number', value: (u) => u.score },
    ...riskFactorNames.flatMap((f): ListColumn<RankedUnitDto>[] => [
      { header: riskFactorLabels[f], width: 14, kind: 'number', value: (u) => factor(u, f)?.value ?? null },
      { header: `${riskFactorLabels[f]} (điểm)`, width: 12, kind: 'number', value: (u) => factor(u, f)?.contribution ?? null },
    ]),
    { header: 'Giải thích', width: 80, value: (u) => u.explanation.vi },
  ];
  const title = listTitle(`Xếp hạng rủi ro các đơn vị năm ${r.year}`, parentName, [
    ['Bộ chỉ số CCHC', r.parFramework?.name],
    ['Bộ chỉ số hài lòng', r.sipasFramework?.name],
  ]);
  return listWorkbook({ sheet: `Xếp hạng ${r.year}`, title, columns, rows: r.items });
}
