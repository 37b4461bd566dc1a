/**
 * The item counts of successive halving's rungs: the last rung uses every tuning item, each
 * earlier one `eta` times fewer, the first at least `minItems`; as many rungs as halving the
 * candidates down to one needs.
 *
 * @param candidates - candidates at the first rung
 * @param items - tuning items
 * @param eta - the halving factor
 * @param minItems - the fewest items of a rung
 * @returns items per rung, ascending, the last equal to `items`
 * @remarks Jamieson & Talwalkar (2016), "Non-stochastic best arm identification and
 *   hyperparameter optimization"; rungs as in scikit-learn's `HalvingGridSearchCV` with
 *   `resource='n_samples'` and `factor=eta`.
 * @example
 * halvingRungs(9, 900, 3, 30); // [100, 300, 900]
 */
export function halvingRungs(
  candidates: number,
  items: number,
  eta: number,
  minItems: number,
): number[] {
  const byCandidates =
    candidates <= 1 ? 1 : Math.floor(Math.log(candidates) / Math.log(eta) + 1e-9) + 1;
  const byItems =
    items <= minItems ? 1 : Math.floor(Math.log(items / minItems) / Math.log(eta) + 1e-9) + 1;
  const rungs = Math.max(1, Math.min(byCandidates, byItems));
  const out: number[] = [];
  for (let r = 0; r < rungs; r++)
    out.push(Math.min(items, Math.ceil(items / eta ** (rungs - 1 - r))));
  return out;
}

/**
 * How many candidates move on from a rung: the best 1/eta, at least one.
 *
 * @param candidates - candidates at the rung
 * @param eta - the halving factor
 * @returns survivors
 * @example
 * survivorsOf(10, 3); // 4
 */
export function survivorsOf(candidates: number, eta: number): number {
  return Math.max(1, Math.ceil(candidates / eta));
}
