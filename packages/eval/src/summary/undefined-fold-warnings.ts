import type { ModelResult } from '@assay/report';

/**
 * Run warnings for task metrics that are undefined on some folds but not all (a ranking metric
 * on a fold whose answers hold one class, `r2` on a fold of one item): their fold mean and
 * spread cover only the other folds, which a reader of `mean ± std` would not guess. The
 * pooled value and its interval are unaffected (they cover every item).
 *
 * @param models - the run's model results (each metric's `folds`, `null` = undefined)
 * @returns one warning per model and such metric, in model and metric order
 * @example
 * const folds = { ...model.metrics.accuracy, folds: [0.8, null, 1, null, 0.9] };
 * undefinedFoldWarnings([{ ...model, metrics: { roc_auc: folds } }]); // ['nb: roc_auc has no value on 2 of 5 folds, …']
 */
export function undefinedFoldWarnings(models: readonly ModelResult[]): string[] {
  return models.flatMap((m) =>
    Object.entries(m.metrics).flatMap(([metric, s]) => {
      const n = s.folds.length;
      const defined = s.folds.filter((f) => f !== null).length;
      if (n < 2 || defined === n || defined === 0) return [];
      return [
        `${m.name}: ${metric} has no value on ${n - defined} of ${n} folds, where it is undefined (a ranking metric on a fold whose answers or labels hold one class; r2 on a fold of one item); its fold mean and spread cover the other ${defined}, while the pooled value and its interval cover every item.`,
      ];
    }),
  );
}
