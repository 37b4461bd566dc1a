import { windowAt } from './msd-radix-sort.js';

// At most 2^15 slots (128 KiB tables, in L2) for a bucket's negatives; a
// bucket with over two negatives a slot is sorted instead.
const MAX_SLOT_BITS = 15;
// A slot holding more negatives than this means the values cluster below the
// slot bits: the bucket is sorted instead, before the scatter pass is spent.
const CROWDED_SLOT = 16;
const starts = new Int32Array((1 << MAX_SLOT_BITS) + 1);
const fill = new Int32Array(1 << MAX_SLOT_BITS);
// Same-slot comparisons allowed per positive before giving up (the values
// cluster below the slot bits; sorting the pair is then cheaper).
const COMPARE_BUDGET = 2;

let ties = 0;

/**
 * Tie pairs found by the last successful {@link countPairBelow}.
 *
 * @returns the number of (positive, negative) pairs with equal scores
 * @example
 * ```ts
 * // positives 0.9, 0.4; negatives 0.1, 0.4, 0.5 (q = 0: no shared key bits)
 * countPairBelow(Float64Array.of(0.9, 0.4, 0.1, 0.4, 0.5), 0, 2, 2, 5, 0, new Float64Array(5)); // 4
 * lastPairTies(); // 1 (0.4 and 0.4)
 * ```
 */
export function lastPairTies(): number {
  return ties;
}

// The grouping made by the last `groupNegatives`.
let slotDown = 0;
let window = windowAt(0);

/**
 * Groups a bucket's negatives `keys[ns, ne)` into `scratch[ns, ne)` by the
 * `b ≈ log2(#neg) + 1` key bits from bit `q` (about one negative every two
 * slots), leaving each slot's start (relative to `ns`) in `starts`.
 *
 * @returns false when the slot bits would pass the key's last bit
 */
function groupNegatives(
  keys: Float64Array,
  ns: number,
  ne: number,
  q: number,
  scratch: Float64Array,
): boolean {
  if (ne - ns > 2 << MAX_SLOT_BITS) return false;
  const bits = Math.min(MAX_SLOT_BITS, 33 - Math.clz32(ne - ns));
  if (q + bits > 64) return false;
  const slots = 1 << bits;
  const down = 32 - bits;
  window = windowAt(q);
  slotDown = down;
  const { hiMask, loMask, up, tailMask, tailDown } = window;
  const words = new Int32Array(keys.buffer, keys.byteOffset, 2 * keys.length);
  starts.fill(0, 0, slots + 1);
  for (let i = ns; i < ne; i++) {
    const h = words[2 * i + 1]!;
    const m = h >> 31;
    const lk = words[2 * i]! ^ m;
    const w =
      ((((h ^ (m | 0x80000000)) & hiMask) | (lk & loMask)) << up) | ((lk & tailMask) >>> tailDown);
    starts[(w >>> down) + 1]!++;
  }
  let crowded = 0;
  for (let t = 1; t <= slots; t++) {
    crowded = Math.max(crowded, starts[t]!);
    starts[t]! += starts[t - 1]!;
  }
  if (crowded > CROWDED_SLOT) return false;
  for (let t = 0; t < slots; t++) fill[t] = ns + starts[t]!;
  for (let i = ns; i < ne; i++) {
    const h = words[2 * i + 1]!;
    const m = h >> 31;
    const lk = words[2 * i]! ^ m;
    const w =
      ((((h ^ (m | 0x80000000)) & hiMask) | (lk & loMask)) << up) | ((lk & tailMask) >>> tailDown);
    scratch[fill[w >>> down]!++] = keys[i]!;
  }
  return true;
}

/**
 * `Σ_pos #neg < s` over one bucket pair without sorting it, or -1 when its
 * values cluster (the caller then sorts and merges).
 *
 * @remarks
 * All values of the pair share their key bits above `q`. The negatives are
 * grouped by the next key bits (`groupNegatives`); a positive in slot `t` is
 * then above all negatives of slots below `t` (a prefix count) and is
 * compared only with the few negatives of its own slot, which also yields the
 * tie pairs exactly. Two passes over the negatives and one over the
 * positives, where sorting both sides costs three or more each and a merge:
 * this is only the ROC count, no order comes out of it. Gives up (-1) past 2
 * same-slot comparisons per positive, or when the slot bits would pass the
 * key's last bit.
 *
 * @param keys - holds the positives in `[ps, pe)` and the negatives in `[ns, ne)`
 * @param q - the first key bit (0 = top) that may differ within the pair
 * @param scratch - at least as long as `keys`; `[ns, ne)` is overwritten
 * @returns the strict count, or -1
 * @example
 * ```ts
 * // positives 0.9, 0.4; negatives 0.1, 0.4, 0.5 (q = 0: no shared key bits)
 * countPairBelow(Float64Array.of(0.9, 0.4, 0.1, 0.4, 0.5), 0, 2, 2, 5, 0, new Float64Array(5)); // 4 (3 + 1)
 * ```
 */
export function countPairBelow(
  keys: Float64Array,
  ps: number,
  pe: number,
  ns: number,
  ne: number,
  q: number,
  scratch: Float64Array,
): number {
  if (!groupNegatives(keys, ns, ne, q, scratch)) return -1;
  const { hiMask, loMask, up, tailMask, tailDown } = window;
  const down = slotDown;
  const words = new Int32Array(keys.buffer, keys.byteOffset, 2 * keys.length);
  const budget = COMPARE_BUDGET * (pe - ps) + 64;
  let below = 0;
  let equal = 0;
  let work = 0;
  for (let i = ps; i < pe; i++) {
    const h = words[2 * i + 1]!;
    const m = h >> 31;
    const lk = words[2 * i]! ^ m;
    const w =
      ((((h ^ (m | 0x80000000)) & hiMask) | (lk & loMask)) << up) | ((lk & tailMask) >>> tailDown);
    const t = w >>> down;
    const a = starts[t]!;
    const b = starts[t + 1]!;
    const v = keys[i]!;
    below += a;
    for (let u = ns + a; u < ns + b; u++) {
      const x = scratch[u]!;
      below += +(x < v);
      equal += +(x === v);
    }
    work += b - a;
    if (work > budget) return -1;
  }
  ties = equal;
  return below;
}

/**
 * For each positive of `keys[ps, pe)`, the negatives of `keys[ns, ne)` strictly
 * below it, written to `out[0, pe − ps)`, without sorting the negatives; false
 * when their values cluster (as {@link countPairBelow}).
 *
 * @param keys - holds the positives in `[ps, pe)` and the negatives in `[ns, ne)`
 * @param q - the first key bit (0 = top) that may differ within the pair
 * @param scratch - at least as long as `keys`; `[ns, ne)` is overwritten
 * @param out - receives the counts
 * @returns true when `out` is filled
 * @example
 * ```ts
 * const out = new Int32Array(2);
 * countEachBelow(Float64Array.of(0.9, 0.4, 0.1, 0.4, 0.5), 0, 2, 2, 5, 0, new Float64Array(5), out); // true
 * out; // Int32Array [3, 1]
 * ```
 */
export function countEachBelow(
  keys: Float64Array,
  ps: number,
  pe: number,
  ns: number,
  ne: number,
  q: number,
  scratch: Float64Array,
  out: Int32Array,
): boolean {
  if (!groupNegatives(keys, ns, ne, q, scratch)) return false;
  const { hiMask, loMask, up, tailMask, tailDown } = window;
  const down = slotDown;
  const words = new Int32Array(keys.buffer, keys.byteOffset, 2 * keys.length);
  const budget = COMPARE_BUDGET * (pe - ps) + 64;
  let work = 0;
  for (let i = ps; i < pe; i++) {
    const h = words[2 * i + 1]!;
    const m = h >> 31;
    const lk = words[2 * i]! ^ m;
    const w =
      ((((h ^ (m | 0x80000000)) & hiMask) | (lk & loMask)) << up) | ((lk & tailMask) >>> tailDown);
    const t = w >>> down;
    const a = starts[t]!;
    const b = starts[t + 1]!;
    const v = keys[i]!;
    let below = a;
    for (let u = ns + a; u < ns + b; u++) below += +(scratch[u]! < v);
    out[i - ps] = below;
    work += b - a;
    if (work > budget) return false;
  }
  return true;
}
