import { GENERATION_BLEU_TOKENIZERS, GENERATION_METRICS } from '@assay/runner';
import { z } from 'zod';
import { REDUCER_PATTERN, unknownReducerMessage } from './reducer-names.js';

/** The scorers `task.scorers` accepts that the runner's pool scores: its text metrics. */
export const POOL_SCORERS = GENERATION_METRICS;

/** Per-answer checks scored in the harness (0 or 1 per answer). */
export const ASSERTION_SCORERS = [
  'includes',
  'pattern',
  'json_valid',
  'json_schema',
  'numeric_match',
] as const;

/** The scorers whose value for one answer is 0 or 1 by definition. */
export const ZERO_ONE_SCORERS: ReadonlySet<string> = new Set(['exact_match', ...ASSERTION_SCORERS]);

/** Every scorer name. */
export const GENERATION_SCORERS: readonly string[] = [...POOL_SCORERS, ...ASSERTION_SCORERS];

const NormalizeSchema = z
  .union([
    z.enum(['squad', 'none']),
    z.strictObject({
      ignoreCase: z.boolean().default(false).describe('Lowercase both sides first.'),
      ignorePunctuation: z
        .boolean()
        .default(false)
        .describe("Remove Python's string.punctuation from both sides."),
      ignoreNumbers: z.boolean().default(false).describe('Remove the digits from both sides.'),
    }),
  ])
  .describe(
    "How exact_match and token_f1 compare texts: 'squad' (SQuAD v1.1 normalization, the default), 'none' (raw strings), or lm-evaluation-harness options { ignoreCase, ignorePunctuation, ignoreNumbers }.",
  );

const ScorerObjectSchema = z.strictObject({
  metric: z
    .string()
    .min(1)
    .describe(`The metric: ${[...POOL_SCORERS, ...ASSERTION_SCORERS].join(', ')}.`),
  name: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_@.]*$/)
    .optional()
    .describe(
      'The name it is reported under (default: the metric); needed when one metric is listed twice with different options.',
    ),
  normalize: NormalizeSchema.optional(),
  tokenize: z
    .enum(GENERATION_BLEU_TOKENIZERS as [string, ...string[]])
    .optional()
    .describe(
      `BLEU's tokenizer, as sacrebleu names it: ${GENERATION_BLEU_TOKENIZERS.join(', ')} (default 13a).`,
    ),
  stemmer: z
    .enum(['none', 'porter'])
    .optional()
    .describe("ROUGE's stemmer: 'none' (rouge-score's default) or 'porter'."),
  value: z
    .string()
    .optional()
    .describe(
      'includes: the text the answer must contain (default: the reference); pattern: the regular expression the answer must match (required).',
    ),
  ignoreCase: z.boolean().optional().describe('includes and pattern: compare case-insensitively.'),
  schema: z
    .union([z.record(z.string(), z.unknown()), z.boolean()])
    .optional()
    .describe('json_schema: the JSON Schema the answer must conform to (required).'),
  tolerance: z
    .number()
    .nonnegative()
    .optional()
    .describe('numeric_match: the absolute tolerance (default 0).'),
  relativeTolerance: z
    .number()
    .nonnegative()
    .optional()
    .describe('numeric_match: the relative tolerance (default 0).'),
});

/**
 * One entry of `task.scorers`: a metric name, or an object with the metric and its options.
 *
 * @example
 * ScorerSchema.parse({ metric: 'rougeL', stemmer: 'porter' }).stemmer; // 'porter'
 */
export const ScorerSchema = z.union([z.string().min(1), ScorerObjectSchema]);

/** A scorer as the config gives it. */
export type ScorerInput = z.infer<typeof ScorerSchema>;

const RegexStepSchema = z.strictObject({
  regex: z
    .string()
    .min(1)
    .describe(
      "A regular expression (JavaScript syntax, so inline flags such as '(?i)' are written in 'flags' instead) searched in the answer.",
    ),
  flags: z
    .string()
    .regex(/^[imsu]*$/, {
      // 'g' and 'y' are the flags people reach for, and neither applies: `select` picks the match
      error: (issue) =>
        `expected flags among i, m, s and u, each at most once; got ${JSON.stringify(issue.input)} ('g' and 'y' do not apply: 'select' picks the first or last match)`,
    })
    .default('')
    .describe('Regular expression flags among i, m, s, u (default none).'),
  group: z
    .number()
    .int()
    .nonnegative()
    .default(1)
    .describe('The capture group that becomes the answer (0: the whole match; default 1).'),
  select: z
    .enum(['first', 'last'])
    .default('first')
    .describe('Which match to take when the pattern matches several times (default first).'),
  fallback: z
    .string()
    .optional()
    .describe(
      'The answer used when the pattern does not match (default: none, try the next step; if no step matches the extraction fails).',
    ),
});

const AnswerLineStepSchema = z.strictObject({
  answerLine: z
    .string()
    .min(1)
    .default('ANSWER:')
    .describe(
      "Take the text after the last line that starts with this prefix (case-insensitive), e.g. 'ANSWER:'.",
    ),
});

const ExtractStepSchema = z.union([
  z
    .literal('take-first')
    .describe('The first non-empty line of the answer (trimmed); fails on an empty answer.'),
  z.literal('last-answer-line').describe("The text after the last 'ANSWER:' line."),
  z.literal('trim').describe('The answer with surrounding whitespace removed (never fails).'),
  RegexStepSchema,
  AnswerLineStepSchema,
]);

/**
 * `task.extract`: the steps tried in order on each answer; the first that yields a text
 * wins. When none does, the answer is an extraction failure: its own outcome, counted and
 * shown, and scored as an empty answer.
 *
 * @example
 * ExtractChainSchema.parse([{ regex: 'Subject:\\s*(.+)' }, 'last-answer-line']).length; // 2
 */
export const ExtractChainSchema = z
  .array(ExtractStepSchema)
  .describe(
    "Answer extraction before scoring: steps tried in order ('take-first', 'last-answer-line', 'trim', { regex, group, select, fallback }, { answerLine: 'ANSWER:' }); the first that yields a text wins, and when none does the row is an extraction failure (scored as an empty answer).",
  );

/** One extraction step. */
export type ExtractStep = z.infer<typeof ExtractStepSchema>;

/**
 * `task.reducer`: how several samples of one item become one score: `mean` (every sample
 * scored, intervals resample items), `max` (the best sample per item), `majority` (the most
 * frequent extracted answer, ties to the first seen) or `pass@k` (the unbiased estimator; `k`
 * as `pass@3`, or `pass@k` for k = samples).
 *
 * @example
 * ReducerSchema.parse('pass@2'); // 'pass@2'
 * ReducerSchema.parse(undefined); // 'mean'
 */
export const ReducerSchema = z
  .string()
  .regex(REDUCER_PATTERN, { error: (issue) => unknownReducerMessage(String(issue.input)) })
  .default('mean')
  .describe(
    "How samples of one item become one score: 'mean' (default), 'max', 'majority' (majority vote over extracted answers) or 'pass@k' / 'pass@N' (unbiased estimator, on 0/1 scorers).",
  );
