import { checkReferences, checkString } from '../argument-checks.js';
import { pyStrip } from '../python-compat/python-strings.js';
import { normalizeAnswerUnchecked } from '../squad/normalize-answer.js';

// HELM's r"-?[\d,]+(?:.\d+)?": Python's \d is any Nd digit and its . any code point but \n
const NUMBER = /-?[\p{Nd},]+(?:[^\n]\p{Nd}+)?/gu;

type PairScore = (gold: string, pred: string) => number;

function bestOver(
  prediction: string,
  references: string | readonly string[],
  score: PairScore,
): number {
  checkString(prediction, 'prediction');
  const refs = checkReferences(references, 'references');
  return refs.some((gold) => score(gold, prediction) === 1) ? 1 : 0;
}

function helmExact(gold: string, pred: string): number {
  if (pred.length === 0) return 0;
  return pyStrip(gold) === pyStrip(pred) ? 1 : 0;
}

function finalNumber(text: string): string {
  const matches = text.match(NUMBER);
  return matches === null ? '' : matches[matches.length - 1]!.replaceAll(',', '');
}

/**
 * HELM's `quasi_exact_match`: 1 when the prediction equals a reference after SQuAD-style
 * normalization ({@link normalizeAnswer}), else 0; an empty prediction scores 0.
 *
 * @remarks
 * `0 if not pred else normalize_text(gold) == normalize_text(pred)`, from HELM's
 * `src/helm/benchmark/metrics/evaluate_reference_metrics.py`; several references: the max, as
 * HELM scores a request against its correct references.
 *
 * @param prediction - the model's answer
 * @param references - one reference or several
 * @returns 1 or 0
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for non-string text or no reference
 * @example
 * ```ts
 * import { quasiExactMatch } from '@assay/text-metrics';
 * quasiExactMatch('The Beatles!', 'beatles'); // 1
 * ```
 */
export function quasiExactMatch(
  prediction: string,
  references: string | readonly string[],
): number {
  return bestOver(prediction, references, (gold, pred) =>
    pred.length === 0
      ? 0
      : normalizeAnswerUnchecked(gold) === normalizeAnswerUnchecked(pred)
        ? 1
        : 0,
  );
}

/**
 * HELM's `prefix_exact_match`: 1 when the stripped prediction starts with the stripped reference,
 * else 0; an empty prediction scores 0.
 *
 * @remarks
 * `0 if not pred else pred.strip().startswith(gold.strip())`: for zero-shot answers that go on
 * after the answer ("Yes, Elmendorf…" for "Yes"). Case and punctuation count; see
 * {@link quasiPrefixExactMatch} for the normalized form.
 *
 * @param prediction - the model's answer
 * @param references - one reference or several
 * @returns 1 or 0
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for non-string text or no reference
 * @example
 * ```ts
 * import { prefixExactMatch } from '@assay/text-metrics';
 * prefixExactMatch(' Yes, Elmendorf', 'Yes'); // 1
 * ```
 */
export function prefixExactMatch(
  prediction: string,
  references: string | readonly string[],
): number {
  return bestOver(prediction, references, (gold, pred) =>
    pred.length === 0 ? 0 : pyStrip(pred).startsWith(pyStrip(gold)) ? 1 : 0,
  );
}

/**
 * HELM's `quasi_prefix_exact_match`: 1 when the normalized prediction starts with the normalized
 * reference, else 0; an empty prediction scores 0.
 *
 * @remarks
 * `0 if not pred else normalize_text(pred).startswith(normalize_text(gold))`. The prefix is a
 * string prefix, not a word prefix (`'yesterday'` starts with `'yes'`), as in HELM.
 *
 * @param prediction - the model's answer
 * @param references - one reference or several
 * @returns 1 or 0
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for non-string text or no reference
 * @example
 * ```ts
 * import { quasiPrefixExactMatch } from '@assay/text-metrics';
 * quasiPrefixExactMatch('The Beatles, a band', 'beatles'); // 1
 * ```
 */
export function quasiPrefixExactMatch(
  prediction: string,
  references: string | readonly string[],
): number {
  return bestOver(prediction, references, (gold, pred) =>
    pred.length === 0
      ? 0
      : normalizeAnswerUnchecked(pred).startsWith(normalizeAnswerUnchecked(gold))
        ? 1
        : 0,
  );
}

/**
 * HELM's `final_number_exact_match` (GSM8K): 1 when the last number in the prediction equals the
 * last number in the reference, else 0.
 *
 * @remarks
 * The last match of `-?[\d,]+(?:.\d+)?` with its commas removed, compared by HELM's
 * `exact_match` (so a side without any number gives 0, even when neither has one). As in HELM the
 * `.` is any character but a newline, not only a decimal point (`"3 5"` reads as one number), and
 * `\d` is any Unicode decimal digit. Several references: the max.
 *
 * @param prediction - the model's answer
 * @param references - one reference or several
 * @returns 1 or 0
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for non-string text or no reference
 * @example
 * ```ts
 * import { finalNumberExactMatch } from '@assay/text-metrics';
 * finalNumberExactMatch('She pays 1,500 dollars, so 1,500.', 'The answer is 1500'); // 1
 * ```
 */
export function finalNumberExactMatch(
  prediction: string,
  references: string | readonly string[],
): number {
  return bestOver(prediction, references, (gold, pred) =>
    helmExact(finalNumber(gold), finalNumber(pred)),
  );
}
