import {
  inScoreOrder,
  type RankedValues,
  type ScoreOrder,
  scoreOrderKernel,
  scoreOrderMatches,
} from '@assay/core-metrics';

/** A per-row array laid out in a ranking's order, with the array it was last checked against. */
interface Laid {
  source: WeakRef<RankedValues>;
  readonly values: RankedValues;
}

/** A ranking kept by this thread, with the column and rows it was checked against last. */
interface Entry {
  readonly ranked: ScoreOrder;
  /** Rows ranked (ascending), or null for every row of a column of `n` rows. */
  readonly domain: Uint32Array | null;
  readonly n: number;
  /** The arrays it was last found to match (a task's own views of the shared columns). */
  scores: WeakRef<Float64Array>;
  domainRef: WeakRef<Uint32Array> | null;
  /** Labels and weights laid out in ranked order, most recently used last. */
  readonly laid: Laid[];
}

/**
 * Bytes of rankings one thread keeps: 5 a ranked row, 4 more for a slice's rows, and the
 * arrays laid out in ranked order (1 for a class indicator, 8 for weights, 4 for the
 * classes of a one-vs-one walk). The most recent ranking is kept whatever its size.
 */
const BUDGET_BYTES = 256 * 2 ** 20;

/**
 * Whether the rankings one resampled selection needs take at most a third of what a thread
 * keeps, so that those of the whole set and of every slice (twice the rows together) stay
 * kept while replicates of each take turns on a worker; larger jobs would rank again on
 * almost every replicate, and the metrics read their drawn rows instead. It depends only
 * on the job's shape, so every worker makes the same choice.
 *
 * @param columns - score columns ranked
 * @param rows - rows of the selection
 * @param bytesPerRow - bytes kept per ranked row and column (see {@link BUDGET_BYTES})
 * @returns true when the rankings may be kept
 * @example
 * rankingsFit(1, 500_000, 6); // true: one column, 3 MB
 * rankingsFit(10, 10_000_000, 10); // false: 1 GB
 */
export function rankingsFit(columns: number, rows: number, bytesPerRow: number): boolean {
  return columns * rows * bytesPerRow <= BUDGET_BYTES / 3;
}

/** Arrays laid out per ranking: a class indicator and the weights, or the true classes. */
const MAX_LAID = 3;

// most recently used last
const entries: Entry[] = [];
const entryOf = new WeakMap<ScoreOrder, Entry>();

function bytesOf(entry: Entry): number {
  const { order, groupEnd } = entry.ranked;
  let bytes = order.byteLength + groupEnd.byteLength + (entry.domain?.byteLength ?? 0);
  for (const laid of entry.laid) bytes += laid.values.byteLength;
  return bytes;
}

/** Drops the least recently used rankings beyond the budget, never the most recent. */
function evict(): void {
  let total = entries.reduce((sum, e) => sum + bytesOf(e), 0);
  while (total > BUDGET_BYTES && entries.length > 1) total -= bytesOf(entries.shift()!);
}

function sameDomain(entry: Entry, domain: Uint32Array | null): boolean {
  if (domain === null || entry.domain === null) return domain === entry.domain;
  if (domain.length !== entry.domain.length) return false;
  const rows = entry.domain;
  for (let i = 0; i < rows.length; i++) if (rows[i] !== domain[i]) return false;
  return true;
}

function isSame(entry: Entry, scores: Float64Array, domain: Uint32Array | null): boolean {
  return entry.scores.deref() === scores && (entry.domainRef?.deref() ?? null) === domain;
}

function matches(entry: Entry, scores: Float64Array, domain: Uint32Array | null): boolean {
  if (entry.n !== scores.length) return false;
  if ((domain?.length ?? -1) !== (entry.domain?.length ?? -1)) return false;
  // another column's ranking fails within a few rows; the same column's takes one pass
  if (!scoreOrderMatches(entry.ranked, scores) || !sameDomain(entry, domain)) return false;
  entry.scores = new WeakRef(scores);
  entry.domainRef = domain === null ? null : new WeakRef(domain);
  return true;
}

function use(i: number): ScoreOrder {
  const entry = entries[i]!;
  if (i !== entries.length - 1) {
    entries.splice(i, 1);
    entries.push(entry);
  }
  return entry.ranked;
}

/**
 * The rows of `domain` ranked by `scores` (core-metrics' canonical {@link ScoreOrder}),
 * made once per thread and reused by every later bootstrap replicate and task that ranks
 * the same scores over the same rows.
 *
 * @remarks
 * Each task receives its own views of the shared columns, so a ranking is found again by
 * content, not by identity: the rows must be equal and the ranking must still order the
 * scores (`scoreOrderMatches`, one pass over the ranked rows, once per task and column;
 * later calls with the same arrays are a reference comparison). A kept ranking is
 * therefore exactly the one a fresh sort would make, whichever job made it. Rankings are
 * kept up to {@link BUDGET_BYTES}, least recently used dropped first.
 *
 * @param scores - the score column
 * @param domain - ascending rows to rank, or null for every row
 * @returns the ranking
 * @example
 * const ranked = rankedScores(Float64Array.of(0.2, 0.9, 0.5), null);
 * ranked.order; // Uint32Array [1, 2, 0] (rows by score, highest first)
 * rankedScores(Float64Array.of(0.2, 0.9, 0.5), null) === ranked; // true (the same ranking, found again)
 */
export function rankedScores(scores: Float64Array, domain: Uint32Array | null): ScoreOrder {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (isSame(entries[i]!, scores, domain)) return use(i);
  }
  for (let i = entries.length - 1; i >= 0; i--) {
    if (matches(entries[i]!, scores, domain)) return use(i);
  }
  const ranked = scoreOrderKernel(scores, domain);
  const entry: Entry = {
    ranked,
    domain: domain === null ? null : domain.slice(),
    n: scores.length,
    scores: new WeakRef(scores),
    domainRef: domain === null ? null : new WeakRef(domain),
    laid: [],
  };
  entries.push(entry);
  entryOf.set(ranked, entry);
  evict();
  return ranked;
}

function laidOutAs(ranked: ScoreOrder, laid: RankedValues, values: RankedValues): boolean {
  if (laid.constructor !== values.constructor) return false;
  const { order } = ranked;
  for (let p = 0; p < order.length; p++) if (laid[p] !== values[order[p]!]) return false;
  return true;
}

/**
 * A per-row array (a class indicator, the weights, the true classes) laid out in the order
 * of a ranking from {@link rankedScores}, kept with the ranking so that every replicate's
 * walk reads it in sequence.
 *
 * @remarks
 * Found again like the rankings: by identity within a task, else by content (one pass).
 * For a ranking no longer kept, a fresh copy.
 *
 * @param ranked - a ranking returned by {@link rankedScores}
 * @param values - one value per row of the column
 * @returns `values` in ranked order
 * @example
 * const ranked = rankedScores(Float64Array.of(0.2, 0.9, 0.5), null);
 * rankedValues(ranked, Uint8Array.of(0, 1, 1)); // Uint8Array [1, 1, 0] (is-positive in score order)
 */
export function rankedValues<T extends RankedValues>(ranked: ScoreOrder, values: T): T {
  const entry = entryOf.get(ranked);
  if (entry === undefined) return inScoreOrder(ranked, values);
  const { laid } = entry;
  let found = laid.findIndex((l) => l.source.deref() === values);
  if (found < 0) found = laid.findIndex((l) => laidOutAs(ranked, l.values, values));
  if (found >= 0) {
    const [hit] = laid.splice(found, 1);
    hit!.source = new WeakRef<RankedValues>(values);
    laid.push(hit!);
    return hit!.values as T;
  }
  const out = inScoreOrder(ranked, values);
  laid.push({ source: new WeakRef<RankedValues>(values), values: out });
  if (laid.length > MAX_LAID) laid.shift();
  evict();
  return out;
}
