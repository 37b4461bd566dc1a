/**
 * The reference order the encoder must follow, written the slow, obvious way:
 * strings as arrays of code points compared element by element (numpy's UCS4
 * comparison), a shorter prefix first.
 */
export function referenceCompare(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
