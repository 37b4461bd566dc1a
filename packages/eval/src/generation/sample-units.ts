import { majorityVote, passAtK } from '@assay/text-metrics';
import { passK, type ResolvedScorer } from '../config/generation-scorers.js';
import type { PredictionRow } from '../run/prediction-row.js';
import { itemClusters } from '../tasks/item-clusters.js';
import { isCorpusMetric } from './corpus-statistics.js';

/** One scored unit: an answer (reducer `mean`), or an item of a fold (the other reducers). */
export interface GenerationUnit {
  /** the row shown for this unit (for `max`, the best answer on the first scorer) */
  readonly row: PredictionRow;
  /** answers behind the unit */
  readonly answers: number;
  /** the item's cluster (the same item in several folds or samples shares one) */
  readonly cluster: number;
}

/** A model's answers reduced to the units its metrics average. */
export interface GenerationUnits {
  readonly units: GenerationUnit[];
  /** scorer name → one value per unit (NaN where undefined, e.g. pass@k with n < k) */
  readonly values: Map<string, Float64Array>;
  /** whether the unit rows go to the pool (reducers `mean` and `majority`) */
  readonly onPool: boolean;
  /** scorers the reducer cannot score, with the reason */
  readonly unavailable: Map<string, string>;
}

/** The answers of each (fold, item), in row order. */
function groupsOf(rows: readonly PredictionRow[]): number[][] {
  const byKey = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = `${r.fold}\u0000${r.id}`;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  return [...byKey.values()];
}

function pick(values: Map<string, Float64Array>, at: readonly number[]): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const [name, v] of values)
    out.set(
      name,
      Float64Array.from(at, (i) => v[i]!),
    );
  return out;
}

function reduceEach(
  groups: readonly number[][],
  values: Float64Array,
  reduce: (xs: number[]) => number,
): Float64Array {
  return Float64Array.from(groups, (g) => reduce(g.map((i) => values[i]!)));
}

/**
 * Reduces a model's answered rows to the units its metrics average over, by `task.reducer`.
 *
 * @remarks
 * - `mean`: every answer is a unit; intervals resample items (`cluster`), so several
 *   samples of one item never narrow an interval as if they were independent items.
 * - `majority`: per (fold, item), the answer given most often after extraction (ties to the
 *   first seen), scored like a single answer (self-consistency).
 * - `max`: per (fold, item), each scorer's best value over the samples (lowest for `ter`).
 * - `pass@k`: per (fold, item), the unbiased estimator `1 - C(n-c, k) / C(n, k)` of Chen et
 *   al. (2021) over the n answers, c of them scoring 1; on 0/1 scorers only, undefined
 *   (NaN) for an item with fewer than k answers (failed requests are not answers).
 * Corpus metrics (bleu, chrf, chrf_pp, ter) are sums over answers, so `max` and `pass@k`
 * leave them out with a reason.
 *
 * @param rows - the model's answered rows (failed requests left out)
 * @param values - each scorer's value per row (from `scorerValues`)
 * @param scorers - the scorers, in report order
 * @param reducer - `task.reducer`
 * @param samples - `task.samples`
 * @returns the units, their values and the scorers left out
 * @example
 * const scorers = resolveScorers(['token_f1']);
 * const values = await scorerValues(generation.rows.map(scoredText), scorers);
 * reduceSamples(generation.rows, values, scorers, 'mean', 1).units.length; // 20
 */
export function reduceSamples(
  rows: readonly PredictionRow[],
  values: Map<string, Float64Array>,
  scorers: readonly ResolvedScorer[],
  reducer: string,
  samples: number,
): GenerationUnits {
  // items numbered by first appearance: the units below list their items in that order too
  const clusters = itemClusters(rows);
  const unavailable = new Map<string, string>();
  if (reducer === 'mean') {
    const units = rows.map((row, i) => ({ row, answers: 1, cluster: clusters[i]! }));
    return { units, values, onPool: true, unavailable };
  }
  const groups = groupsOf(rows);
  if (reducer === 'majority') {
    const chosen = groups.map((g) => {
      const vote = majorityVote(g.map((i) => rows[i]!.parsed ?? ''));
      return g.find((i) => (rows[i]!.parsed ?? '') === vote.answer)!;
    });
    const units = chosen.map((i, j) => ({
      row: rows[i]!,
      answers: groups[j]!.length,
      cluster: clusters[i]!,
    }));
    return { units, values: pick(values, chosen), onPool: true, unavailable };
  }
  const k = passK(reducer, samples);
  const out = new Map<string, Float64Array>();
  for (const s of scorers) {
    const v = values.get(s.name)!;
    if (s.onPool && isCorpusMetric(s.metric)) {
      unavailable.set(
        s.name,
        `${s.metric} is a corpus metric (summed over answers); reducer '${reducer}' applies to per-answer scorers, use 'mean' or 'majority'`,
      );
    } else if (k === null) {
      const best = s.metric === 'ter' ? Math.min : Math.max;
      out.set(
        s.name,
        reduceEach(groups, v, (xs) => best(...xs)),
      );
    } else if (v.some((x) => x !== 0 && x !== 1)) {
      unavailable.set(
        s.name,
        `${reducer} counts answers that pass; '${s.name}' is not a 0/1 scorer`,
      );
    } else {
      out.set(
        s.name,
        reduceEach(
          groups,
          v,
          (xs) => passAtK(xs.length, xs.filter((x) => x === 1).length, k) ?? Number.NaN,
        ),
      );
    }
  }
  const first = scorers.find((s) => out.has(s.name));
  const shown = groups.map((g) => {
    if (first === undefined) return g[0]!;
    const v = values.get(first.name)!;
    return g.reduce((a, b) => (v[b]! > v[a]! ? b : a));
  });
  const units = shown.map((i, j) => ({
    row: rows[i]!,
    answers: groups[j]!.length,
    cluster: clusters[i]!,
  }));
  return { units, values: out, onPool: false, unavailable };
}
