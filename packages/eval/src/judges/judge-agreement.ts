import { cohenKappaFromConfusion } from '@assay/core-metrics';
import { kappaInterval } from '@assay/stats';
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

/**
 * Cohen's kappa between the human grades and the judge's, with the confusion matrix and a
 * bootstrap interval that resamples items (all of an item's judged answers and repeats go
 * together, so repeats add no false confidence).
 *
 * @remarks
 * `κ = 1 − Σ w·O / Σ w·E` (`cohenKappaFromConfusion` of `@assay/core-metrics`, equal to
 * scikit-learn's `cohen_kappa_score`), weights 0/1 (`none`), `|i − j|` (`linear`) or
 * `(i − j)²` (`quadratic`) over the label order. Pairs whose judge grade is not a label are
 * left out. The interval is `kappaInterval` of `@assay/stats` with the items as clusters:
 * the percentile interval of the kappa of each resample of items (resamples where kappa is
 * undefined are left out).
 * @param pairs - human and judge grade per judged answer
 * @param options - labels (order), weights, bootstrap settings
 * @returns kappa, interval, labels and matrix
 * @example
 * const pairs = [{ item: '1', human: 'C', judge: 'C' }, { item: '2', human: 'I', judge: 'I' }];
 * const options = { labels: ['I', 'C'], weights: 'none', bootstrap: { resamples: 0, level: 0.95, seed: 0 } };
 * judgeAgreement(pairs, options).kappa; // 1
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
  const kept = pairs.filter((p) => index.has(p.human) && index.has(p.judge));
  const counts = new Float64Array(k * k);
  for (const p of kept) counts[index.get(p.human)! * k + index.get(p.judge)!]!++;
  const matrix = Array.from({ length: k }, (_, h) => Array.from(counts.subarray(h * k, h * k + k)));
  const labels = [...options.labels];
  const n = kept.length;
  const weights = options.weights === 'none' ? null : options.weights;
  const point = n === 0 ? Number.NaN : cohenKappaFromConfusion(counts, k, { weights });
  if (!Number.isFinite(point) || options.bootstrap.resamples === 0) {
    const kappa = Number.isFinite(point) ? point : null;
    return { n, kappa, ciLow: null, ciHigh: null, labels, matrix };
  }
  const r = kappaInterval(
    kept.map((p) => p.human),
    kept.map((p) => p.judge),
    {
      labels,
      weights,
      clusterIds: kept.map((p) => p.item),
      resamples: options.bootstrap.resamples,
      ci: options.bootstrap.level,
      seed: options.bootstrap.seed,
    },
  );
  const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return { n, kappa: point, ciLow: finite(r.ciLow), ciHigh: finite(r.ciHigh), labels, matrix };
}
