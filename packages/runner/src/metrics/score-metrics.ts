import { averagePrecisionKernel, rocAucBinaryKernel } from '@assay/core-metrics';
import type { ScoreColumns } from '../score/score-columns.js';
import { classSupport, meanOfDefined } from './class-average.js';
import { drawsPositive } from './defined-on-replicate.js';
import type { RowMultiplicity, RowsMetric } from './metric-spec.js';
import {
  resampledAveragePrecision,
  resampledOneVsOne,
  resampledOneVsRest,
  resampledRocAuc,
} from './resampled-ranking.js';
import { filterRows } from './row-selection.js';
import { binaryScores, classIndicator, needsProba, probaColumn } from './score-inputs.js';

function ovr(columns: ScoreColumns, rows: Uint32Array | null, weighted: boolean): number {
  const aucs = columns.classes.map((_, c) =>
    rocAucBinaryKernel(
      classIndicator(columns.yTrue, c),
      probaColumn(columns, c),
      columns.weight,
      rows,
    ),
  );
  return meanOfDefined(aucs, weighted ? classSupport(columns, rows) : null);
}

function ovo(columns: ScoreColumns, rows: Uint32Array | null, weighted: boolean): number {
  const k = columns.classes.length;
  const support = classSupport(columns, rows);
  const scores: number[] = [];
  const weights: number[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      if (support[a] === 0 || support[b] === 0) continue;
      const pair = filterRows(columns.yTrue, rows, (code) => code === a || code === b);
      const ab = rocAucBinaryKernel(
        classIndicator(columns.yTrue, a),
        probaColumn(columns, a),
        null,
        pair,
      );
      const ba = rocAucBinaryKernel(
        classIndicator(columns.yTrue, b),
        probaColumn(columns, b),
        null,
        pair,
      );
      scores.push((ab + ba) / 2);
      weights.push(support[a]! + support[b]!);
    }
  }
  return meanOfDefined(scores, weighted ? weights : null);
}

function scoreMetric(
  name: string,
  needs: 'scores' | 'proba',
  greaterIsBetter: boolean,
  compute: (columns: ScoreColumns, rows: Uint32Array | null) => number,
  computeResampled: (columns: ScoreColumns, draw: RowMultiplicity) => number | undefined,
  definedOn?: RowsMetric['definedOn'],
): RowsMetric {
  return {
    name,
    task: 'classification',
    needs,
    kind: 'rows',
    greaterIsBetter,
    compute,
    computeResampled,
    ...(definedOn === undefined ? {} : { definedOn }),
  };
}

/** Ranking metrics over scores or probabilities, by scikit-learn scorer name. */
export const RANKING_METRICS: readonly RowsMetric[] = [
  scoreMetric(
    'roc_auc',
    'scores',
    true,
    (columns, rows) => {
      const { isPositive, scores } = binaryScores(columns, 'roc_auc');
      return rocAucBinaryKernel(isPositive, scores, columns.weight, rows);
    },
    resampledRocAuc,
  ),
  scoreMetric(
    'average_precision',
    'scores',
    true,
    (columns, rows) => {
      const { isPositive, scores } = binaryScores(columns, 'average_precision');
      return averagePrecisionKernel(isPositive, scores, columns.weight, rows);
    },
    resampledAveragePrecision,
    // scikit-learn scores rows without a positive 0, which the whole set keeps
    drawsPositive('average_precision'),
  ),
  scoreMetric(
    'roc_auc_ovr',
    'proba',
    true,
    (columns, rows) => {
      needsProba(columns, 'roc_auc_ovr');
      return ovr(columns, rows, false);
    },
    (columns, draw) => resampledOneVsRest(columns, draw, 'roc_auc_ovr', false),
  ),
  scoreMetric(
    'roc_auc_ovr_weighted',
    'proba',
    true,
    (columns, rows) => {
      needsProba(columns, 'roc_auc_ovr_weighted');
      return ovr(columns, rows, true);
    },
    (columns, draw) => resampledOneVsRest(columns, draw, 'roc_auc_ovr_weighted', true),
  ),
  scoreMetric(
    'roc_auc_ovo',
    'proba',
    true,
    (columns, rows) => {
      needsProba(columns, 'roc_auc_ovo');
      return ovo(columns, rows, false);
    },
    (columns, draw) => resampledOneVsOne(columns, draw, 'roc_auc_ovo', false),
  ),
  scoreMetric(
    'roc_auc_ovo_weighted',
    'proba',
    true,
    (columns, rows) => {
      needsProba(columns, 'roc_auc_ovo_weighted');
      return ovo(columns, rows, true);
    },
    (columns, draw) => resampledOneVsOne(columns, draw, 'roc_auc_ovo_weighted', true),
  ),
];
