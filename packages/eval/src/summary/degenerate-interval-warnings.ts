import { fmt, type MetricSummary, type ModelResult } from '@assay/report';
import { metricSpec, PROPORTION_METRICS } from '@assay/runner';
import { ZERO_ONE_SCORERS } from '../config/generation-schema.js';
import { zeroWidth } from './zero-width.js';

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

function why(metric: string, zeroOne: ReadonlySet<string>): string {
  const name = metricSpec(metric)?.name ?? metric;
  if (PROPORTION_METRICS.has(name))
    return 'an item has several predictions here (repeated folds or choice orders), so they are no independent trials whose count a Wilson interval could describe';
  const several =
    'its value is not 0 or 1 (partial credit, or a reducer other than mean over 0/1 scores), where the Wilson interval of a count applies';
  if (metric === 'judge_score' || zeroOne.has(metric)) return several;
  return "the Wilson interval replaces only shares of a count (accuracy, recall, precision, false-positive rate; a generation task's exact_match and 0/1 assertions; judge_score), and this metric is none";
}

/**
 * Run warnings for the metrics whose interval is still a bootstrap one of no width: every
 * resample scored the same, so `[v, v]` cannot show how sure the figure is. One warning per
 * metric an interval threshold reads (`accuracy.ci_low >= 0.9`), which would read a certainty
 * the run does not have, saying why no Wilson interval replaced it; one line per model naming
 * the others (a constant predictor's `balanced_accuracy [0.500, 0.500]`), since a report
 * showing them reads as certainty too.
 *
 * @remarks A proportion of distinct items at 0 or 1 has the Wilson interval of its count
 *   instead (`ciMethod: 'wilson'`, see `withWilsonFallback`) and is not named here.
 * @param models - the run's model results
 * @param gated - the metrics whose interval an interval threshold reads
 * @param zeroOne - the names of the generation scorers that score 0 or 1 (a renamed
 *   `exact_match` goes by its name; default the scorers' own names)
 * @returns per model, one warning per gated such metric, then one naming the others
 * @example
 * const perfect = { ...model, metrics: { roc_auc: { ...model.metrics.accuracy, value: 1, ciLow: 1, ciHigh: 1 } } };
 * degenerateIntervalWarnings([perfect], new Set(['roc_auc'])); // ['nb: roc_auc 1.000 has a bootstrap interval of no width [1.000, 1.000]: every resample scored the same, …']
 */
export function degenerateIntervalWarnings(
  models: readonly ModelResult[],
  gated: ReadonlySet<string>,
  zeroOne: ReadonlySet<string> = ZERO_ONE_SCORERS,
): string[] {
  return models.flatMap((m) => {
    const noWidth = summaries(m).filter(([, s]) => s.ciMethod === undefined && zeroWidth(s));
    const own = noWidth
      .filter(([metric]) => gated.has(metric))
      .map(
        ([metric, s]) =>
          `${m.name}: ${metric} ${fmt(s.value)} has a bootstrap interval of no width [${fmt(s.ciLow)}, ${fmt(s.ciHigh)}]: every resample scored the same, so it cannot show how sure the figure is, and more items would be needed to give it width; not replaced by a Wilson interval because ${why(metric, zeroOne)}.`,
      );
    // the others decide nothing, but a report showing [0.500, 0.500] reads as certainty
    const shown = noWidth.filter(([metric]) => !gated.has(metric));
    if (shown.length === 0) return own;
    const list = shown.map(([metric, s]) => `${metric} [${fmt(s.ciLow)}, ${fmt(s.ciHigh)}]`);
    return [
      ...own,
      `${m.name}: ${list.join(', ')} ${shown.length === 1 ? 'is a bootstrap interval' : 'are bootstrap intervals'} of no width: every resample scored the same (a constant prediction, or a perfect or empty result on few items), so ${shown.length === 1 ? 'it does' : 'they do'} not show how sure the figure${shown.length === 1 ? ' is' : 's are'}; read ${shown.length === 1 ? 'it' : 'them'} as unknown uncertainty, not certainty.`,
    ];
  });
}
