import type { ModelResult, ThresholdResult } from '@assay/report';
import { noneSeenTrialsNeeded } from '../compare/alike-items-bound.js';
import type { MeasuredMetric } from '../compare/compare-metrics.js';
import { roundingTolerance, type Threshold, thresholdHolds } from '../config/thresholds.js';
import type { BaselineSide } from './baseline-comparison.js';

/** The end of the difference's interval a `vs baseline` threshold reads. */
function figureOf(
  t: Threshold,
  m: { difference: number | null; ciLow: number | null; ciHigh: number | null },
): { bound: 'value' | 'ci_low' | 'ci_high'; figure: number | null } {
  // non-inferiority: a lower limit is met by the whole interval (its low end), an upper by its high end
  const bound =
    t.bound ?? (t.op === '>=' || t.op === '>' ? 'ci_low' : t.op === '==' ? 'value' : 'ci_high');
  const figure = bound === 'ci_low' ? m.ciLow : bound === 'ci_high' ? m.ciHigh : m.difference;
  return { bound, figure };
}

/**
 * What a difference on which no paired item differs rests on: for a share that failed, why its
 * interval is the exact bound (`alikeItemsBound`) and how many items answered alike would meet
 * the threshold (a pass on that bound needs no caveat: the bound is conservative); for another
 * metric, that its interval [0, 0] says nothing about items outside the sample.
 */
function alikeCaveat(
  t: Threshold,
  m: MeasuredMetric,
  ci: number,
  passed: boolean,
): string | undefined {
  if (m.interval === 'clopper-pearson' && m.itemsAlike !== undefined) {
    if (passed) return undefined;
    const bound = figureOf(t, m).bound;
    // the bound's end is ±u: a ci_low >= L needs u <= −L, a ci_high <= L needs u <= L
    const need =
      bound === 'ci_low' && (t.op === '>=' || t.op === '>')
        ? noneSeenTrialsNeeded(-t.value, ci, t.op === '>')
        : bound === 'ci_high' && (t.op === '<=' || t.op === '<')
          ? noneSeenTrialsNeeded(t.value, ci, t.op === '<')
          : undefined;
    const needs =
      need === undefined
        ? ''
        : need === null
          ? `; no number of items answered alike meets ${t.op} ${t.value}`
          : `; ${need} items answered alike would meet ${t.op} ${t.value}`;
    return `none of the ${m.itemsAlike} paired items was answered differently: the interval is ± the exact (Clopper-Pearson) upper end of the share of items the runs answer differently${needs}`;
  }
  if (m.difference === 0 && m.ciLow === 0 && m.ciHigh === 0)
    return `no paired item differs between the runs on ${t.metric}: the interval [0, 0] says nothing about items not in the sample`;
  return undefined;
}

/**
 * The result of a `<metric> vs baseline <op> <number>` threshold for one model.
 *
 * @remarks
 * `value` is the paired difference (this run − the baseline run, on the items both have) and
 * `ciLow`/`ciHigh` its paired bootstrap BCa interval, as `assay compare` computes them. The
 * rule is non-inferiority: `f1_macro vs baseline >= -0.01` passes when the whole interval lies
 * at or above −0.01 (its low end is compared), `log_loss vs baseline <= 0.02` when it lies at
 * or below 0.02 (its high end), within a rounding tolerance of 1e-12 (a difference of two
 * shares, 0.955 − 0.96, is −0.0050000000000000044, and meets `>= -0.005`); `.ci_low` / `.ci_high` name the end explicitly, `==` reads the
 * point difference. A metric without a comparison (a service metric, no paired item, no
 * interval) is an `error` outcome, which fails the run rather than passing it unchecked. A
 * share (accuracy, exact match) on which no paired item was answered differently gets ± the
 * exact upper end of the share of items answered differently (`interval: 'clopper-pearson'`;
 * 50 items alike: ±0.0711 at 95%), not the bootstrap's [0, 0], which passed any margin on a handful of
 * items; when it fails, the caveat says how many items alike would meet the threshold.
 * @param t - the parsed threshold (`against: 'baseline'`)
 * @param model - the model's results
 * @param side - the model's comparison with the baseline run, when there is one
 * @returns the threshold's result
 * @example
 * const t = { source: 'f1_macro vs baseline >= -0.01', metric: 'f1_macro', against: 'baseline', op: '>=', value: -0.01 };
 * baselineThresholdResult(t, model, undefined).reason; // 'f1_macro has no comparison with the baseline run (…)'
 */
export function baselineThresholdResult(
  t: Threshold,
  model: ModelResult,
  side: BaselineSide | undefined,
): ThresholdResult {
  const m = side?.metrics.get(t.metric);
  const { bound, figure } = figureOf(t, m ?? { difference: null, ciLow: null, ciHigh: null });
  const result: ThresholdResult = {
    threshold: t.source,
    model: model.name,
    metric: t.metric,
    value: m?.difference ?? null,
    passed: false,
    bound,
    against: 'baseline',
    op: t.op,
    limit: t.value,
    ciLow: m?.ciLow ?? null,
    ciHigh: m?.ciHigh ?? null,
    ...(m?.interval === 'bca'
      ? { interval: 'bootstrap-bca' as const }
      : m?.interval === 'percentile'
        ? { interval: 'bootstrap-percentile' as const }
        : m?.interval === 'clopper-pearson'
          ? { interval: 'clopper-pearson' as const }
          : {}),
    outcome: 'error',
    ...(side === undefined
      ? {}
      : {
          baseline: {
            results: side.baselineResults,
            model: side.baselineModel,
            baselineValue: m?.baseline ?? null,
            current: m?.candidate ?? null,
          },
        }),
  };
  if (figure === null) {
    result.reason =
      m === undefined
        ? `${t.metric} has no comparison with the baseline run (a task metric both runs score is needed; service figures are set side by side by assay compare)`
        : `the comparison with the baseline run gave ${t.metric} no ${bound === 'value' ? 'difference' : 'interval'}`;
    return result;
  }
  // a difference of two shares carries rounding (-0.0050000000000000044 for -0.005)
  result.passed = thresholdHolds(t, figure, roundingTolerance(t.value));
  result.outcome = result.passed ? 'pass' : 'fail';
  const caveats = [
    side?.caveat,
    m === undefined ? undefined : alikeCaveat(t, m, side!.ci, result.passed),
  ];
  const caveat = caveats.filter((c) => c !== undefined).join('; ');
  if (caveat !== '') result.caveat = caveat;
  return result;
}
