import { describe, expect, it } from 'vitest';
import { cellProblem, cellValueFor, columnProblem, columnTotals, parseCellInput } from './report-tables.js';

describe('report table cells', () => {
  it('takes a date in the calendar’s years only (1900–2199): year 0001 is out of range, 30/02 no date', () => {
    expect(cellProblem('date', '2021-06-30')).toBeNull();
    expect(cellProblem('date', '1900-01-01')).toBeNull();
    expect(cellProblem('date', '2199-12-31')).toBeNull();
    expect(cellProblem('date', '0001-01-01')).toBe('out_of_range');
    expect(cellProblem('date', '1899-12-31')).toBe('out_of_range');
    expect(cellProblem('date', '2200-01-01')).toBe('out_of_range');
    expect(cellProblem('date', '2021-02-30')).toBe('invalid_date');
  });
  it('takes whole numbers from 0 up: a count is never negative (reviewer finding: -1 reached the issued report)', () => {
    expect(cellProblem('integer', 0)).toBeNull();
    expect(cellProblem('integer', 12)).toBeNull();
    expect(cellProblem('integer', -1)).toBe('out_of_range');
    expect(cellProblem('integer', 1.5)).toBe('not_a_whole_number');
  });

  it('takes percentages from 0 to 100', () => {
    expect(cellProblem('percent', 100)).toBeNull();
    expect(cellProblem('percent', 250)).toBe('out_of_range');
    expect(cellProblem('percent', -0.1)).toBe('out_of_range');
  });

  it('reads what a person types, Vietnamese style', () => {
    expect(parseCellInput('decimal', '1.234,5')).toBe(1234.5);
    expect(parseCellInput('date', '06/9/2021')).toBe('2021-09-06');
    expect(parseCellInput('boolean', 'Có')).toBe(true);
  });

  it('totals the columns marked to be totalled', () => {
    const columns = [
      { key: 'planned', label: 'Kế hoạch', type: 'integer' as const, total: true },
      { key: 'note', label: 'Ghi chú', type: 'text' as const, total: false },
    ];
    expect(columnTotals(columns, [{ planned: 10, note: 'a' }, { planned: 5, note: null }])).toMatchObject({ planned: 15, note: null });
  });

  it('takes any text in a text column, digits included: a number sent for it is its text, never not_a_number', () => {
    expect(cellProblem('text', 2021)).toBeNull();
    expect(cellProblem('text', '0123')).toBeNull();
    expect(cellValueFor('text', 2021)).toBe('2021');
    expect(cellValueFor('text', true)).toBe('Có');
    expect(parseCellInput('text', ' 2021 ')).toBe('2021');
    // Other types keep the value, and still check it.
    expect(cellValueFor('integer', 5)).toBe(5);
    expect(cellProblem('integer', '5')).toBe('not_a_number');
    expect(cellProblem('text', 'x'.repeat(4001))).toBe('too_long');
  });

  it('totals number columns only: a total on a text, date or yes/no column is a problem of the template', () => {
    for (const type of ['integer', 'decimal', 'percent'] as const) expect(columnProblem({ type, total: true })).toBeNull();
    for (const type of ['text', 'date', 'boolean'] as const) {
      expect(columnProblem({ type, total: true })).toBe('total_not_numeric');
      expect(columnProblem({ type, total: false })).toBeNull();
    }
  });
});
