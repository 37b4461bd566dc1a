import { isArrowVector } from '@assay/labels';
import type { Label, LabelInput } from '../input/encode-labels.js';
import { DENSE_LABEL_LIMIT } from '../kernels/dense-label-confusion.js';
import type { EncodedTargets } from './encoded-targets.js';

/**
 * The Int32Array behind an input, if it is one (or an Int32 Arrow vector without nulls).
 *
 * @param values - a label input
 * @returns the Int32Array, or null
 * @example
 * ```ts
 * asInt32(Int32Array.of(1, 2)); // Int32Array [1, 2] (the same array)
 * asInt32([1, 2]); // null
 * ```
 */
export function asInt32(values: LabelInput): Int32Array | null {
  if (values instanceof Int32Array) return values;
  if (isArrowVector(values) && values.nullCount === 0) {
    const array = values.toArray();
    if (array instanceof Int32Array) return array;
  }
  return null;
}

/**
 * Builds {@link EncodedTargets} from the 64×64 grid of the one-pass Int32 path: the present
 * labels are the values with any row (or, weighted, any flagged occurrence).
 *
 * @param grid - the two grid halves filled by `accumulateDenseLabelConfusion`
 * @param seen - presence flags (weighted) or null
 * @param yTrue - raw true labels
 * @param yPred - raw predicted labels
 * @param weight - validated weights or null
 * @param extraLabels - callback returning requested labels absent from the data
 * @returns the encoded targets
 * @example
 * ```ts
 * const t = Int32Array.of(3, 5, 5), p = Int32Array.of(3, 3, 5), grid = new Float64Array(2 * 64 * 64);
 * accumulateDenseLabelConfusion(grid, null, t, p, null);
 * const encoded = fromDenseGrid(grid, null, t, p, null, undefined);
 * [encoded.classes, encoded.counts, encoded.codes().trueCodes]; // [[3, 5], [1, 0, 1, 1], [0, 1, 1]]
 * ```
 */
export function fromDenseGrid(
  grid: Float64Array,
  seen: Uint8Array | null,
  yTrue: Int32Array,
  yPred: Int32Array,
  weight: Float64Array | null,
  extraLabels: ((present: readonly Label[]) => readonly Label[]) | undefined,
): EncodedTargets {
  const L = DENSE_LABEL_LIMIT;
  for (let c = 0; c < L * L; c++) grid[c]! += grid[L * L + c]!;
  const classes: number[] = [];
  for (let v = 0; v < L; v++) {
    let present = seen !== null && (seen[v] === 1 || seen[L + v] === 1);
    for (let k = 0; k < L && !present; k++) present = grid[v * L + k]! > 0 || grid[k * L + v]! > 0;
    if (present) classes.push(v);
  }
  const nPresent = classes.length;
  const extra = extraLabels ? extraLabels(classes) : [];
  const all: Label[] = extra.length === 0 ? classes : [...classes, ...extra];
  const nClasses = all.length;
  const counts = new Float64Array(nClasses * nClasses);
  for (let i = 0; i < nPresent; i++) {
    for (let j = 0; j < nPresent; j++) {
      counts[i * nClasses + j] = grid[classes[i]! * L + classes[j]!]!;
    }
  }
  let cached: { trueCodes: Int32Array; predCodes: Int32Array } | undefined;
  const codes = () => {
    if (cached !== undefined) return cached;
    if (classes.every((c, i) => c === i)) {
      cached = { trueCodes: yTrue, predCodes: yPred };
    } else {
      const lookup = new Int32Array(L);
      classes.forEach((c, i) => {
        lookup[c] = i;
      });
      cached = {
        trueCodes: yTrue.map((v) => lookup[v]!),
        predCodes: yPred.map((v) => lookup[v]!),
      };
    }
    return cached;
  };
  return {
    classes: all,
    nPresent,
    nClasses,
    counts,
    weighted: weight !== null,
    nRows: yTrue.length,
    weight,
    codes,
  };
}
