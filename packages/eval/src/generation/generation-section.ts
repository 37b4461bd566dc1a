import type { ResolvedScorer } from '../config/generation-scorers.js';
import { finiteOrNull } from '../run/prediction-row.js';
import { isCorpusMetric } from './corpus-statistics.js';
import type { GenerationScores, GenerationSettings } from './score-generation-model.js';

/** Histogram bins of each score distribution. */
const BINS = 10;

/** The `generation` block of a model in `results.json` (see the report's `GenerationSummary`). */
export interface GenerationSection {
  samples: number;
  reducer: 'mean' | 'max' | 'majority' | 'pass@k' | null;
  extractionFailures: number;
  histograms: Record<string, { edges: number[]; counts: number[] }>;
  /**
   * the scorers whose headline is a corpus score (BLEU, chrF, chrF++, TER): their per-answer
   * values here (histograms, worst items) are sentence scores, each answer scored alone
   */
  sentenceScores: string[];
  slices: Array<{ group: string; n: number; metrics: Record<string, number | null> }>;
  worstItems: Array<{
    id: string;
    fold: number;
    sample: number;
    output: string;
    extracted: string | null;
    reference: string[];
    metric: string;
    value: number | null;
    scores: Record<string, number | null>;
  }>;
}

/**
 * Equal-width bins over the values' range, widened to the metric's scale ([0, 1], or
 * [0, 100] for the corpus metrics); the last bin includes its upper edge.
 */
function histogram(values: Float64Array, scorer: ResolvedScorer) {
  const defined = [...values].filter((x) => !Number.isNaN(x));
  const scale = isCorpusMetric(scorer.metric) ? 100 : 1;
  const lo = Math.min(0, ...defined);
  const hi = Math.max(scale, ...defined);
  const width = (hi - lo) / BINS;
  const edges = Array.from({ length: BINS + 1 }, (_, i) => lo + i * width);
  const counts = new Array<number>(BINS).fill(0);
  for (const x of defined) counts[Math.min(BINS - 1, Math.floor((x - lo) / width))]!++;
  return { edges, counts };
}

function reducerName(reducer: string): GenerationSection['reducer'] {
  return reducer.startsWith('pass@') ? 'pass@k' : (reducer as GenerationSection['reducer']);
}

/**
 * The report's view of one model's generation scores: the reducer, extraction failures,
 * a histogram per scorer over the scored units, the per-slice values, and the worst units
 * on the first scorer (lowest first; highest first for `ter`; ties by the next scorers) with
 * output, extracted answer
 * and references side by side.
 *
 * @param scores - from `scoreGenerationModel`
 * @param settings - scorers, reducer, samples
 * @param worst - how many worst units to list (`output.wrongSamples`)
 * @returns the section
 * @example
 * const settings = { scorers: resolveScorers(['token_f1']), reducer: 'mean', samples: 1 };
 * const runner = createRunner();
 * const scores = await scoreGenerationModel(runner, generation.rows, settings, { folds: 1, bootstrap: 200, ci: 0.95, seed: 0 });
 * await runner.close();
 * generationSection(scores, settings, 3).worstItems.length; // 3
 */
export function generationSection(
  scores: GenerationScores,
  settings: GenerationSettings,
  worst: number,
): GenerationSection {
  const { units, values } = scores.units;
  const histograms: GenerationSection['histograms'] = {};
  for (const s of settings.scorers) {
    const v = values.get(s.name);
    if (v !== undefined && v.length > 0) histograms[s.name] = histogram(v, s);
  }
  const ranked = settings.scorers.find((s) => values.has(s.name));
  const order = units.map((_, i) => i);
  // worst on the first scorer, ties (many answers score 0 on BLEU) broken by the next ones
  const keys = settings.scorers
    .filter((s) => values.has(s.name))
    .map((s) => ({ v: values.get(s.name)!, sign: s.metric === 'ter' ? -1 : 1 }));
  order.sort((a, b) => {
    for (const { v, sign } of keys) {
      const d = sign * ((v[a] || 0) - (v[b] || 0));
      if (d !== 0) return d;
    }
    return a - b;
  });
  const worstItems = order.slice(0, worst).map((i) => {
    const row = units[i]!.row;
    const unitScores: Record<string, number | null> = {};
    for (const [name, v] of values) unitScores[name] = finiteOrNull(v[i]);
    return {
      id: row.id,
      fold: row.fold,
      sample: row.sample ?? 0,
      output: row.rawAnswer ?? '',
      extracted: row.parsed,
      reference: row.references ?? (row.expected === null ? [] : [row.expected]),
      metric: ranked?.name ?? '',
      value: ranked === undefined ? null : finiteOrNull(values.get(ranked.name)![i]),
      scores: unitScores,
    };
  });
  return {
    samples: settings.samples,
    reducer: reducerName(settings.reducer),
    extractionFailures: scores.extractionFailures,
    histograms,
    // the reports label these per-item values as sentence scores: a corpus headline below
    // every item's score reads as a bug otherwise
    sentenceScores: settings.scorers
      .filter((s) => s.onPool && isCorpusMetric(s.metric) && histograms[s.name] !== undefined)
      .map((s) => s.name),
    slices: [...scores.slices]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([group, v]) => ({ group, n: v.n, metrics: v.metrics })),
    worstItems,
  };
}
