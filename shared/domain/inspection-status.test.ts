import { describe, expect, it } from 'vitest';
import { allowedInspectionMoves, inspectionKinds, inspectionMoves, inspectionStatuses, isSecretFromUnit, nextInspectionStatus } from './inspection-status.js';

describe('the inspection status machine', () => {
  it('takes an announced visit through its notice: planned → notified → under way → closed', () => {
    expect(nextInspectionStatus('planned', 'announced', 'start')).toBeNull();
    expect(nextInspectionStatus('planned', 'announced', 'notify')).toBe('notified');
    expect(nextInspectionStatus('notified', 'announced', 'start')).toBe('under_way');
    expect(nextInspectionStatus('under_way', 'announced', 'close')).toBe('closed');
  });

  it('starts other kinds straight from planned, and never notifies them', () => {
    for (const kind of ['report', 'unannounced', 'reinspection'] as const) {
      expect(nextInspectionStatus('planned', kind, 'start')).toBe('under_way');
      expect(nextInspectionStatus('planned', kind, 'notify')).toBeNull();
    }
  });

  it('cancels and reschedules only before the start; a rescheduled notified visit needs a new notice', () => {
    expect(nextInspectionStatus('planned', 'announced', 'cancel')).toBe('cancelled');
    expect(nextInspectionStatus('notified', 'announced', 'cancel')).toBe('cancelled');
    expect(nextInspectionStatus('notified', 'announced', 'reschedule')).toBe('planned');
    expect(nextInspectionStatus('under_way', 'announced', 'cancel')).toBeNull();
    expect(nextInspectionStatus('under_way', 'announced', 'reschedule')).toBeNull();
  });

  it('ends in closed and cancelled, where nothing moves', () => {
    for (const kind of inspectionKinds) {
      expect(allowedInspectionMoves('closed', kind)).toEqual([]);
      expect(allowedInspectionMoves('cancelled', kind)).toEqual([]);
    }
  });

  it('answers for every status, kind and move (the switch is exhaustive)', () => {
    for (const status of inspectionStatuses)
      for (const kind of inspectionKinds)
        for (const move of inspectionMoves) {
          const next = nextInspectionStatus(status, kind, move);
          expect(next === null || inspectionStatuses.includes(next)).toBe(true);
        }
  });

  it('keeps only an unannounced visit not yet started secret', () => {
    expect(isSecretFromUnit('unannounced', null)).toBe(true);
    expect(isSecretFromUnit('unannounced', '2021-06-01T01:00:00Z')).toBe(false);
    expect(isSecretFromUnit('announced', null)).toBe(false);
  });
});
