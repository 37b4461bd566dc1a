import type { PredictionRow } from '../run/prediction-row.js';

/**
 * The item of each prediction row as a cluster index (items numbered by first
 * appearance): the runner's `clusterIds`, so a bootstrap resample draws items and takes
 * every prediction of each (repeated CV predicts an item once per repeat).
 *
 * @param rows - prediction rows, in the order given to the runner
 * @returns one index per row, equal for the rows of one item
 * @example
 * itemClusters(['a', 'b', 'c', 'a', 'b', 'c'].map((id) => ({ id }))); // Int32Array [0, 1, 2, 0, 1, 2] for three items predicted twice
 */
export function itemClusters(rows: readonly PredictionRow[]): Int32Array {
  const index = new Map<string, number>();
  return Int32Array.from(rows, (r) => {
    let i = index.get(r.id);
    if (i === undefined) {
      i = index.size;
      index.set(r.id, i);
    }
    return i;
  });
}
