/**
 * Orders two labels of one kind as `np.unique` does: numbers numerically,
 * strings by Unicode code point (not by UTF-16 unit, which misorders astral
 * characters against U+E000..U+FFFF).
 *
 * @param a - a number or a string
 * @param b - a label of the same kind
 * @returns negative, zero or positive
 */
export function compareLabels(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = a as string;
  const y = b as string;
  const length = Math.min(x.length, y.length);
  for (let i = 0; i < length; i++) {
    let cx = x.charCodeAt(i);
    let cy = y.charCodeAt(i);
    if (cx === cy) continue;
    if (cx >= 0xd800 && cy >= 0xd800) {
      // Surrogates (astral code points) sort after U+E000..U+FFFF.
      cx += cx < 0xe000 ? 0x2000 : -0x800;
      cy += cy < 0xe000 ? 0x2000 : -0x800;
    }
    return cx - cy;
  }
  return x.length - y.length;
}
