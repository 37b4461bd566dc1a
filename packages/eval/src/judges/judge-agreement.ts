import { cohenKappaFromConfusion } from '@assay/core-metrics';
import { createRng } from '@assay/splitters';
import { percentileInterval } from '@assay/stats';
import type { JudgeBootstrap } from './judge-score-interval.js';

/** One judged answer beside the person's grade of its item. */
export interface AgreementPair {
  /** the item (the bootstrap's cluster) */
  readonly item: string;
  /** the person's grade, one of the labels */
  readonly human: string;
  /** the judge's grade */
  readonly judge: string;
}

/** The judge's agreement with people, as `models[].judge.agreement` reports it. */
export interface JudgeAgreement {
  /** pairs compared (judged answers whose item has a human grade and whose grade is a label) */
  readonly n: number;
  /** Cohen's kappa; null when undefined (one grade only on both sides, or no pair) */
  readonly kappa: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  /** rows and columns of the matrix, lowest grade first */
  readonly labels: string[];
  /** counts: rows the human grade, columns the judge grade */
  readonly matrix: number[][];
}

/** Kappa weights as the configuration names them. */
export type AgreementWeights = 'none' | 'linear' | 'quadratic';

/**
 * Reads a human grade cell against the grade labels: compared trimmed and case-blind.
 *
 * @param value - the cell (undefined when the column is absent from the row)
 * @param labels - the grade labels
 * @returns the label as the labels spell it, `null` for an empty cell (no grade: the item is
 *   left out of the agreement), or `undefined` for a value that is no label
 * @example
 * humanGradeLabel(' c ', ['I', 'P', 'C']); // 'C'
 */
export function humanGradeLabel(
  value: string | undefined,
  labels: readonly string[],
): string | null | undefined {
  const v = (value ?? '').trim();
  if (v === '') return null;
  return labels.find((l) => l.toLowerCase() === v.toLowerCase());
}

function kappaOf(counts: Float64Array, k: number, weights: AgreementWeights): number {
  return cohenKappaFromConfusion(counts, k, { weights: weights === 'none' ? null : weights });
}

/**
 * Cohen's kappa between the human grades and the judge's, with the confusion matrix and a
 * bootstrap interval that resamples items (all of an item's judged answers and repeats go
 * together, so repeats add no false confidence).
 *
 * @remarks
 * `κ = 1 − Σ w·O / Σ w·E` (`cohenKappaFromConfusion` of `@assay/core-metrics`, equal to
 * scikit-learn's `cohen_kappa_score`), weights 0/1 (`none`), `|i − j|` (`linear`) or
 * `(i − j)²` (`quadratic`) over the label order. Pairs whose judge grade is not a label are
 * left out. The interval is the percentile interval of the kappa of each resample; resamples
 * where kappa is undefined are left out.
 * @param pairs - human and judge grade per judged answer
 * @param options - labels (order), weights, bootstrap settings
 * @returns kappa, interval, labels and matrix
 * @example
 * judgeAgreement(
 *   [{ item: '1', human: 'C', judge: 'C' }, { item: '2', human: 'I', judge: 'I' }],
 *   { labels: ['I', 'C'], weights: 'none', bootstrap: { resamples: 0, level: 0.95, seed: 0 } },
 * ).kappa; // 1
 */
export function judgeAgreement(
  pairs: readonly AgreementPair[],
  options: {
    readonly labels: readonly string[];
    readonly weights: AgreementWeights;
    readonly bootstrap: JudgeBootstrap;
  },
): JudgeAgreement {
  const k = options.labels.length;
  const index = new Map(options.labels.map((l, i) => [l, i]));
  const clusters = new Map<string, number[]>();
  const counts = new Float64Array(k * k);
  let n = 0;
  for (const p of pairs) {
    const h = index.get(p.human);
    const j = index.get(p.judge);
    if (h === undefined || j === undefined) continue;
    const cell = h * k + j;
    counts[cell]!++;
    n++;
    const cluster = clusters.get(p.item);
    if (cluster === undefined) clusters.set(p.item, [cell]);
    else cluster.push(cell);
  }
  const matrix = Array.from({ length: k }, (_, h) => Array.from(counts.subarray(h * k, h * k + k)));
  const labels = [...options.labels];
  const point = n === 0 ? Number.NaN : kappaOf(counts, k, options.weights);
  const kappa = Number.isFinite(point) ? point : null;
  if (kappa === null || options.bootstrap.resamples === 0) {
    return { n, kappa, ciLow: null, ciHigh: null, labels, matrix };
  }
  const cells = [...clusters.values()];
  const rng = createRng(options.bootstrap.seed);
  const replicates = new Float64Array(options.bootstrap.resamples);
  const drawn = new Float64Array(k * k);
  for (let b = 0; b < replicates.length; b++) {
    drawn.fill(0);
    for (let i = 0; i < cells.length; i++) {
      for (const cell of cells[rng.nextInt(cells.length)]!) drawn[cell]!++;
    }
    replicates[b] = kappaOf(drawn, k, options.weights);
  }
  const interval = percentileInterval(replicates, options.bootstrap.level);
  return { n, kappa, ciLow: interval?.[0] ?? null, ciHigh: interval?.[1] ?? null, labels, matrix };
}
