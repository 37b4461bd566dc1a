/**
 * Round tick values for an axis from `lo` to `hi`: multiples of a step of 1, 2, 2.5 or 5 times
 * a power of ten, about `count` of them, so an axis that holds 0 shows it as a tick.
 *
 * @param lo - the axis's low end
 * @param hi - its high end
 * @param count - about how many ticks (default 5)
 * @returns the ticks, ascending (`[lo]` for an empty range)
 * @example
 * niceTicks(-0.072, 0.071); // [-0.05, 0, 0.05]
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  // each tick from its index (a running sum of steps drifts: 0 came out as -2.8e-17)
  const first = Math.ceil(lo / step - 1e-9);
  const out: number[] = [];
  for (let k = first; k * step <= hi + step * 1e-9; k++) {
    const v = Number((k * step).toPrecision(12));
    out.push(k === 0 ? 0 : v);
  }
  return out;
}

/**
 * The top of an axis from `lo` that shows `hi` under a labelled tick: `hi` raised to the next
 * of {@link niceTicks}' ticks (the data's own maximum left the top of the axis unlabelled, a
 * point at 19.97 above the last tick, 15).
 *
 * @param lo - the axis's low end
 * @param hi - the largest value to show
 * @returns the first tick at or above `hi`
 * @example
 * niceCeil(0, 19.97); // 20
 */
export function niceCeil(lo: number, hi: number): number {
  let top = hi;
  // raising the top can change the step (-4.9..5.1 ticks by 2, -4.9..6 by 2.5): raise it
  // until it is one of the ticks of its own axis
  for (let round = 0; round < 8; round++) {
    const ticks = niceTicks(lo, top);
    const last = ticks.at(-1)!;
    if (ticks.length < 2) return Math.max(last, top);
    if (last >= top - Math.abs(top) * 1e-9 && last >= hi) return last;
    const step = ticks[1]! - ticks[0]!;
    top = Number((last + step).toPrecision(12));
  }
  return top;
}
