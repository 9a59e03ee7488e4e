import type { FrameworkSummary } from '../../../../shared/api/indices.schemas.js';

/** A published commune-level PAR framework as the API lists it, for the pages' tests; override what a test is about. */
export const frameworkSummary = (overrides: Partial<FrameworkSummary> = {}): FrameworkSummary => ({
  id: '50000000-0000-4000-8000-000000000009',
  ownerAgencyId: '50000000-0000-4000-8000-000000000008',
  ownerAgencyName: 'Sở Nội vụ tỉnh Bình Định',
  code: 'PAR-XA',
  name: 'Bộ chỉ số CCHC cấp xã',
  kind: 'par',
  unitKinds: ['ward'],
  revision: 1,
  previousId: null,
  fromYear: 2019,
  toYear: null,
  aggregation: 'sum',
  unmetThresholdPct: 100,
  source: null,
  illustrative: false,
  status: 'published',
  maxPoints: 10,
  leafCount: 2,
  version: 2,
  ...overrides,
});
