import { fmt, type MetricSummary, type ModelResult } from '@assay/report';
import { metricSpec, PROPORTION_METRICS } from '@assay/runner';
import { ZERO_ONE_SCORERS } from '../config/generation-schema.js';
import { zeroWidth } from './zero-width.js';

/** Fewer resamples than this are a trial's (the runner warns below it, as `assay score` does). */
const FEW_RESAMPLES = 100;

/** What the run says about the cause of an interval of no width. */
export interface DegenerateContext {
  /** `evaluation.bootstrap` (absent: taken as enough resamples; see `fewResamplesCause`) */
  readonly bootstrap?: number | undefined;
  /** the models some of whose items have several predictions (repeated folds, choice orders) */
  readonly repeated?: ReadonlySet<string> | undefined;
}

/** A model's metric summaries by name: the reported metrics, then its positive class's figures. */
function summaries(m: ModelResult): [string, MetricSummary][] {
  const pc = m.positiveClass;
  const positive: [string, MetricSummary][] = pc
    ? [
        ['precision', pc.precision],
        ['recall', pc.recall],
        ['false_positive_rate', pc.falsePositiveRate],
      ]
    : [];
  const seen = new Set(Object.keys(m.metrics));
  return [...Object.entries(m.metrics), ...positive.filter(([name]) => !seen.has(name))];
}

const atEnd = (v: number | null): boolean => v === 0 || v === 1;

/** Why a proportion metric's interval of no width, from enough resamples, kept no Wilson one. */
function whyProportion(s: MetricSummary, repeated: boolean): string {
  if (atEnd(s.value))
    return 'the count behind its value is not at hand here (the rows carry weights, or a positive-class share of labels not coded as one positive and one negative), and the Wilson interval is that of a count';
  if (repeated)
    return 'an item has several predictions here (repeated folds or choice orders) and its value is not 0 or 1, so they are no independent trials whose count a Wilson interval could describe';
  return 'its value is not 0 or 1, where alone the Wilson interval of a count replaces one of no width';
}

function why(metric: string, s: MetricSummary, repeated: boolean, zeroOne: ReadonlySet<string>) {
  const name = metricSpec(metric)?.name ?? metric;
  // position_bias_rate is a share of compared items, scored as `mae` of 0/1 flags
  if (PROPORTION_METRICS.has(name) || metric === 'position_bias_rate')
    return whyProportion(s, repeated);
  const several =
    'its value is not 0 or 1 (partial credit, or a reducer other than mean over 0/1 scores), where the Wilson interval of a count applies';
  if (metric === 'judge_score' || zeroOne.has(metric)) return several;
  return "the Wilson interval replaces only shares of a count (accuracy, recall, precision, false-positive rate; multiple choice's position_bias_rate; a generation task's exact_match and 0/1 assertions; judge_score), and this metric is none";
}

/** The warning for a gated metric whose interval has no width because of few resamples. */
function fewResamples(model: string, metric: string, s: MetricSummary, bootstrap: number) {
  const outside =
    s.value !== null && (s.value < s.ciLow! || s.value > s.ciHigh!)
      ? `, and the value ${fmt(s.value)} lies outside it`
      : '';
  const what =
    bootstrap === 1
      ? "it is one resample's value twice"
      : `its ends are picked from only ${bootstrap} resample values, which can coincide`;
  return `${model}: ${metric} ${fmt(s.value)} has a bootstrap interval of no width [${fmt(s.ciLow)}, ${fmt(s.ciHigh)}] because evaluation.bootstrap is ${bootstrap}: ${what}${outside}, so it is no confidence interval and cannot show how sure the figure is; set evaluation.bootstrap to 1000 or more (fewer than ${FEW_RESAMPLES} is meant for trials).`;
}

/** The one line naming a model's other intervals of no width. */
function shownLine(model: string, shown: [string, MetricSummary][], few: number | null): string {
  const one = shown.length === 1;
  const list = shown.map(([metric, s]) => `${metric} [${fmt(s.ciLow)}, ${fmt(s.ciHigh)}]`);
  const cause =
    few === null
      ? 'every resample scored the same (a constant prediction, or a perfect or empty result on few items)'
      : `evaluation.bootstrap is ${few}, too few resamples for an interval (set 1000 or more)`;
  return `${model}: ${list.join(', ')} ${one ? 'is a bootstrap interval' : 'are bootstrap intervals'} of no width: ${cause}, so ${one ? 'it does' : 'they do'} not show how sure the figure${one ? ' is' : 's are'}; read ${one ? 'it' : 'them'} as unknown uncertainty, not certainty.`;
}

/**
 * Run warnings for the metrics whose interval is still a bootstrap one of no width, so that
 * `[v, v]` cannot show how sure the figure is: every resample scored the same, or
 * `evaluation.bootstrap` is too small (at 1, every interval is one resample's value twice;
 * below 100, a few resample values can coincide away from the value).
 * One warning per metric an interval threshold reads (`accuracy.ci_low >= 0.9`), which would
 * read a certainty the run does not have, saying why; one line per model naming the others (a
 * constant predictor's `balanced_accuracy [0.500, 0.500]`), since a report showing them reads
 * as certainty too.
 *
 * @remarks A proportion of items at 0 or 1 (`position_bias_rate` too) has the Wilson interval
 *   of its count instead (`ciMethod: 'wilson'`, see `withWilsonFallback`), repeated items
 *   included, and is not named here. With enough resamples, a proportion reaches this
 *   warning when items repeat and its value is between 0 and 1, or when its count is not at
 *   hand (weighted rows).
 * @param models - the run's model results
 * @param gated - the metrics whose interval an interval threshold reads
 * @param zeroOne - the names of the generation scorers that score 0 or 1 (a renamed
 *   `exact_match` goes by its name; default the scorers' own names)
 * @param context - the run's `evaluation.bootstrap` and the models whose items repeat (see
 *   {@link modelsWithRepeatedItems})
 * @returns per model, one warning per gated such metric, then one naming the others
 * @example
 * const perfect = { ...model, metrics: { roc_auc: { ...model.metrics.accuracy, value: 1, ciLow: 1, ciHigh: 1 } } };
 * degenerateIntervalWarnings([perfect], new Set(['roc_auc'])); // ['nb: roc_auc 1.000 has a bootstrap interval of no width [1.000, 1.000]: every resample scored the same, …']
 */
export function degenerateIntervalWarnings(
  models: readonly ModelResult[],
  gated: ReadonlySet<string>,
  zeroOne: ReadonlySet<string> = ZERO_ONE_SCORERS,
  context: DegenerateContext = {},
): string[] {
  const b = context.bootstrap ?? 0;
  return models.flatMap((m) => {
    const noWidth = summaries(m).filter(([, s]) => s.ciMethod === undefined && zeroWidth(s));
    const repeated = context.repeated?.has(m.name) ?? false;
    const own = noWidth
      .filter(([metric]) => gated.has(metric))
      .map(([metric, s]) =>
        fewResamplesCause(s, b)
          ? fewResamples(m.name, metric, s, b)
          : `${m.name}: ${metric} ${fmt(s.value)} has a bootstrap interval of no width [${fmt(s.ciLow)}, ${fmt(s.ciHigh)}]: every resample scored the same, so it cannot show how sure the figure is, and more items would be needed to give it width; not replaced by a Wilson interval because ${why(metric, s, repeated, zeroOne)}.`,
      );
    // the others decide nothing, but a report showing [0.500, 0.500] reads as certainty
    const shown = noWidth.filter(([metric]) => !gated.has(metric));
    if (shown.length === 0) return own;
    const few = shown.some(([, s]) => fewResamplesCause(s, b)) ? b : null;
    return [...own, shownLine(m.name, shown, few)];
  });
}

/**
 * Whether an interval of no width comes of too few resamples: always with one (its ends are
 * that resample's value), and below 100 where the value lies outside it (a few resample values
 * coincided); with a value on it, every resample may well have scored the same (a perfect
 * `roc_auc` on 40 items is `[1, 1]` however many resamples).
 */
function fewResamplesCause(s: MetricSummary, bootstrap: number): boolean {
  if (bootstrap === 1) return true;
  return bootstrap > 1 && bootstrap < FEW_RESAMPLES && s.value !== null && s.value !== s.ciLow;
}

/**
 * The models some of whose items have several answered predictions (an item once per repeat
 * of repeated cross-validation, once per choice order of multiple choice), for
 * {@link degenerateIntervalWarnings}: their shares are no counts of independent trials.
 *
 * @param rows - the run's prediction rows (failed ones are left out, as scoring leaves them)
 * @returns the names of those models
 * @example
 * const twice = [
 *   { model: 'nb', id: 'a', outcome: 'correct' },
 *   { model: 'nb', id: 'a', outcome: 'wrong' },
 * ];
 * [...modelsWithRepeatedItems(twice)]; // ['nb']
 */
export function modelsWithRepeatedItems(
  rows: readonly { readonly model: string; readonly id: string; readonly outcome: string }[],
): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const r of rows) {
    if (r.outcome === 'failed') continue;
    const key = `${r.model}\u0000${r.id}`;
    if (seen.has(key)) repeated.add(r.model);
    seen.add(key);
  }
  return repeated;
}
