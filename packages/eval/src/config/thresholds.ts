/** Comparison operators accepted in a threshold. */
export type ThresholdOperator = '>=' | '>' | '<=' | '<' | '==';

/** A parsed threshold such as `f1_macro >= 0.9`. */
export interface Threshold {
  /** the text as written */
  source: string;
  /** metric name (task or service metric) */
  metric: string;
  /** comparison */
  op: ThresholdOperator;
  /** bound */
  value: number;
}

const PATTERN =
  /^\s*([a-z][a-z0-9_]*)\s*(>=|<=|==|>|<)\s*(-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*$/i;

/**
 * Parses one threshold string.
 *
 * @param source - text like `p95_latency_ms <= 800`
 * @returns the parsed threshold, or a sentence saying what is wrong
 * @example
 * parseThreshold('error_rate <= 0.01'); // { ok: true, threshold: { metric: 'error_rate', op: '<=', value: 0.01, ... } }
 */
export function parseThreshold(
  source: string,
): { ok: true; threshold: Threshold } | { ok: false; message: string } {
  const m = PATTERN.exec(source);
  if (!m) {
    return {
      ok: false,
      message: `expected '<metric> <op> <number>' with op one of >=, >, <=, <, == (e.g. 'f1_macro >= 0.9'), got '${source}'`,
    };
  }
  return {
    ok: true,
    threshold: { source, metric: m[1]!, op: m[2] as ThresholdOperator, value: Number(m[3]) },
  };
}

/**
 * Checks a value against a threshold.
 *
 * @param t - the threshold
 * @param value - the observed metric value (NaN never passes)
 * @returns whether the value satisfies the threshold
 * @example
 * thresholdHolds({ source: '', metric: 'accuracy', op: '>=', value: 0.9 }, 0.95); // true
 */
export function thresholdHolds(t: Threshold, value: number): boolean {
  if (Number.isNaN(value)) return false;
  switch (t.op) {
    case '>=':
      return value >= t.value;
    case '>':
      return value > t.value;
    case '<=':
      return value <= t.value;
    case '<':
      return value < t.value;
    case '==':
      return value === t.value;
  }
}
