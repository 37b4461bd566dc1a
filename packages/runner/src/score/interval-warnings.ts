import type { MetricValue, ScoreReport } from './score-report.js';
import { degenerate } from './wilson-fallback.js';

/** Fewer clusters than this make a cluster bootstrap's interval say little. */
export const FEW_CLUSTERS = 30;

/** C(2c − 1, c): how many different resamples (as multisets) c clusters allow. */
function distinctResamples(c: number): number {
  let out = 1;
  for (let i = 1; i <= c; i++) out = (out * (c - 1 + i)) / i;
  return Math.round(out);
}

/**
 * The warning for `clusterIds` that the job cannot use well: given without a bootstrap (only
 * the bootstrap reads them, so they change nothing), or with a bootstrap over fewer than
 * {@link FEW_CLUSTERS} clusters, whose interval rests on few values and understates the
 * uncertainty (3 clusters even allow only 10 distinct resamples, however many are drawn).
 *
 * @param clusters - the number of distinct clusters, or undefined without `clusterIds`
 * @param bootstrap - the resamples asked for
 * @returns the warning, or undefined
 * @example
 * ```ts
 * clusterWarning(3, 1000); // '--clusters (clusterIds) has 3 clusters: …'
 * ```
 */
export function clusterWarning(
  clusters: number | undefined,
  bootstrap: number,
): string | undefined {
  if (clusters === undefined) return undefined;
  if (bootstrap === 0)
    return '--clusters (clusterIds) is read only by the bootstrap, and --bootstrap is 0: it changes nothing here; pass --bootstrap 1000 for intervals that resample whole clusters.';
  if (clusters >= FEW_CLUSTERS) return undefined;
  const distinct = clusters <= 7 ? distinctResamples(clusters) : undefined;
  const only =
    distinct === undefined
      ? ''
      : ` (only ${distinct.toLocaleString('en-US')} distinct resample${distinct === 1 ? '' : 's'}, however many it draws)`;
  return `--clusters (clusterIds) has ${clusters} cluster${clusters === 1 ? '' : 's'}: a bootstrap that draws whole clusters rests on ${clusters} value${clusters === 1 ? '' : 's'}${only}, and with so few it understates the uncertainty; intervals need a few dozen clusters or more.`;
}

/**
 * Warnings for metrics whose value lies outside its own percentile interval: the bootstrap
 * distribution is biased there (many rare classes, as a macro average over 1,500 classes of
 * 30,000 rows; very small samples), so the interval misplaces the uncertainty.
 *
 * @param overall - the report's `overall` values with their intervals
 * @param ci - the confidence level
 * @returns one warning per such metric
 * @example
 * ```ts
 * outsideIntervalWarnings({ f1_macro: { value: 0.5882, ci: [0.5763, 0.5876] } }, 0.95);
 * // ['f1_macro 0.5882 lies outside its own 95% interval [0.5763, 0.5876]: …']
 * ```
 */
export function outsideIntervalWarnings(overall: ScoreReport['overall'], ci: number): string[] {
  return Object.entries(overall).flatMap(([name, m]) => {
    if (m.value === null || m.ci === undefined) return [];
    const [low, high] = m.ci;
    // a tolerance for sums that differ in their last bits from the resampled ones
    const tol = 1e-12 * Math.max(1, Math.abs(m.value));
    if (m.value >= low - tol && m.value <= high + tol) return [];
    const f = (x: number): string => x.toFixed(4);
    return [
      `${name} ${f(m.value)} lies outside its own ${Number((100 * ci).toFixed(2))}% interval [${f(low)}, ${f(high)}]: the bootstrap distribution of ${name} is biased here (many rare classes, or very few rows), so the percentile interval misplaces the uncertainty; read it with care.`,
    ];
  });
}

/** Why every resample scores the same value, for the warnings of intervals of no width. */
const NO_WIDTH_CAUSE =
  'every resample scored the same value, as a perfect or empty result does, or a constant prediction (the same answer or score on every row)';

/** The metrics of a set whose interval has no width and sits on the value, as `name 1.0000`. */
function noWidthNames(metrics: Record<string, MetricValue>): string[] {
  return Object.entries(metrics)
    .filter(([, m]) => m.ciMethod === undefined && degenerate(m))
    .map(([name, m]) => `${name} ${m.value!.toFixed(4)}`);
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The warning for metrics whose bootstrap interval has no width and sits on the value, where
 * no Wilson interval replaced it (the metric is no share of a count, as f1, or the bootstrap
 * drew clusters or weighted rows): 2 of 2 positives found among 20 rows give f1 `[1, 1]`
 * however few the positives are, and a classifier that answers one class on 100 rows gives
 * MCC `[0, 0]`.
 *
 * @param overall - the report's `overall` values with their intervals
 * @param countsIn - where the report shows the counts behind the values (classification's
 *   confusion matrix), or null where it shows none (generated text)
 * @returns one warning naming every such metric, or undefined
 * @example
 * ```ts
 * noWidthIntervalWarning({ f1: { value: 1, ci: [1, 1] } });
 * // 'f1 1.0000 has a bootstrap interval of no width: …'
 * noWidthIntervalWarning({ bleu: { value: 0, ci: [0, 0] } }, null);
 * // 'bleu 0.0000 has a bootstrap interval of no width: … count the rows behind it before trusting it.'
 * ```
 */
export function noWidthIntervalWarning(
  overall: ScoreReport['overall'],
  countsIn: string | null = 'the confusion matrix',
): string | undefined {
  const named = noWidthNames(overall);
  if (named.length === 0) return undefined;
  const one = named.length === 1;
  const subject = `${listed(named)} ${one ? 'has a bootstrap interval' : 'have bootstrap intervals'}`;
  const rest = one
    ? 'the interval does not show how sure the value is; count the rows behind it'
    : 'the intervals do not show how sure the values are; count the rows behind them';
  const shown = countsIn === null ? '' : ` (${countsIn})`;
  return `${subject} of no width: ${NO_WIDTH_CAUSE}, so ${rest}${shown} before trusting ${one ? 'it' : 'them'}.`;
}

/**
 * The warning for the slices' bootstrap intervals of no width (see
 * {@link noWidthIntervalWarning}), one line for every slice: a slice has few rows, where a
 * perfect or empty result is common, and its `[1, 1]` would otherwise pass unremarked.
 *
 * @param slices - the report's `slices`
 * @returns one warning naming each such slice and its metrics, or undefined
 * @example
 * ```ts
 * sliceNoWidthWarning({ a: { n: 4, metrics: { f1: { value: 1, ci: [1, 1] } } } });
 * // 'slice "a" (f1 1.0000) has a bootstrap interval of no width: … count its rows before trusting it.'
 * ```
 */
export function sliceNoWidthWarning(slices: ScoreReport['slices']): string | undefined {
  const named = Object.entries(slices ?? {}).flatMap(([value, slice]) => {
    const metrics = noWidthNames(slice.metrics);
    return metrics.length === 0 ? [] : [`${JSON.stringify(value)} (${metrics.join(', ')})`];
  });
  if (named.length === 0) return undefined;
  const many = named.length > 1 || named[0]!.includes(', ');
  const subject = `${named.length === 1 ? 'slice' : 'slices'} ${listed(named)} ${many ? 'have bootstrap intervals' : 'has a bootstrap interval'}`;
  const rest = many
    ? 'the intervals do not show how sure the values are; count the rows behind them before trusting them'
    : 'the interval does not show how sure the value is; count its rows before trusting it';
  return `${subject} of no width: ${NO_WIDTH_CAUSE}, so ${rest}.`;
}
