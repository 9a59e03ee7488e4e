import type { MessageKey } from '../../i18n/messages.vi.js';
import type { BlockSection, PlanStatus } from './plans.types.js';

export const planStatusKey = (status: PlanStatus): MessageKey => `plans.status.${status}`;

/** Badge colours; each paired with a dark text colour so the light badge passes WCAG AA. */
export const planStatusColor: Record<PlanStatus, { color: string; c: string }> = {
  draft: { color: 'gray', c: 'dark.6' },
  submitted: { color: 'orange', c: '#8a3500' },
  issued: { color: 'green', c: '#1e6b30' },
  in_progress: { color: 'blue', c: 'blue.9' },
  closed: { color: 'violet', c: 'violet.9' },
  superseded: { color: 'red', c: 'red.9' },
};

export const sectionKey = (section: BlockSection): MessageKey => `plans.section.${section}`;

/** The plan's outline (the seed's), as the editor and the read view show it. */
export const planOutline: { title: MessageKey; items: (BlockSection | 'period' | 'targets' | 'standingOfficeHeading')[] }[] = [
  { title: 'plans.group.opening', items: ['introduction'] },
  { title: 'plans.group.I', items: ['purposes', 'requirements'] },
  {
    title: 'plans.group.II',
    items: ['contents', 'formsThroughReports', 'formsDirectAnnounced', 'formsUnannounced', 'formsReinspection', 'period', 'targetsDescription', 'focus', 'targets'],
  },
  { title: 'plans.group.III', items: ['standingOfficeHeading', 'standingOfficeDuties', 'unitDuties', 'closing'] },
];

/** "2021-05" -> "05/2021". */
export function formatYearMonth(value: string): string {
  const [y, m] = value.split('-');
  return y && m ? `${m}/${y}` : value;
}

/** Yellow alerts: Mantine's yellow title on the light background fails WCAG AA; dark amber passes. */
export const warningAlertStyles = { title: { color: '#6b4a00' } } as const;
