// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { barChartSvg, CHART_FONT, svgToPng, trendChartSvg } from './report-charts.js';

/** The chart's XML read back as a document (the SVG the PNG in the .docx is rendered from). */
const parse = (svg: string) => {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
};
const texts = (doc: Document) => [...doc.querySelectorAll('text')];

describe('the results report’s charts', () => {
  // "Hoài Nhơn" typed with combining marks (a Vietnamese keyboard's NFD), as a registry may hold it.
  const decomposed = 'Tam Quan Bắc'.normalize('NFD');

  it('names Times New Roman then Liberation Serif on every text run, in NFC, with both axes titled', () => {
    for (const svg of [barChartSvg([{ label: decomposed, value: 82.5 }, { label: 'Hoài Hải', value: null }], 80.25), trendChartSvg([{ year: 2019, value: 84.3 }, { year: 2020, value: 85.1 }, { year: 2021, value: 86.05 }])]) {
      const doc = parse(svg);
      const runs = texts(doc);
      expect(runs.length).toBeGreaterThan(5);
      for (const r of runs) expect(r.getAttribute('font-family')).toBe(CHART_FONT);
      expect(CHART_FONT.indexOf('Times New Roman')).toBeLessThan(CHART_FONT.indexOf('Liberation Serif'));
      for (const r of runs) expect(r.textContent).toBe(r.textContent!.normalize('NFC'));
      // Two axis titles, bold; the one beside the vertical axis turned a quarter.
      const titles = runs.filter((r) => r.getAttribute('font-weight') === 'bold').map((r) => [r.textContent, Boolean(r.getAttribute('transform'))]);
      expect(titles).toHaveLength(2);
    }
    const bar = texts(parse(barChartSvg([{ label: decomposed, value: 82.5 }], 82.5))).map((r) => r.textContent);
    expect(bar).toContain('Tam Quan Bắc'.normalize('NFC'));
    expect(bar).toEqual(expect.arrayContaining(['Chỉ số (%)', 'Đơn vị', '82,5%', 'Bình quân 82,5%', '0%', '100%']));
  });

  it('draws the trend as straight segments with ticks and labels in decimal commas', () => {
    const doc = parse(trendChartSvg([{ year: 2019, value: 84.3 }, { year: 2020, value: 85.1 }, { year: 2021, value: 86.05 }]));
    const lines = [...doc.querySelectorAll('path')];
    expect(lines).toHaveLength(1);
    const d = lines[0].getAttribute('d')!;
    // Only move-to and line-to: no curve commands (C, S, Q, T, A) that would smooth it.
    expect(d).toMatch(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+){2}$/);
    expect(doc.querySelectorAll('polyline, [d*="C"], [d*="Q"]').length).toBe(0);
    const labels = texts(doc).map((r) => r.textContent!);
    expect(labels).toEqual(expect.arrayContaining(['Năm', 'Chỉ số bình quân (%)', '84,3%', '85,1%', '86,05%', '2019', '2021']));
    // A span of under two points gets half-point ticks, written with a comma, never a point.
    const ticks = labels.filter((l) => /^\d+(,\d+)?%$/.test(l) && !['84,3%', '85,1%', '86,05%'].includes(l));
    expect(ticks.some((t) => t.includes(','))).toBe(true);
    expect(labels.filter((l) => /\d\.\d/.test(l))).toEqual([]);
  });

  it('renders to a PNG', () => {
    const png = svgToPng(trendChartSvg([{ year: 2020, value: 80 }, { year: 2021, value: 90 }]));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
