import {
  alphaOf,
  bootstrapPForDecision,
  fmt,
  fmtBootstrapP,
  formatUsd,
  levelText,
} from '../format/format-number.js';
import type {
  ModelComparison as Comparison,
  ModelResult,
  RunResults,
  ThresholdResult,
} from '../results/run-results-schema.js';
import { listInWords } from './words.js';

/** The most model pairs the verdict names one by one; the rest are in "Model vs model". */
const PAIRS_IN_WORDS = 3;

/** Costs or latencies closer than this share count as the same. */
const SAME_SHARE = 0.05;

/** One model pair on the headline metric, as read from the run's paired comparison. */
interface PairReading {
  readonly c: Comparison;
  readonly a: ModelResult;
  readonly b: ModelResult;
  /** the model the metric favours when the difference is significant; null when it is not */
  readonly better: ModelResult | null;
  readonly sentence: string;
  /** the model faster at p95 by a tested margin, or null */
  readonly faster: ModelResult | null;
}

/**
 * How the cost of model `b` compares with that of model `a`: `costs half as much ($0.0992 vs
 * $0.198 for 200 items)`, or null without both prices.
 *
 * @param b - the model described
 * @param a - the model it is compared with
 * @returns the words, or null
 * @example
 * const [nb, lr] = models;
 * const priced = (m, costUsd) => ({ ...m, service: { ...m.service, costUsd } });
 * costWords(priced(nb, 0.0992), priced(lr, 0.198)); // 'costs half as much ($0.0992 vs $0.198 for 20 items)'
 * costWords(nb, lr); // null (no prices)
 */
export function costWords(b: ModelResult, a: ModelResult): string | null {
  const cb = b.service.costUsd;
  const ca = a.service.costUsd;
  if (cb === null || ca === null) return null;
  const same = b.items.total === a.items.total;
  const amounts = same
    ? `${formatUsd(cb)} vs ${formatUsd(ca)} for ${b.items.total} items`
    : `${formatUsd(cb / Math.max(1, b.items.total))} vs ${formatUsd(ca / Math.max(1, a.items.total))} per item`;
  if (ca === 0 && cb === 0) return `costs nothing either (${amounts})`;
  const ratio = ca === 0 ? Number.POSITIVE_INFINITY : cb / ca;
  if (Math.abs(ratio - 1) < SAME_SHARE) return `costs about the same (${amounts})`;
  if (Math.abs(ratio - 0.5) < 0.02) return `costs half as much (${amounts})`;
  if (ratio < 1) return `costs ${Math.round((1 - ratio) * 100)}% less (${amounts})`;
  if (!Number.isFinite(ratio)) return `costs more (${amounts})`;
  return `costs ${Number(ratio.toPrecision(2))}× as much (${amounts})`;
}

/** A p95 latency interval: its ends in ms. */
interface LatencyInterval {
  readonly low: number;
  readonly high: number;
}

/**
 * A model's p95 latency interval, as a threshold on `p95_latency_ms` carries it (the run
 * computes service intervals only for metrics its thresholds name), or null.
 */
function p95Interval(
  thresholds: readonly ThresholdResult[],
  model: string,
): LatencyInterval | null {
  const t = thresholds.find(
    (x) =>
      x.model === model &&
      x.metric === 'p95_latency_ms' &&
      x.against === undefined &&
      x.ciLow !== null &&
      x.ciLow !== undefined &&
      x.ciHigh !== null &&
      x.ciHigh !== undefined,
  );
  return t ? { low: t.ciLow!, high: t.ciHigh! } : null;
}

/** Milliseconds as the verdict writes them: one decimal below 10 ms, whole ms above. */
function msWords(ms: number): string {
  return `${fmt(ms, Math.abs(ms) < 10 ? 1 : 0)} ms`;
}

/**
 * How the p95 latency of model `b` compares with that of model `a`, only as far as the run
 * tested it: `is 17 ms slower at p95 (251 ms vs 234 ms; their 95% intervals do not
 * overlap)` when the two models' p95 intervals are apart, `shows no clear difference in p95
 * latency (...)` when they overlap, and null (nothing said) when either has no latency or no
 * interval.
 *
 * @param b - the model described
 * @param a - the model it is compared with
 * @param thresholds - the run's threshold results: a `p95_latency_ms` threshold carries each
 *   model's bootstrap interval of its p95 latency, the only one a run computes
 * @param ci - the intervals' confidence level (`evaluation.ci`)
 * @returns the words, or null
 * @remarks Latency varies from run to run with the servers' load, so a p95 difference
 *   without intervals is no evidence that one model is faster: it is left unsaid. Two
 *   intervals that do not overlap are a conservative test of a difference.
 * @example
 * const [nb, lr] = models;
 * const p95 = (m, ms) => ({ ...m, service: { ...m.service, latencyMs: { ...m.service.latencyMs, p95: ms } } });
 * const gate = (model, ciLow, ciHigh) => ({ threshold: 'p95_latency_ms <= 500', model, metric: 'p95_latency_ms', value: null, passed: true, ciLow, ciHigh });
 * latencyWords(p95(nb, 251), p95(lr, 234), [gate('nb', 240, 262), gate('lr', 225, 238)], 0.95); // 'is 17 ms slower at p95 (251 ms vs 234 ms; their 95% intervals do not overlap)'
 * latencyWords(p95(nb, 251), p95(lr, 234), [gate('nb', 220, 290), gate('lr', 210, 260)], 0.95); // 'shows no clear difference in p95 latency (251 ms vs 234 ms; their 95% intervals overlap)'
 * latencyWords(p95(nb, 251), p95(lr, 234), [], 0.95); // null (no intervals: no claim)
 */
export function latencyWords(
  b: ModelResult,
  a: ModelResult,
  thresholds: readonly ThresholdResult[],
  ci: number,
): string | null {
  const lb = b.service.latencyMs.p95;
  const la = a.service.latencyMs.p95;
  if (lb === null || la === null) return null;
  const ib = p95Interval(thresholds, b.name);
  const ia = p95Interval(thresholds, a.name);
  if (ib === null || ia === null) return null;
  const level = levelText(ci);
  const figures = `${msWords(lb)} vs ${msWords(la)}`;
  const diff = lb - la;
  // apart, with the point values the same way round (a p95 outside its own interval, which a
  // percentile bootstrap hardly gives, is no ground for a claim either)
  const apart = latencyApart(ib, ia);
  if (apart === 0 || apart !== Math.sign(diff))
    return `shows no clear difference in p95 latency (${figures}; their ${level} intervals overlap)`;
  return `is ${msWords(Math.abs(diff))} ${diff > 0 ? 'slower' : 'faster'} at p95 (${figures}; their ${level} intervals do not overlap)`;
}

/** -1 when interval `x` lies wholly below `y`, 1 when wholly above, 0 when they overlap. */
function latencyApart(x: LatencyInterval, y: LatencyInterval): -1 | 0 | 1 {
  if (x.high < y.low) return -1;
  if (x.low > y.high) return 1;
  return 0;
}

/** The pair's difference on the metric, with its interval, p-value and whether it is significant. */
function readPair(r: RunResults, c: Comparison, metric: string): PairReading | null {
  const a = r.models.find((m) => m.name === c.a);
  const b = r.models.find((m) => m.name === c.b);
  const d = c.metrics[metric];
  if (!a || !b || !d || d.difference === null) return null;
  const adjusted = d.pHolm !== null && d.pHolm !== undefined;
  const pRaw = adjusted ? d.pHolm! : d.pValue;
  const p = bootstrapPForDecision(pRaw, r.evaluation.bootstrap);
  const significant = p !== null && p < alphaOf(r.evaluation.ci);
  const higher = r.evaluation.greaterIsBetter?.[metric] ?? true;
  const better = !significant || d.difference === 0 ? null : d.difference > 0 === higher ? b : a;
  const sign = d.difference >= 0 ? '+' : '';
  const interval =
    d.ciLow === null || d.ciHigh === null ? '' : ` [${fmt(d.ciLow, 3)}, ${fmt(d.ciHigh, 3)}]`;
  const pText =
    p === null
      ? 'no p-value'
      : `${adjusted ? 'Holm p' : 'p'} ${fmtBootstrapP(pRaw, r.evaluation.bootstrap)}`;
  const verdict = significant
    ? `a significant difference (${pText}): ${better!.name} is better`
    : `not a significant difference (${pText})`;
  const extras = [costWords(b, a), latencyWords(b, a, r.thresholds, r.evaluation.ci)].filter(
    (x): x is string => x !== null,
  );
  // named, not "it": after "x is better", "it" read as x where the figures are b's
  const rest = extras.length > 0 ? `; ${b.name} ${listInWords(extras)}` : '';
  const sentence = `${b.name} scores ${sign}${fmt(d.difference, 3)} ${metric}${interval} against ${a.name}, ${verdict}${rest}.`;
  return { c, a, b, better, sentence, faster: fasterOf(r, a, b) };
}

/** Which of two is cheaper by more than {@link SAME_SHARE}, or null. */
function cheaper(x: ModelResult, y: ModelResult): ModelResult | null {
  const cx = x.service.costUsd;
  const cy = y.service.costUsd;
  if (cx === null || cy === null || Math.abs(cx - cy) <= SAME_SHARE * Math.max(cx, cy)) return null;
  return cx < cy ? x : y;
}

/**
 * Which of two is faster at p95 by a tested margin (their p95 intervals do not overlap), or
 * null: without intervals, or when they overlap.
 */
function fasterOf(r: RunResults, x: ModelResult, y: ModelResult): ModelResult | null {
  const ix = p95Interval(r.thresholds, x.name);
  const iy = p95Interval(r.thresholds, y.name);
  if (ix === null || iy === null) return null;
  const apart = latencyApart(ix, iy);
  return apart === 0 ? null : apart < 0 ? x : y;
}

/** What the numbers support choosing on, for one pair: no more than that. */
function conclusion(p: PairReading, metric: string): string {
  const cheap = cheaper(p.a, p.b);
  if (p.better !== null) {
    const worse = p.better === p.a ? p.b : p.a;
    if (cheap === null || cheap === p.better)
      return `${p.better.name} is the better choice on these numbers: better on ${metric}${cheap ? ' and cheaper' : ''}.`;
    return `${p.better.name} is better on ${metric}, ${worse.name} is cheaper: weigh the gain against the cost.`;
  }
  const faster = p.faster;
  const on = [
    cheap ? `cost (${cheap.name} is cheaper)` : '',
    faster ? `latency (${faster.name} is faster at p95)` : '',
  ]
    .filter(Boolean)
    .join(cheap && faster && cheap !== faster ? ' or ' : ' and ');
  return `Neither is clearly better on ${metric}${on ? `: choose on ${on}` : '; this run cannot tell them apart'}.`;
}

/**
 * The models compared on the verdict's headline metric, for a run of two models or more: per
 * model pair (the run's own paired comparison), the difference with its interval and p-value
 * and whether it is significant, the cost difference from the service figures when known,
 * and the p95 latency only as far as the run tested it (see {@link latencyWords}); for two
 * models, what the numbers support choosing on.
 *
 * @param r - the run's results
 * @param metric - the headline metric (null: none)
 * @returns plain-text sentences, or null for one model or no comparison on the metric
 * @remarks Significance reads `pHolm` when the run adjusted for several pairs, else `pValue`,
 *   at `1 − evaluation.ci`; a bootstrap p of 0 counts as 2/B. It never recommends beyond that:
 *   with no significant difference it says so and points to cost, or to latency when one
 *   model's p95 interval lies wholly below the other's.
 * @example
 * modelChoice(results, 'f1_macro');
 * // 'lr scores +0.029 f1_macro [-0.050, 0.110] against nb, not a significant difference (p 0.250). Neither is clearly better on f1_macro; this run cannot tell them apart.'
 */
export function modelChoice(r: RunResults, metric: string | null): string | null {
  if (metric === null || r.models.length < 2) return null;
  const pairs = r.comparisons
    .map((c) => readPair(r, c, metric))
    .filter((p): p is PairReading => p !== null);
  if (pairs.length === 0) return null;
  if (pairs.length === 1) return `${pairs[0]!.sentence} ${conclusion(pairs[0]!, metric)}`;
  const shown = pairs.slice(0, PAIRS_IN_WORDS).map((p) => p.sentence);
  const more = pairs.length - shown.length;
  const significant = pairs.filter((p) => p.better !== null);
  const summary =
    significant.length === 0
      ? `No pair differs significantly on ${metric}: choose on cost or latency.`
      : `Significant on ${metric}: ${listInWords(significant.map((p) => `${p.better!.name} over ${(p.better === p.a ? p.b : p.a).name}`))}.`;
  return [...shown, more > 0 ? `${more} more pairs under Model vs model.` : '', summary]
    .filter(Boolean)
    .join(' ');
}
