import type { MetricSummary } from '@assay/report';
import type { Runner } from '@assay/runner';
import type { ResolvedScorer } from '../config/generation-scorers.js';
import type { PredictionRow } from '../run/prediction-row.js';
import { nullSummary, summaryOf } from '../summary/metric-summary.js';
import type { ScoredText } from './assertion-values.js';
import { binaryWilson } from './binary-wilson.js';
import { meanSummary } from './mean-summary.js';
import { type GenerationUnits, reduceSamples } from './sample-units.js';
import { scorerValues, settingsKey } from './scorer-values.js';

/** A generation task's scoring settings (from its config section). */
export interface GenerationSettings {
  readonly scorers: readonly ResolvedScorer[];
  readonly reducer: string;
  readonly samples: number;
}

/** Options of {@link scoreGenerationModel}. */
export interface GenerationScoreOptions {
  readonly folds: number;
  readonly bootstrap: number;
  readonly ci: number;
  readonly seed: number;
}

/** One model's generation scores: metric summaries, the units behind them, slice values. */
export interface GenerationScores {
  readonly metrics: Record<string, MetricSummary>;
  readonly units: GenerationUnits;
  /** answered rows whose extraction chain found nothing (scored as empty answers) */
  readonly extractionFailures: number;
  /** per slice (group) value: slice → scorer → value */
  readonly slices: Map<string, { n: number; metrics: Record<string, number | null> }>;
  /**
   * the pool's warnings that `assay score --task generation` prints too (corpus BLEU 0 because
   * no output holds a 4-gram), each prefixed with the scorer's name where it is not the metric's
   */
  readonly warnings: string[];
}

/** The runner's warning for a corpus BLEU of 0 that outputs this short could not avoid. */
const SHORT_OUTPUT = 'bleu is 0:';

/**
 * The text an answered row is scored on: its extracted answer, or `''` for an extraction
 * failure (counted apart, never silently dropped), and the item's references.
 *
 * @param row - an answered row
 * @returns the scored text
 * @example
 * scoredText({ id: 'q1', parsed: 'Paris', expected: 'Paris' }); // { output: 'Paris', references: ['Paris'], id: 'q1' }
 */
export function scoredText(row: PredictionRow): ScoredText {
  return {
    output: row.parsed ?? '',
    references: row.references ?? [row.expected ?? ''],
    id: row.id,
  };
}

async function poolSummaries(
  runner: Runner,
  units: GenerationUnits,
  scorers: readonly ResolvedScorer[],
  options: GenerationScoreOptions,
  out: GenerationScores,
): Promise<void> {
  const texts = units.units.map((u) => scoredText(u.row));
  const groups = units.units.map((u) => u.row.group);
  const sliced = groups.every((g) => g !== null);
  const bySettings = new Map<string, ResolvedScorer[]>();
  for (const s of scorers) {
    if (s.onPool) bySettings.set(settingsKey(s), [...(bySettings.get(settingsKey(s)) ?? []), s]);
  }
  for (const group of bySettings.values()) {
    const metrics = [...new Set(group.map((s) => s.metric))];
    const report = await runner.scoreGenerations(
      {
        outputs: texts.map((t) => t.output),
        references: texts.map((t) => [...t.references]),
        ...(sliced ? { slice: groups as string[] } : {}),
      },
      {
        metrics,
        normalize: group[0]!.normalize,
        stemmer: group[0]!.stemmer,
        bleuTokenize: group[0]!.bleuTokenize as never,
        foldIds: Int32Array.from(units.units, (u) => u.row.fold),
        clusterIds: Int32Array.from(units.units, (u) => u.cluster),
        bootstrap: options.bootstrap,
        ci: options.ci,
        seed: options.seed,
      },
    );
    const short = report.warnings.find((w) => w.startsWith(SHORT_OUTPUT));
    for (const s of group) {
      if (short !== undefined && s.metric === 'bleu')
        out.warnings.push(s.name === 'bleu' ? short : `${s.name}: ${short}`);
      out.metrics[s.name] = summaryOf(report, s.metric, options.folds);
      for (const [slice, v] of Object.entries(report.slices ?? {})) {
        sliceEntry(out, slice, v.n).metrics[s.name] = v.metrics[s.metric]?.value ?? null;
      }
    }
  }
}

function sliceEntry(out: GenerationScores, slice: string, n: number) {
  let entry = out.slices.get(slice);
  if (!entry) out.slices.set(slice, (entry = { n, metrics: {} }));
  return entry;
}

function harnessSummaries(
  units: GenerationUnits,
  scorers: readonly ResolvedScorer[],
  options: GenerationScoreOptions,
  out: GenerationScores,
): void {
  const foldIds = Int32Array.from(units.units, (u) => u.row.fold);
  const clusters = Int32Array.from(units.units, (u) => u.cluster);
  for (const s of scorers) {
    const values = units.values.get(s.name);
    if (values === undefined || (units.onPool && s.onPool)) continue;
    out.metrics[s.name] = meanSummary(values, foldIds, clusters, options);
    const bySlice = new Map<string, number[]>();
    units.units.forEach((u, i) => {
      if (u.row.group !== null) bySlice.set(u.row.group, [...(bySlice.get(u.row.group) ?? []), i]);
    });
    for (const [slice, at] of bySlice) {
      const defined = at.map((i) => values[i]!).filter((x) => !Number.isNaN(x));
      sliceEntry(out, slice, at.length).metrics[s.name] =
        defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
    }
  }
}

/**
 * Scores one model's answers to a generation task: extraction failures scored as empty
 * answers, samples reduced by the task's reducer, pool scorers (text metrics) on the runner's
 * worker pool with intervals that resample items, assertions and per-item reductions as
 * means with item-clustered bootstrap intervals.
 *
 * @param runner - the worker pool
 * @param rows - the model's prediction rows (failed requests are left out here)
 * @param settings - scorers, reducer, samples
 * @param options - folds, bootstrap, ci, seed
 * @returns the metric summaries (one per scorer), the units and per-slice values
 * @throws EvaluationError from the assertion scorers (a non-numeric `numeric_match` reference)
 * @example
 * const settings = { scorers: resolveScorers(['token_f1']), reducer: 'mean', samples: 1 };
 * const runner = createRunner();
 * const scores = await scoreGenerationModel(runner, generation.rows, settings, { folds: 1, bootstrap: 200, ci: 0.95, seed: 0 });
 * await runner.close();
 * scores.metrics.token_f1.value; // 0.0351…
 */
export async function scoreGenerationModel(
  runner: Runner,
  rows: readonly PredictionRow[],
  settings: GenerationSettings,
  options: GenerationScoreOptions,
): Promise<GenerationScores> {
  const answered = rows.filter((r) => r.outcome !== 'failed');
  const values = await scorerValues(answered.map(scoredText), settings.scorers);
  const units = reduceSamples(
    answered,
    values,
    settings.scorers,
    settings.reducer,
    settings.samples,
  );
  const out: GenerationScores = {
    metrics: {},
    units,
    extractionFailures: answered.filter((r) => r.outcome === 'unparseable').length,
    slices: new Map(),
    warnings: [],
  };
  for (const s of settings.scorers) out.metrics[s.name] = nullSummary(options.folds);
  if (units.units.length === 0) {
    for (const s of settings.scorers) out.metrics[s.name]!.reason = 'no answered item';
    return out;
  }
  if (units.onPool) await poolSummaries(runner, units, settings.scorers, options, out);
  harnessSummaries(units, settings.scorers, options, out);
  for (const s of settings.scorers) {
    const values = units.values.get(s.name);
    out.metrics[s.name] = binaryWilson(out.metrics[s.name]!, s.metric, values, units, options.ci);
  }
  for (const [name, reason] of units.unavailable) out.metrics[name]!.reason = reason;
  return out;
}
