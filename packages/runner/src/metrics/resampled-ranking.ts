import {
  averagePrecisionOrderedKernel,
  rocAucOrderedKernel,
  type ScoreOrder,
} from '@assay/core-metrics';
import type { ScoreColumns } from '../score/score-columns.js';
import { classSupportOfDraw, meanOfDefined } from './class-average.js';
import type { RowMultiplicity } from './metric-spec.js';
import { oneVsOneAucs } from './one-vs-one-walk.js';
import { rankedScores, rankedValues, rankingsFit } from './ranked-scores.js';
import { binaryScores, classIndicator, needsProba, probaColumn } from './score-inputs.js';

/*
 * The ranking metrics on a resample given as row multiplicities: each score column is
 * ranked once per thread (rankedScores) and every replicate is one walk along it, where
 * the row-selection forms in score-metrics sort the drawn rows again each time.
 */

/**
 * Whether a draw's rankings may be kept: per ranked row, the ranking (5 bytes), the slice's
 * rows (4), and the laid-out labels (`labelBytes`) and weights (8).
 */
function fits(
  columns: ScoreColumns,
  draw: RowMultiplicity,
  ranked: number,
  labelBytes: number,
  weighted = columns.weight !== null,
): boolean {
  const rows = draw.domain === null ? columns.n : draw.domain.length;
  const perRow = 5 + (draw.domain === null ? 0 : 4) + labelBytes + (weighted ? 8 : 0);
  return rankingsFit(ranked, rows, perRow);
}

/** The positive indicator and the weights, in ranked order. */
function laidOut(
  ranked: ScoreOrder,
  isPositive: Uint8Array,
  weight: Float64Array | null,
): { positive: Uint8Array; weight: Float64Array | null } {
  return {
    positive: rankedValues(ranked, isPositive),
    weight: weight === null ? null : rankedValues(ranked, weight),
  };
}

/**
 * Binary ROC AUC of a resample (`roc_auc`).
 *
 * @param columns - the job's columns
 * @param draw - the multiplicity of every row
 * @returns the AUC, NaN when a class is absent from the draw; undefined when the job is
 *   too large to keep its rankings (see `rankingsFit`)
 * @example
 * const { columns } = prepareColumns({ yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0], yScore: [0.1, 0.9, 0.4, 0.3] });
 * resampledRocAuc(columns, { counts: Uint8Array.of(1, 1, 1, 1), domain: null }); // 1
 * resampledRocAuc(columns, { counts: Uint8Array.of(2, 0, 0, 0), domain: null }); // NaN: no positive row drawn
 */
export function resampledRocAuc(columns: ScoreColumns, draw: RowMultiplicity): number | undefined {
  const { isPositive, scores } = binaryScores(columns, 'roc_auc');
  if (!fits(columns, draw, 1, 1)) return undefined;
  const ranked = rankedScores(scores, draw.domain);
  const { positive, weight } = laidOut(ranked, isPositive, columns.weight);
  return rocAucOrderedKernel(ranked, positive, weight, draw.counts);
}

/**
 * Average precision of a resample (`average_precision`).
 *
 * @param columns - the job's columns
 * @param draw - the multiplicity of every row
 * @returns the average precision; undefined when the job is too large to keep its rankings
 * @example
 * const { columns } = prepareColumns({ yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0], yScore: [0.1, 0.9, 0.4, 0.5] });
 * resampledAveragePrecision(columns, { counts: Uint8Array.of(1, 1, 1, 1), domain: null }); // 0.8333333333333333
 */
export function resampledAveragePrecision(
  columns: ScoreColumns,
  draw: RowMultiplicity,
): number | undefined {
  const { isPositive, scores } = binaryScores(columns, 'average_precision');
  if (!fits(columns, draw, 1, 1)) return undefined;
  const ranked = rankedScores(scores, draw.domain);
  const { positive, weight } = laidOut(ranked, isPositive, columns.weight);
  return averagePrecisionOrderedKernel(ranked, positive, weight, draw.counts);
}

/**
 * One-vs-rest ROC AUC of a resample, the plain or support-weighted mean over classes.
 *
 * @param columns - the job's columns (with `yProba`)
 * @param draw - the multiplicity of every row
 * @param metric - the metric asking, for the error
 * @param weighted - weight each class by its (weighted) support in the draw
 * @returns the mean AUC over the classes that can be scored; undefined when the job is too
 *   large to keep its rankings
 * @example
 * const yProba = [[0.7, 0.2, 0.1, 0.5], [0.2, 0.6, 0.5, 0.3], [0.1, 0.2, 0.4, 0.2]]; // one column per class
 * const { columns } = prepareColumns({ yTrue: ['a', 'b', 'c', 'a'], yPred: ['a', 'b', 'b', 'a'], yProba });
 * resampledOneVsRest(columns, { counts: Uint8Array.of(1, 1, 1, 1), domain: null }, 'roc_auc_ovr', false); // 1
 */
export function resampledOneVsRest(
  columns: ScoreColumns,
  draw: RowMultiplicity,
  metric: string,
  weighted: boolean,
): number | undefined {
  needsProba(columns, metric);
  if (!fits(columns, draw, columns.classes.length, 1)) return undefined;
  const aucs = columns.classes.map((_, c) => {
    const ranked = rankedScores(probaColumn(columns, c), draw.domain);
    const { positive, weight } = laidOut(ranked, classIndicator(columns.yTrue, c), columns.weight);
    return rocAucOrderedKernel(ranked, positive, weight, draw.counts);
  });
  return meanOfDefined(aucs, weighted ? classSupportOfDraw(columns, draw) : null);
}

/**
 * One-vs-one ROC AUC of a resample: per pair of classes present, the mean of the two
 * directions' AUCs, averaged plainly or weighted by the pair's support.
 *
 * @param columns - the job's columns (with `yProba`)
 * @param draw - the multiplicity of every row
 * @param metric - the metric asking, for the error
 * @param weighted - weight each pair by its (weighted) support in the draw
 * @returns the mean pair AUC; undefined when the job is too large to keep its rankings
 * @example
 * const yProba = [[0.7, 0.2, 0.1, 0.5], [0.2, 0.6, 0.5, 0.3], [0.1, 0.2, 0.4, 0.2]]; // one column per class
 * const { columns } = prepareColumns({ yTrue: ['a', 'b', 'c', 'a'], yPred: ['a', 'b', 'b', 'a'], yProba });
 * resampledOneVsOne(columns, { counts: Uint8Array.of(1, 1, 1, 1), domain: null }, 'roc_auc_ovo', false); // 1
 */
export function resampledOneVsOne(
  columns: ScoreColumns,
  draw: RowMultiplicity,
  metric: string,
  weighted: boolean,
): number | undefined {
  needsProba(columns, metric);
  const k = columns.classes.length;
  // one-vs-one pairs are unweighted: only the true classes are laid out
  if (!fits(columns, draw, k, 4, false)) return undefined;
  const support = classSupportOfDraw(columns, draw);
  // pairAuc[a * k + b]: class a against class b, scored by column a
  const pairAuc = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    if (support[a] === 0) continue;
    const ranked = rankedScores(probaColumn(columns, a), draw.domain);
    const classes = rankedValues(ranked, columns.yTrue);
    oneVsOneAucs(ranked, classes, k, a, draw.counts, pairAuc.subarray(a * k, (a + 1) * k));
  }
  const scores: number[] = [];
  const weights: number[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      if (support[a] === 0 || support[b] === 0) continue;
      scores.push((pairAuc[a * k + b]! + pairAuc[b * k + a]!) / 2);
      weights.push(support[a]! + support[b]!);
    }
  }
  return meanOfDefined(scores, weighted ? weights : null);
}
