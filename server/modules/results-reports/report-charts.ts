import { Resvg } from '@resvg/resvg-js';

/**
 * The report's charts, drawn as SVG on the server and rasterised to PNG with resvg (pictures in
 * a .docx must be PNG or JPEG). Every piece of text names the same faces: Times New Roman, the
 * Decree 30 face, and Liberation Serif (its metrics, with every Vietnamese letter) where the
 * machine has no Times New Roman, as Linux servers do not; resvg renders with Liberation Serif
 * when neither is named it can find. Texts are NFC-normalised: a letter typed as a base and
 * combining marks (common from Vietnamese keyboards) would otherwise take its marks from another
 * font. Numbers are written the Vietnamese way (decimal comma); lines join their points with
 * straight segments, as a series of yearly figures is not a curve.
 */
export const CHART_FONT = "'Times New Roman', 'Liberation Serif', serif";
const escapeXml = (s: string) => s.normalize('NFC').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** 82.5 → "82,5"; 70 → "70". */
export const viChartNumber = (x: number) => (Math.round(x * 100) / 100).toFixed(2).replace(/\.?0+$/, '').replace('.', ',');

/** One text run of a chart, with the chart's font named on it. */
function text(x: number, y: number, content: string, attrs: { size: number; anchor?: 'start' | 'middle' | 'end'; fill?: string; bold?: boolean; rotate?: boolean }): string {
  const anchor = attrs.anchor ?? 'start';
  const rotate = attrs.rotate ? ` transform="rotate(-90 ${x} ${y})"` : '';
  const weight = attrs.bold ? ' font-weight="bold"' : '';
  return `<text x="${x}" y="${y}" font-family="${CHART_FONT}" font-size="${attrs.size}"${weight} text-anchor="${anchor}" fill="${attrs.fill ?? '#000'}"${rotate}>${escapeXml(content)}</text>`;
}

export interface BarRow {
  label: string;
  value: number | null;
}

export interface AxisTitles {
  /** Under the value axis. */
  value: string;
  /** Beside the category axis. */
  category: string;
}

/** Horizontal bars of percentages (0–100), one per row, with the average as a dashed line and both axes titled. */
export function barChartSvg(rows: BarRow[], average: number | null, axes: AxisTitles = { value: 'Chỉ số (%)', category: 'Đơn vị' }): string {
  const width = 1400;
  const labelWidth = 460;
  const right = 130;
  const rowHeight = 40;
  const top = 50;
  const plot = width - labelWidth - right;
  const height = top + rows.length * rowHeight + 90;
  const axisY = height - 80;
  const x = (v: number) => labelWidth + (Math.max(0, Math.min(100, v)) / 100) * plot;
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`];
  for (let t = 0; t <= 100; t += 20) {
    parts.push(`<line x1="${x(t)}" y1="${top - 10}" x2="${x(t)}" y2="${axisY}" stroke="#d0d0d0" stroke-width="1"/>`);
    parts.push(text(x(t), axisY + 28, `${viChartNumber(t)}%`, { size: 22, anchor: 'middle' }));
  }
  rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    parts.push(text(labelWidth - 12, y + 27, r.label, { size: 24, anchor: 'end' }));
    if (r.value !== null) {
      parts.push(`<rect x="${labelWidth}" y="${y + 6}" width="${x(r.value) - labelWidth}" height="${rowHeight - 12}" fill="#1f4e79"/>`);
      parts.push(text(x(r.value) + 8, y + 27, `${viChartNumber(r.value)}%`, { size: 22 }));
    } else {
      parts.push(text(labelWidth + 8, y + 27, 'chưa có điểm', { size: 22, fill: '#555' }));
    }
  });
  if (average !== null) {
    parts.push(`<line x1="${x(average)}" y1="${top - 14}" x2="${x(average)}" y2="${axisY}" stroke="#c00000" stroke-width="3" stroke-dasharray="10 6"/>`);
    parts.push(text(x(average), top - 20, `Bình quân ${viChartNumber(average)}%`, { size: 22, anchor: 'middle', fill: '#c00000' }));
  }
  parts.push(text(labelWidth + plot / 2, height - 14, axes.value, { size: 24, anchor: 'middle', bold: true }));
  parts.push(text(28, top + (axisY - top) / 2, axes.category, { size: 24, anchor: 'middle', bold: true, rotate: true }));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${CHART_FONT}">${parts.join('')}</svg>`;
}

/** A tick step giving four to eight ticks over the span (0,5 … 20 points). */
function tickStep(span: number): number {
  for (const step of [0.5, 1, 2, 2.5, 5, 10, 20]) if (span / step <= 8) return step;
  return 20;
}

/** A line of yearly averages (%), each point labelled, joined by straight segments, both axes titled. */
export function trendChartSvg(points: { year: number; value: number | null }[], axes: AxisTitles = { value: 'Chỉ số bình quân (%)', category: 'Năm' }): string {
  const width = 1400;
  const height = 560;
  const left = 150;
  const right = 60;
  const top = 50;
  const bottom = 110;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 100;
  const step = tickStep(Math.max(max - min, 1) * 1.5);
  const lo = Math.max(0, Math.floor((min - step / 2) / step) * step);
  const hi = Math.min(100, Math.max(lo + step, Math.ceil((max + step / 2) / step) * step));
  const x = (i: number) => left + (points.length === 1 ? (width - left - right) / 2 : (i / (points.length - 1)) * (width - left - right));
  const y = (v: number) => top + ((hi - v) / (hi - lo)) * (height - top - bottom);
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`];
  for (let k = 0; lo + k * step <= hi + 1e-9; k++) {
    const t = lo + k * step;
    parts.push(`<line x1="${left}" y1="${y(t)}" x2="${width - right}" y2="${y(t)}" stroke="#d0d0d0"/>`);
    parts.push(text(left - 10, y(t) + 7, `${viChartNumber(t)}%`, { size: 22, anchor: 'end' }));
  }
  const drawn = points.map((p, i) => ({ ...p, i })).filter((p) => p.value !== null);
  if (drawn.length > 1) {
    const d = drawn.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.i)} ${y(p.value!)}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="#1f4e79" stroke-width="4" stroke-linejoin="miter" stroke-linecap="butt"/>`);
  }
  points.forEach((p, i) => {
    parts.push(text(x(i), height - 70, String(p.year), { size: 24, anchor: 'middle' }));
    if (p.value !== null) {
      parts.push(`<circle cx="${x(i)}" cy="${y(p.value)}" r="8" fill="#1f4e79"/>`);
      parts.push(text(x(i), y(p.value) - 16, `${viChartNumber(p.value)}%`, { size: 22, anchor: 'middle' }));
    }
  });
  parts.push(text(left + (width - left - right) / 2, height - 20, axes.category, { size: 24, anchor: 'middle', bold: true }));
  parts.push(text(36, top + (height - top - bottom) / 2, axes.value, { size: 24, anchor: 'middle', bold: true, rotate: true }));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${CHART_FONT}">${parts.join('')}</svg>`;
}

/** SVG → PNG with the machine's fonts; a face not found falls back to Liberation Serif. */
export function svgToPng(svg: string): Buffer {
  return Buffer.from(
    new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Serif', serifFamily: 'Liberation Serif' }, background: '#ffffff' }).render().asPng(),
  );
}
