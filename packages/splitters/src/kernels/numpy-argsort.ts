/**
 * A port of numpy 1.24's default `np.argsort` (`kind='quicksort'`: introsort
 * with median-of-3 pivots, insertion sort below 16 elements, heapsort past
 * the depth limit). It is not stable, so ties come out in numpy's exact
 * order only if the algorithm is copied step by step — scikit-learn's
 * GroupKFold orders equal-sized groups this way.
 *
 * @param values - keys to order (compared with `<`)
 * @returns the permutation numpy would return
 */
export function numpyArgsort(values: ArrayLike<number>): Int32Array {
  const num = values.length;
  const t = new Int32Array(num);
  for (let i = 0; i < num; i++) t[i] = i;
  if (num <= 1) return t;
  const v = values;
  let pl = 0;
  let pr = num - 1;
  const stack: number[] = [];
  const depths: number[] = [];
  let cdepth = 2 * (31 - Math.clz32(num));
  for (;;) {
    if (cdepth < 0) {
      heapsort(v, t, pl, pr - pl + 1);
    } else {
      while (pr - pl > 15) {
        const pm = pl + ((pr - pl) >> 1);
        if (v[t[pm]!]! < v[t[pl]!]!) swap(t, pm, pl);
        if (v[t[pr]!]! < v[t[pm]!]!) swap(t, pr, pm);
        if (v[t[pm]!]! < v[t[pl]!]!) swap(t, pm, pl);
        const vp = v[t[pm]!]!;
        let pi = pl;
        let pj = pr - 1;
        swap(t, pm, pj);
        for (;;) {
          do pi++;
          while (v[t[pi]!]! < vp);
          do pj--;
          while (vp < v[t[pj]!]!);
          if (pi >= pj) break;
          swap(t, pi, pj);
        }
        swap(t, pi, pr - 1);
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depths.push(--cdepth);
      }
      for (let pi = pl + 1; pi <= pr; pi++) {
        const vi = t[pi]!;
        const vp = v[vi]!;
        let pj = pi;
        while (pj > pl && vp < v[t[pj - 1]!]!) {
          t[pj] = t[pj - 1]!;
          pj--;
        }
        t[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop()!;
    pl = stack.pop()!;
    cdepth = depths.pop()!;
  }
  return t;
}

function swap(t: Int32Array, i: number, j: number): void {
  const tmp = t[i]!;
  t[i] = t[j]!;
  t[j] = tmp;
}

/** numpy's `aheapsort_` on `t[start .. start+n)`, 1-based as in the C source. */
function heapsort(v: ArrayLike<number>, t: Int32Array, start: number, n: number): void {
  const base = start - 1;
  for (let l = n >> 1; l > 0; l--) {
    const tmp = t[base + l]!;
    let i = l;
    let j = l << 1;
    while (j <= n) {
      if (j < n && v[t[base + j]!]! < v[t[base + j + 1]!]!) j++;
      if (v[tmp]! < v[t[base + j]!]!) {
        t[base + i] = t[base + j]!;
        i = j;
        j += j;
      } else break;
    }
    t[base + i] = tmp;
  }
  for (; n > 1; ) {
    const tmp = t[base + n]!;
    t[base + n] = t[base + 1]!;
    n--;
    let i = 1;
    let j = 2;
    while (j <= n) {
      if (j < n && v[t[base + j]!]! < v[t[base + j + 1]!]!) j++;
      if (v[tmp]! < v[t[base + j]!]!) {
        t[base + i] = t[base + j]!;
        i = j;
        j += j;
      } else break;
    }
    t[base + i] = tmp;
  }
}
