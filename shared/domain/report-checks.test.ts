import { describe, expect, it } from 'vitest';
import { tableCheckProblems, tableCheckViolations, type CheckedTable } from './report-checks.js';

const dossiers: CheckedTable = {
  columns: [
    { key: 'received', label: 'Hồ sơ tiếp nhận', type: 'integer', total: true },
    { key: 'online', label: 'Trong đó: trực tuyến', type: 'integer', total: true },
    { key: 'on_time', label: 'Đúng hạn', type: 'integer', total: true },
    { key: 'late', label: 'Quá hạn', type: 'integer', total: true },
  ],
  fixedRows: [
    { key: 'land', label: 'Đất đai' },
    { key: 'other', label: 'Khác' },
  ],
  checks: [
    { across: 'columns', parts: ['online'], whole: 'received' },
    { across: 'columns', parts: ['on_time', 'late'], whole: 'received' },
  ],
};

describe('tableCheckViolations', () => {
  it('names the cell where a part goes over its whole, within each row', () => {
    const v = tableCheckViolations(dossiers, [{ received: 100, online: 101, on_time: 60, late: 41 }, { received: 10, online: 10, on_time: 5 }]);
    expect(v.map((x) => [x.row, x.column, x.sum, x.limit, x.columnLabel, x.otherLabel])).toEqual([
      [0, 'online', 101, 100, 'Trong đó: trực tuyến', 'Hồ sơ tiếp nhận'],
      [0, 'late', 101, 100, 'Đúng hạn + Quá hạn', 'Hồ sơ tiếp nhận'],
    ]);
  });

  it('skips empty wholes and parts (a draft in progress)', () => {
    expect(tableCheckViolations(dossiers, [{ online: 5 }, { received: 3 }])).toEqual([]);
  });

  it('compares rows within the columns it names', () => {
    const plan: CheckedTable = {
      columns: [
        { key: 'planned', label: 'Kế hoạch', type: 'integer', total: true },
        { key: 'done', label: 'Đã thực hiện', type: 'integer', total: true },
      ],
      fixedRows: [
        { key: 'found', label: 'Tồn tại phát hiện' },
        { key: 'fixed', label: 'Tồn tại đã khắc phục' },
      ],
      checks: [{ across: 'rows', parts: ['fixed'], whole: 'found', in: ['done'] }],
    };
    const v = tableCheckViolations(plan, [{ planned: 1, done: 4 }, { planned: 9, done: 5 }]);
    expect(v).toEqual([{ row: 1, column: 'done', sum: 5, limit: 4, columnLabel: 'Tồn tại đã khắc phục — Đã thực hiện', otherLabel: 'Tồn tại phát hiện' }]);
  });
});

describe('tableCheckProblems', () => {
  it('refuses checks naming unknown or non-numeric keys, rows of an open table, a whole among its parts', () => {
    const open: CheckedTable = { columns: [{ key: 'n', label: 'N', type: 'integer', total: false }, { key: 't', label: 'T', type: 'text', total: false }], fixedRows: null, checks: [
      { across: 'columns', parts: ['t'], whole: 'n' },
      { across: 'rows', parts: ['a'], whole: 'b' },
      { across: 'columns', parts: ['n'], whole: 'n' },
    ] };
    expect(tableCheckProblems(open).map((p) => [p.index, p.path])).toEqual([
      [0, 'parts.0'],
      [1, 'across'],
      [1, 'parts.0'],
      [1, 'whole'],
      [2, 'whole'],
    ]);
    expect(tableCheckProblems(dossiers)).toEqual([]);
  });
});
