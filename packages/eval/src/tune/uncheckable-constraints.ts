import { parseThreshold } from '../config/thresholds.js';
import { EvaluationError } from '../errors.js';
import { percentileBoundSize, percentileMetric } from '../summary/percentile-bound-size.js';
import { halvingRungs } from './halving-rungs.js';
import type { SearchConfig } from './search-schema.js';

/** An evaluation size of the search: which evaluations have it, and their items. */
export interface SearchStage {
  /** `rung 0`, `the tuning part`, `the test part` */
  readonly name: string;
  readonly items: number;
}

/**
 * The item counts the search evaluates candidates on: each halving rung (hyperband's across its
 * brackets), every tuning item (grid, random), then the test part. Nested cross-validation
 * searches each outer fold's training part, about one fold fewer than the tuning items.
 *
 * @param search - the search config
 * @param candidates - the grid's candidates
 * @param tuning - tuning items
 * @param test - test items (0 without a test part)
 * @returns the stages, smallest rung first, the test part last
 * @example
 * searchStages({ ...setup.search, strategy: 'successive-halving', eta: 2, minItems: 40, nested: 'none' }, 6, 240, 60);
 * // [{ name: 'rung 0', items: 60 }, { name: 'rung 1', items: 120 }, { name: 'rung 2', items: 240 }, { name: 'the test part', items: 60 }]
 */
export function searchStages(
  search: SearchConfig,
  candidates: number,
  tuning: number,
  test: number,
): SearchStage[] {
  const items =
    search.nested === 'none' ? tuning : tuning - Math.ceil(tuning / search.nested.outer);
  const rungs = halvingRungs(candidates, items, search.eta, search.minItems);
  let stages: SearchStage[];
  if (search.strategy === 'successive-halving')
    stages = rungs.map((n, r) => ({ name: `rung ${r}`, items: n }));
  else if (search.strategy === 'hyperband') {
    // every bracket's rungs; the smallest is the first rung of the most aggressive bracket
    const sizes = new Set<number>();
    const sMax = rungs.length - 1;
    for (let s = sMax; s >= 0; s--)
      for (let r = 0; r <= s; r++) sizes.add(Math.ceil(items / search.eta ** (s - r)));
    stages = [...sizes]
      .sort((a, b) => a - b)
      .map((n) => ({ name: `rungs of ${n} items`, items: n }));
  } else stages = [{ name: 'the tuning part', items }];
  return test > 0 ? [...stages, { name: 'the test part', items: test }] : stages;
}

/**
 * Checks, before anything is sent, each constraint on a latency, TTFT or TPOT percentile's
 * interval end (`p95_latency_ms.ci_high <= 2000`) against the search's evaluation sizes: the
 * end exists only from a count of timed requests, at most the items times the samples. Where an
 * evaluation is too small the constraint is not checkable there: it neither prunes nor demotes
 * a candidate (the leaderboard says `not checkable`), and the user is warned. A constraint that
 * no evaluation of the search can check is refused, as `assay run` refuses such a gate: the
 * search would otherwise choose as if it were not there.
 *
 * @param constraints - `search.constraints`
 * @param stages - the search's evaluation sizes ({@link searchStages})
 * @param ci - `evaluation.ci`
 * @param samples - requests per item (`task.samples`, 1 for other tasks)
 * @returns one warning per constraint some evaluation cannot check
 * @throws EvaluationError `INVALID_CONFIG` at `search.constraints[i]` when no evaluation can
 * @example
 * uncheckableConstraints(['p95_latency_ms.ci_high <= 2000'], [{ name: 'rung 0', items: 60 }, { name: 'rung 1', items: 120 }], 0.95, 1);
 * // ["search.constraints[0] 'p95_latency_ms.ci_high <= 2000' cannot be checked on rung 0 (60 items): …"]
 */
export function uncheckableConstraints(
  constraints: readonly string[],
  stages: readonly SearchStage[],
  ci: number,
  samples: number,
): string[] {
  const out: string[] = [];
  constraints.forEach((source, i) => {
    const parsed = parseThreshold(source);
    if (!parsed.ok || parsed.threshold.bound === undefined) return;
    const t = parsed.threshold;
    const percentile = percentileMetric(t.metric);
    if (percentile === undefined) return;
    const size = percentileBoundSize(percentile.q, ci);
    const needed = t.bound === 'ci_high' ? size.high : size.low;
    const short = stages.filter((s) => s.items * samples < needed);
    if (short.length === 0) return;
    const where = short.map((s) => `${s.name} (${s.items} items)`).join(', ');
    const end = `the ${t.bound === 'ci_high' ? 'upper' : 'lower'} ${Number((ci * 100).toPrecision(6))}% bound of ${t.metric} exists only from ${needed} timed requests`;
    const point = `or constrain the point value (${t.metric} ${t.op} ${t.value})`;
    if (short.length === stages.length) {
      throw new EvaluationError(
        'INVALID_CONFIG',
        `The search was not started, and no request was sent: search.constraints[${i}] '${source}' cannot be checked on any evaluation of the search: ${where}, and ${end}. Evaluate at least ${needed} items (dataset.limit, search.minItems, search.testFraction), ${point}.`,
        { path: `search.constraints[${i}]` },
      );
    }
    out.push(
      `search.constraints[${i}] '${source}' cannot be checked on ${where}: ${end}. There it neither prunes nor demotes a candidate (the leaderboard says 'not checkable'), and a winner is not said to meet it; to check it everywhere, evaluate at least ${needed} items per evaluation (dataset.limit, search.minItems, search.testFraction), ${point}.`,
    );
  });
  return out;
}
