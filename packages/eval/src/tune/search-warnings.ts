import { EvaluationError } from '../errors.js';
import { fullGridPhrase, type GridRequests } from './grid-requests.js';
import { halvingRungs, survivorsOf } from './halving-rungs.js';
import type { SearchConfig } from './search-schema.js';

/** Candidates random search draws when `search.n` is not given. */
export const DEFAULT_RANDOM_N = 10;

/**
 * Refuses `search.n` under a strategy that does not draw candidates: grid search scores every
 * candidate, halving starts with every one, hyperband sizes its own brackets, so `n` would be
 * ignored without a word.
 *
 * @param search - the validated search
 * @throws EvaluationError `INVALID_CONFIG` at `search.n`
 * @example
 * try {
 *   refuseIgnoredN({ ...setup.search, strategy: 'grid', n: 5 });
 * } catch (error) {
 *   error.message; // 'search.n: only strategy random draws n candidates; …'
 * }
 */
export function refuseIgnoredN(search: SearchConfig): void {
  if (search.n === undefined || search.strategy === 'random') return;
  throw new EvaluationError(
    'INVALID_CONFIG',
    `search.n: only strategy random draws n candidates; ${search.strategy} ${search.strategy === 'grid' ? 'scores every candidate of the grid' : search.strategy === 'successive-halving' ? 'starts with every candidate of the grid' : 'sizes its own brackets'}, so n would be ignored. Remove n, or set strategy: random.`,
    { path: 'search.n' },
  );
}

/**
 * What random search's `n` comes to on this grid, when it is not what was asked: `n` left out
 * (the default, 10) or larger than the grid (every candidate is scored, as grid search would).
 *
 * @param search - the validated search
 * @param candidates - the grid's size
 * @returns the warning, or null
 * @example
 * randomNWarning({ ...setup.search, strategy: 'random', n: 50 }, 2); // 'search.n is 50, but …'
 */
export function randomNWarning(search: SearchConfig, candidates: number): string | null {
  if (search.strategy !== 'random') return null;
  const n = search.n ?? DEFAULT_RANDOM_N;
  const all = n >= candidates;
  if (search.n !== undefined && !all) return null;
  const asked =
    search.n === undefined
      ? `search.n is not given, so random search draws ${DEFAULT_RANDOM_N} candidates (the default)`
      : `search.n is ${n}`;
  return all
    ? `${asked}, but the grid has only ${candidates}: every candidate is scored, as strategy grid would.`
    : `${asked} of the grid's ${candidates}; set search.n to draw more or fewer.`;
}

/**
 * Whether the strategy scores every candidate on every tuning item, as a full grid does: grid
 * search, and random search whose `n` covers the grid.
 *
 * @param search - the validated search
 * @param candidates - the grid's size
 * @returns true when the search is a full grid
 * @example
 * scoresFullGrid({ ...setup.search, strategy: 'random', n: 50 }, 2); // true
 */
export function scoresFullGrid(search: SearchConfig, candidates: number): boolean {
  if (search.strategy === 'grid') return true;
  return search.strategy === 'random' && (search.n ?? DEFAULT_RANDOM_N) >= candidates;
}

/**
 * The warning of a search without a budget: the requests it may send, and what a full grid
 * asks (the same figure, from the same plan, as the summary gives), so the two never differ for
 * a search that scores the whole grid.
 *
 * @param search - the validated search
 * @param candidates - the grid's size
 * @param estimate - the search's own estimate ({@link estimatedRequests}, or the full grid's)
 * @param grid - a full grid's requests (`gridRequests`)
 * @param items - the tuning and test items
 * @returns the warning
 * @example
 * noBudgetWarning({ ...setup.search, strategy: 'grid' }, 2, 521, { requests: 521, extrapolated: false }, { tuning: 240, test: 60 }).startsWith('search.budget is not set: the search runs without a limit and scores the full grid: a full grid asks 521 requests'); // true
 */
export function noBudgetWarning(
  search: SearchConfig,
  candidates: number,
  estimate: number,
  grid: GridRequests,
  items: { readonly tuning: number; readonly test: number },
): string {
  const cap = 'set search.budget.requests or costUsd to cap it.';
  const phrase = fullGridPhrase(grid, items);
  if (scoresFullGrid(search, candidates))
    return `search.budget is not set: the search runs without a limit and scores the full grid: ${phrase}; ${cap}`;
  return `search.budget is not set: the search runs without a limit, about ${estimate} requests (fewer where prompts repeat and the cache answers), where ${phrase}; ${cap}`;
}

/**
 * About how many requests a search sends, before the cache: each candidate's distinct items,
 * a larger halving rung counting only the items the smaller one did not have (those answers
 * come from the cache), plus the winner's test part; nested cross-validation repeats the
 * search once per outer fold and once more on every item.
 *
 * @param search - the validated search
 * @param candidates - the grid's size
 * @param tuning - tuning items
 * @param test - test items
 * @returns the estimate (an upper bound where prompts repeat: the cache answers those)
 * @example
 * estimatedRequests({ ...setup.search, strategy: 'grid' }, 2, 240, 60); // 540
 */
export function estimatedRequests(
  search: SearchConfig,
  candidates: number,
  tuning: number,
  test: number,
): number {
  if (search.nested !== 'none') {
    const outer = search.nested.outer;
    const fold = Math.ceil(tuning / outer);
    const inner = strategyRequests(search, candidates, tuning - fold);
    return outer * (inner + fold) + strategyRequests(search, candidates, tuning);
  }
  return strategyRequests(search, candidates, tuning) + test;
}

function strategyRequests(search: SearchConfig, candidates: number, items: number): number {
  switch (search.strategy) {
    case 'grid':
      return candidates * items;
    case 'random':
      return Math.min(candidates, search.n ?? DEFAULT_RANDOM_N) * items;
    case 'successive-halving':
      return halvingRequests(
        candidates,
        halvingRungs(candidates, items, search.eta, search.minItems),
        search.eta,
      );
    case 'hyperband': {
      const sMax = halvingRungs(candidates, items, search.eta, search.minItems).length - 1;
      let total = 0;
      for (let s = sMax; s >= 0; s--) {
        const n = Math.min(candidates, Math.ceil(((sMax + 1) / (s + 1)) * search.eta ** s));
        const rungs = Array.from({ length: s + 1 }, (_, r) =>
          Math.ceil(items / search.eta ** (s - r)),
        );
        total += halvingRequests(n, rungs, search.eta);
      }
      return total;
    }
  }
}

function halvingRequests(candidates: number, rungs: readonly number[], eta: number): number {
  let alive = candidates;
  let total = 0;
  rungs.forEach((items, r) => {
    total += alive * (items - (r === 0 ? 0 : rungs[r - 1]!));
    alive = survivorsOf(alive, eta);
  });
  return total;
}
