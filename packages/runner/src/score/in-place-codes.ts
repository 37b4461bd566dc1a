/** The free bytes behind codes written over a Float64 column's own memory, by codes array. */
const SPARE_BYTES = new WeakMap<Int32Array, Uint8Array>();

/**
 * An Int32 view over the first half of a Float64 column's own bytes: label codes can be
 * written there while the values are read in ascending order (code i lands on value i/2,
 * already read), so that encoding needs no fresh memory. The next `length` bytes are then
 * free too once every value is read (see {@link spareBytesOf}).
 *
 * @param values - a column in shared memory
 * @returns the view, one code per value
 * @example
 * ```ts
 * const values = toSharedFloat64(Float64Array.of(5, 3, 5));
 * const codes = codesOverValues(values);
 * codes.buffer === values.buffer; // true
 * codes.length; // 3
 * ```
 */
export function codesOverValues(values: Float64Array): Int32Array {
  const n = values.length;
  const codes = new Int32Array(values.buffer, values.byteOffset, n);
  SPARE_BYTES.set(codes, new Uint8Array(values.buffer, values.byteOffset + n * 4, n));
  return codes;
}

/**
 * One byte per row behind codes from {@link codesOverValues}, once all of them are written:
 * room for a byte column without touching fresh memory (which costs more than the pass
 * that fills it on a machine that returns freed pages to its host).
 *
 * @param codes - label codes
 * @returns the bytes, or undefined when the codes have their own memory
 * @example
 * ```ts
 * const values = toSharedFloat64(Float64Array.of(5, 3, 5));
 * const [yTrue] = numberLabelPair({ kind: 'number', name: 'y', values }, { kind: 'number', name: 'p', values: Float64Array.of(3, 3, 5) }, [true, false]);
 * spareBytesOf(yTrue.codes).buffer === values.buffer; // true: codes written over the values
 * spareBytesOf(Int32Array.of(0, 1)); // undefined: codes in their own memory
 * ```
 */
export function spareBytesOf(codes: Int32Array): Uint8Array | undefined {
  return SPARE_BYTES.get(codes);
}
