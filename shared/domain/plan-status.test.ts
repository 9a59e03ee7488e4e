import { describe, expect, it } from 'vitest';
import { availablePlanActions, isPlanEditable, nextPlanStatus, planActions, planStatuses } from './plan-status.js';

describe('plan status machine', () => {
  it('follows draft → submitted → issued → in_progress → closed', () => {
    expect(nextPlanStatus('draft', 'submit')).toBe('submitted');
    expect(nextPlanStatus('submitted', 'issue')).toBe('issued');
    expect(nextPlanStatus('issued', 'start')).toBe('in_progress');
    expect(nextPlanStatus('in_progress', 'close')).toBe('closed');
  });

  it('returns a submitted plan for changes', () => {
    expect(nextPlanStatus('submitted', 'return')).toBe('draft');
  });

  it('refuses skipping steps and going backwards from issue on', () => {
    expect(nextPlanStatus('draft', 'issue')).toBeNull();
    expect(nextPlanStatus('issued', 'return')).toBeNull();
    expect(nextPlanStatus('issued', 'edit')).toBeNull();
    expect(nextPlanStatus('closed', 'start')).toBeNull();
    expect(nextPlanStatus('draft', 'amend')).toBeNull();
  });

  it('ends nothing after closed or superseded', () => {
    for (const action of planActions) {
      expect(nextPlanStatus('closed', action)).toBeNull();
      expect(nextPlanStatus('superseded', action)).toBeNull();
    }
  });

  it('lets only a draft be edited', () => {
    expect(planStatuses.filter(isPlanEditable)).toEqual(['draft']);
  });

  it('offers each side its own actions', () => {
    expect(availablePlanActions('draft', { drafter: true, issuer: false })).toEqual(['edit', 'submit']);
    expect(availablePlanActions('draft', { drafter: false, issuer: true })).toEqual([]);
    expect(availablePlanActions('submitted', { drafter: false, issuer: true })).toEqual(['return', 'issue']);
    expect(availablePlanActions('issued', { drafter: true, issuer: false })).toEqual(['start', 'amend']);
    expect(availablePlanActions('in_progress', { drafter: false, issuer: true })).toEqual(['close']);
    expect(availablePlanActions('issued', { drafter: false, issuer: false })).toEqual([]);
  });
});
