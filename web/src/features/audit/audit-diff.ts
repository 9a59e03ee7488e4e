import { formatDate, formatDateTime } from '../../i18n/dates.js';

export interface DiffRow {
  /** Field name; '' when before/after are not records. */
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Field-by-field comparison of an audit event's before and after snapshots. Keys keep the order
 * of `before`, then keys only in `after`; a create has no before, a delete no after.
 */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  if (before == null && after == null) return [];
  if ((before == null || isRecord(before)) && (after == null || isRecord(after))) {
    const b = before ?? {};
    const a = after ?? {};
    const keys = [...Object.keys(b), ...Object.keys(a).filter((key) => !(key in b))];
    return keys.map((key) => ({ key, before: b[key], after: a[key], changed: !same(b[key], a[key]) }));
  }
  return [{ key: '', before, after, changed: !same(before, after) }];
}

/** A snapshot value as readable text: dates in dd/mm/yyyy, nested values as compact JSON. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value);
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
