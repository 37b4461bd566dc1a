import type { ModelComparison } from '@assay/report';
import { createRng } from '@assay/splitters';
import { mcnemarExact, pairedBootstrapFromReplicates } from '@assay/stats';
import type { ResolvedScorer } from '../config/generation-scorers.js';
import { finiteOrNull, type PredictionRow } from '../run/prediction-row.js';
import { corpusMetric, isCorpusMetric } from './corpus-statistics.js';
import { type GenerationUnits, reduceSamples } from './sample-units.js';
import type { GenerationSettings } from './score-generation-model.js';
import { scoredText } from './score-generation-model.js';
import { scorerValues } from './scorer-values.js';

/** Options of {@link compareGenerations}. */
export interface CompareGenerationsOptions {
  readonly bootstrap: number;
  readonly ci: number;
  readonly seed: number;
}

async function unitsOf(
  rows: readonly PredictionRow[],
  settings: GenerationSettings,
): Promise<GenerationUnits> {
  const answered = rows.filter((r) => r.outcome !== 'failed');
  const values = await scorerValues(answered.map(scoredText), settings.scorers);
  return reduceSamples(answered, values, settings.scorers, settings.reducer, settings.samples);
}

/** Unit index pairs (a, b) of the same (fold, item[, sample]), and each pair's cluster. */
function pairUnits(a: GenerationUnits, b: GenerationUnits, bySample: boolean) {
  const key = (r: PredictionRow) =>
    `${r.fold}\u0000${r.id}${bySample ? `\u0000${r.sample ?? 0}` : ''}`;
  const inB = new Map(b.units.map((u, i) => [key(u.row), i]));
  const pairs: { a: number; b: number; item: string }[] = [];
  a.units.forEach((u, i) => {
    const j = inB.get(key(u.row));
    if (j !== undefined) pairs.push({ a: i, b: j, item: u.row.id });
  });
  return pairs;
}

/** A side's statistic on some pairs: a mean of values, or a corpus score of summed statistics. */
type Statistic = (at: readonly number[]) => number;

function meanStatistic(values: Float64Array, index: readonly number[]): Statistic {
  return (at) => {
    let sum = 0;
    let n = 0;
    for (const p of at) {
      const x = values[index[p]!]!;
      if (!Number.isNaN(x)) {
        sum += x;
        n++;
      }
    }
    return n === 0 ? Number.NaN : sum / n;
  };
}

function corpusStatistic(
  scorer: ResolvedScorer,
  units: GenerationUnits,
  index: readonly number[],
): Statistic {
  const m = corpusMetric(scorer.metric as Parameters<typeof corpusMetric>[0], scorer.bleuTokenize);
  const stats = index.map((u) => {
    const t = scoredText(units.units[u]!.row);
    return m.statistics(t.output, t.references);
  });
  const width = stats[0]?.length ?? 0;
  return (at) => {
    const sums = new Float64Array(width);
    for (const p of at) {
      const s = stats[p]!;
      for (let k = 0; k < width; k++) sums[k]! += s[k]!;
    }
    return m.score(sums);
  };
}

function binary(values: Float64Array, index: readonly number[]): boolean {
  return index.every((i) => values[i] === 0 || values[i] === 1);
}

/** The paired bootstrap of B − A drawing whole items: interval and p-value. */
function bootstrapDifference(
  statA: Statistic,
  statB: Statistic,
  difference: number,
  members: readonly number[][],
  options: CompareGenerationsOptions,
): { ciLow: number | null; ciHigh: number | null; pValue: number | null } {
  const rng = createRng(options.seed >>> 0);
  const replicates = new Float64Array(options.bootstrap);
  const drawn: number[] = [];
  for (let r = 0; r < options.bootstrap; r++) {
    drawn.length = 0;
    for (let c = 0; c < members.length; c++) {
      drawn.push(...members[Math.floor(rng.nextFloat() * members.length)]!);
    }
    replicates[r] = statB(drawn) - statA(drawn);
  }
  const result = pairedBootstrapFromReplicates(difference, replicates, { ci: options.ci });
  return {
    ciLow: finiteOrNull(result.ciLow),
    ciHigh: finiteOrNull(result.ciHigh),
    pValue: finiteOrNull(result.pValue),
  };
}

/**
 * Paired comparison of two models' answers to a generation task, scorer by scorer: the
 * difference B − A with a paired bootstrap interval that draws whole items (every sample of
 * an item together), and a p-value: McNemar's exact test for 0/1 scorers with one pair per
 * item, the bootstrap's otherwise. Corpus metrics are recomputed from summed statistics in every replicate.
 *
 * @remarks
 * Units are paired by (fold, item) and, with reducer `mean`, by sample index. Holm's
 * adjustment across metrics is applied by the caller over all comparisons.
 *
 * @param rowsA - model A's rows
 * @param rowsB - model B's rows
 * @param settings - the task's scorers, reducer and samples
 * @param options - bootstrap replicates (0: no interval), ci, seed
 * @returns paired item count and one entry per scorer both sides can score
 * @example
 * const { metrics } = await compareGenerations(rowsA, rowsB, settings, { bootstrap: 1000, ci: 0.95, seed: 0 });
 */
export async function compareGenerations(
  rowsA: readonly PredictionRow[],
  rowsB: readonly PredictionRow[],
  settings: GenerationSettings,
  options: CompareGenerationsOptions,
): Promise<{ pairedItems: number; metrics: ModelComparison['metrics'] }> {
  const a = await unitsOf(rowsA, settings);
  const b = await unitsOf(rowsB, settings);
  const pairs = pairUnits(a, b, settings.reducer === 'mean');
  const items = [...new Set(pairs.map((p) => p.item))];
  const members = items.map(() => [] as number[]);
  const itemIndex = new Map(items.map((id, i) => [id, i]));
  pairs.forEach((p, i) => {
    members[itemIndex.get(p.item)!]!.push(i);
  });
  const metrics: ModelComparison['metrics'] = {};
  if (pairs.length === 0) return { pairedItems: 0, metrics };
  const ia = pairs.map((p) => p.a);
  const ib = pairs.map((p) => p.b);
  const all = pairs.map((_, i) => i);
  for (const s of settings.scorers) {
    const va = a.values.get(s.name);
    const vb = b.values.get(s.name);
    if (va === undefined || vb === undefined) continue;
    const corpus = a.onPool && isCorpusMetric(s.metric);
    const statA = corpus ? corpusStatistic(s, a, ia) : meanStatistic(va, ia);
    const statB = corpus ? corpusStatistic(s, b, ib) : meanStatistic(vb, ib);
    const difference = statB(all) - statA(all);
    const entry = {
      difference: finiteOrNull(difference),
      ciLow: null,
      ciHigh: null,
      pValue: null,
      pHolm: null,
    } as ModelComparison['metrics'][string];
    if (options.bootstrap > 0) {
      Object.assign(entry, bootstrapDifference(statA, statB, difference, members, options));
    }
    // McNemar needs independent pairs: one per item (several samples of an item are not)
    if (!corpus && pairs.length === items.length && binary(va, ia) && binary(vb, ib)) {
      entry.pValue = mcnemarExact(
        ia.map((i) => va[i] === 1),
        ib.map((i) => vb[i] === 1),
      ).pValue;
    }
    metrics[s.name] = entry;
  }
  return { pairedItems: items.length, metrics };
}
