import type { RunResults } from '../results/run-results-schema.js';
import { fmt } from './format-number.js';

/**
 * Why a paired difference's interval is the exact bound of items answered alike and not the
 * bootstrap's.
 *
 * @remarks
 * When no paired item was answered differently, every bootstrap resample's difference is 0
 * and the bootstrap interval is [0, 0]. For a share of 0/1 outcomes (accuracy, exact match)
 * the difference is at most the share of items answered differently, whose exact
 * (Clopper-Pearson) upper end with 0 of n seen is 1 − ((1 − ci) / 2)^(1/n); the interval is ±
 * that end.
 * @param metric - the metric's name
 * @param itemsAlike - the paired items, every one answered alike
 * @param high - the interval's upper end (the bound)
 * @param ci - the confidence level
 * @param sides - what was compared: two runs (`assay compare`, `vs baseline`) or two models
 * @returns the note, without a closing full stop
 * @example
 * alikeBoundNote('accuracy', 50, 0.07112, 0.95, 'runs');
 * // 'Clopper-Pearson bound for accuracy: none of the 50 paired items was answered differently, …'
 */
export function alikeBoundNote(
  metric: string,
  itemsAlike: number,
  high: number,
  ci: number,
  sides: 'runs' | 'models',
): string {
  return `Clopper-Pearson bound for ${metric}: none of the ${itemsAlike} paired items was answered differently, so every resample's difference is 0; the interval is ±${fmt(high, 4)}, the ${+(ci * 100).toPrecision(6)}% exact (Clopper-Pearson) upper end of the share of items the ${sides} answer differently (0 of ${itemsAlike}), which bounds the difference`;
}

/**
 * The notes on a run's model-vs-model intervals that are not the bootstrap's spread: the exact
 * bound of a share no paired item differs on, and a `[0, 0]` no bound is known for (F1, AUC,
 * BLEU), which shows no width rather than equality.
 *
 * @param r - the run's results
 * @returns one note per such metric of each pair (`B − A: …`)
 * @example
 * const accuracy = { difference: 0, ciLow: -0.0881, ciHigh: 0.0881, pValue: 1, pHolm: null, interval: 'clopper-pearson', itemsAlike: 40 };
 * const comparisons = [{ a: 'nb', b: 'nb-v2', pairedItems: 40, mcnemar: null, metrics: { accuracy } }];
 * comparisonIntervalNotes({ comparisons, evaluation: { ci: 0.95 } });
 * // ['nb-v2 − nb: Clopper-Pearson bound for accuracy: none of the 40 paired items …']
 */
export function comparisonIntervalNotes(r: {
  readonly comparisons: RunResults['comparisons'];
  readonly evaluation: Pick<RunResults['evaluation'], 'ci'>;
}): string[] {
  return r.comparisons.flatMap((c) =>
    Object.entries(c.metrics).flatMap(([metric, d]) => {
      const pair = `${c.b} − ${c.a}`;
      if (d.interval === 'clopper-pearson' && d.itemsAlike !== undefined && d.ciHigh !== null)
        return [
          `${pair}: ${alikeBoundNote(metric, d.itemsAlike, d.ciHigh, r.evaluation.ci, 'models')}`,
        ];
      if (d.difference === 0 && d.ciLow === 0 && d.ciHigh === 0)
        return [
          `${pair}: ${metric} [0, 0]: every resample's difference is 0 (the two models' answers on the ${c.pairedItems} paired predictions give the same ${metric}); an interval without width is no evidence that the models are equal, and no bound is known for ${metric}: compare more items`,
        ];
      return [];
    }),
  );
}
