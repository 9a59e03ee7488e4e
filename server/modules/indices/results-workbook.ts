import type { ResultRow } from '../../../shared/api/indices.schemas.js';
import { leavesOf } from '../../../shared/domain/index-scoring.js';
import { listTitle, listWorkbook, type ListColumn } from '../../documents/list-workbook.js';
import type { CriterionRow, FrameworkRow } from './frameworks.repository.js';

/** Written in a criterion's cell when it does not apply to the unit (không áp dụng). */
export const NOT_APPLICABLE = 'KAD';

/**
 * A framework's results of a year as .xlsx (GET /api/index-frameworks/{id}/results.xlsx): a row per
 * unit of /results (the same units, order and figures), a column per leaf criterion with the points
 * the index counts, then the total, the applicable maximum, the index %, the unmet criteria and the
 * rank among peers.
 */
export function indexResultsWorkbook(
  r: { year: number; items: ResultRow[]; framework: FrameworkRow; criteria: CriterionRow[]; pointsOf: Map<string, Map<string, number | 'n/a' | null>> },
  scope: string,
): Promise<Buffer> {
  const leaves = leavesOf(r.criteria);
  const columns: ListColumn<ResultRow>[] = [
    { header: 'TT', width: 6, kind: 'number', value: (_, i) => i + 1 },
    { header: 'Đơn vị', width: 34, value: (u) => u.unitName },
    ...leaves.map(
      (c): ListColumn<ResultRow> => ({
        header: `${c.code} (tối đa ${Number(c.maxPoints)})`,
        width: 11,
        kind: 'number',
        value: (u) => {
          const v = r.pointsOf.get(u.unitId)?.get(c.id);
          return v === 'n/a' ? NOT_APPLICABLE : v === undefined || v === null ? null : Number(v);
        },
      }),
    ),
    { header: 'Tổng điểm', width: 11, kind: 'number', value: (u) => u.total },
    { header: 'Điểm tối đa áp dụng', width: 12, kind: 'number', value: (u) => u.applicableMax },
    { header: 'Chỉ số (%)', width: 11, kind: 'percent', value: (u) => u.indexPct },
    { header: 'Số tiêu chí chưa đạt', width: 12, kind: 'number', value: (u) => u.unmetCount },
    { header: 'Xếp hạng', width: 10, value: (u) => (u.rank === null ? '' : `${u.rank}/${u.peerCount}`) },
  ];
  const title = listTitle(`Kết quả ${r.framework.name} năm ${r.year}`, scope, []);
  return listWorkbook({ sheet: `Năm ${r.year}`, title, columns, rows: r.items });
}
