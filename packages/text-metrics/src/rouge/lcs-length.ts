/*
 * The length of a longest common subsequence of two token-id sequences, bit-parallel: the
 * positions of `a` are bits of a vector V (32 per word); for each token of `b`, with M the bits
 * of the positions of `a` holding that token, V' = (V + (V & M)) | (V & ~M), and at the end the
 * LCS length is the number of zero bits (Allison and Dix 1986; Hyyrö 2004). That is |b| · ⌈|a|/32⌉
 * word steps instead of the |a| · |b| cells of the dynamic-programming table, and exact.
 */

/** Ids at or above this use the table (the match masks are indexed by id). */
const MAX_MASKED_ID = 1 << 20;

// one per thread; every entry is zero between calls
let masks = new Int32Array(1024);
let vector = new Int32Array(8);

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * The LCS length by the dynamic-programming table, one row at a time (rouge-score's
 * `_lcs_table`); the reference for {@link lcsLength}.
 *
 * @param a - token ids
 * @param b - token ids
 * @returns the length of a longest common subsequence
 * @example
 * ```ts
 * lcsLengthByTable(Int32Array.of(1, 2, 3, 4), Int32Array.of(2, 4, 1)); // 2
 * ```
 */
export function lcsLengthByTable(a: Int32Array, b: Int32Array): number {
  const row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = 0; // table[i-1][j-1]
    const ai = a[i - 1]!;
    for (let j = 1; j <= b.length; j += 1) {
      const up = row[j]!; // table[i-1][j]
      row[j] = ai === b[j - 1]! ? diagonal + 1 : Math.max(up, row[j - 1]!);
      diagonal = up;
    }
  }
  return row[b.length]!;
}

/**
 * The length of a longest common subsequence of two id sequences, bit-parallel over `a`.
 *
 * @param a - token ids (dense non-negative ids are fastest; others use the table)
 * @param b - token ids
 * @returns the length of a longest common subsequence
 * @example
 * ```ts
 * lcsLength(Int32Array.of(1, 2, 3, 4), Int32Array.of(2, 4, 1)); // 2
 * ```
 */
export function lcsLength(a: Int32Array, b: Int32Array): number {
  const m = a.length;
  if (m === 0 || b.length === 0) return 0;
  let maxId = 0;
  for (let i = 0; i < m; i++) {
    const id = a[i]!;
    if (id < 0 || id >= MAX_MASKED_ID) return lcsLengthByTable(a, b);
    if (id > maxId) maxId = id;
  }
  const words = (m + 31) >>> 5;
  if (masks.length < (maxId + 1) * words) masks = new Int32Array((maxId + 1) * words * 2);
  if (vector.length < words) vector = new Int32Array(words * 2);
  for (let i = 0; i < m; i++) masks[a[i]! * words + (i >>> 5)]! |= 1 << (i & 31);
  vector.fill(-1, 0, words);
  for (let j = 0; j < b.length; j++) {
    const id = b[j]!;
    // a token absent from `a` has an empty mask, which leaves V as it is
    if (id < 0 || id > maxId) continue;
    const base = id * words;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const v = vector[w]! >>> 0;
      const mask = masks[base + w]!;
      const sum = v + ((v & mask) >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      vector[w] = sum | (v & ~mask);
    }
  }
  let zeros = 0;
  for (let w = 0; w < words; w++) {
    const bits = w === words - 1 && (m & 31) !== 0 ? (1 << (m & 31)) - 1 : -1;
    zeros += popcount(~vector[w]! & bits);
  }
  for (let i = 0; i < m; i++) masks[a[i]! * words + (i >>> 5)] = 0;
  return zeros;
}
