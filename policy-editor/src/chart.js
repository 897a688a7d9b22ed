// Small SVG charts: stacked bars per day, grouped bars before/after. No library needed for these two.
import { t } from './i18n.js';
import { number, percent } from './format.js';
import { label } from './labels.js';

const NS = 'http://www.w3.org/2000/svg';
export const OUTCOME_COLOURS = {
  APPROVE: '#2e7d32', REVIEW: '#f9a825', BLOCK: '#c62828', CREDIT_GRANTED: '#2e7d32', CREDIT_REFUSED: '#c62828',
  WITHIN_STANDARD: '#2e7d32', APPROVAL_REQUIRED: '#f9a825', REFUSED: '#c62828',
};
const PALETTE = ['#1d4e89', '#6a1b9a', '#00838f', '#ef6c00', '#5d4037', '#546e7a'];

function colour(key, i) {
  return OUTCOME_COLOURS[key] || PALETTE[i % PALETTE.length];
}

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  children.forEach((c) => el.append(c));
  return el;
}

/** The colour key under a chart: one swatch and label per series. */
function legend(keys, colourOf, labelOf) {
  const ul = document.createElement('ul');
  ul.className = 'legend';
  keys.forEach((k, i) => {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = colourOf(k, i);
    li.append(sw, document.createTextNode(labelOf(k)));
    ul.append(li);
  });
  return ul;
}

/**
 * Stacked bars: days on x, one segment per series. data: [{label, values:{series: n}}]; {caption: false} when
 * the chart sits under a heading that already says its title (the title stays the SVG's accessible name).
 */
export function stackedBars(data, title, { caption: withCaption = true } = {}) {
  const keys = [...new Set(data.flatMap((d) => Object.keys(d.values)))];
  const max = Math.max(1, ...data.map((d) => Object.values(d.values).reduce((a, b) => a + b, 0)));
  const W = 720; const H = 220; const left = 40; const bottom = 30;
  const bw = (W - left) / Math.max(1, data.length);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, class: 'chart' });
  root.append(svg('title', {}, document.createTextNode(title)));
  [0, 0.5, 1].forEach((f) => {
    const y = H - bottom - f * (H - bottom - 10);
    root.append(svg('line', { x1: left, x2: W, y1: y, y2: y, class: 'grid' }));
    root.append(svg('text', { x: left - 4, y: y + 4, 'text-anchor': 'end', class: 'axis' }, document.createTextNode(number(Math.round(max * f)))));
  });
  data.forEach((d, i) => {
    let y = H - bottom;
    keys.forEach((k, j) => {
      const v = d.values[k] || 0;
      if (!v) return;
      const hgt = (v / max) * (H - bottom - 10);
      y -= hgt;
      const rect = svg('rect', { x: left + i * bw + 1, y, width: Math.max(1, bw - 2), height: hgt, fill: colour(k, j) });
      rect.append(svg('title', {}, document.createTextNode(`${d.label} ${label('outcome', k)}: ${v}`)));
      root.append(rect);
    });
    if (data.length <= 12 || i % Math.ceil(data.length / 8) === 0) {
      root.append(svg('text', { x: left + i * bw + bw / 2, y: H - 10, 'text-anchor': 'middle', class: 'axis' },
        document.createTextNode(d.label)));
    }
  });
  const figure = document.createElement('figure');
  figure.className = 'chart-box';
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  figure.append(...(withCaption ? [caption] : []), root, legend(keys, colour, (k) => label('outcome', k)));
  return figure;
}

/** Grouped bars: one group per category, one bar per series. series: {name: {category: n}} */
export function groupedBars(series, title) {
  const names = Object.keys(series);
  const categories = [...new Set(names.flatMap((n) => Object.keys(series[n] || {})))];
  const max = Math.max(1, ...names.flatMap((n) => Object.values(series[n] || {})));
  const W = 560; const H = 220; const bottom = 30; const left = 40;
  const gw = (W - left) / Math.max(1, categories.length);
  const bw = (gw - 16) / Math.max(1, names.length);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, class: 'chart' });
  root.append(svg('title', {}, document.createTextNode(title)));
  categories.forEach((c, i) => {
    names.forEach((n, j) => {
      const v = (series[n] || {})[c] || 0;
      const hgt = (v / max) * (H - bottom - 20);
      const x = left + i * gw + 8 + j * bw;
      const rect = svg('rect', { x, y: H - bottom - hgt, width: bw - 2, height: hgt, fill: PALETTE[j % PALETTE.length] });
      rect.append(svg('title', {}, document.createTextNode(`${n} ${label('outcome', c)}: ${v}`)));
      root.append(rect);
      root.append(svg('text', { x: x + (bw - 2) / 2, y: H - bottom - hgt - 3, 'text-anchor': 'middle', class: 'axis' }, document.createTextNode(number(v))));
    });
    root.append(svg('text', { x: left + i * gw + gw / 2, y: H - 10, 'text-anchor': 'middle', class: 'axis' },
      document.createTextNode(label('outcome', c))));
  });
  const figure = document.createElement('figure');
  figure.className = 'chart-box';
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  figure.append(caption, root, legend(names, (n, j) => PALETTE[j % PALETTE.length], (n) => n));
  return figure;
}

function figureOf(title, root, extra) {
  const figure = document.createElement('figure');
  figure.className = 'chart-box';
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  figure.append(caption, root);
  if (extra) figure.append(extra);
  return figure;
}

/** A ROC curve: points [{falsePositiveRate, truePositiveRate}] from (0, 0) to (1, 1), with the chance diagonal. */
export function rocCurve(points, title, { x, y, chance }) {
  const S = 240; const left = 40; const bottom = 34; const top = 10; const right = 10;
  const W = left + S + right; const H = top + S + bottom;
  const px = (f) => left + f * S;
  const py = (f) => top + (1 - f) * S;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, class: 'chart roc' });
  root.append(svg('title', {}, document.createTextNode(title)));
  [0, 0.5, 1].forEach((f) => {
    root.append(svg('line', { x1: left, x2: left + S, y1: py(f), y2: py(f), class: 'grid' }));
    root.append(svg('text', { x: left - 4, y: py(f) + 4, 'text-anchor': 'end', class: 'axis' }, document.createTextNode(number(f))));
    root.append(svg('text', { x: px(f), y: top + S + 14, 'text-anchor': 'middle', class: 'axis' }, document.createTextNode(number(f))));
  });
  root.append(svg('line', { x1: px(0), y1: py(0), x2: px(1), y2: py(1), stroke: '#9e9e9e', 'stroke-dasharray': '4 3' }));
  const valid = points.filter((p) => Number.isFinite(p.falsePositiveRate) && Number.isFinite(p.truePositiveRate));
  root.append(svg('polyline', {
    points: valid.map((p) => `${px(p.falsePositiveRate)},${py(p.truePositiveRate)}`).join(' '),
    fill: 'none', stroke: PALETTE[0], 'stroke-width': 2, class: 'roc-line',
  }));
  root.append(svg('text', { x: left + S / 2, y: H - 4, 'text-anchor': 'middle', class: 'axis' }, document.createTextNode(x)));
  root.append(svg('text', { x: 10, y: top + S / 2, 'text-anchor': 'middle', class: 'axis', transform: `rotate(-90 10 ${top + S / 2})` },
    document.createTextNode(y)));
  return figureOf(title, root, legend([y, chance], (k, i) => (i ? '#9e9e9e' : PALETTE[0]), (k) => k));
}

/** Bars of rates (fractions) per category, labelled in percent. bars: [{label, rate, note}] */
export function rateBars(bars, title) {
  const W = 560; const H = 220; const bottom = 30; const left = 44; const top = 20;
  const max = Math.max(0.0001, ...bars.map((b) => b.rate || 0));
  const gw = (W - left) / Math.max(1, bars.length);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, class: 'chart' });
  root.append(svg('title', {}, document.createTextNode(title)));
  [0, 0.5, 1].forEach((f) => {
    const yy = H - bottom - f * (H - bottom - top);
    root.append(svg('line', { x1: left, x2: W, y1: yy, y2: yy, class: 'grid' }));
    root.append(svg('text', { x: left - 4, y: yy + 4, 'text-anchor': 'end', class: 'axis' }, document.createTextNode(percent(max * f, { ratio: true, digits: 0 }))));
  });
  bars.forEach((b, i) => {
    const hgt = ((b.rate || 0) / max) * (H - bottom - top);
    const x = left + i * gw + 8;
    const rect = svg('rect', { x, y: H - bottom - hgt, width: Math.max(1, gw - 16), height: hgt, fill: PALETTE[i % PALETTE.length], class: 'rate-bar' });
    rect.append(svg('title', {}, document.createTextNode(`${b.label}: ${percent(b.rate, { ratio: true })}${b.note ? ` (${b.note})` : ''}`)));
    root.append(rect);
    root.append(svg('text', { x: x + (gw - 16) / 2, y: H - bottom - hgt - 4, 'text-anchor': 'middle', class: 'axis' },
      document.createTextNode(`${percent(b.rate, { ratio: true })}`)));
    root.append(svg('text', { x: left + i * gw + gw / 2, y: H - 10, 'text-anchor': 'middle', class: 'axis' }, document.createTextNode(b.label)));
  });
  return figureOf(title, root);
}

export const EXPOSURE_COLOURS = {
  OPEN_ORDERS: '#1d4e89', APPROVED_NOT_BOOKED: '#6a8fc7', SHIPPED_NOT_INVOICED: '#00838f',
  OPEN_INVOICES_NOT_DUE: '#2e7d32', OVERDUE: '#c62828',
};

/**
 * One horizontal bar: the parts of an exposure stacked left to right, with the limit and the insured limit
 * as marks across it. segments: [{key, label, value, text}]; marks: [{key, label, value, text}]. The SVG is an
 * image whose text alternative (title and description) says every figure; the legend repeats them.
 */
export function stackedBar(segments, marks, title, description) {
  const width = 720;
  const barY = 26;
  const barH = 30;
  const parts = segments.filter((s) => s.value > 0);
  const sum = parts.reduce((a, s) => a + s.value, 0);
  const max = Math.max(1, sum, ...marks.map((m) => m.value || 0)) * 1.04;
  const x = (v) => (v / max) * width;
  const titleId = `bar-title-${Math.random().toString(36).slice(2, 8)}`;
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${barY + barH + 24}`, class: 'chart exposure-bar', role: 'img',
    'aria-labelledby': `${titleId} ${titleId}-desc`,
  }, svg('title', { id: titleId }, title), svg('desc', { id: `${titleId}-desc` }, description));
  chart.append(svg('rect', { x: 0, y: barY, width, height: barH, fill: '#eef1f4' }));
  let at = 0;
  for (const s of parts) {
    chart.append(svg('rect', { x: x(at), y: barY, width: Math.max(1, x(s.value)), height: barH, fill: EXPOSURE_COLOURS[s.key] || '#546e7a',
      'data-category': s.key }, svg('title', {}, `${s.label}: ${s.text}`)));
    at += s.value;
  }
  marks.filter((m) => m.value !== null && m.value !== undefined).forEach((m, i) => {
    const mx = Math.min(width - 1, x(m.value));
    chart.append(svg('line', { x1: mx, x2: mx, y1: barY - 6, y2: barY + barH + 6, stroke: i ? '#6a1b9a' : '#1b1f24',
      'stroke-width': 3, 'stroke-dasharray': i ? '5 3' : '', 'data-mark': m.key }));
    const label = svg('text', { x: mx, y: i ? barY + barH + 20 : barY - 10, 'font-size': 12,
      'text-anchor': mx > width * 0.7 ? 'end' : 'start', fill: '#1b1f24' });
    label.textContent = `${m.label} ${m.text}`;
    chart.append(label);
  });
  const wrap = document.createElement('figure');
  wrap.className = 'exposure-chart';
  wrap.append(chart, legend(parts.map((s) => s.key), (k) => EXPOSURE_COLOURS[k] || '#546e7a',
    (k) => { const s = parts.find((p) => p.key === k); return `${s.label}: ${s.text}`; }));
  return wrap;
}
