import type { ModelComparison } from '@assay/report';
import { holmAdjust, mcnemarExact, pairedBootstrap } from '@assay/stats';
import { finiteOrNull, type PredictionRow } from '../run/prediction-row.js';
import { type ScoringTask, scoredSet } from './scored-set.js';

/**
 * Paired comparisons of every pair of models on the items both answered:
 * McNemar's exact test on correctness, paired bootstrap CIs and p-values of the
 * difference (B − A) for every metric, Holm-corrected across pairs when there
 * are more than two models.
 *
 * @param rowsByModel - prediction rows per model name (same folds and items)
 * @param task - task information
 * @param metrics - metric names to compare
 * @param options - bootstrap resamples, CI level, uniform generator
 * @returns one comparison per unordered pair, in model order
 * @example
 * compareModels(new Map([['a', rowsA], ['b', rowsB]]), task, ['accuracy'], { bootstrap: 1000, ci: 0.95, rng });
 */
export function compareModels(
  rowsByModel: ReadonlyMap<string, readonly PredictionRow[]>,
  task: ScoringTask,
  metrics: readonly string[],
  options: { bootstrap: number; ci: number; rng: () => number },
): ModelComparison[] {
  const names = [...rowsByModel.keys()];
  const out: ModelComparison[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = names[i]!;
      const b = names[j]!;
      const keyOf = (r: PredictionRow): string => `${r.fold}\u0000${r.id}`;
      const bRows = new Map(
        rowsByModel
          .get(b)!
          .filter((r) => r.outcome !== 'failed')
          .map((r) => [keyOf(r), r]),
      );
      const pairsA: PredictionRow[] = [];
      const pairsB: PredictionRow[] = [];
      for (const r of rowsByModel.get(a)!) {
        const other = bRows.get(keyOf(r));
        if (r.outcome !== 'failed' && other) {
          pairsA.push(r);
          pairsB.push(other);
        }
      }
      const comparison: ModelComparison = {
        a,
        b,
        pairedItems: pairsA.length,
        mcnemar: null,
        metrics: {},
      };
      if (pairsA.length > 0 && task.type === 'classification') {
        const m = mcnemarExact(
          pairsA.map((r) => r.correct === true),
          pairsB.map((r) => r.correct === true),
        );
        comparison.mcnemar = { ...m, pHolm: null };
      }
      if (pairsA.length > 0 && task.type !== 'generation') {
        const sets = [scoredSet(pairsA, task), scoredSet(pairsB, task)] as const;
        if (sets[0].rows.length === sets[1].rows.length && sets[0].rows.length > 0) {
          for (const metric of metrics) {
            const r = pairedBootstrap(
              sets[0].rows.length,
              (idx, side) => sets[side].metric(metric, idx),
              {
                samples: Math.max(1, options.bootstrap),
                ci: options.ci,
                rng: options.rng,
              },
            );
            comparison.metrics[metric] = {
              difference: finiteOrNull(r.difference),
              ciLow: finiteOrNull(r.ciLow),
              ciHigh: finiteOrNull(r.ciHigh),
              pValue: finiteOrNull(r.pValue),
              pHolm: null,
            };
          }
        }
      }
      out.push(comparison);
    }
  }
  if (names.length > 2) {
    const mc = holmAdjust(out.map((c) => c.mcnemar?.pValue ?? Number.NaN));
    out.forEach((c, i) => {
      if (c.mcnemar) c.mcnemar.pHolm = finiteOrNull(mc[i]);
    });
    for (const metric of metrics) {
      const adj = holmAdjust(out.map((c) => c.metrics[metric]?.pValue ?? Number.NaN));
      out.forEach((c, i) => {
        const m = c.metrics[metric];
        if (m) m.pHolm = finiteOrNull(adj[i]);
      });
    }
  }
  return out;
}
