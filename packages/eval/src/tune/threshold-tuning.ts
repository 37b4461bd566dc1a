import { createRng } from '@assay/splitters';
import { loadComparedRun } from '../compare/load-compared-run.js';
import type { PredictionRow } from '../run/prediction-row.js';
import {
  binaryDecisionMetric,
  countDecisions,
  type ThresholdMetric,
} from './binary-decision-metrics.js';

/** How much a tuned decision threshold on the positive-class score gains over the model's own answers. */
export interface ThresholdTuning {
  readonly metric: ThresholdMetric;
  readonly positiveLabel: string;
  /** predict the positive label when the score is at least this */
  readonly threshold: number;
  readonly cvFolds: number;
  /** tuning items with a score (answered, scored) */
  readonly items: number;
  /** answered tuning items without a score (left out) */
  readonly unscored: number;
  /** the mean over the CV folds of the metric at each candidate threshold */
  readonly curve: { readonly thresholds: readonly number[]; readonly values: readonly number[] };
  /** mean over the CV folds: the model's own answers, and the tuned threshold (optimistic) */
  readonly tuning: { readonly defaultValue: number; readonly tunedValue: number };
  /** on the held-out test part: the honest gain (null under nested CV or without a test part) */
  readonly test: {
    readonly items: number;
    readonly defaultValue: number;
    readonly tunedValue: number;
    readonly gain: number;
  } | null;
  /**
   * what to use: `tuned` when the threshold beat the model's own answers on the held-out test
   * part (gain above 0); `default` (keep the model's own answers) when it did not (gain 0 or
   * below), or, without a test part, when it did not beat them even on the tuning folds;
   * `untested` without a test part when only its optimistic cross-validated gain is known
   */
  readonly use: 'tuned' | 'default' | 'untested';
  /** `use` in words, the sentence the summary, report.html and best.yaml lead with */
  readonly verdict: string;
}

interface Decisions {
  actual: number[];
  score: number[];
  own: number[];
  unscored: number;
}

function decisionsOf(rows: readonly PredictionRow[], positive: string): Decisions {
  const out: Decisions = { actual: [], score: [], own: [], unscored: 0 };
  for (const r of rows) {
    if (r.outcome === 'failed' || r.expected === null) continue;
    if (r.score === null || !Number.isFinite(r.score)) {
      out.unscored++;
      continue;
    }
    out.actual.push(r.expected === positive ? 1 : 0);
    out.score.push(r.score);
    out.own.push(r.parsed === positive ? 1 : 0);
  }
  return out;
}

/** Stratified folds: within each class a seeded shuffle, then positions dealt round-robin. */
function stratifiedFolds(actual: readonly number[], k: number, seed: number): number[] {
  const rng = createRng(seed >>> 0);
  const fold = new Array<number>(actual.length).fill(0);
  for (const cls of [0, 1]) {
    const idx = actual.flatMap((a, i) => (a === cls ? [i] : []));
    for (let j = idx.length - 1; j > 0; j--) {
      const r = Math.floor(rng.nextFloat() * (j + 1));
      [idx[j], idx[r]] = [idx[r]!, idx[j]!];
    }
    idx.forEach((i, p) => {
      fold[i] = p % k;
    });
  }
  return fold;
}

function meanOverFolds(
  d: Decisions,
  folds: readonly number[],
  k: number,
  metric: ThresholdMetric,
  decide: (i: number) => number,
): number {
  let sum = 0;
  for (let f = 0; f < k; f++) {
    const at = folds.flatMap((g, i) => (g === f ? [i] : []));
    const c = countDecisions(
      at.map((i) => d.actual[i]!),
      at.map(decide),
    );
    sum += binaryDecisionMetric(metric, c);
  }
  return sum / k;
}

/**
 * Chooses the decision threshold on the positive-class score by cross-validation, as
 * scikit-learn's `TunedThresholdClassifierCV` does for a fixed model: 100 thresholds evenly
 * spaced between the lowest and highest score, the metric averaged over stratified folds, the
 * best mean wins. The gain is then measured on the held-out test part.
 *
 * @param tuningDir - the winner's run on the tuning items
 * @param testDir - the winner's run on the test part (null when there is none)
 * @param options - metric, positive label, folds (5), seed, held-out items the budget left unscored
 * @returns the threshold, the CV curve and the gains
 * @example
 * const { winner } = tuned;
 * const t = await tuneThreshold(winner.tuning.dir, winner.test?.dir ?? null, { metric: 'balanced_accuracy', positiveLabel: 'spam', folds: 5, seed: 0 });
 * t.metric; // 'balanced_accuracy'
 */
export async function tuneThreshold(
  tuningDir: string,
  testDir: string | null,
  options: {
    metric: ThresholdMetric;
    positiveLabel: string;
    folds: number;
    seed: number;
    /** held-out items kept aside but not scored (the budget stopped the search first) */
    unscoredTestItems?: number;
  },
): Promise<ThresholdTuning> {
  const { metric, positiveLabel, seed } = options;
  const d = decisionsOf((await loadComparedRun(tuningDir)).rows, positiveLabel);
  const k = Math.max(2, Math.min(options.folds, d.actual.length));
  const folds = stratifiedFolds(d.actual, k, seed);
  const lo = Math.min(...d.score);
  const hi = Math.max(...d.score);
  const thresholds = Array.from({ length: 100 }, (_, i) =>
    hi > lo ? lo + ((hi - lo) * i) / 99 : lo,
  );
  const values = thresholds.map((t) =>
    meanOverFolds(d, folds, k, metric, (i) => (d.score[i]! >= t ? 1 : 0)),
  );
  const best = values.indexOf(Math.max(...values));
  const threshold = thresholds[best]!;
  const defaultValue = meanOverFolds(d, folds, k, metric, (i) => d.own[i]!);
  const tuning = { defaultValue, tunedValue: values[best]! };
  const test = testDir === null ? null : await testGain(testDir, metric, positiveLabel, threshold);
  return {
    metric,
    positiveLabel,
    threshold,
    cvFolds: k,
    items: d.actual.length,
    unscored: d.unscored,
    curve: { thresholds, values },
    tuning,
    test,
    ...thresholdVerdict(
      { metric, positiveLabel, threshold, tuning, test },
      testDir === null ? (options.unscoredTestItems ?? 0) : 0,
    ),
  };
}

const signed = (v: number): string => `${v >= 0 ? '+' : ''}${v.toFixed(4)}`;

/**
 * Whether to use the tuned threshold, and the sentence saying so. Only the held-out test part
 * can say the threshold helps: the cross-validated gain is optimistic (the threshold was
 * chosen on those folds). A gain of 0 or below there keeps the model's own answers (the
 * default); so does, without a test part (nested cross-validation), no gain on the folds.
 *
 * @param t - the metric, positive label, threshold, cross-validated means and test gain
 * @param unscoredTestItems - held-out items kept aside that the budget stopped the search from
 *   scoring (0 when there is no test part): the verdict then says why it was not checked
 * @returns `use` and `verdict`
 * @example
 * const t = { metric: 'f1_macro', positiveLabel: 'spam', threshold: 0.5455, tuning: { defaultValue: 0.9583, tunedValue: 0.9666 } };
 * thresholdVerdict({ ...t, test: { items: 60, defaultValue: 0.9833, tunedValue: 0.9666, gain: -0.0167 } }).use; // 'default'
 * thresholdVerdict({ ...t, test: { items: 60, defaultValue: 0.95, tunedValue: 0.9666, gain: 0.0166 } }).use; // 'tuned'
 * thresholdVerdict({ ...t, test: null }).use; // 'untested'
 * thresholdVerdict({ ...t, test: null }, 60).verdict; // '… not checked on held-out items, the budget having stopped the search before the 60 held-out items were scored: …'
 */
export function thresholdVerdict(
  t: Pick<ThresholdTuning, 'metric' | 'positiveLabel' | 'threshold' | 'tuning' | 'test'>,
  unscoredTestItems = 0,
): Pick<ThresholdTuning, 'use' | 'verdict'> {
  const at = t.threshold.toFixed(4);
  if (t.test !== null) {
    const on = `on the ${t.test.items} held-out test items ${t.metric} ${t.test.defaultValue.toFixed(4)} with the model's own answers, ${t.test.tunedValue.toFixed(4)} with the threshold (gain ${signed(t.test.gain)})`;
    return t.test.gain > 0
      ? {
          use: 'tuned',
          verdict: `Predict ${t.positiveLabel} when its score is at least ${at}: it improved on held-out items (${on}).`,
        }
      : {
          use: 'default',
          verdict: `Keep the model's own answers (the default; no decision threshold): the tuned threshold ${at} did not improve on held-out items (${on}).`,
        };
  }
  // a test part the budget left unscored exists: "there being no test part" would be false
  const why =
    unscoredTestItems > 0
      ? `the budget having stopped the search before the ${unscoredTestItems} held-out items were scored`
      : 'there being no test part';
  const cv = `cross-validated ${t.metric} ${t.tuning.defaultValue.toFixed(4)} with the model's own answers, ${t.tuning.tunedValue.toFixed(4)} with the threshold`;
  return t.tuning.tunedValue > t.tuning.defaultValue
    ? {
        use: 'untested',
        verdict: `The tuned threshold ${at} (predict ${t.positiveLabel} when its score is at least ${at}) was not checked on held-out items, ${why}: its gain is known only on the folds it was chosen on (${cv}), which is optimistic.`,
      }
    : {
        use: 'default',
        verdict: `Keep the model's own answers (the default; no decision threshold): the tuned threshold ${at} did not improve on them even on the folds it was chosen on (${cv}).`,
      };
}

async function testGain(
  dir: string,
  metric: ThresholdMetric,
  positive: string,
  threshold: number,
): Promise<ThresholdTuning['test']> {
  const d = decisionsOf((await loadComparedRun(dir)).rows, positive);
  const defaultValue = binaryDecisionMetric(metric, countDecisions(d.actual, d.own));
  const tunedValue = binaryDecisionMetric(
    metric,
    countDecisions(
      d.actual,
      d.score.map((s) => (s >= threshold ? 1 : 0)),
    ),
  );
  return { items: d.actual.length, defaultValue, tunedValue, gain: tunedValue - defaultValue };
}
