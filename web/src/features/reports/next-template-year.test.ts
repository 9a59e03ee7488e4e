import { describe, expect, it } from 'vitest';
import { nextTemplateYear } from './TemplatesPage.js';

describe('nextTemplateYear', () => {
  const in2026 = new Date('2026-11-30T03:00:00Z');
  it("is the year after the template's own, whatever the wall clock says", () => {
    expect(nextTemplateYear({ year: 2021, publishedAt: '2021-01-05T02:00:00Z' }, in2026)).toBe(2022);
  });
  it('is the year after its publication (in Việt Nam) when it names no year: the 2021 demo offers 2022, not 2027', () => {
    expect(nextTemplateYear({ year: null, publishedAt: '2021-01-05T02:00:00Z' }, in2026)).toBe(2022);
    // 31/12/2020 18:00 UTC is 1/1/2021 in Việt Nam.
    expect(nextTemplateYear({ year: null, publishedAt: '2020-12-31T18:00:00Z' }, in2026)).toBe(2022);
    expect(nextTemplateYear({ year: null, publishedAt: null }, in2026)).toBe(2027);
  });
});
