// the package itself, not @assay/text-metrics: option parsers load this at start-up
import { distance as levenshteinDistance } from 'fastest-levenshtein';

/** The spelling names are compared in: lower case without `_`, `-`, `.` or spaces. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]+/g, '');
}

/**
 * The valid name (a metric, a flag's choice, a CV kind) a mistyped one most likely meant, if
 * any is close enough.
 *
 * @param input - the name as the user wrote it
 * @param names - the valid names, in the order ties are broken
 * @returns the closest valid name, or undefined when none is within reach
 * @remarks Names are compared after {@link normalise} (so `rouge_l` is `rougeL` and
 *   `f1-macro` is `f1_macro`), then by Levenshtein distance, accepting about one edit per
 *   three characters of the longer name (close to difflib's 0.6 similarity cut-off); the
 *   smallest distance wins, then list order.
 * @example
 * ```ts
 * closestName('rouge_l', ['rouge1', 'rougeL']); // 'rougeL'
 * closestName('acuracy', ['accuracy', 'f1']); // 'accuracy'
 * closestName('zzz', ['accuracy']); // undefined
 * ```
 */
export function closestName(input: string, names: readonly string[]): string | undefined {
  const a = normalise(input);
  if (a === '') return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of names) {
    const b = normalise(name);
    const distance = levenshteinDistance(a, b);
    if (distance > Math.floor(Math.max(a.length, b.length) / 3)) continue;
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The sentence that ends an unknown-metric message: ` Did you mean "x"?`, or nothing.
 *
 * @param input - the name as the user wrote it
 * @param names - the valid names
 * @returns the sentence with a leading space, or an empty string when no name is close
 * @example
 * didYouMeanMetric('rouge_l', ['rougeL']); // ' Did you mean "rougeL"?'
 */
export function didYouMeanMetric(input: string, names: readonly string[]): string {
  const name = closestName(input, names);
  return name === undefined ? '' : ` Did you mean "${name}"?`;
}
