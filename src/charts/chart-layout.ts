import type { ViewModel } from '../briefing/view-model.js';

/** Colours of the series, in order (distinguishable in print and for common colour blindness). */
export const SERIES_COLORS = ['#0b2545', '#8d0801', '#13807c', '#d08c00', '#6a4c93', '#2f6690', '#7a7a7a', '#b5651d'];

/** A chart as primitive shapes, in a width×height box: drawn by the PDF and written as SVG. */
export interface ChartShapes {
  width: number;
  height: number;
  title: string;
  /** Text alternative (tagged PDF Figure /Alt, SVG <desc>, HTML alt). */
  alt: string;
  rects: { x: number; y: number; width: number; height: number; color: string }[];
  lines: { x1: number; y1: number; x2: number; y2: number; color: string; width: number }[];
  texts: { x: number; y: number; text: string; size: number; color: string; anchor: 'start' | 'middle' | 'end' }[];
}

const TEXT = '#1a1a1a';
const MUTED = '#5c5c5c';
const RULE = '#c8c8c8';

/** Articles per topic per day: grouped bars, one group per day, one colour per topic. */
export function activityChart(charts: ViewModel['charts'], width: number): ChartShapes {
  const series = charts.activity;
  const legendRows = Math.ceil(series.length / 2);
  const height = 150 + legendRows * 12;
  const plot = { left: 26, right: width - 6, top: 10, bottom: 118 };
  const max = Math.max(1, ...series.flatMap((s) => s.counts));
  const shapes: ChartShapes = { width, height, title: 'Articles per topic per day', alt: '', rects: [], lines: [], texts: [] };
  const step = Math.max(1, Math.ceil(max / 4));
  for (let value = 0; value <= max; value += step) {
    const y = plot.bottom - ((plot.bottom - plot.top) * value) / max;
    shapes.lines.push({ x1: plot.left, y1: y, x2: plot.right, y2: y, color: RULE, width: 0.4 });
    shapes.texts.push({ x: plot.left - 4, y: y + 2.5, text: String(value), size: 6.5, color: MUTED, anchor: 'end' });
  }
  const group = (plot.right - plot.left) / Math.max(1, charts.days.length);
  const bar = Math.max(1, (group * 0.8) / Math.max(1, series.length));
  charts.days.forEach((day, d) => {
    series.forEach((s, i) => {
      const value = s.counts[d] ?? 0;
      const h = ((plot.bottom - plot.top) * value) / max;
      if (value > 0) shapes.rects.push({ x: plot.left + d * group + group * 0.1 + i * bar, y: plot.bottom - h, width: bar, height: h, color: SERIES_COLORS[i % SERIES_COLORS.length]! });
    });
    if (charts.days.length <= 14 || d % Math.ceil(charts.days.length / 14) === 0) {
      shapes.texts.push({ x: plot.left + d * group + group / 2, y: plot.bottom + 10, text: day.slice(5).replace('-', '/'), size: 6.5, color: MUTED, anchor: 'middle' });
    }
  });
  series.forEach((s, i) => {
    const x = plot.left + (i % 2) * ((plot.right - plot.left) / 2);
    const y = plot.bottom + 24 + Math.floor(i / 2) * 12;
    shapes.rects.push({ x, y: y - 6, width: 7, height: 7, color: SERIES_COLORS[i % SERIES_COLORS.length]! });
    shapes.texts.push({ x: x + 10, y, text: s.topic, size: 7, color: TEXT, anchor: 'start' });
  });
  const totals = series.map((s) => `${s.topic}: ${s.counts.reduce((a, b) => a + b, 0)}`);
  shapes.alt = `Bar chart of articles per topic per day, ${charts.days[0]} to ${charts.days.at(-1)}. Totals: ${totals.join('; ')}.`;
  return shapes;
}

/** Sources by outlet: one horizontal bar per outlet. */
export function outletsChart(charts: ViewModel['charts'], width: number): ChartShapes {
  const rowHeight = 13;
  const height = 12 + charts.outlets.length * rowHeight;
  const labelWidth = Math.min(150, width * 0.4);
  const max = Math.max(1, ...charts.outlets.map((o) => o.articles));
  const shapes: ChartShapes = { width, height, title: 'Sources by outlet', alt: '', rects: [], lines: [], texts: [] };
  charts.outlets.forEach((outlet, i) => {
    const y = 6 + i * rowHeight;
    const w = ((width - labelWidth - 30) * outlet.articles) / max;
    shapes.texts.push({ x: labelWidth - 6, y: y + 8, text: outlet.publisher, size: 7, color: TEXT, anchor: 'end' });
    shapes.rects.push({ x: labelWidth, y, width: w, height: rowHeight - 4, color: SERIES_COLORS[0]! });
    shapes.texts.push({ x: labelWidth + w + 4, y: y + 8, text: String(outlet.articles), size: 7, color: MUTED, anchor: 'start' });
  });
  shapes.alt = `Bar chart of articles per outlet: ${charts.outlets.map((o) => `${o.publisher} ${o.articles}`).join(', ')}.`;
  return shapes;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The chart as a standalone SVG document (deterministic: same data, same bytes). */
export function chartToSvg(shapes: ChartShapes): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(shapes.width)}" height="${round(shapes.height)}" viewBox="0 0 ${round(shapes.width)} ${round(shapes.height)}" role="img" aria-labelledby="title desc" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<title id="title">${escapeXml(shapes.title)}</title>`,
    `<desc id="desc">${escapeXml(shapes.alt)}</desc>`,
    ...shapes.lines.map((l) => `<line x1="${round(l.x1)}" y1="${round(l.y1)}" x2="${round(l.x2)}" y2="${round(l.y2)}" stroke="${l.color}" stroke-width="${l.width}"/>`),
    ...shapes.rects.map((r) => `<rect x="${round(r.x)}" y="${round(r.y)}" width="${round(r.width)}" height="${round(r.height)}" fill="${r.color}"/>`),
    ...shapes.texts.map((t) => `<text x="${round(t.x)}" y="${round(t.y)}" font-size="${t.size}" fill="${t.color}" text-anchor="${t.anchor}">${escapeXml(t.text)}</text>`),
    '</svg>',
  ];
  return `${parts.join('\n')}\n`;
}
