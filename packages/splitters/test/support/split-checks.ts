import type { Split } from '../../src/index.js';

/** Materialises splits as plain arrays. */
export function materialize(splits: Iterable<Split>): { train: number[]; test: number[] }[] {
  return [...splits].map(({ train, test }) => ({ train: [...train], test: [...test] }));
}

/** The complement of `test` in `0 .. n-1`. */
export function complement(test: readonly number[], n: number): number[] {
  const inTest = new Set(test);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (!inTest.has(i)) out.push(i);
  return out;
}

/** True when the array is strictly ascending. */
export function isAscending(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i - 1]! >= values[i]!) return false;
  return true;
}

/** Asserts every split's train and test are disjoint, ascending, within `0 .. n-1`. */
export function checkWellFormed(splits: readonly Split[], n: number): void {
  for (const { train, test } of splits) {
    if (!isAscending(train) || !isAscending(test)) throw new Error('indices not ascending');
    const seen = new Set<number>(train);
    for (const i of test) if (seen.has(i)) throw new Error(`row ${i} on both sides`);
    for (const i of [...train, ...test]) if (i >= n) throw new Error(`row ${i} out of range`);
  }
}
