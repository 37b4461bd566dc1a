/**
 * Rows per range of a shared pass by default: 16 fold blocks of 16 384 rows, a few
 * milliseconds of counting, so the workers finish a pass within that of each other.
 */
export const RANGE_ROWS = 1 << 18;

/**
 * Row ranges of `rows` rows rounded up to whole blocks (the last one may be short).
 *
 * @param n - rows
 * @param blockRows - rows per block (1 when the pass has no blocks)
 * @param rows - the wanted rows per range
 * @returns `[start, end)` ranges in row order, each starting on a block boundary
 */
export function taskRanges(n: number, blockRows: number, rows: number): [number, number][] {
  const step = blockRows * Math.max(1, Math.ceil(rows / blockRows));
  const ranges: [number, number][] = [];
  for (let start = 0; start < n; start += step) ranges.push([start, Math.min(n, start + step)]);
  return ranges;
}
