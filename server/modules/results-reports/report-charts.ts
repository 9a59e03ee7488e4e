import { Resvg } from '@resvg/resvg-js';

/**
 * The report's charts, drawn as SVG on the server and rasterised to PNG with resvg (pictures in
 * a .docx must be PNG or JPEG). The text uses the document's serif face where the machine has it
 * (Liberation Serif has Times New Roman's metrics; DejaVu Serif otherwise); without any font the
 * bars still render and the table beside each chart carries the figures.
 */
const FONT = "'Liberation Serif', 'Times New Roman', 'DejaVu Serif', serif";
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const vi = (x: number) => (Math.round(x * 100) / 100).toFixed(2).replace(/\.?0+$/, '').replace('.', ',');

export interface BarRow {
  label: string;
  value: number | null;
}

/** Horizontal bars of percentages (0–100), one per row, with the average as a dashed line. */
export function barChartSvg(rows: BarRow[], average: number | null): string {
  const width = 1400;
  const labelWidth = 420;
  const right = 130;
  const rowHeight = 40;
  const top = 50;
  const plot = width - labelWidth - right;
  const height = top + rows.length * rowHeight + 50;
  const x = (v: number) => labelWidth + (Math.max(0, Math.min(100, v)) / 100) * plot;
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`];
  for (let t = 0; t <= 100; t += 20) {
    parts.push(`<line x1="${x(t)}" y1="${top - 10}" x2="${x(t)}" y2="${height - 40}" stroke="#d0d0d0" stroke-width="1"/>`);
    parts.push(`<text x="${x(t)}" y="${height - 12}" font-size="22" text-anchor="middle" fill="#000">${t}%</text>`);
  }
  rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    parts.push(`<text x="${labelWidth - 12}" y="${y + 27}" font-size="24" text-anchor="end" fill="#000">${escapeXml(r.label)}</text>`);
    if (r.value !== null) {
      parts.push(`<rect x="${labelWidth}" y="${y + 6}" width="${x(r.value) - labelWidth}" height="${rowHeight - 12}" fill="#1f4e79"/>`);
      parts.push(`<text x="${x(r.value) + 8}" y="${y + 27}" font-size="22" fill="#000">${vi(r.value)}%</text>`);
    } else {
      parts.push(`<text x="${labelWidth + 8}" y="${y + 27}" font-size="22" fill="#555">chưa có điểm</text>`);
    }
  });
  if (average !== null) {
    parts.push(`<line x1="${x(average)}" y1="${top - 14}" x2="${x(average)}" y2="${height - 40}" stroke="#c00000" stroke-width="3" stroke-dasharray="10 6"/>`);
    parts.push(`<text x="${x(average)}" y="${top - 20}" font-size="22" text-anchor="middle" fill="#c00000">Bình quân ${vi(average)}%</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${FONT}">${parts.join('')}</svg>`;
}

/** A line of yearly averages (%), each point labelled. */
export function trendChartSvg(points: { year: number; value: number | null }[]): string {
  const width = 1400;
  const height = 520;
  const left = 90;
  const right = 60;
  const top = 50;
  const bottom = 70;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const lo = Math.max(0, Math.floor((Math.min(...values, 100) - 5) / 10) * 10);
  const hi = 100;
  const x = (i: number) => left + (points.length === 1 ? (width - left - right) / 2 : (i / (points.length - 1)) * (width - left - right));
  const y = (v: number) => top + ((hi - v) / (hi - lo)) * (height - top - bottom);
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`];
  for (let t = lo; t <= hi; t += 10) {
    parts.push(`<line x1="${left}" y1="${y(t)}" x2="${width - right}" y2="${y(t)}" stroke="#d0d0d0"/>`);
    parts.push(`<text x="${left - 10}" y="${y(t) + 7}" font-size="22" text-anchor="end" fill="#000">${t}%</text>`);
  }
  const drawn = points.map((p, i) => ({ ...p, i })).filter((p) => p.value !== null);
  if (drawn.length > 1) parts.push(`<polyline points="${drawn.map((p) => `${x(p.i)},${y(p.value!)}`).join(' ')}" fill="none" stroke="#1f4e79" stroke-width="4"/>`);
  points.forEach((p, i) => {
    parts.push(`<text x="${x(i)}" y="${height - 25}" font-size="24" text-anchor="middle" fill="#000">${p.year}</text>`);
    if (p.value !== null) {
      parts.push(`<circle cx="${x(i)}" cy="${y(p.value)}" r="8" fill="#1f4e79"/>`);
      parts.push(`<text x="${x(i)}" y="${y(p.value) - 16}" font-size="22" text-anchor="middle" fill="#000">${vi(p.value)}%</text>`);
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${FONT}">${parts.join('')}</svg>`;
}

/** SVG → PNG with the machine's fonts. */
export function svgToPng(svg: string): Buffer {
  return Buffer.from(new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Serif' }, background: '#ffffff' }).render().asPng());
}
