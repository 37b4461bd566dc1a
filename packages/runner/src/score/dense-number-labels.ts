import type { Label } from '@assay/labels';
import type { LabelColumn } from '../io/loaded-column.js';
import { sharedInt32 } from '../io/shared-arrays.js';
import { forgetProfile, profileNumbers } from './number-profile.js';

/** Above this many distinct slots a lookup table is not worth it (16 MiB of Int32). */
const DENSE_RANGE_LIMIT = 1 << 22;

/** A column about to be encoded through a slot table. */
interface DensePlan {
  readonly name: string;
  readonly values: Float64Array;
  readonly codes: Int32Array;
  readonly min: number;
  /** code by slot (value - min), -1 while unseen */
  readonly table: Int32Array;
  /** whether the column's first zero is -0 (read before the codes may overwrite it) */
  readonly negativeZero: boolean;
}

/** The plan for one column; a finished column when it has no value; undefined to hash. */
function densePlan(
  name: string,
  values: Float64Array,
  target: Int32Array | undefined,
): DensePlan | LabelColumn | undefined {
  const { integral, min, max } = profileNumbers(values);
  const n = values.length;
  if (min > max) {
    const codes = (target ?? sharedInt32(n)).fill(-1);
    return { kind: 'label', name, codes, dictionary: [] };
  }
  // a table much larger than the column costs more to clear than hashing would
  const span = max - min;
  if (!integral || span >= DENSE_RANGE_LIMIT || span > 4 * n + 1024) return undefined;
  // -0 and 0 share a slot; the builder keeps whichever came first (indexOf finds either)
  const negativeZero = min <= 0 && max >= 0 && Object.is(values[values.indexOf(0)], -0);
  if (target?.buffer === values.buffer) forgetProfile(values);
  const table = new Int32Array(span + 1).fill(-1);
  return { name, values, codes: target ?? sharedInt32(n), min, table, negativeZero };
}

/** The labelled column once the codes are written: labels by code from the slot table. */
function finishDense(plan: DensePlan, size: number): LabelColumn {
  const { table, min } = plan;
  const dictionary = new Array<Label>(size);
  for (let slot = 0; slot < table.length; slot++) {
    const code = table[slot]!;
    if (code >= 0) dictionary[code] = min + slot;
  }
  if (plan.negativeZero) dictionary[table[-min]!] = -0;
  return { kind: 'label', name: plan.name, codes: plan.codes, dictionary };
}

/** Writes one column's codes; returns how many labels it has. */
function encodeDense(plan: DensePlan): number {
  const { values, codes, min, table } = plan;
  // the loop only counts codes: pushing onto the dictionary in it changes the array's
  // element kind under the compiled loop, which then runs several times slower
  let next = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      codes[i] = -1;
      continue;
    }
    // exact for integers under 2^22 apart (Sterbenz, or both small), so no two values share a slot
    const slot = (v - min) | 0;
    let code = table[slot]!;
    if (code < 0) {
      code = next++;
      table[slot] = code;
    }
    codes[i] = code;
  }
  return next;
}

/** {@link encodeDense} of two columns of one length in one loop (one cold start). */
function encodeDensePair(p: DensePlan, q: DensePlan): [number, number] {
  const a = p.values;
  const b = q.values;
  const codesA = p.codes;
  const codesB = q.codes;
  const tableA = p.table;
  const tableB = q.table;
  const minA = p.min;
  const minB = q.min;
  let nextA = 0;
  let nextB = 0;
  for (let i = 0; i < a.length; i++) {
    const u = a[i]!;
    const v = b[i]!;
    let codeA = -1;
    let codeB = -1;
    if (!Number.isNaN(u)) {
      const slot = (u - minA) | 0;
      codeA = tableA[slot]!;
      if (codeA < 0) {
        codeA = nextA++;
        tableA[slot] = codeA;
      }
    }
    if (!Number.isNaN(v)) {
      const slot = (v - minB) | 0;
      codeB = tableB[slot]!;
      if (codeB < 0) {
        codeB = nextB++;
        tableB[slot] = codeB;
      }
    }
    codesA[i] = codeA;
    codesB[i] = codeB;
  }
  return [nextA, nextB];
}

/**
 * Dictionary-encodes an integer column through a lookup table over `[min, max]` instead of a
 * hash map: the same codes and dictionary as pushing each value into a `LabelColumnBuilder`
 * (labels in first-seen order, -0 and 0 one label stored as first seen, NaN the missing
 * code -1).
 *
 * @param name - the column's name
 * @param values - the column
 * @param target - where the codes go: a fresh shared array by default, or
 *   `codesOverValues` to encode in place (the values are then lost)
 * @returns the label column, or undefined (nothing written) when the column is not
 *   integral or its range is too wide for a table (the caller then hashes)
 * @example
 * ```ts
 * denseNumberLabels('y', Float64Array.of(5, 3, 5)); // { kind: 'label', name: 'y', codes: Int32Array [0, 1, 0], dictionary: [5, 3] }
 * ```
 */
export function denseNumberLabels(
  name: string,
  values: Float64Array,
  target?: Int32Array,
): LabelColumn | undefined {
  const plan = densePlan(name, values, target);
  if (plan === undefined || !('table' in plan)) return plan;
  return finishDense(plan, encodeDense(plan));
}

/**
 * One column for {@link denseNumberLabelPair}.
 *
 * @example
 * ```ts
 * const column: DenseColumn = { name: 'label', values, target: codesOverValues(values) };
 * ```
 */
export interface DenseColumn {
  readonly name: string;
  readonly values: Float64Array;
  /** where the codes go (see {@link denseNumberLabels}) */
  readonly target?: Int32Array | undefined;
}

/**
 * {@link denseNumberLabels} of two columns (the true and predicted labels) in one loop
 * when both qualify and are as long, else one by one.
 *
 * @param a - a column
 * @param b - another column, not sharing memory with `a`
 * @returns each column's labels, or undefined for one the caller must hash
 * @example
 * ```ts
 * const [yTrue, yPred] = denseNumberLabelPair({ name: 't', values: Float64Array.of(5, 3) }, { name: 'p', values: Float64Array.of(3, 3) });
 * yTrue; // { kind: 'label', name: 't', codes: Int32Array [0, 1], dictionary: [5, 3] }
 * yPred.dictionary; // [3]
 * ```
 */
export function denseNumberLabelPair(
  a: DenseColumn,
  b: DenseColumn,
): [LabelColumn | undefined, LabelColumn | undefined] {
  if (a.values.length !== b.values.length || a.values.buffer === b.values.buffer) {
    return [
      denseNumberLabels(a.name, a.values, a.target),
      denseNumberLabels(b.name, b.values, b.target),
    ];
  }
  const p = densePlan(a.name, a.values, a.target);
  const q = densePlan(b.name, b.values, b.target);
  if (p !== undefined && 'table' in p && q !== undefined && 'table' in q) {
    const [sizeP, sizeQ] = encodeDensePair(p, q);
    return [finishDense(p, sizeP), finishDense(q, sizeQ)];
  }
  const one = (plan: DensePlan | LabelColumn | undefined) =>
    plan === undefined || !('table' in plan) ? plan : finishDense(plan, encodeDense(plan));
  return [one(p), one(q)];
}
