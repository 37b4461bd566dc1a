/**
 * Copies the selected rows of a column (all rows when `rows` is null, the
 * column itself is returned then). Used for the score metrics whose
 * core-metrics kernel takes whole columns; confusion metrics never copy.
 *
 * @param values - a column
 * @param rows - the selection, or null
 * @returns the selected values
 */
export function gatherFloat64(values: Float64Array, rows: Uint32Array | null): Float64Array {
  if (rows === null) return values;
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]!]!;
  return out;
}

/**
 * Copies the selected rows of an Int32 column (the column itself when `rows` is null).
 *
 * @param values - a column
 * @param rows - the selection, or null
 * @returns the selected values
 */
export function gatherInt32(values: Int32Array, rows: Uint32Array | null): Int32Array {
  if (rows === null) return values;
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]!]!;
  return out;
}

/**
 * The rows of a selection whose code is one of `codes`.
 *
 * @param ids - per-row codes
 * @param rows - the selection, or null for all rows
 * @param keep - predicate on a code
 * @returns the matching row indices
 */
export function filterRows(
  ids: Int32Array,
  rows: Uint32Array | null,
  keep: (code: number) => boolean,
): Uint32Array {
  const n = rows === null ? ids.length : rows.length;
  const out = new Uint32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const r = rows === null ? i : rows[i]!;
    if (keep(ids[r]!)) out[m++] = r;
  }
  return out.subarray(0, m);
}
