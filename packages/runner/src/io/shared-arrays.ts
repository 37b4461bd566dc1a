/**
 * Allocates a zero-filled `Float64Array` over a `SharedArrayBuffer`, so that
 * posting it to a worker shares the memory instead of copying it.
 *
 * @param length - number of elements
 * @returns the shared array
 */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
}

/**
 * Allocates a zero-filled `Int32Array` over a `SharedArrayBuffer`.
 *
 * @param length - number of elements
 * @returns the shared array
 */
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT));
}

/**
 * Returns `values` when it already lives in a `SharedArrayBuffer`, else a
 * shared copy of its first `length` elements.
 *
 * @param values - source array
 * @param length - elements to keep (defaults to all)
 * @returns a SharedArrayBuffer-backed Float64Array
 */
export function toSharedFloat64(values: Float64Array, length = values.length): Float64Array {
  if (values.buffer instanceof SharedArrayBuffer && values.length === length) return values;
  const out = sharedFloat64(length);
  out.set(values.subarray(0, length));
  return out;
}

/**
 * Returns `values` when it already lives in a `SharedArrayBuffer`, else a
 * shared copy of its first `length` elements.
 *
 * @param values - source array
 * @param length - elements to keep (defaults to all)
 * @returns a SharedArrayBuffer-backed Int32Array
 */
export function toSharedInt32(values: Int32Array, length = values.length): Int32Array {
  if (values.buffer instanceof SharedArrayBuffer && values.length === length) return values;
  const out = sharedInt32(length);
  out.set(values.subarray(0, length));
  return out;
}
