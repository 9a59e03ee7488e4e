import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { dashboardInspectionsLink, type DashboardDto } from '../../../../shared/api/dashboard.schemas.js';
import { useT } from '../../i18n/i18n.js';
import { NumberLink } from './FigureCard.js';

/** The results page of a framework for a year, in a unit's subtree: the sheets an index figure is computed from. */
export const indexResultsLink = (frameworkId: string, year: number, unitId: string) => `/indices/${frameworkId}?${new URLSearchParams({ year: String(year), unitId }).toString()}`;

/** A placeholder for a number inside a translated sentence (withLinks turns it into a link). */
export const mark = (name: string) => `\u0001${name}\u0001`;

/** A translated sentence whose marked numbers become links to their records (a number without a link stays text). */
export function withLinks(text: string, numbers: Record<string, [string | number, string | null]>): ReactNode[] {
  return text.split('\u0001').map((part, i) => {
    if (i % 2 === 0) return part;
    const [value, to] = numbers[part] ?? [part, null];
    return to ? <NumberLink key={i} value={String(value)} to={to} /> : String(value);
  });
}

/**
 * "Gia Lai, năm 2026: 9 cuộc kiểm tra (không kể 1 cuộc đã hủy), 8 cơ quan, đơn vị được kiểm tra."
 * — the visits made (cancelled apart), each number a link to its visits; on the dashboard and on
 * the results report page, which print the same figures.
 */
export function ScopeLine({ d, testId }: { d: Pick<DashboardDto, 'year' | 'unit' | 'issuer' | 'inspections'>; testId?: string }) {
  const t = useT();
  const i = d.inspections;
  const cancelled = i.cancelled ? t('dashboard.scope.cancelled', { cancelled: mark('cancelled') }) : '';
  return (
    <Text data-testid={testId}>
      {withLinks(t('dashboard.scope', { unit: d.unit.name, year: d.year, total: mark('total'), cancelled, agencies: mark('agencies') }), {
        // The visits counted: those not cancelled (the sum of the kinds, months and teams).
        total: [i.total, dashboardInspectionsLink(d, { live: true })],
        cancelled: [i.cancelled ?? 0, dashboardInspectionsLink(d, { status: 'cancelled' })],
        // The visits to the agencies counted (the agencies are those of the visits not cancelled).
        agencies: [i.agencies, dashboardInspectionsLink(d, { live: true })],
      })}
    </Text>
  );
}
