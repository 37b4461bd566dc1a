import type { ClassificationReportRow } from './report-row.js';

const HEADERS = ['precision', 'recall', 'f1-score', 'support'] as const;

/**
 * Formats like Python's `format(x, '.{digits}f')`: round-half-even on the exact binary
 * value (JavaScript's `toFixed` rounds exact ties up), `nan`/`inf` spelled as Python does.
 *
 * @param x - the number
 * @param digits - decimals
 * @returns the fixed-point text
 * @example
 * ```ts
 * pythonFixed(0.125, 2); // '0.12' (an exact tie kept even; (0.125).toFixed(2) is '0.13')
 * pythonFixed(NaN, 2); // 'nan'
 * ```
 */
export function pythonFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Math.abs(x) >= 1e21) return x.toFixed(digits);
  // toFixed is exact for any requested precision; 60 extra digits expose every exact tie.
  const extra = Math.min(100, digits + 60);
  const exact = Math.abs(x).toFixed(extra);
  const rounded = Math.abs(x).toFixed(digits);
  const point = exact.indexOf('.');
  const tail = exact.slice(point + 1 + digits);
  let text = rounded;
  if (/^50*$/.test(tail)) {
    // Exact tie: toFixed rounded away from zero; Python keeps the even neighbour.
    const kept = (exact.slice(0, point) + exact.slice(point + 1, point + 1 + digits)).replace(
      /^0+(?=\d)/,
      '',
    );
    const lastDigit = Number(kept.at(-1));
    if (lastDigit % 2 === 0) {
      const int = exact.slice(0, point);
      const frac = exact.slice(point + 1, point + 1 + digits);
      text = digits === 0 ? int : `${int}.${frac}`;
    }
  }
  const negative = x < 0 || Object.is(x, -0);
  return negative ? `-${text}` : text;
}

/**
 * Formats like Python's `str(float)` (`repr`): shortest round-trip digits, always a
 * decimal point or exponent, two-digit exponents, exponent form below 1e-4 and from 1e16.
 *
 * @param x - the number
 * @returns Python's text for the float
 * @example
 * ```ts
 * pythonFloat(3); // '3.0'
 * pythonFloat(0.00001); // '1e-05'
 * pythonFloat(-Infinity); // '-inf'
 * ```
 */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const ax = Math.abs(x);
  if (ax !== 0 && (ax < 1e-4 || ax >= 1e16)) {
    const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  const s = String(x);
  return s.includes('.') ? s : `${s}.0`;
}

/**
 * Right-justifies like Python's `str.rjust` (counting code points).
 *
 * @param text - the text
 * @param width - the minimum width
 * @returns the padded text
 * @example
 * ```ts
 * rjust('ab', 4); // '  ab'
 * rjust('abcde', 4); // 'abcde'
 * ```
 */
export function rjust(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : ' '.repeat(width - length) + text;
}

/**
 * numpy's pairwise summation (`np.sum` of a float64 vector), for identical rounding.
 *
 * @param values - the values
 * @param start - first index summed (default 0)
 * @param n - how many values from `start` (default all)
 * @returns the sum, rounded as numpy rounds it
 * @example
 * ```ts
 * numpySum(new Array(10).fill(0.1)); // 1 (a left-to-right sum gives 0.9999999999999999)
 * numpySum([1, 2, 3, 4], 1, 2); // 5 (2 + 3)
 * ```
 */
export function numpySum(values: readonly number[], start = 0, n = values.length): number {
  if (n < 8) {
    let sum = 0;
    for (let i = start; i < start + n; i++) sum += values[i]!;
    return sum;
  }
  if (n <= 128) {
    const r = values.slice(start, start + 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let k = 0; k < 8; k++) r[k]! += values[start + i + k]!;
    }
    let sum = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < n; i++) sum += values[start + i]!;
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return numpySum(values, start, half) + numpySum(values, start + half, n - half);
}

/**
 * Renders scikit-learn's `classification_report` text table.
 *
 * @param rows - per-label rows (name, values)
 * @param summaries - accuracy / averages rows, in order
 * @param digits - decimals
 * @param weighted - whether supports are float sums (printed as Python floats)
 * @returns the table text
 * @example
 * ```ts
 * const row = { precision: 1, recall: 0.5, 'f1-score': 2 / 3, support: 2 };
 * const text = renderReport([['a', row]], [['accuracy', { ...row, 'f1-score': 0.5 }]], 2, false);
 * text.split('\n')[2]; // '           a       1.00      0.50      0.67         2'
 * text.split('\n')[4]; // '    accuracy                           0.50         2'
 * ```
 */
export function renderReport(
  rows: readonly [string, ClassificationReportRow][],
  summaries: readonly [string, ClassificationReportRow][],
  digits: number,
  weighted: boolean,
): string {
  const support = (s: number): string => (weighted ? pythonFloat(s) : String(s));
  const width = Math.max(...rows.map(([name]) => [...name].length), 'weighted avg'.length, digits);
  const line = (name: string, row: ClassificationReportRow): string =>
    `${rjust(name, width)} ${[row.precision, row.recall, row['f1-score']]
      .map((v) => ` ${rjust(pythonFixed(v, digits), 9)}`)
      .join('')} ${rjust(support(row.support), 9)}\n`;
  let text = `${rjust('', width)} ${HEADERS.map((h) => ` ${rjust(h, 9)}`).join('')}\n\n`;
  for (const [name, row] of rows) text += line(name, row);
  text += '\n';
  for (const [heading, row] of summaries) {
    if (heading === 'accuracy') {
      text += `${rjust(heading, width)} ${' '.repeat(10)}${' '.repeat(10)} ${rjust(pythonFixed(row['f1-score'], digits), 9)} ${rjust(support(row.support), 9)}\n`;
    } else {
      text += line(heading, row);
    }
  }
  return text;
}
