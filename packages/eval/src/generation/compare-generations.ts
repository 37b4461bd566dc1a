import type { ModelComparison } from '@assay/report';
import { createRng } from '@assay/splitters';
import {
  bcaInterval,
  differenceScale,
  mcnemarExact,
  pairedBootstrapFromReplicates,
  pairedPermutationTest,
  snapRoundingTies,
} from '@assay/stats';
import { alikeComparisonEntry } from '../compare/alike-items-bound.js';
import { bootstrapPBound } from '../compare/bootstrap-p-floor.js';
import { ZERO_ONE_SCORERS } from '../config/generation-schema.js';
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
  /** the interval of each difference (default `percentile`; `bca` adds a leave-one-item-out jackknife) */
  readonly interval?: 'percentile' | 'bca';
  /**
   * the p-value of a per-item scorer that is not 0/1 (default `bootstrap`; `permutation`: the
   * sign-flip permutation test over items, with `permutations` random assignments)
   */
  readonly test?: 'bootstrap' | 'permutation';
  /** random sign assignments of the permutation test (default 9999) */
  readonly permutations?: number;
}

/** One scorer of a paired generation comparison, with both sides' values. */
export interface GenerationDifference {
  /** side A's value on the paired units */
  readonly a: number | null;
  /** side B's value on the paired units */
  readonly b: number | null;
  readonly difference: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly pValue: number | null;
  /** the interval's kind (`percentile` where BCa was asked for but is undefined) */
  readonly interval: 'bca' | 'percentile' | null;
  /** the test behind `pValue` */
  readonly test: 'mcnemar' | 'permutation' | 'bootstrap' | null;
  /** the paired items on which the scorer's values differ in any unit */
  readonly differingItems: number;
  /** the paired items with a unit both sides score (a unit without a value on both is left out) */
  readonly scoredItems: number;
}

/**
 * The items whose units both sides score, and those of them on which the values differ: a
 * unit without a value on both sides (pass@k with fewer than k answers) is left out of both
 * means, so it differs in nothing; one with a value on one side only differs.
 */
function alikeCounts(
  va: Float64Array,
  vb: Float64Array,
  ia: readonly number[],
  ib: readonly number[],
  members: readonly (readonly number[])[],
): { differingItems: number; scoredItems: number } {
  let differingItems = 0;
  let scoredItems = 0;
  for (const units of members) {
    const pairs = units.map((u) => [va[ia[u]!]!, vb[ib[u]!]!] as const);
    const scored = pairs.filter(([a, b]) => !(Number.isNaN(a) && Number.isNaN(b)));
    if (scored.length === 0) continue;
    scoredItems++;
    if (scored.some(([a, b]) => a !== b)) differingItems++;
  }
  return { differingItems, scoredItems };
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

/** Leave-out units of the jackknife; above it, item k joins group k mod this (as the runner's). */
const MAX_JACKKNIFE_UNITS = 1000;

/** The statistic's difference with each item (or group of items) left out in turn (BCa's jackknife). */
function jackknifeDifference(
  statA: Statistic,
  statB: Statistic,
  members: readonly number[][],
): Float64Array {
  const count = Math.min(members.length, MAX_JACKKNIFE_UNITS);
  return Float64Array.from({ length: count }, (_, g) => {
    const at = members.flatMap((m, c) => (c % count === g ? [] : m));
    return statB(at) - statA(at);
  });
}

/**
 * The paired bootstrap of B − A drawing whole items: the difference (exactly 0 where the two
 * values differ by rounding alone), interval and p-value.
 */
function bootstrapDifference(
  statA: Statistic,
  statB: Statistic,
  observed: readonly [a: number, b: number],
  members: readonly number[][],
  options: CompareGenerationsOptions,
): Pick<GenerationDifference, 'difference' | 'ciLow' | 'ciHigh' | 'pValue' | 'interval'> {
  const difference = observed[1] - observed[0];
  const rng = createRng(options.seed >>> 0);
  const replicates = new Float64Array(options.bootstrap);
  const replicateScales = new Float64Array(options.bootstrap);
  const drawn: number[] = [];
  for (let r = 0; r < options.bootstrap; r++) {
    drawn.length = 0;
    for (let c = 0; c < members.length; c++) {
      drawn.push(...members[Math.floor(rng.nextFloat() * members.length)]!);
    }
    const a = statA(drawn);
    const b = statB(drawn);
    replicates[r] = b - a;
    replicateScales[r] = differenceScale(a, b);
  }
  // a mean of other items' 0/1 values equal to B − A (or 0) but for rounding is a tie
  const tied = snapRoundingTies(replicates, {
    observed: difference,
    scale: differenceScale(...observed),
    replicateScales,
  });
  const result = pairedBootstrapFromReplicates(tied.difference, tied.replicates, {
    ci: options.ci,
  });
  const bca =
    options.interval === 'bca' && members.length >= 2
      ? bcaInterval(tied.replicates, {
          observed: tied.difference,
          jackknife: jackknifeDifference(statA, statB, members),
          level: options.ci,
        })
      : null;
  const useBca = bca !== null && Number.isFinite(bca[0]) && Number.isFinite(bca[1]);
  return {
    difference: finiteOrNull(tied.difference),
    ciLow: finiteOrNull(useBca ? bca[0] : result.ciLow),
    ciHigh: finiteOrNull(useBca ? bca[1] : result.ciHigh),
    pValue: finiteOrNull(result.pValue),
    interval: useBca ? 'bca' : 'percentile',
  };
}

/** The sign-flip permutation test over items of per-unit values, whole items flipped together. */
function permutationP(
  va: Float64Array,
  vb: Float64Array,
  ia: readonly number[],
  ib: readonly number[],
  members: readonly number[][],
  options: CompareGenerationsOptions,
): number | null {
  const sumsA: number[] = [];
  const sumsB: number[] = [];
  for (const m of members) {
    const kept = m.filter((p) => !Number.isNaN(va[ia[p]!]!) && !Number.isNaN(vb[ib[p]!]!));
    if (kept.length === 0) continue;
    // an item's pairs flip together; the summed differences keep the statistic's order
    sumsA.push(kept.reduce((t, p) => t + va[ia[p]!]!, 0));
    sumsB.push(kept.reduce((t, p) => t + vb[ib[p]!]!, 0));
  }
  if (sumsA.length === 0) return null;
  const rng = createRng((options.seed + 0x9e3779b9) >>> 0);
  return pairedPermutationTest(sumsA, sumsB, {
    permutations: options.permutations ?? 9999,
    rng: () => rng.nextFloat(),
  }).pValue;
}

/** The scorer's p-value: McNemar's for 0/1 values with one pair per item, else the permutation test's or the bootstrap's. */
function scorerTest(
  va: Float64Array,
  vb: Float64Array,
  ia: readonly number[],
  ib: readonly number[],
  members: readonly number[][],
  corpus: boolean,
  options: CompareGenerationsOptions,
): Pick<GenerationDifference, 'pValue' | 'test'> | null {
  // McNemar needs independent pairs: one per item (several samples of an item are not)
  if (!corpus && ia.length === members.length && binary(va, ia) && binary(vb, ib)) {
    const p = mcnemarExact(
      ia.map((i) => va[i] === 1),
      ib.map((i) => vb[i] === 1),
    ).pValue;
    return { pValue: p, test: 'mcnemar' };
  }
  if (!corpus && options.test === 'permutation') {
    return { pValue: permutationP(va, vb, ia, ib, members, options), test: 'permutation' };
  }
  return null;
}

/**
 * Paired comparison of two models' answers to a generation task, scorer by scorer: both
 * values on the paired units, the difference B − A with a paired bootstrap interval that
 * draws whole items (every sample of an item together), and a p-value: McNemar's exact test
 * for 0/1 scorers with one pair per item; with `test: 'permutation'`, the sign-flip
 * permutation test over items for the other per-item scorers; the bootstrap's otherwise
 * (corpus metrics, recomputed from summed statistics in every replicate).
 *
 * @remarks
 * Units are paired by (fold, item) and, with reducer `mean`, by sample index. With
 * `interval: 'bca'` the interval is `@assay/stats`' `bcaInterval` of the replicates with the
 * leave-one-item-out jackknife (above 1000 items, 1000 interleaved groups of items, as the
 * runner's `pairedBootstrap` does), or the percentile interval
 * where BCa is undefined (identical sides).
 *
 * @param rowsA - model A's rows
 * @param rowsB - model B's rows
 * @param settings - the task's scorers, reducer and samples
 * @param options - bootstrap replicates (0: no interval), ci, seed, interval, test
 * @returns paired item count and one entry per scorer both sides can score
 * @example
 * const settings = { scorers: resolveScorers(['token_f1']), reducer: 'mean', samples: 1 };
 * const paired = await pairedGenerationDifferences(generation.rows, generation.rows, settings, { bootstrap: 200, ci: 0.95, seed: 0, interval: 'bca', test: 'permutation' });
 * paired.metrics.token_f1.difference; // 0
 */
export async function pairedGenerationDifferences(
  rowsA: readonly PredictionRow[],
  rowsB: readonly PredictionRow[],
  settings: GenerationSettings,
  options: CompareGenerationsOptions,
): Promise<{ pairedItems: number; metrics: Record<string, GenerationDifference> }> {
  const a = await unitsOf(rowsA, settings);
  const b = await unitsOf(rowsB, settings);
  const pairs = pairUnits(a, b, settings.reducer === 'mean');
  const items = [...new Set(pairs.map((p) => p.item))];
  const members = items.map(() => [] as number[]);
  const itemIndex = new Map(items.map((id, i) => [id, i]));
  pairs.forEach((p, i) => {
    members[itemIndex.get(p.item)!]!.push(i);
  });
  const metrics: Record<string, GenerationDifference> = {};
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
    const valueA = statA(all);
    const valueB = statB(all);
    const difference = valueB - valueA;
    const interval =
      options.bootstrap > 0
        ? bootstrapDifference(statA, statB, [valueA, valueB], members, options)
        : {
            difference: finiteOrNull(difference),
            ciLow: null,
            ciHigh: null,
            pValue: null,
            interval: null,
          };
    metrics[s.name] = {
      a: finiteOrNull(valueA),
      b: finiteOrNull(valueB),
      ...interval,
      test: interval.pValue === null ? null : 'bootstrap',
      ...scorerTest(va, vb, ia, ib, members, corpus, options),
      ...alikeCounts(va, vb, ia, ib, members),
    };
  }
  return { pairedItems: items.length, metrics };
}

/**
 * Paired comparison of two models' answers to a generation task for the run's model
 * comparisons: {@link pairedGenerationDifferences} as `ModelComparison` metrics.
 *
 * @remarks Holm's adjustment across metrics is applied by the caller over all comparisons. A
 *   bootstrap p-value of 0 (no resample crossed zero) comes with `pValueBelow`, the bound
 *   2 / B it stands for (at most 1).
 * @param rowsA - model A's rows
 * @param rowsB - model B's rows
 * @param settings - the task's scorers, reducer and samples
 * @param options - bootstrap replicates (0: no interval), ci, seed
 * @returns paired item count and one entry per scorer both sides can score
 * @example
 * const settings = { scorers: resolveScorers(['token_f1']), reducer: 'mean', samples: 1 };
 * const compared = await compareGenerations(generation.rows, generation.rows, settings, { bootstrap: 200, ci: 0.95, seed: 0 });
 * compared.pairedItems; // 20
 */
export async function compareGenerations(
  rowsA: readonly PredictionRow[],
  rowsB: readonly PredictionRow[],
  settings: GenerationSettings,
  options: CompareGenerationsOptions,
): Promise<{ pairedItems: number; metrics: ModelComparison['metrics'] }> {
  const paired = await pairedGenerationDifferences(rowsA, rowsB, settings, options);
  // the 0/1 scorers by the names the task gives them, as assay compare bounds them
  const shares = new Set(
    settings.scorers.filter((s) => ZERO_ONE_SCORERS.has(s.metric)).map((s) => s.name),
  );
  const metrics: ModelComparison['metrics'] = {};
  for (const [name, d] of Object.entries(paired.metrics)) {
    // a bootstrap p of 0 says only p < 2 / B: results.json carries the bound beside it
    const below = d.test === 'bootstrap' && d.pValue === 0;
    const entry = {
      difference: d.difference,
      ciLow: d.ciLow,
      ciHigh: d.ciHigh,
      pValue: d.pValue,
      ...(below ? { pValueBelow: bootstrapPBound(0, options.bootstrap) } : {}),
      pHolm: null,
    };
    const alike = { items: d.scoredItems, differing: d.differingItems };
    metrics[name] = alikeComparisonEntry(name, entry, alike, options.ci, shares);
  }
  return { pairedItems: paired.pairedItems, metrics };
}
