import type { Folding } from '../score/build-folds.js';
import { foldSummary } from '../score/fold-summary.js';
import { noWidthIntervalWarning, sliceNoWidthWarning } from '../score/interval-warnings.js';
import { overallCoverageWarning } from '../score/overall-coverage.js';
import { FEW_BOOTSTRAP } from '../score/score-options.js';
import type { MetricValue, ScoreReport } from '../score/score-report.js';
import { normalizeText } from './answer-normalization.js';
import { isCorpusMetric } from './generation-metrics.js';
import type { GenerationSettings, RowLayout } from './generation-tasks.js';
import { generationMetricValue } from './generation-wilson.js';
import { groupSums, metricValuesFromSums, scoreOfSums } from './row-layout.js';
import { shortOutputBleuWarning } from './short-output-warning.js';

/** Every metric on one set of rows, and the rows' summed matrix row it came from. */
interface SetScores {
  readonly n: number;
  readonly values: Float64Array;
  readonly sums: Float64Array;
}

/** What the stages of a generation job computed, for {@link generationReport}. */
export interface GenerationResults {
  readonly layout: RowLayout;
  readonly settings: GenerationSettings;
  /** The per-row matrix, `n × layout.width`. */
  readonly rows: Float64Array;
  readonly n: number;
  /**
   * The metrics that cannot see the words of text mostly in scripts written without spaces
   * (`unspacedBlindMetrics`), named by that warning alone; empty for spaced text.
   */
  readonly unspacedBlind: readonly string[];
  readonly slice: Int32Array | null;
  readonly sliceValues: readonly (string | number)[];
  readonly cvText: string;
  readonly shuffle?: boolean | undefined;
  readonly foldings: readonly Folding[];
  /** Per selection (whole set, then each slice), per metric; empty without a bootstrap. */
  readonly intervals: ([number, number] | null)[][];
  readonly clusters: number | undefined;
  readonly seed: number;
  readonly bootstrap: number;
  readonly ci: number;
  readonly dropped: number;
  readonly warnings: string[];
  readonly workers: number;
  readonly loadMs: number;
  readonly computeStart: number;
}

function nullable(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** Every metric on each group of rows (`ids[i]`, -1 = none), from the matrix's sums. */
function scoresByGroup(
  results: GenerationResults,
  ids: Int32Array | Int8Array | null,
  groups: number,
): SetScores[] {
  const { layout } = results;
  const m = layout.slots.length;
  const { sums, counts } = groupSums(results.rows, layout.width, ids, groups);
  return Array.from({ length: groups }, (_, g) => {
    const values = new Float64Array(m);
    const groupSum = sums.subarray(g * layout.width, (g + 1) * layout.width);
    metricValuesFromSums(groupSum, counts[g]!, layout, values, 0);
    return { n: counts[g]!, values, sums: groupSum };
  });
}

/**
 * The warnings of the job; BLEU's when the outputs are too short for it to be other than 0;
 * and, as classification warns, one naming the whole set's intervals of no width that no
 * Wilson interval replaced (a bootstrap of few resamples has its own warning instead). The
 * metrics the unspaced-text warning names get neither: it gives their cause.
 */
function reportWarnings(results: GenerationResults, overall: ScoreReport['overall']): string[] {
  const warnings = [...results.warnings];
  const blind = new Set(results.unspacedBlind);
  const slot = results.layout.slots.find((s) => s.name === 'bleu');
  // a bleu of 0 on unsplit text has its cause and advice in the unspaced warning
  if (slot !== undefined && results.n > 0 && !blind.has('bleu')) {
    const { sums } = groupSums(results.rows, results.layout.width, null, 1);
    const short = shortOutputBleuWarning(sums.subarray(slot.offset, slot.offset + slot.width));
    if (short !== undefined) warnings.push(short);
  }
  if (results.bootstrap >= FEW_BOOTSTRAP) {
    const seen = Object.fromEntries(Object.entries(overall).filter(([m]) => !blind.has(m)));
    const noWidth = noWidthIntervalWarning(seen, null);
    if (noWidth !== undefined) warnings.push(noWidth);
  }
  return warnings;
}

/** sacrebleu's signature of each corpus metric on the whole set. */
function signatures(results: GenerationResults): Record<string, string> {
  const { layout } = results;
  const { sums } = groupSums(results.rows, layout.width, null, 1);
  const out: Record<string, string> = {};
  for (const slot of layout.slots) {
    if (!isCorpusMetric(slot.name)) continue;
    const statistics = sums.subarray(slot.offset, slot.offset + slot.width);
    out[slot.name] = scoreOfSums(slot.name, statistics, results.settings).signature;
  }
  return out;
}

function foldList(results: GenerationResults): ScoreReport['folds'] {
  const names = results.layout.slots.map((s) => s.name);
  const folds: ScoreReport['folds'] = [];
  results.foldings.forEach((folding, repeat) => {
    const scores = scoresByGroup(results, folding.ids, folding.offset + folding.splits.length);
    folding.splits.forEach((split, i) => {
      const fold = folding.offset + i;
      const values = scores[fold]!.values;
      folds.push({
        fold,
        repeat,
        nTrain: split.nTrain,
        nTest: split.nTest,
        metrics: Object.fromEntries(names.map((name, j) => [name, nullable(values[j]!)])),
      });
    });
  });
  return folds;
}

/**
 * Builds the report of a generation job, in the shape of a classification report: every
 * metric on the whole set (with its interval), on each fold (with the folds' summary) and
 * on each slice; no labels and no confusion matrix.
 *
 * @param results - what the stages computed
 * @returns the report (validates against `ScoreReportSchema`)
 * @example
 * const layout = rowLayout(['exact_match']);
 * const settings = resolveGenerationSettings({});
 * const rows = Float64Array.of(1, 0, 1, 1); // each row's exact_match
 * const report = generationReport({ layout, settings, rows, n: 4, unspacedBlind: [], slice: null, sliceValues: [], cvText: 'none', foldings: [], intervals: [], clusters: undefined, seed: 0, bootstrap: 0, ci: 0.95, dropped: 0, warnings: [], workers: 0, loadMs: 0, computeStart: performance.now() });
 * report.overall; // { exact_match: { value: 0.75 } }
 * report.settings.generation; // { normalize: 'squad', stemmer: 'none', bleuTokenize: '13a', signatures: {} }
 */
export function generationReport(results: GenerationResults): ScoreReport {
  const names = results.layout.slots.map((s) => s.name);
  const clustered = results.clusters !== undefined;
  // si 0 is the whole set, si s + 1 the slice of code s
  const record = (scores: SetScores, si: number): Record<string, MetricValue> => {
    const out: Record<string, MetricValue> = {};
    results.layout.slots.forEach((slot, j) => {
      const value = nullable(scores.values[j]!);
      const interval = results.intervals[si]?.[j];
      out[slot.name] = generationMetricValue(slot, value, interval, scores, clustered, results.ci);
    });
    return out;
  };
  const overall = record(scoresByGroup(results, null, 1)[0]!, 0);
  const folds = foldList(results);
  const bootstrap = results.bootstrap;
  const report: ScoreReport = {
    n: results.n,
    ...(results.clusters === undefined ? {} : { clusters: results.clusters }),
    task: 'generation',
    labels: [],
    overall,
    folds,
    summary: foldSummary(
      names,
      folds.map((f) => Float64Array.from(names, (name) => f.metrics[name] ?? Number.NaN)),
    ),
    confusionMatrix: null,
    warnings: reportWarnings(results, overall),
    settings: {
      metrics: [...names],
      cv: results.cvText,
      ...(results.shuffle === undefined ? {} : { shuffle: results.shuffle }),
      seed: results.seed,
      bootstrap,
      ci: results.ci,
      ...(bootstrap > 0
        ? { bootstrapMethod: Object.fromEntries(names.map((n) => [n, 'rows' as const])) }
        : {}),
      ...(bootstrap > 0
        ? { resampling: results.clusters === undefined ? 'rows' : 'clusters' }
        : {}),
      generation: {
        normalize: normalizeText(results.settings.normalize),
        stemmer: results.settings.stemmer,
        bleuTokenize: results.settings.bleuTokenize,
        signatures: signatures(results),
      },
    },
    timing: {
      loadMs: results.loadMs,
      computeMs: performance.now() - results.computeStart,
      workers: results.workers,
    },
  };
  if (results.slice !== null) {
    const scores = scoresByGroup(results, results.slice, results.sliceValues.length);
    report.slices = Object.fromEntries(
      results.sliceValues.map((value, s) => [
        String(value),
        { n: scores[s]!.n, metrics: record(scores[s]!, s + 1) },
      ]),
    );
  }
  const coverage = overallCoverageWarning(results.n, folds, results.cvText, bootstrap > 0);
  if (coverage !== undefined) report.warnings.push(coverage);
  if (bootstrap >= FEW_BOOTSTRAP) {
    const noWidth = sliceNoWidthWarning(report.slices);
    if (noWidth !== undefined) report.warnings.push(noWidth);
  }
  if (results.dropped > 0) report.dropped = results.dropped;
  return report;
}
