import type { UnpairedItems } from './pair-runs.js';

/** The paired test behind a metric's p-value. */
export type PairedTestName = 'mcnemar' | 'permutation' | 'bootstrap';

/** One metric of `assay compare`: both values, the difference, its interval, the test. */
export interface MetricComparison {
  /** the metric's name */
  readonly metric: string;
  /** whether larger values are better (the sign of "worse") */
  readonly greaterIsBetter: boolean;
  /** the metric of the baseline on the paired items */
  readonly baseline: number | null;
  /** the metric of the candidate on the paired items */
  readonly candidate: number | null;
  /** candidate − baseline */
  readonly difference: number | null;
  /** the paired bootstrap interval of the difference */
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  /**
   * `bca`; `percentile` where BCa is undefined (no item differs); `clopper-pearson` for a share
   * on which no paired item differs: ± the exact upper end of the share of items answered
   * differently (see `alikeItemsBound`)
   */
  readonly interval: 'bca' | 'percentile' | 'clopper-pearson' | null;
  /** with `interval: 'clopper-pearson'`: the paired items, every one answered alike */
  readonly itemsAlike?: number;
  /** McNemar's exact test (0/1 outcomes), the sign-flip permutation test (per-item scores), or the bootstrap's */
  readonly test: PairedTestName | null;
  /** the test's two-sided p-value */
  readonly pValue: number | null;
  /**
   * for a bootstrap p-value of 0 (no resample crossed zero): the bound it is below, 2 /
   * resamples (the table's `<0.002`); `pValue` 0 then means p < `pValueBelow`
   */
  readonly pValueBelow?: number;
  /** the p-value adjusted across the gated metrics (Holm, or Benjamini-Hochberg with `--fdr`); null when not gated */
  readonly pAdjusted: number | null;
  /** whether the decision rules apply to this metric */
  readonly gated: boolean;
  /** significantly worse after adjustment (p-adjusted below 1 − ci, difference in the bad direction) */
  readonly worse: boolean;
  /** with `--margin`: the interval lies at or above −margin (at or below +margin for lower-better metrics) */
  readonly nonInferior: boolean | null;
  /** whether this metric fails a decision rule */
  readonly failed: boolean;
}

/** One service figure side by side. */
export interface ServiceComparison {
  /** the figure, as threshold names spell it (`p95_latency_ms`, `cost_per_correct_usd`) */
  readonly name: string;
  readonly baseline: number | null;
  readonly candidate: number | null;
  /** candidate − baseline */
  readonly difference: number | null;
  /** whether larger values are better */
  readonly greaterIsBetter: boolean;
}

/** One side of a comparison. */
export interface ComparedSide {
  /** the results file read */
  readonly results: string;
  /** the run's name */
  readonly name: string;
  /** the compared model */
  readonly model: string;
  /** when the run finished */
  readonly finishedAt: string;
}

/** What `assay compare` decided and why. */
export interface CompareDecision {
  /** 0: no gated metric failed; 1: one did */
  readonly exitCode: 0 | 1;
  /** the one line that says why (printed last) */
  readonly reason: string;
}

/** Everything `assay compare` found: the JSON output, and what every format renders. */
export interface CompareResult {
  readonly baseline: ComparedSide;
  readonly candidate: ComparedSide;
  /** the task type */
  readonly task: string;
  /** paired (fold, item, sample) keys */
  readonly pairedItems: number;
  /** paired keys where a request failed on either side (left out of the metrics) */
  readonly failedPairs: number;
  readonly onlyBaseline: UnpairedItems;
  readonly onlyCandidate: UnpairedItems;
  /** notes: the model chosen, differences allowed by `--allow-different-data` */
  readonly notes: readonly string[];
  readonly settings: {
    readonly bootstrap: number;
    readonly ci: number;
    readonly seed: number;
    readonly permutations: number;
    readonly adjustment: 'holm' | 'benjamini-hochberg';
    readonly failOn: 'regression' | null;
    readonly margin: number | null;
    /** `--max-unpaired`: above this share of items in one run only, the comparison fails */
    readonly maxUnpaired?: number | null;
    readonly gatedMetrics: readonly string[];
    /** metrics named with `--metric` that could not be compared (no paired value): they fail */
    readonly uncomparedMetrics?: readonly string[];
  };
  readonly metrics: readonly MetricComparison[];
  readonly service: readonly ServiceComparison[];
  readonly decision: CompareDecision;
}
