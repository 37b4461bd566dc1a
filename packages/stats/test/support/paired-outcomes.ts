/**
 * Per-item correctness of two models with the given cell counts of the
 * paired 2×2 table, in the order onlyA, onlyB, bothRight, bothWrong.
 *
 * @returns `[correctA, correctB]`
 */
export function pairedOutcomes(
  onlyA: number,
  onlyB: number,
  bothRight: number,
  bothWrong: number,
): [boolean[], boolean[]] {
  const a: boolean[] = [];
  const b: boolean[] = [];
  const push = (x: boolean, y: boolean, n: number): void => {
    for (let i = 0; i < n; i++) {
      a.push(x);
      b.push(y);
    }
  };
  push(true, false, onlyA);
  push(false, true, onlyB);
  push(true, true, bothRight);
  push(false, false, bothWrong);
  return [a, b];
}
