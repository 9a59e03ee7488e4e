// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter } from 'react-router';
import { renderWithProviders } from '../../test/render.js';
import { FigureCard } from './FigureCard.js';

// happy-dom lays nothing out: recharts measures its box and each tick label in a hidden span, given
// here the sizes a browser gives (a 12 px font, about 7 px a character), so that it decides as there.
const MEASURE_SPAN = 'recharts_measurement_span';
const charWidth = 7;
beforeEach(() => {
  // The chart's box: 480 px wide, a card of the dashboard's grid at 1366 px (never resized here).
  vi.stubGlobal('ResizeObserver', class {
    observe() {}
    unobserve() {}
    disconnect() {}
  });
  const original = HTMLElement.prototype.getBoundingClientRect;
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const rect = (width: number, height: number) => ({ width, height, top: 0, left: 0, right: width, bottom: height, x: 0, y: 0, toJSON: () => ({}) }) as DOMRect;
    if (this.id === MEASURE_SPAN) return rect((this.textContent ?? '').length * charWidth, 14);
    if (this.classList.contains('recharts-responsive-container')) return rect(480, 220);
    return original.call(this);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, '');

describe('a bar figure of the dashboard', () => {
  // The visits by status at 480 px (a card of the dashboard's grid at 1366 px): six long names.
  const rows = ['Đã lên kế hoạch', 'Đã thông báo', 'Đang kiểm tra', 'Đã kết thúc', 'Kiểm tra có báo trước', 'Kiểm tra đột xuất'].map((label, i) => ({ key: String(i), label, value: i + 1 }));

  it('names every bar under it, none skipped, each name wrapped within its bar’s band', async () => {
    const { container } = renderWithProviders(
      <MemoryRouter>
        <FigureCard title="Cuộc kiểm tra theo trạng thái" columns={['Trạng thái', 'Số cuộc']} rows={rows} chart="bar" format={(x) => String(x)} />
      </MemoryRouter>,
    );
    await vi.waitFor(() => expect(container.querySelectorAll('.recharts-xAxis-tick-labels text').length).toBeGreaterThan(0));
    const ticks = [...container.querySelectorAll('.recharts-xAxis-tick-labels text')];
    expect(ticks.map((t) => squash(t.textContent))).toEqual(rows.map((r) => squash(r.label)));
    // Each line of a name fits its band (the axis width shared by the bars): no name runs into the next.
    const axisWidth = Number(container.querySelector('.recharts-xAxis line.recharts-cartesian-axis-line')!.getAttribute('width'));
    expect(axisWidth).toBeGreaterThan(300);
    for (const t of ticks) {
      const lines = [...t.querySelectorAll('tspan')].map((s) => s.textContent ?? '');
      for (const l of lines) expect(l.length * charWidth).toBeLessThanOrEqual(axisWidth / rows.length);
    }
  });
});
