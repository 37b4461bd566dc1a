import type { ThresholdResult } from '../results/run-results-schema.js';
import { fmt, levelText, MISSING_VALUE } from './format-number.js';

/** A threshold check's outcome: `pass`, `fail`, or `error` when its figure has no value. */
export type ThresholdOutcome = 'pass' | 'fail' | 'error';

/**
 * The outcome of a threshold check, also for `results.json` files written before
 * `outcome` existed (a failed check without a value was then an error in all but name).
 *
 * @param t - one threshold result
 * @returns `pass`, `fail` or `error`
 * @example
 * thresholdOutcome({ ...threshold, passed: false, value: null }); // 'error'
 */
export function thresholdOutcome(t: ThresholdResult): ThresholdOutcome {
  if (t.outcome !== undefined) return t.outcome;
  if (t.passed) return 'pass';
  return t.value === null ? 'error' : 'fail';
}

/**
 * The metric's interval of a threshold check as `[low, high]`, `—` for an end it lacks (a
 * p95 of too few requests has a lower end and no upper one), or `—` without either.
 *
 * @param t - one threshold result
 * @param digits - significant digits (default 4)
 * @returns the interval text
 * @example
 * thresholdInterval({ ...threshold, ciLow: 0.88123, ciHigh: 0.93456 }); // '[0.8812, 0.9346]'
 * thresholdInterval({ ...threshold, ciLow: 212.5, ciHigh: null }); // '[212.5000, —]'
 */
export function thresholdInterval(t: ThresholdResult, digits = 4): string {
  const low = t.ciLow ?? null;
  const high = t.ciHigh ?? null;
  if (low === null && high === null) return MISSING_VALUE;
  const end = (x: number | null) => (x === null ? MISSING_VALUE : fmt(x, digits));
  return `[${end(low)}, ${end(high)}]`;
}

/**
 * The interval cell of a threshold table: {@link thresholdInterval}, followed by its level when
 * that is not the column's `evaluation.ci` (a `decided(thresholds)` confidence sequence).
 *
 * @param t - one threshold result
 * @returns the cell text
 * @example
 * thresholdIntervalCell({ ...threshold, ciLow: 0.9, ciHigh: 0.97, level: 0.975 }); // '[0.9000, 0.9700] at 97.5%'
 */
export function thresholdIntervalCell(t: ThresholdResult): string {
  const interval = thresholdInterval(t);
  return t.level === undefined ? interval : `${interval} at ${levelText(t.level)}`;
}

/**
 * The figure a threshold compared with its limit: the value, or an end of the interval.
 *
 * @param t - one threshold result
 * @returns the figure, or null when it has none
 * @example
 * thresholdFigure({ ...threshold, bound: 'ci_low', value: 0.91, ciLow: 0.88 }); // 0.88
 */
export function thresholdFigure(t: ThresholdResult): number | null {
  if (t.bound === 'ci_low') return t.ciLow ?? null;
  if (t.bound === 'ci_high') return t.ciHigh ?? null;
  return t.value;
}

/**
 * The value cell of a threshold table: the value, or for a `vs baseline` check the difference
 * with both runs' values (`-0.0409 (0.9100 vs baseline 0.9509)`).
 *
 * @param t - one threshold result
 * @returns the cell text
 * @example
 * const vsBaseline = {
 *   ...threshold,
 *   threshold: 'f1_macro vs baseline >= -0.05',
 *   against: 'baseline',
 *   value: -0.0409,
 *   limit: -0.05,
 *   baseline: { results: '/runs/old/results.json', model: 'nb', baselineValue: 0.9509, current: 0.91 },
 * };
 * thresholdValueCell(vsBaseline); // '-0.0409 (0.9100 vs baseline 0.9509)'
 */
export function thresholdValueCell(t: ThresholdResult): string {
  const b = t.baseline;
  if (t.against !== 'baseline' || b === undefined) return fmt(t.value, 4);
  return `${signed(t.value)} (${fmt(b.current, 4)} vs baseline ${fmt(b.baselineValue, 4)})`;
}

/** A difference with its sign (`+0.0123`, `-0.0409`, `0.0000`; never `-0.0000`). */
function signed(x: number | null): string {
  if (x === null) return fmt(x, 4);
  const text = fmt(Math.abs(x) < 5e-5 ? 0 : x, 4);
  return x >= 5e-5 ? `+${text}` : text;
}

/**
 * What a `vs baseline` threshold was compared with: `baseline model nb of
 * /runs/old/results.json`, empty for other thresholds and older files.
 *
 * @param t - one threshold result
 * @returns the words, or an empty string
 * @example
 * const vsBaseline = {
 *   ...threshold,
 *   threshold: 'f1_macro vs baseline >= -0.05',
 *   against: 'baseline',
 *   value: -0.0409,
 *   limit: -0.05,
 *   baseline: { results: '/runs/old/results.json', model: 'nb', baselineValue: 0.9509, current: 0.91 },
 * };
 * baselineSource(vsBaseline); // 'baseline model nb of /runs/old/results.json'
 */
export function baselineSource(t: ThresholdResult): string {
  if (t.against !== 'baseline' || t.baseline === undefined) return '';
  return `baseline model ${t.baseline.model} of ${t.baseline.results}`;
}

/** The name of the compared figure: `f1_macro`, `f1_macro.ci_low` or `f1_macro vs baseline`. */
function figureName(t: ThresholdResult): string {
  const bound = t.bound === undefined || t.bound === 'value' ? '' : `.${t.bound}`;
  return `${t.metric}${bound}${t.against === 'baseline' ? ' vs baseline' : ''}`;
}

/**
 * What a threshold check compared and the figures behind it, without the threshold and the
 * model: `f1_macro.ci_low 0.8812 is not >= 0.9; value 0.9101, 95% interval [0.8812, 0.9345]
 * (bootstrap-percentile)`, or the reason a check could not be made; a checked result's
 * `caveat` (how few predictions a `vs baseline` difference paired) follows as `; but ...`,
 * and a failed one's `sizeNeeded` (a bound no run of this size could meet: `error_rate.ci_high
 * <= 0.02` on 40 requests needs at least 189) as `; this run had 40 requests, too few for the bound: ...`.
 *
 * @param t - one threshold result
 * @param ci - the confidence level of the intervals (`evaluation.ci`; a result's own `level`,
 *   that of a `decided(thresholds)` confidence sequence, wins)
 * @returns the details
 * @example
 * thresholdDetails(threshold, 0.95); // 'f1_macro 0.8490 >= 0.8; value 0.8490, 95% interval [0.7490, 0.8990]'
 * const onLow = { ...threshold, threshold: 'f1_macro.ci_low >= 0.8', bound: 'ci_low', passed: false };
 * thresholdDetails(onLow, 0.95); // 'f1_macro.ci_low 0.7490 is not >= 0.8; value 0.8490, 95% interval [0.7490, 0.8990]'
 */
export function thresholdDetails(t: ThresholdResult, ci: number): string {
  const outcome = thresholdOutcome(t);
  const method = t.interval === undefined ? '' : ` (${t.interval})`;
  const value =
    t.against === 'baseline' && t.baseline !== undefined
      ? `difference ${thresholdValueCell(t)}, ${baselineSource(t)}`
      : `value ${fmt(t.value, 4)}`;
  const figures = `${value}, ${levelText(t.level ?? ci)} interval ${thresholdInterval(t)}${method}`;
  if (outcome === 'error') return `${t.reason ?? 'no value'}; ${figures}`;
  if (t.op === undefined || t.limit === undefined) return figures;
  const not = outcome === 'pass' ? '' : 'is not ';
  const caveat = t.caveat === undefined ? '' : `; but ${t.caveat}`;
  const size = outcome === 'fail' ? sizeNeededText(t, ci) : '';
  return `${figureName(t)} ${figureBesideLimit(thresholdFigure(t), t.limit)} ${not}${t.op} ${t.limit}; ${figures}${caveat}${size}`;
}

/**
 * A compared figure with 4 decimals, or as many more (up to 12) as show on which side of the
 * limit it lies: 0.9299990666 against 0.93 reads `0.929999 is not >= 0.93`, not `0.9300 is
 * not >= 0.93`, which contradicts itself.
 *
 * @param figure - the compared figure
 * @param limit - the threshold's limit
 * @returns the text
 * @example
 * figureBesideLimit(0.9299990666, 0.93); // '0.929999'
 * figureBesideLimit(0.91234, 0.93); // '0.9123'
 */
export function figureBesideLimit(figure: number | null | undefined, limit: number): string {
  if (figure === null || figure === undefined || !Number.isFinite(figure)) return fmt(figure, 4);
  const side = Math.sign(figure - limit);
  for (let digits = 4; digits < 12; digits++) {
    const text = fmt(figure, digits);
    if (Math.sign(Number(text) - limit) === side) return text;
  }
  return fmt(figure, 12);
}

/**
 * Why a failed interval-end check could not have passed with the run's size (`sizeNeeded`):
 * the best outcome's end, the fewest requests or items the bound needs, and how many the run
 * had; empty for other checks.
 */
function sizeNeededText(t: ThresholdResult, ci: number): string {
  const s = t.sizeNeeded;
  if (s === undefined) return '';
  const level = levelText(t.level ?? ci);
  if (!ALWAYS_WILSON.has(t.metric)) return perfectRunText(t, s, level);
  const best =
    t.bound === 'ci_high'
      ? `even with none failed, the ${level} Wilson upper end would be ${fmt(s.best, 4)}`
      : `even with every one right, the ${level} Wilson lower end would be ${fmt(s.best, 4)}`;
  const needs =
    s.needed === null
      ? `no number of ${s.unit} can meet ${t.op} ${t.limit}`
      : `the bound needs at least ${s.needed} ${s.unit} (evaluate more items or loosen the bound)`;
  return `; this run had ${s.had} ${s.unit}, too few for the bound: ${best}, and ${needs}`;
}

/** Rates whose interval is Wilson's whatever the outcome; a task's share is Wilson's only at 0 or 1. */
const ALWAYS_WILSON = new Set(['error_rate', 'unparseable_rate']);

/**
 * `sizeNeeded` of a task's share (accuracy, recall, ...) at 0 or 1. Only such a run gets a
 * Wilson interval: one with a wrong answer keeps its bootstrap interval, which near 0 and 1 is
 * narrower than Wilson's and may meet the bound where a perfect run cannot. So this says what
 * a perfect run of this size reaches and how many items would let it pass, not that no run of
 * this size could have passed.
 */
function perfectRunText(
  t: ThresholdResult,
  s: NonNullable<ThresholdResult['sizeNeeded']>,
  level: string,
): string {
  const run =
    t.bound === 'ci_high'
      ? `at a share of 0 over its ${s.had} ${s.unit}, the ${level} Wilson upper end is ${fmt(s.best, 4)}`
      : `with every one of its ${s.had} ${s.unit} right, the ${level} Wilson lower end is ${fmt(s.best, 4)}`;
  const needs =
    s.needed === null
      ? `no number of ${s.unit} lets such a run meet ${t.op} ${t.limit}`
      : `such a run needs at least ${s.needed} ${s.unit} to meet ${t.op} ${t.limit} (evaluate more items or loosen the bound; a run with a wrong answer gets a bootstrap interval instead)`;
  return `; ${run}: ${needs}`;
}

/**
 * One line saying how a threshold check came out, with the compared figure, the value, the
 * interval and the limit: the message of a JUnit case and of the exit reason.
 *
 * @param t - one threshold result
 * @param ci - the confidence level of the intervals (`evaluation.ci`)
 * @returns `<threshold> holds for <model>: <details>`, `fails for`, or `could not be checked for`
 * @example
 * const onLow = { ...threshold, threshold: 'f1_macro.ci_low >= 0.8', bound: 'ci_low', passed: false };
 * thresholdMessage(onLow, 0.95); // 'f1_macro.ci_low >= 0.8 fails for nb: f1_macro.ci_low 0.7490 is not >= 0.8; value 0.8490, 95% interval [0.7490, 0.8990]'
 */
export function thresholdMessage(t: ThresholdResult, ci: number): string {
  const verb = { pass: 'holds for', fail: 'fails for', error: 'could not be checked for' }[
    thresholdOutcome(t)
  ];
  return `${t.threshold} ${verb} ${t.model}: ${thresholdDetails(t, ci)}`;
}
