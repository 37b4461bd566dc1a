import { checkChoice, checkReferences, checkString, describeValue } from '../argument-checks.js';
import { TextMetricsError } from '../errors.js';
import { readKnownOptions } from '../option-keys.js';
import { TokenIds } from '../tokenizers/token-ids.js';
import { type RougeScore, rougeLScore, rougeLsumScore, rougeNScore } from './rouge-kernels.js';
import { type RougeTokens, rougeSentences, rougeTokenIds } from './rouge-tokenizer.js';

/**
 * A ROUGE type rouge-score computes: `rouge1` … `rouge9`, `rougeL`, `rougeLsum`.
 *
 * @example
 * ```ts
 * const types: RougeType[] = ['rouge1', 'rougeLsum'];
 * ```
 */
export type RougeType =
  | 'rouge1'
  | 'rouge2'
  | 'rouge3'
  | 'rouge4'
  | 'rouge5'
  | 'rouge6'
  | 'rouge7'
  | 'rouge8'
  | 'rouge9'
  | 'rougeL'
  | 'rougeLsum';

/**
 * The types {@link rouge} computes when `types` is not given.
 *
 * @example
 * ```ts
 * const type: DefaultRougeType = 'rougeL';
 * ```
 */
export type DefaultRougeType = 'rouge1' | 'rouge2' | 'rougeL' | 'rougeLsum';

/**
 * Options of {@link rouge}.
 *
 * @example
 * ```ts
 * const options: RougeOptions<'rougeL'> = { types: ['rougeL'], stemmer: 'porter' };
 * ```
 */
export interface RougeOptions<T extends RougeType = DefaultRougeType> {
  /** The ROUGE types to compute (default `['rouge1', 'rouge2', 'rougeL', 'rougeLsum']`). */
  readonly types?: readonly T[];
  /** `'porter'`: stem tokens longer than 3 characters (rouge-score's `use_stemmer=True`); default `'none'`. */
  readonly stemmer?: 'porter' | 'none';
}

const DEFAULT_TYPES: readonly DefaultRougeType[] = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'];
const TYPE_PATTERN = /^(?:rouge[1-9]|rougeL|rougeLsum)$/;

// one per thread: the ids of the tokens of the texts of one call
const tokenIds = new TokenIds();

function scoreOne(
  type: RougeType,
  target: RougeTokens,
  prediction: RougeTokens,
  radix: number,
): RougeScore {
  if (type === 'rougeL') return rougeLScore(target.all, prediction.all);
  if (type === 'rougeLsum') {
    return rougeLsumScore(rougeSentences(target), rougeSentences(prediction));
  }
  return rougeNScore(target.all, prediction.all, Number(type.slice(5)), radix);
}

function checkTypes<T extends RougeType>(value: unknown): readonly T[] {
  if (value === undefined) return DEFAULT_TYPES as unknown as readonly T[];
  if (!Array.isArray(value) || value.length === 0) {
    throw new TextMetricsError(
      'INVALID_OPTION',
      `Option options.types must be a non-empty array of ROUGE types (rouge1 … rouge9, rougeL, rougeLsum); got ${describeValue(value)}.`,
      'options.types',
    );
  }
  value.forEach((type: unknown, i) => {
    if (typeof type !== 'string' || !TYPE_PATTERN.test(type)) {
      throw new TextMetricsError(
        'INVALID_OPTION',
        `Option options.types[${i}] must be one of rouge1 … rouge9, rougeL, rougeLsum; got ${describeValue(type)}.`,
        `options.types[${i}]`,
      );
    }
  });
  return value as T[];
}

/**
 * ROUGE-N, ROUGE-L and ROUGE-Lsum precision, recall and F-measure, exactly as Google's
 * rouge-score (`RougeScorer(types, use_stemmer).score_multi(references, prediction)`).
 *
 * @remarks
 * Tokens: lowercase, every run of characters outside `a-z0-9` is a separator (so non-ASCII
 * letters are dropped), and with `stemmer: 'porter'` tokens longer than 3 characters are replaced
 * by their Porter stem (NLTK's rules, {@link porterStem}). ROUGE-N counts clipped n-gram matches
 * `h`: `P = h / max(#prediction n-grams, 1)`, `R = h / max(#reference n-grams, 1)`. ROUGE-L uses the
 * longest common subsequence `L`: `P = L / |prediction|`, `R = L / |reference|` (0 when either is
 * empty). ROUGE-Lsum splits both texts on `"\n"` (empty lines dropped) and takes the summary-level
 * union LCS of Lin (2004) §3.2 with ROUGE 1.5.5's guard against double counting; put one sentence
 * per line to use it (text on one line makes it ROUGE-L, computed as ROUGE-L is, in linear
 * memory; with several lines, a pair of lines whose LCS table would pass 2^27 cells is refused).
 * `F = 2PR / (P + R)`. With several references, each type keeps the
 * reference with the highest F-measure (the first on a tie), as `score_multi`.
 *
 * Lin, C.-Y. "ROUGE: A Package for Automatic Evaluation of Summaries." Text Summarization
 * Branches Out (2004). Source: github.com/google-research/google-research/tree/master/rouge.
 *
 * @param prediction - the generated text
 * @param references - one reference or several
 * @param options - `types` (rouge1, rouge2, rougeL, rougeLsum), `stemmer` (`'none'`)
 * @returns one `{ precision, recall, fmeasure }` per type asked
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for non-string text or no reference;
 *   `INVALID_OPTION` for an unknown type or stemmer; `TEXT_TOO_LONG` for rougeLsum on lines
 *   too long for its table (the message names them and says what to do)
 * @example
 * ```ts
 * import { rouge } from '@assay/text-metrics';
 * const scores = rouge('The quick brown dog jumps on the log.', 'The quick brown fox jumps over the lazy dog', {
 *   types: ['rouge1', 'rougeL'],
 *   stemmer: 'porter',
 * });
 * scores.rouge1.fmeasure; // 0.7058823529411765
 * scores.rougeL.recall; // 0.5555555555555556
 * ```
 */
export function rouge<T extends RougeType = DefaultRougeType>(
  prediction: string,
  references: string | readonly string[],
  options?: RougeOptions<T>,
): Record<T, RougeScore> {
  checkString(prediction, 'prediction');
  const refs = checkReferences(references, 'references');
  const checked = readKnownOptions(options, ['types', 'stemmer']);
  const types = checkTypes<T>(checked.types);
  const stem =
    checkChoice(checked.stemmer, ['porter', 'none'], 'none', 'options.stemmer') === 'porter';
  tokenIds.reset();
  const predicted = rougeTokenIds(prediction, stem, tokenIds);
  const targets = refs.map((reference) => rougeTokenIds(reference, stem, tokenIds));
  const radix = Math.max(tokenIds.size, 1);
  const result = {} as Record<T, RougeScore>;
  for (const type of types) {
    let best: RougeScore | undefined;
    for (const target of targets) {
      const candidate = scoreOne(type, target, predicted, radix);
      if (best === undefined || candidate.fmeasure > best.fmeasure) best = candidate;
    }
    result[type] = best!;
  }
  return result;
}

export type { RougeScore } from './rouge-kernels.js';
