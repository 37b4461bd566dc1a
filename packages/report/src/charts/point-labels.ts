import { escapeHtml } from '../html/escape-html.js';
import type { Frame } from './line-chart-legend.js';
import type { LineSeries } from './line-series.js';

/** A box in SVG coordinates. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A point label as placed: its text's anchor point and alignment, and the box it covers. */
export interface PlacedLabel {
  readonly text: string;
  /** the x of the text's anchor */
  readonly x: number;
  /** the text's baseline */
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly box: Box;
}

/**
 * A point label's width in px at the charts' 10 px `.point-label` font: 6.5 px a character,
 * 8.5 for the wide `=` (DejaVu Sans, the widest of the usual sans fonts, draws digits 6.4 px
 * and `=` 8.4 px wide), and 2 px to spare, so the estimate never runs short of the text.
 *
 * @param text - the label
 * @returns the width
 * @example
 * pointLabelWidth('n=302'); // 36.5
 */
export function pointLabelWidth(text: string): number {
  const wide = [...text].filter((c) => c === '=').length;
  return Number((6.5 * (text.length - wide) + 8.5 * wide + 2).toFixed(1));
}

/** From the baseline: the text's top (ascent of a 10 px font) and bottom (descent). */
const ASCENT = 8;
const DESCENT = 2;

/**
 * The box a label covers, given its anchor point and alignment.
 *
 * @param text - the label
 * @param x - the x of the anchor
 * @param y - the baseline
 * @param anchor - `text-anchor`
 * @returns the box
 * @example
 * pointLabelBox('n=5', 100, 50, 'end'); // { x: 76.5, y: 42, w: 23.5, h: 10 }
 */
export function pointLabelBox(
  text: string,
  x: number,
  y: number,
  anchor: 'start' | 'middle' | 'end',
): Box {
  const w = pointLabelWidth(text);
  const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { x: Number(left.toFixed(1)), y: y - ASCENT, w, h: ASCENT + DESCENT };
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function inside(b: Box, plot: Box): boolean {
  return (
    b.x >= plot.x && b.y >= plot.y && b.x + b.w <= plot.x + plot.w && b.y + b.h <= plot.y + plot.h
  );
}

type Spot = readonly [
  dx: 'right' | 'left' | 'centre',
  dy: 'above' | 'below' | 'level',
  far: number,
];

/** Where a label may go around its marker, nearest first; `below` puts below before above. */
function spots(below: boolean): Spot[] {
  const vertical: ('above' | 'below')[] = below ? ['below', 'above'] : ['above', 'below'];
  const near: Spot[] = [
    ['right', vertical[0]!, 0],
    ['right', vertical[1]!, 0],
    ['right', 'level', 0],
    ['left', vertical[0]!, 0],
    ['left', vertical[1]!, 0],
    ['left', 'level', 0],
    ['centre', vertical[0]!, 0],
    ['centre', vertical[1]!, 0],
  ];
  // then the same a step further out, and another, for crowded corners
  return [0, 8, 16, 24].flatMap((far) => near.map(([dx, dy]): Spot => [dx, dy, far]));
}

function candidate(text: string, px: number, py: number, r: number, spot: Spot): PlacedLabel {
  const [dx, dy, far] = spot;
  const x = dx === 'right' ? px + r + 2 + far : dx === 'left' ? px - r - 2 - far : px;
  const anchor = dx === 'right' ? 'start' : dx === 'left' ? 'end' : 'middle';
  const off = dx === 'centre' ? 2 : 0;
  const y =
    dy === 'above'
      ? py - r - 1 - off - far
      : dy === 'below'
        ? py + r + ASCENT + 1 + off + far
        : py + 3.5;
  const rx = Number(x.toFixed(1));
  const ry = Number(y.toFixed(1));
  return { text, x: rx, y: ry, anchor, box: pointLabelBox(text, rx, ry, anchor) };
}

/**
 * Places the point labels of a chart's series (`pointLabels`) where they fit: each beside its
 * marker, inside the plot area (never over the tick labels, the title or past the chart's
 * edge), clear of the labels placed before it, of the markers and of the legend where a spot
 * allows. Every other series tries below its points first, so two series' labels do not
 * overprint.
 *
 * @param series - the chart's series, in colour order
 * @param f - the chart's frame
 * @param avoid - boxes to keep clear, e.g. the legend's
 * @returns the labels as placed
 * @example
 * const f = { W: 300, H: 200, m: { l: 40, r: 10, t: 10, b: 30 }, x0: 0, x1: 1, y0: 0, y1: 1, sx: (v) => 40 + 250 * v, sy: (v) => 170 - 160 * v };
 * placePointLabels([{ name: 'nb', x: [1], y: [1], pointLabels: ['n=40'] }], f, [])[0].anchor; // 'end' (at the right edge: to the left of the point)
 */
export function placePointLabels(
  series: readonly LineSeries[],
  f: Frame,
  avoid: readonly Box[],
): PlacedLabel[] {
  const plot: Box = { x: f.m.l, y: f.m.t, w: f.W - f.m.l - f.m.r, h: f.H - f.m.t - f.m.b };
  const markers: Box[] = series.flatMap((s) =>
    s.x.map((x, j) => {
      const r = s.markerRadii?.[j] ?? (s.markers ? (s.emphasis ? 5 : 3) : 0);
      return { x: f.sx(x) - r, y: f.sy(s.y[j]!) - r, w: 2 * r, h: 2 * r };
    }),
  );
  // the labels, each with where it may go (spots inside the plot, nearest first)
  const wanted = series.flatMap((s, i) =>
    s.x.flatMap((xv, j) => {
      const text = s.pointLabels?.[j];
      if (!text) return [];
      const px = f.sx(xv);
      const py = f.sy(s.y[j]!);
      const r = s.markerRadii?.[j] ?? (s.markers ? (s.emphasis ? 5 : 3) : 0);
      const options = spots(i % 2 === 1)
        .map((spot, k) => ({ label: candidate(text, px, py, r, spot), k }))
        .filter((o) => inside(o.label.box, plot));
      // no spot inside the plot (a plot smaller than the label): beside the point, clamped in
      const fallback = clamped(candidate(text, px, py, r, spots(false)[0]!), plot);
      return [{ options: options.length > 0 ? options : [{ label: fallback, k: 0 }] }];
    }),
  );
  const cost = (c: PlacedLabel, k: number, others: readonly PlacedLabel[]): number =>
    100 * others.reduce((sum, p) => sum + overlap(c.box, p.box), 0) +
    100 * avoid.reduce((sum, b) => sum + overlap(c.box, b), 0) +
    markers.reduce((sum, b) => sum + overlap(c.box, b), 0) +
    0.5 * k;
  const best = (
    i: number,
    others: readonly PlacedLabel[],
  ): { label: PlacedLabel; cost: number } => {
    let chosen = wanted[i]!.options[0]!.label;
    let lowest = Number.POSITIVE_INFINITY;
    for (const { label, k } of wanted[i]!.options) {
      const c = cost(label, k, others);
      if (c < lowest) {
        lowest = c;
        chosen = label;
      }
    }
    return { label: chosen, cost: lowest };
  };
  // greedy, in series order; then a few rounds moving each label to its best spot given all
  // the others, which clears most overlaps the greedy order left in crowded corners
  const placed: PlacedLabel[] = [];
  for (let i = 0; i < wanted.length; i++) placed.push(best(i, placed).label);
  for (let round = 0; round < 5; round++) {
    let moved = false;
    for (let i = 0; i < placed.length; i++) {
      const others = placed.filter((_, j) => j !== i);
      const k = wanted[i]!.options.find((o) => o.label === placed[i])?.k ?? 0;
      const next = best(i, others);
      if (next.label !== placed[i] && next.cost < cost(placed[i]!, k, others) - 1e-9) {
        placed[i] = next.label;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return placed;
}

function clamped(c: PlacedLabel, plot: Box): PlacedLabel {
  const x = Math.min(Math.max(c.box.x, plot.x), plot.x + plot.w - c.box.w);
  const y = Math.min(Math.max(c.y, plot.y + ASCENT), plot.y + plot.h - DESCENT);
  const rx = Number(x.toFixed(1));
  const ry = Number(y.toFixed(1));
  return {
    text: c.text,
    x: rx,
    y: ry,
    anchor: 'start',
    box: pointLabelBox(c.text, rx, ry, 'start'),
  };
}

/**
 * The SVG of placed point labels.
 *
 * @param labels - the labels as {@link placePointLabels} placed them
 * @returns one `<text class="point-label">` per label (escaped)
 * @example
 * pointLabelsMarkup([{ text: 'n=4', x: 10, y: 20, anchor: 'end', box: { x: 0, y: 12, w: 10, h: 10 } }]); // '<text x="10" y="20" text-anchor="end" class="point-label">n=4</text>'
 */
export function pointLabelsMarkup(labels: readonly PlacedLabel[]): string {
  return labels
    .map(
      (l) =>
        `<text x="${l.x}" y="${l.y}"${l.anchor === 'start' ? '' : ` text-anchor="${l.anchor}"`} class="point-label">${escapeHtml(l.text)}</text>`,
    )
    .join('');
}
