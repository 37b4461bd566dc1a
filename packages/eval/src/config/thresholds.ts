/** Comparison operators accepted in a threshold. */
export type ThresholdOperator = '>=' | '>' | '<=' | '<' | '==';

/** Which end of a metric's confidence interval a threshold reads instead of its point value. */
export type ThresholdBound = 'ci_low' | 'ci_high';

/** What a threshold's metric is compared against: nothing (its own value) or a baseline run. */
export type ThresholdAgainst = 'baseline';

/**
 * A parsed threshold such as `f1_macro >= 0.9`, `f1_macro.ci_low >= 0.9` or
 * `f1_macro vs baseline >= -0.01`.
 */
export interface Threshold {
  /** the text as written */
  source: string;
  /** metric name (task or service metric) */
  metric: string;
  /** the interval end read instead of the point value; absent for the point value */
  bound?: ThresholdBound;
  /** `'baseline'` for a comparison with the run named by the `baseline` config key */
  against?: ThresholdAgainst;
  /** comparison */
  op: ThresholdOperator;
  /** the number the figure is compared with */
  value: number;
}

/** The result of {@link parseThreshold}: the threshold, or why and where parsing stopped. */
export type ParsedThreshold =
  | { ok: true; threshold: Threshold }
  | { ok: false; message: string; column: number };

/** The interval ends a threshold may name, in the order error messages list them. */
export const THRESHOLD_BOUNDS: readonly ThresholdBound[] = ['ci_low', 'ci_high'];

const OPERATORS: readonly ThresholdOperator[] = ['>=', '<=', '==', '>', '<'];
const NAME = /[a-z][a-z0-9_]*/iy;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/iy;
const SPACE = /\s*/y;
const WORD = /\s*(\S+)/y;

/** A left-to-right reader of one expression that knows its 0-based position. */
class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    SPACE.lastIndex = this.pos;
    SPACE.exec(this.text);
    this.pos = SPACE.lastIndex;
  }

  /** The match of a sticky pattern at the current position, consumed; or undefined. */
  take(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const m = pattern.exec(this.text);
    if (m === null) return undefined;
    this.pos = pattern.lastIndex;
    return m[0];
  }

  takeOperator(): ThresholdOperator | undefined {
    const op = OPERATORS.find((o) => this.text.startsWith(o, this.pos));
    if (op !== undefined) this.pos += op.length;
    return op;
  }

  /** The word at (or after spaces at) the current position, for "found ..." in messages. */
  found(): string {
    WORD.lastIndex = this.pos;
    const word = WORD.exec(this.text)?.[1];
    return word === undefined ? 'the end' : `'${word}'`;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }
}

class ParseStop extends Error {
  constructor(
    readonly reason: string,
    readonly column: number,
  ) {
    super(reason);
  }
}

/** Stops parsing: `<what> at column <n>, found <what stands there>`. */
function stop(cursor: Cursor, what: string, at = cursor.pos, found = cursor.found()): never {
  throw new ParseStop(`${what} at column ${at + 1}, found ${found}`, at + 1);
}

function readBound(cursor: Cursor): ThresholdBound {
  const at = cursor.pos;
  const name = cursor.take(NAME);
  if (name === undefined) {
    stop(cursor, `expected an interval bound (${THRESHOLD_BOUNDS.join(', ')}) after '.'`);
  }
  if (!(THRESHOLD_BOUNDS as readonly string[]).includes(name)) {
    throw new ParseStop(
      `unknown bound '${name}' at column ${at + 1} (valid: ${THRESHOLD_BOUNDS.join(', ')})`,
      at + 1,
    );
  }
  return name as ThresholdBound;
}

function readAgainst(cursor: Cursor): ThresholdAgainst {
  cursor.skipSpace();
  const at = cursor.pos;
  const name = cursor.take(NAME);
  if (name !== 'baseline') {
    stop(
      cursor,
      "expected 'baseline' after 'vs'",
      at,
      name === undefined ? undefined : `'${name}'`,
    );
  }
  return 'baseline';
}

// Operators written the other way round or with one '=', and what they most likely meant.
const SWAPPED_OPERATORS: readonly (readonly [string, ThresholdOperator])[] = [
  ['=>', '>='],
  ['=<', '<='],
  ['=', '=='],
];
// The rest of a metric name written with '-' between its words (`f1-macro`).
const HYPHENATED = /(?:-[a-z0-9_]+)+/iy;

/**
 * "found ..." where an operator was expected, with a guess at what was meant: the metric
 * name with '_' for '-' (`f1-macro` → `f1_macro`), or the operator the right way round
 * (`=>` → `>=`).
 */
function foundWithHint(cursor: Cursor, written: string): string {
  const found = cursor.found();
  if (/^[a-z][a-z0-9_]*$/i.test(written)) {
    HYPHENATED.lastIndex = cursor.pos;
    const rest = HYPHENATED.exec(cursor.text)?.[0];
    if (rest !== undefined) {
      const name = `${written}${rest}`.replaceAll('-', '_');
      return `${found}; did you mean '${name}'? Metric names join their words with '_', not '-'`;
    }
  }
  const swapped = SWAPPED_OPERATORS.find(([typo]) => cursor.text.startsWith(typo, cursor.pos));
  if (swapped !== undefined) {
    return `${found}; did you mean '${swapped[1]}'? Write the comparison with the '=' last (>=, <=) or doubled (==)`;
  }
  return found;
}

function readThreshold(source: string): Threshold {
  const cursor = new Cursor(source);
  cursor.skipSpace();
  const start = cursor.pos;
  const metric = cursor.take(NAME);
  if (metric === undefined) stop(cursor, 'expected a metric name');
  const threshold: Threshold = { source, metric, op: '>=', value: 0 };
  if (cursor.take(/\./y) !== undefined) threshold.bound = readBound(cursor);
  cursor.skipSpace();
  const before = cursor.pos;
  if (cursor.take(NAME) === 'vs') threshold.against = readAgainst(cursor);
  else cursor.pos = before;
  cursor.skipSpace();
  const op = cursor.takeOperator();
  if (op === undefined) {
    stop(
      cursor,
      'expected an operator (>=, >, <=, <, ==)',
      cursor.pos,
      foundWithHint(cursor, source.slice(start, cursor.pos)),
    );
  }
  threshold.op = op;
  cursor.skipSpace();
  const number = cursor.take(NUMBER);
  if (number === undefined) stop(cursor, 'expected a number');
  threshold.value = Number(number);
  cursor.skipSpace();
  if (!cursor.atEnd()) stop(cursor, 'expected the end after the number');
  return threshold;
}

/**
 * Parses one threshold expression.
 *
 * @remarks Grammar (spaces allowed between the parts):
 *   `<metric>[.ci_low|.ci_high][ vs baseline] <op> <number>`, with `<metric>` a
 *   lower-case name (`[a-z][a-z0-9_]*`), `<op>` one of `>=`, `>`, `<=`, `<`, `==`, and
 *   `<number>` a decimal with an optional exponent. `.ci_low` / `.ci_high` compare an end
 *   of the metric's confidence interval (at `evaluation.ci`) instead of its point value;
 *   `vs baseline` compares the difference from the run named by the `baseline` config key.
 *   Whether the metric exists is checked by the config schema, not here.
 * @param source - text like `p95_latency_ms.ci_high <= 800`
 * @returns the parsed threshold, or a message naming the expression and the 1-based column
 *   where parsing stopped, with that column
 * @example
 * parseThreshold('error_rate <= 0.01'); // { ok: true, threshold: { metric: 'error_rate', op: '<=', value: 0.01, … } }
 * parseThreshold('f1_macro.ci_lo >= 0.9');
 * // { ok: false, column: 10, message: "'f1_macro.ci_lo >= 0.9': unknown bound 'ci_lo' at column 10 (valid: ci_low, ci_high)" }
 */
export function parseThreshold(source: string): ParsedThreshold {
  try {
    return { ok: true, threshold: readThreshold(source) };
  } catch (error) {
    if (!(error instanceof ParseStop)) throw error;
    return { ok: false, message: `'${source}': ${error.reason}`, column: error.column };
  }
}

/**
 * Checks a figure against a threshold.
 *
 * @param t - the threshold
 * @param value - the figure the threshold reads (point value, interval end or difference;
 *   NaN never passes)
 * @param tolerance - how far apart two figures may be and still count as equal (rounding of
 *   a difference of two shares: 0.955 − 0.96 is −0.0050000000000000044); default 0
 * @returns whether the figure satisfies the threshold
 * @example
 * thresholdHolds({ source: '', metric: 'accuracy', op: '>=', value: 0.9 }, 0.95); // true
 */
export function thresholdHolds(t: Threshold, value: number, tolerance = 0): boolean {
  if (Number.isNaN(value)) return false;
  switch (t.op) {
    case '>=':
      return value >= t.value - tolerance;
    case '>':
      return value > t.value + tolerance;
    case '<=':
      return value <= t.value + tolerance;
    case '<':
      return value < t.value - tolerance;
    case '==':
      return Math.abs(value - t.value) <= tolerance;
  }
}

/**
 * The rounding tolerance for comparing a difference of two figures with a limit: twelve
 * orders of magnitude below the larger of 1 and the limit, far below the four decimals a
 * report prints and far above the rounding of a difference of shares.
 *
 * @param limit - the limit compared with
 * @returns the tolerance
 * @example
 * roundingTolerance(-0.005); // 1e-12
 */
export function roundingTolerance(limit: number): number {
  return 1e-12 * Math.max(1, Math.abs(limit));
}
