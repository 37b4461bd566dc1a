import { checkChoice, checkReferences, checkString } from '../argument-checks.js';
import { readKnownOptions } from '../option-keys.js';
import { pySplit } from '../python-compat/python-strings.js';
import { normalizeAnswerUnchecked } from './normalize-answer.js';

/**
 * Which official SQuAD script to follow.
 *
 * @example
 * ```ts
 * const version: SquadVersion = '2.0';
 * ```
 */
export type SquadVersion = '1.1' | '2.0';

/**
 * Options of {@link squadExactMatch}, {@link squadF1} and {@link squadScores}.
 *
 * @example
 * ```ts
 * const options: SquadOptions = { version: '2.0' };
 * ```
 */
export interface SquadOptions {
  /**
   * `'1.1'` (default): `evaluate-v1.1.py`. `'2.0'`: `evaluate-v2.0.py`'s empty-answer rule
   * (references that normalize to nothing are dropped, none left means the only correct answer is
   * the empty string, and token F1 is 1 when both sides have no tokens).
   */
  readonly version?: SquadVersion;
}

/**
 * SQuAD exact match and token F1 of one prediction, each the best over the references.
 *
 * @example
 * ```ts
 * const scores: SquadScores = { exactMatch: 0, f1: 0.5 };
 * ```
 */
export interface SquadScores {
  /** 1 when the normalized prediction equals a normalized reference, else 0. */
  readonly exactMatch: number;
  /** The best token F1 over the references, in [0, 1]. */
  readonly f1: number;
}

const VERSIONS: readonly SquadVersion[] = ['1.1', '2.0'];

function tokens(text: string): string[] {
  return pySplit(normalizeAnswerUnchecked(text));
}

function commonCount(predicted: readonly string[], gold: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const token of gold) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of predicted) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(token, left - 1);
    }
  }
  return common;
}

/**
 * Token F1 of one prediction against one reference (the kernel of {@link squadF1}).
 *
 * @param prediction - the predicted answer
 * @param reference - one reference answer
 * @param version - `'1.1'` or `'2.0'` (both empty: 1 in 2.0, 0 in 1.1)
 * @returns the F1 in [0, 1]
 * @example
 * ```ts
 * tokenF1Unchecked('the big cat', 'a cat', '1.1'); // 0.6666… (2/3)
 * ```
 */
export function tokenF1Unchecked(
  prediction: string,
  reference: string,
  version: SquadVersion,
): number {
  const predicted = tokens(prediction);
  const gold = tokens(reference);
  if (version === '2.0' && (predicted.length === 0 || gold.length === 0)) {
    return predicted.length === gold.length ? 1 : 0;
  }
  const same = commonCount(predicted, gold);
  if (same === 0) return 0;
  const precision = same / predicted.length;
  const recall = same / gold.length;
  return (2 * precision * recall) / (precision + recall);
}

function goldAnswers(references: readonly string[], version: SquadVersion): readonly string[] {
  if (version === '1.1') return references;
  const answerable = references.filter((r) => normalizeAnswerUnchecked(r).length > 0);
  return answerable.length > 0 ? answerable : [''];
}

function checkSquadArguments(
  prediction: string,
  references: string | readonly string[],
  options: SquadOptions | undefined,
): { golds: readonly string[]; version: SquadVersion } {
  checkString(prediction, 'prediction');
  const checked = readKnownOptions(options, ['version']);
  const version = checkChoice(checked.version, VERSIONS, '1.1', 'options.version');
  const refs = checkReferences(references, 'references', version === '2.0');
  return { golds: goldAnswers(refs, version), version };
}

/**
 * SQuAD exact match: 1 when the prediction equals one of the references after SQuAD's
 * normalization ({@link normalizeAnswer}), else 0.
 *
 * @remarks
 * `max over references of [normalize(prediction) == normalize(reference)]`, as
 * `metric_max_over_ground_truths(exact_match_score, …)` in the official `evaluate-v1.1.py`
 * (Rajpurkar et al. 2016). With `version: '2.0'`, `evaluate-v2.0.py`'s `get_raw_scores`: the
 * references that normalize to the empty string are dropped, and when none is left (or
 * `references` is `[]`) the only correct answer is the empty one.
 *
 * @param prediction - the predicted answer
 * @param references - one reference or several (the best counts)
 * @param options - `version` (`'1.1'`)
 * @returns 1 or 0
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for a non-string prediction or reference,
 *   or no reference in version 1.1; `INVALID_OPTION` for an unknown version
 * @example
 * ```ts
 * import { squadExactMatch } from '@assay/text-metrics';
 * squadExactMatch('the Eiffel tower', ['Eiffel Tower', 'the tower']); // 1
 * squadExactMatch('', [], { version: '2.0' }); // 1 (unanswerable, no answer given)
 * ```
 */
export function squadExactMatch(
  prediction: string,
  references: string | readonly string[],
  options?: SquadOptions,
): number {
  const { golds } = checkSquadArguments(prediction, references, options);
  const normalized = normalizeAnswerUnchecked(prediction);
  return golds.some((gold) => normalizeAnswerUnchecked(gold) === normalized) ? 1 : 0;
}

/**
 * SQuAD token F1: the harmonic mean of token precision and recall between the normalized
 * prediction and reference, counting shared tokens as a multiset; the best over the references.
 *
 * @remarks
 * Tokens are the whitespace-separated words of {@link normalizeAnswer}. With `c` the size of the
 * multiset intersection, `P = c / |prediction|`, `R = c / |reference|`, `F1 = 2PR / (P + R)`, and 0
 * when `c = 0` (so two empty answers score 0 in version 1.1). Version `'2.0'` follows
 * `evaluate-v2.0.py`: when either side has no tokens, F1 is 1 if both have none, else 0; and
 * references are filtered as in {@link squadExactMatch}.
 *
 * @param prediction - the predicted answer
 * @param references - one reference or several (the best counts)
 * @param options - `version` (`'1.1'`)
 * @returns the F1 in [0, 1]
 * @throws {@link TextMetricsError} as {@link squadExactMatch}
 * @example
 * ```ts
 * import { squadF1 } from '@assay/text-metrics';
 * squadF1('the big cat sat', 'a cat sat down'); // 0.6666… (P = 2/3, R = 2/3)
 * ```
 */
export function squadF1(
  prediction: string,
  references: string | readonly string[],
  options?: SquadOptions,
): number {
  const { golds, version } = checkSquadArguments(prediction, references, options);
  let best = 0;
  for (const gold of golds) best = Math.max(best, tokenF1Unchecked(prediction, gold, version));
  return best;
}

/**
 * SQuAD exact match and token F1 together ({@link squadExactMatch}, {@link squadF1}).
 *
 * @param prediction - the predicted answer
 * @param references - one reference or several (the best counts, per metric)
 * @param options - `version` (`'1.1'`)
 * @returns `{ exactMatch, f1 }`
 * @throws {@link TextMetricsError} as {@link squadExactMatch}
 * @example
 * ```ts
 * import { squadScores } from '@assay/text-metrics';
 * squadScores('Denver Broncos', ['Denver Broncos', 'The Broncos']); // { exactMatch: 1, f1: 1 }
 * ```
 */
export function squadScores(
  prediction: string,
  references: string | readonly string[],
  options?: SquadOptions,
): SquadScores {
  return {
    exactMatch: squadExactMatch(prediction, references, options),
    f1: squadF1(prediction, references, options),
  };
}
