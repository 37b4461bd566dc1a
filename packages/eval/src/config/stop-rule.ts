/** A parsed `evaluation.stop.when`. */
export type StopRule =
  | {
      /** stop once the confidence sequence of `metric` is at most `bound` wide (every model) */
      readonly kind: 'ci-width';
      /** the metric followed (`accuracy` or `error_rate`) */
      readonly metric: string;
      /** `<=` or `<` */
      readonly op: '<=' | '<';
      /** the width */
      readonly bound: number;
    }
  | {
      /** stop once every threshold's verdict is certain (every model) */
      readonly kind: 'decided';
    };

/** The outcome of {@link parseStopRule}: the rule, or where and why parsing stopped. */
export type StopRuleParse =
  | { readonly ok: true; readonly rule: StopRule }
  | { readonly ok: false; readonly column: number; readonly message: string };

const FORMS = "'ci_width(<metric>) <= <number>' or 'decided(thresholds)'";

/** A left-to-right reader of one expression; `column` is 1-based. */
class Scanner {
  private at = 0;
  /** 1-based column where the last token read began */
  start = 1;
  constructor(readonly text: string) {}

  get column(): number {
    return this.at + 1;
  }

  skipSpace(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }

  /** Reads a match of `pattern` (anchored here) after any spaces, or returns null. */
  read(pattern: RegExp): string | null {
    this.skipSpace();
    const m = new RegExp(pattern.source, 'y');
    m.lastIndex = this.at;
    const found = m.exec(this.text);
    if (!found) return null;
    this.start = this.at + 1;
    this.at += found[0].length;
    return found[0];
  }

  /** What stands at the current column, for a message. */
  rest(): string {
    this.skipSpace();
    return this.at >= this.text.length ? 'the end' : `'${this.text.slice(this.at)}'`;
  }

  done(): boolean {
    this.skipSpace();
    return this.at >= this.text.length;
  }
}

/**
 * Parses an `evaluation.stop.when` expression: `ci_width(<metric>) <= <number>` (also `<`) or
 * `decided(thresholds)`. Which metrics may be followed is checked by the caller.
 *
 * @param text - the expression as written
 * @returns the rule, or the 1-based column where parsing stopped and what was expected there
 * @example
 * parseStopRule('ci_width(accuracy) <= 0.02').ok; // true
 * parseStopRule('ci_width(accuracy) => 0.02'); // { ok: false, column: 20, … }
 */
export function parseStopRule(text: string): StopRuleParse {
  const s = new Scanner(text);
  const fail = (what: string): StopRuleParse => ({
    ok: false,
    column: s.column,
    message: `expected ${what} at column ${s.column}, found ${s.rest()} (the rule is ${FORMS})`,
  });
  const wrongWord = (what: string, word: string): StopRuleParse => ({
    ok: false,
    column: s.start,
    message: `expected ${what} at column ${s.start}, found '${word}' (the rule is ${FORMS})`,
  });
  const name = s.read(/[a-z_][a-z0-9_]*/i);
  if (name === null) return fail("'ci_width' or 'decided'");
  if (name !== 'ci_width' && name !== 'decided') return wrongWord("'ci_width' or 'decided'", name);
  if (s.read(/\(/) === null) return fail("'('");
  const argument = s.read(/[a-z_][a-z0-9_]*/i);
  if (argument === null) return fail(name === 'decided' ? "'thresholds'" : 'a metric name');
  if (name === 'decided' && argument !== 'thresholds') {
    return wrongWord("'thresholds'", argument);
  }
  if (s.read(/\)/) === null) return fail("')'");
  if (name === 'decided') {
    return s.done() ? { ok: true, rule: { kind: 'decided' } } : fail('the end');
  }
  const op = s.read(/<=|</);
  if (op === null) return fail("'<=' or '<'");
  const bound = s.read(/(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/i);
  if (bound === null) return fail('a positive number');
  if (!s.done()) return fail('the end');
  return {
    ok: true,
    rule: { kind: 'ci-width', metric: argument, op: op as '<=' | '<', bound: Number(bound) },
  };
}
