import type { TemplateBody, TemplateItem, TemplateTable } from '../../../../shared/api/reports.schemas.js';

type Column = TemplateTable['columns'][number];
type FixedRow = NonNullable<TemplateTable['fixedRows']>[number];

/**
 * Keys of new sections, tables, columns and rows: the next free "<prefix>_<n>". They are what the
 * units' answers are stored under, so they never change once given (a label may).
 */
export function nextKey(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

export const newSection = (body: TemplateBody): TemplateItem => ({ type: 'section', key: nextKey('muc', body.items.map((i) => i.key)), heading: '', guidance: '', answer: true });
export const newTable = (body: TemplateBody): TemplateTable => ({
  type: 'table',
  key: nextKey('bieu', body.items.map((i) => i.key)),
  title: '',
  guidance: '',
  columns: [{ key: 'cot_1', label: '', type: 'integer', total: true }],
  fixedRows: null,
  maxRows: 200,
});
export const newColumn = (table: TemplateTable): Column => ({ key: nextKey('cot', table.columns.map((c) => c.key)), label: '', type: 'integer', total: false });
export const newRow = (table: TemplateTable): FixedRow => ({ key: nextKey('dong', (table.fixedRows ?? []).map((r) => r.key)), label: '' });

export const emptyBody = (): TemplateBody => ({ items: [], attachments: [] });

/** Moves the element at `from` by `by` places (−1 up, +1 down), within the list's bounds. */
export function move<T>(list: readonly T[], from: number, by: number): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}
