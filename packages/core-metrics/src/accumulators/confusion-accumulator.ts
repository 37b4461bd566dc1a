import { describeValue } from '@assay/labels';
import { MetricInputError } from '../errors.js';
import { accumulateConfusion } from '../kernels/confusion-counts.js';

/** Serialized {@link ConfusionAccumulator}: class count and row-major counts. */
export interface ConfusionAccumulatorJSON {
  readonly nClasses: number;
  readonly counts: number[];
}

function invalidState(message: string): MetricInputError {
  return new MetricInputError('INVALID_STATE', message, 'json');
}

/** The error for row `i`, whose true or predicted code is outside `[0, k)`. */
function badCode(yTrue: Int32Array, yPred: Int32Array, i: number, k: number): MetricInputError {
  const t = yTrue[i];
  const inTrue = !(t !== undefined && t >= 0 && t < k);
  const [name, value] = inTrue ? ['yTrue', t] : ['yPred', yPred[i]];
  return new MetricInputError(
    'INVALID_LABEL',
    value === undefined
      ? `${name} has no row ${i} (its length is ${(inTrue ? yTrue : yPred).length}); yTrue and yPred must cover rows start..end-1.`
      : `${name} has the class code ${describeValue(value)} at row ${i}; codes must be integers in [0, ${k}) for nClasses = ${k}.`,
    name,
  );
}

/**
 * A mergeable K×K confusion count matrix over encoded class codes: the state that
 * shards, workers and bootstrap resamples share.
 *
 * @remarks
 * `counts[t * nClasses + p]` is the (weighted) number of rows with true class `t` and
 * predicted class `p`. Merging adds counts, so the merge of shard accumulators equals
 * the accumulator of the whole data (exactly for unweighted counts below 2^53). To move
 * one between threads transfer `counts.buffer` and rebuild with
 * `new ConfusionAccumulator(nClasses, new Float64Array(buffer))`. Feed `counts` to the
 * `*FromConfusion` functions (e.g. {@link precisionRecallFscoreSupportFromConfusion}).
 *
 * @example
 * ```ts
 * import { ConfusionAccumulator, accuracyFromConfusion } from '@assay/core-metrics';
 * const a = new ConfusionAccumulator(2).update(Int32Array.of(0, 1), Int32Array.of(0, 0));
 * const b = new ConfusionAccumulator(2).update(Int32Array.of(1), Int32Array.of(1));
 * accuracyFromConfusion(a.merge(b).counts, 2); // 0.6666666666666666 (2 / 3)
 * ```
 * @see sklearn.metrics.confusion_matrix
 */
export class ConfusionAccumulator {
  /** Number of classes K. */
  readonly nClasses: number;
  /** Row-major K×K counts, row = true class, column = predicted class. */
  readonly counts: Float64Array;

  /**
   * @param nClasses - number of classes K (a positive integer)
   * @param counts - existing counts to adopt (not copied), length K²; zeros when omitted
   * @throws {@link MetricInputError} `INVALID_OPTION` (path `nClasses`) when K is not a
   *   positive integer; `INVALID_STATE` (path `counts`) when `counts` has the wrong length
   */
  constructor(nClasses: number, counts?: Float64Array) {
    if (typeof nClasses !== 'number' || !Number.isInteger(nClasses) || nClasses < 1) {
      throw new MetricInputError(
        'INVALID_OPTION',
        `nClasses is ${describeValue(nClasses)}; it must be a positive integer number of classes.`,
        'nClasses',
      );
    }
    if (counts !== undefined && counts.length !== nClasses * nClasses) {
      throw new MetricInputError(
        'INVALID_STATE',
        `counts has ${counts.length} cells but nClasses = ${nClasses} needs ${nClasses * nClasses} (nClasses squared).`,
        'counts',
      );
    }
    this.nClasses = nClasses;
    this.counts = counts ?? new Float64Array(nClasses * nClasses);
  }

  /**
   * Adds rows `start..end-1` of encoded codes, each in `[0, K)`.
   *
   * @remarks One range test per code before the counts are touched (a code outside
   *   `[0, K)` would land in another class's cell or in none); for the unchecked hot path
   *   call {@link accumulateConfusion} on `counts` directly.
   * @param yTrue - true class codes
   * @param yPred - predicted class codes, same length
   * @param weight - per-row weights, or null/omitted for 1 per row
   * @param start - first row, default 0
   * @param end - row after the last, default `yTrue.length`
   * @returns this accumulator
   * @throws {@link MetricInputError} `INVALID_LABEL` naming `yTrue` or `yPred`, the row and
   *   the code when a code is outside `[0, K)` (or the row is missing); nothing is added then
   * @example
   * ```ts
   * new ConfusionAccumulator(3).update(Int32Array.of(0, 2), Int32Array.of(1, 2)).counts; // Float64Array [0, 1, 0, 0, 0, 0, 0, 0, 1]
   * try { new ConfusionAccumulator(2).update(Int32Array.of(0, 5), Int32Array.of(0, 1)); } catch (error) {
   *   error.message; // 'yTrue has the class code 5 at row 1; codes must be integers in [0, 2) for nClasses = 2.'
   * }
   * ```
   */
  update(
    yTrue: Int32Array,
    yPred: Int32Array,
    weight: Float64Array | null = null,
    start = 0,
    end: number = yTrue.length,
  ): this {
    const k = this.nClasses;
    for (let i = start; i < end; i++) {
      const t = yTrue[i]!;
      const p = yPred[i]!;
      // false for undefined (a row past yPred's end) as for codes outside [0, K)
      if (!(t >= 0 && t < k && p >= 0 && p < k)) throw badCode(yTrue, yPred, i, k);
    }
    accumulateConfusion(this.counts, this.nClasses, yTrue, yPred, weight, start, end);
    return this;
  }

  /**
   * Adds another accumulator's counts into this one.
   *
   * @param other - an accumulator over the same classes
   * @returns this accumulator
   * @throws {@link MetricInputError} `INVALID_STATE` when the class counts differ
   * @example
   * ```ts
   * a.merge(b); // a now holds the counts of both
   * ```
   */
  merge(other: ConfusionAccumulator): this {
    if (other.nClasses !== this.nClasses) {
      throw new MetricInputError(
        'INVALID_STATE',
        `Cannot merge a ConfusionAccumulator with ${other.nClasses} classes into one with ${this.nClasses}; both must use the same class encoding.`,
        'other',
      );
    }
    const a = this.counts;
    const b = other.counts;
    for (let i = 0; i < a.length; i++) a[i]! += b[i]!;
    return this;
  }

  /**
   * Serializes the state (plain JSON numbers).
   *
   * @returns `{ nClasses, counts }`
   * @throws never
   * @example
   * ```ts
   * JSON.stringify(acc); // '{"nClasses":2,"counts":[1,0,1,1]}'
   * ```
   */
  toJSON(): ConfusionAccumulatorJSON {
    return { nClasses: this.nClasses, counts: Array.from(this.counts) };
  }

  /**
   * Rebuilds an accumulator from {@link ConfusionAccumulator.toJSON} output, validating it and
   * refusing a field that toJSON() does not write.
   *
   * @param json - parsed JSON state
   * @returns a new accumulator
   * @throws {@link MetricInputError} `INVALID_STATE` naming the bad field and what is valid
   * @example
   * ```ts
   * const copy = ConfusionAccumulator.fromJSON(JSON.parse(JSON.stringify(acc)));
   * ```
   */
  static fromJSON(json: unknown): ConfusionAccumulator {
    if (typeof json !== 'object' || json === null) {
      throw invalidState(
        `ConfusionAccumulator state must be an object { nClasses, counts }, got ${json === null ? 'null' : typeof json}.`,
      );
    }
    for (const key of Object.keys(json)) {
      if (key !== 'nClasses' && key !== 'counts') {
        throw invalidState(
          `ConfusionAccumulator state field ${key} is not a field of a snapshot; toJSON() writes only nClasses and counts.`,
        );
      }
    }
    const { nClasses, counts } = json as { nClasses?: unknown; counts?: unknown };
    if (typeof nClasses !== 'number' || !Number.isInteger(nClasses) || nClasses < 1) {
      throw invalidState(
        `ConfusionAccumulator state field nClasses is ${JSON.stringify(nClasses)}; it must be a positive integer.`,
      );
    }
    if (!Array.isArray(counts) || counts.length !== nClasses * nClasses) {
      throw invalidState(
        `ConfusionAccumulator state field counts must be an array of ${nClasses * nClasses} numbers (nClasses squared), got ${Array.isArray(counts) ? `${counts.length} entries` : typeof counts}.`,
      );
    }
    const out = new Float64Array(counts.length);
    for (let i = 0; i < counts.length; i++) {
      const v: unknown = counts[i];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw invalidState(
          `ConfusionAccumulator state field counts[${i}] is ${JSON.stringify(v)}; every count must be a finite number >= 0.`,
        );
      }
      out[i] = v;
    }
    return new ConfusionAccumulator(nClasses, out);
  }
}
