import { useCallback, useEffect, type ReactNode } from 'react';
import { Alert, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useT } from '../i18n/i18n.js';
import { DashboardScopeNote, type DashboardScope } from '../features/dashboard/DashboardScopeNote.js';

/** A check of a URL filter's value: true when the page can use it. */
export type ParamCheck = (value: string) => boolean;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The checks the list pages share: a year (1990–2100), a month, an id, a calendar date, one of a closed set, a flag. */
export const paramChecks = {
  year: (v: string) => /^\d{4}$/.test(v) && Number(v) >= 1990 && Number(v) <= 2100,
  month: (v: string) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 12,
  uuid: (v: string) => UUID.test(v),
  date: (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  oneOf:
    (values: readonly string[]): ParamCheck =>
    (v) => values.includes(v),
  /** A comma-separated list of values of a closed set (the inspections' statuses). */
  listOf:
    (values: readonly string[]): ParamCheck =>
    (v) => v.split(',').every((x) => values.includes(x)),
  flag:
    (...values: string[]): ParamCheck =>
    (v) => values.includes(v),
  /** A page number (1, 2, …). */
  page: (v: string) => /^[1-9]\d{0,5}$/.test(v),
} as const;

/**
 * A paged list's page, kept in the URL (?page=, left out on the first page) like the list's other
 * filters: a shared link or the back button comes back to the same page. Each new page is a new
 * history entry; a page number that is not one reads as the first page. Setting the page shown
 * changes nothing (a filter's "back to page 1" adds no entry); `replace` for a page the user did
 * not choose (a filter kept in the page's state changed). React Router reads `prev` from the last
 * render: a handler that also changes another URL filter deletes `page` in that same update instead.
 */
export function usePageParam(name = 'page'): [number, (page: number, options?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(name);
  const page = raw !== null && paramChecks.page(raw) ? Number(raw) : 1;
  const setPage = useCallback(
    (next: number, options?: { replace?: boolean }) => {
      if (next === page && (next > 1 || raw === null)) return;
      setParams((prev) => {
        const out = new URLSearchParams(prev);
        if (next > 1) out.set(name, String(next));
        else out.delete(name);
        return out;
      }, options);
    },
    [name, page, raw, setParams],
  );
  return [page, setPage];
}

/**
 * A page past the last (a link kept from a longer list, ?page=99999) moves to the last page in
 * place, so the list never says "15 visits" over an empty table with no page control to go back.
 * `pageCount` is undefined until the list has loaded.
 */
export function useClampPage(page: number, pageCount: number | undefined, setPage: (page: number, options?: { replace?: boolean }) => void) {
  useEffect(() => {
    if (pageCount !== undefined && page > Math.max(pageCount, 1)) setPage(Math.max(pageCount, 1), { replace: true });
  }, [page, pageCount, setPage]);
}

export interface IgnoredFilter {
  name: string;
  value: string;
}

/**
 * The URL filters a page could not use (an unknown status, a malformed date or id), read live from
 * the URL: a page falls back to "no filter" for each, and says so (IgnoredFiltersNotice) instead of
 * silently showing more than the link asked for. Parameters without a check are not looked at.
 */
export function useIgnoredFilters(checks: Record<string, ParamCheck>): IgnoredFilter[] {
  const [params] = useSearchParams();
  return Object.entries(checks).flatMap(([name, ok]) => {
    const value = params.get(name);
    return value !== null && value !== '' && !ok(value) ? [{ name, value }] : [];
  });
}

/** Names the URL filters the page ignored ("Đã bỏ qua bộ lọc không hợp lệ trong đường dẫn: status=late"). */
export function IgnoredFiltersNotice({ ignored }: { ignored: IgnoredFilter[] }) {
  const t = useT();
  if (!ignored.length) return null;
  return (
    <Alert color="yellow" role="status" data-testid="ignored-filters" p="xs">
      {t('list.ignoredFilters', { filters: ignored.map((f) => `${f.name}=${f.value}`).join(', ') })}
    </Alert>
  );
}

/**
 * What the list pages show above their table: which dashboard figure they were opened from (with
 * "Bỏ lọc"), the URL filters they had to ignore, and the total.
 */
export function ListHeader({ scope, onClear, ignored, total }: { scope?: DashboardScope; onClear: () => void; ignored: IgnoredFilter[]; total: ReactNode }) {
  return (
    <>
      {scope && <DashboardScopeNote scope={scope} onClear={onClear} />}
      <IgnoredFiltersNotice ignored={ignored} />
      <Text size="sm" c="dimmed" aria-live="polite">
        {total}
      </Text>
    </>
  );
}
