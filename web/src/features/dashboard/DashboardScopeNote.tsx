import { Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatDate } from '../../i18n/dates.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';

/** The dashboard's filters a list was opened with (its link), read from the URL. */
export interface DashboardScope {
  year: number | null;
  month?: number | null;
  unitId: string | null;
  /** Cancelled visits left out. */
  live?: boolean;
  /** The unit's own plans only (the dashboard's issuer=own, the results report's season). */
  issuer?: 'own';
  /** The visits whose unit's report is due (at all, or by the day): the dashboard's reports due. */
  reportDue?: boolean;
  reportDueBy?: string | null;
}

/** The dashboard's issuer=own of a query parameter (what its links carry), or undefined. */
export const issuerParam = (v: string | null): 'own' | undefined => (v === 'own' ? 'own' : undefined);

/** The year (1990–2100) of a query parameter, or null. */
export function yearParam(v: string | null): number | null {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1990 && n <= 2100 ? n : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id (a unit, a team) of a query parameter, or null. */
export const uuidParam = (v: string | null): string | null => (v && UUID.test(v) ? v : null);

function UnitName({ id }: { id: string }) {
  const unit = useQuery({
    queryKey: ['units', 'detail', id],
    queryFn: ({ signal }) => api.get<{ name: string }>(`/api/units/${encodeURIComponent(id)}`, undefined, signal),
  });
  return <>{unit.data?.name ?? '…'}</>;
}

/**
 * Says that a list shows what a dashboard figure counted (the unit's subtree, the year, the month),
 * with a button to see the whole list again. Nothing when the list was not opened from the dashboard.
 */
export function DashboardScopeNote({ scope, onClear }: { scope: DashboardScope; onClear: () => void }) {
  const t = useT();
  if (!scope.year && !scope.unitId) return null;
  const parts: React.ReactNode[] = [];
  if (scope.unitId) parts.push(<UnitName key="unit" id={scope.unitId} />);
  if (scope.year) parts.push(scope.month ? t('dashboard.filtered.month', { month: scope.month, year: scope.year }) : t('dashboard.filtered.year', { year: scope.year }));
  if (scope.issuer === 'own') parts.push(t('dashboard.filtered.own'));
  if (scope.live) parts.push(t('dashboard.filtered.live'));
  if (scope.reportDueBy) parts.push(t('dashboard.filtered.reportDueBy', { date: formatDate(scope.reportDueBy) }));
  else if (scope.reportDue) parts.push(t('dashboard.filtered.reportDue'));
  return (
    <Group gap="xs">
      <Text size="sm" data-testid="dashboard-scope">
        {t('dashboard.filtered', { scope: '' })}
        {parts.map((p, i) => (
          <span key={i}>
            {i > 0 && ', '}
            {p}
          </span>
        ))}
      </Text>
      <Button size="xs" variant="subtle" onClick={onClear}>
        {t('dashboard.filtered.clear')}
      </Button>
    </Group>
  );
}
