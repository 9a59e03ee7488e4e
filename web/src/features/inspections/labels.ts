import type { InspectionKind, InspectionStatus } from '../../../../shared/domain/inspection-status.js';
import type { MessageKey } from '../../i18n/messages.vi.js';

export const kindKey = (kind: InspectionKind): MessageKey => `inspections.kind.${kind}`;
export const statusKey = (status: InspectionStatus): MessageKey => `inspections.status.${status}`;

export const statusColor: Record<InspectionStatus, string> = {
  planned: 'gray',
  notified: 'blue',
  under_way: 'orange',
  closed: 'green',
  cancelled: 'red',
};
