/** Ascending numeric order, `-0` equal to `0`. */
export const ascending = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Pairs in the right order, ties half, over P·N: the Mann–Whitney statistic via one comparison sort. */
export function referenceAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const rows = Array.from(scores, (s, i) => ({ s, y: labels[i]! })).sort((a, b) =>
    ascending(a.s, b.s),
  );
  let negBelow = 0;
  let pairs = 0;
  let nPos = 0;
  for (let start = 0; start < rows.length; ) {
    let end = start;
    let pos = 0;
    let neg = 0;
    while (end < rows.length && rows[end]!.s === rows[start]!.s) {
      if (rows[end]!.y === 1) pos++;
      else neg++;
      end++;
    }
    pairs += pos * (negBelow + neg / 2);
    negBelow += neg;
    nPos += pos;
    start = end;
  }
  return pairs / (nPos * negBelow);
}

/** scikit-learn's step integral over distinct thresholds, from one comparison sort. */
export function referenceAveragePrecision(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
): number {
  const rows = Array.from(scores, (s, i) => ({ s, y: labels[i]! })).sort((a, b) =>
    ascending(b.s, a.s),
  );
  const total = rows.filter((r) => r.y === 1).length;
  let tp = 0;
  let fp = 0;
  let prevRecall = 0;
  let ap = 0;
  for (let start = 0; start < rows.length; ) {
    let end = start;
    while (end < rows.length && rows[end]!.s === rows[start]!.s) {
      if (rows[end]!.y === 1) tp++;
      else fp++;
      end++;
    }
    const recall = tp / total;
    ap += (recall - prevRecall) * (tp / (tp + fp));
    prevRecall = recall;
    start = end;
  }
  return ap;
}
