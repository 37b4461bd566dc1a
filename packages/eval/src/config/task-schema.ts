import { didYouMean } from '@assay/labels';
import { z } from 'zod';
import { ExtractChainSchema, ReducerSchema, ScorerSchema } from './generation-schema.js';
import { DEFAULT_SCORERS } from './generation-scorers.js';
import { checkGenerationTask } from './generation-task-checks.js';
import { obj } from './loose-read.js';
import { regexProblem } from './regex-problem.js';

const AnswerSchema = z
  .strictObject({
    extract: z
      .enum(['exact', 'regex', 'first-label', 'number'])
      .default('first-label')
      .describe(
        "How to read the answer: 'exact' (the whole answer is a label), 'regex' (capture group 1 of pattern), 'first-label' (the one label the answer names; several, or a negated one, is unparseable) or 'number' (regression: the first number; with 'regex' a regression reads the first number in the capture, with 'exact' the whole answer as one number).",
      ),
    pattern: z
      .string()
      .optional()
      .describe(
        "For extract 'regex': a regular expression with a capture group, e.g. 'Answer:\\s*(\\w+)'.",
      ),
    caseSensitive: z
      .boolean()
      .default(false)
      .describe('Compare the answer with the labels case-sensitively.'),
    trim: z
      .boolean()
      .default(true)
      .describe('Trim the answer and collapse its whitespace before matching.'),
  })
  .describe(
    'How an answer text becomes a label or a number; an answer that matches nothing counts as unparseable.',
  );

/**
 * Two labels that the answer matching cannot tell apart (it ignores case unless
 * `answer.caseSensitive`, and trims and collapses whitespace unless `answer.trim` is false):
 * items of the second could never be answered right.
 */
function answerClash(
  labels: readonly string[],
  answer: { readonly caseSensitive: boolean; readonly trim: boolean },
): string | undefined {
  const seen = new Map<string, string>();
  for (const label of labels) {
    let key = answer.trim ? label.trim().replace(/\s+/g, ' ') : label;
    if (!answer.caseSensitive) key = key.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      return `labels ${JSON.stringify(first)} and ${JSON.stringify(label)} are the same answer to the answer matching (it ${answer.caseSensitive ? '' : 'ignores case and '}${answer.trim ? 'trims spaces' : ''}), so items labelled ${JSON.stringify(label)} could never be answered right; spell the data's labels alike, or set task.answer.caseSensitive${answer.trim ? ' / task.answer.trim: false' : ''}`.replace(
        ' and )',
        ')',
      );
    }
    seen.set(key, label);
  }
  return undefined;
}

const ClassificationTaskSchema = z.strictObject({
  type: z.literal('classification').describe('Pick one of the labels.'),
  labels: z
    .array(z.string().min(1))
    .min(2)
    .describe('The labels, as the data set spells them (at least two, distinct).'),
  positiveLabel: z
    .string()
    .min(1)
    .optional()
    .describe(
      'The positive class of binary metrics (precision, recall, f1, roc_auc) and of scores from logprobs.',
    ),
  answer: AnswerSchema.default({ extract: 'first-label', caseSensitive: false, trim: true }),
});
/** A regression's answer settings: as a classification's, but `extract` defaults to `number`. */
const RegressionAnswerSchema = AnswerSchema.extend({
  extract: AnswerSchema.shape.extract
    .removeDefault()
    .default('number')
    .describe(
      "How to read a regression answer: 'number' (its first number, the default), 'regex' (the first number in capture group 1 of pattern) or 'exact' (the whole answer is one number).",
    ),
}).describe(
  'How an answer text becomes a number; an answer without one counts as unparseable and is left out of the error metrics.',
);
const RegressionTaskSchema = z.strictObject({
  type: z.literal('regression').describe('Answer with a number.'),
  // an answer section without `extract` (only a pattern, say) still reads a number
  answer: RegressionAnswerSchema.default({ extract: 'number', caseSensitive: false, trim: true }),
});
const GenerationTaskSchema = z.strictObject({
  type: z
    .literal('generation')
    .describe('Free text, scored against the reference column by the scorers.'),
  scorers: z
    .array(ScorerSchema)
    .min(1)
    .default([...DEFAULT_SCORERS])
    .describe(
      'The metrics, each a name or { metric, name?, normalize?, stemmer?, value?, schema?, tolerance? } (default exact_match, token_f1, bleu, chrf, rougeL).',
    ),
  extract: ExtractChainSchema.default([]),
  samples: z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(1)
    .describe(
      'Answers asked per item (each its own request and cache entry; use a temperature above 0).',
    ),
  reducer: ReducerSchema,
});
/** The most extra choice orders per item (`task.permutations`). */
export const MAX_PERMUTATIONS = 100;

const MultipleChoiceTaskSchema = z.strictObject({
  type: z
    .literal('multiple-choice')
    .describe('Pick one of the choices in dataset.columns.choices; scored by accuracy.'),
  extract: z
    .enum(['auto', 'letter', 'number', 'text'])
    .default('auto')
    .describe(
      "How the answer names its choice: 'letter' (simple-evals' multilingual 'Answer: X' patterns, else a lone letter), 'number' (the same patterns with a 1-based number, else a lone number; choices are numbered in the prompt), 'text' (the choice text the Answer: line or the answer names) or 'auto' (letter, then text).",
    ),
  labelFormat: z
    .enum(['letter', 'index', 'text'])
    .default('letter')
    .describe(
      "How dataset.columns.label names the correct choice: 'letter' (A, B, ...), 'index' (0-based) or 'text' (the choice's text).",
    ),
  permutations: z
    .number()
    .int()
    .min(0)
    .max(MAX_PERMUTATIONS)
    .default(0)
    .describe(
      'Extra seeded choice orders each item is also asked in (0: the data set order only); with one or more, position_bias_rate says how often the answer changes with the order.',
    ),
  seed: z.number().int().default(0).describe('Seed of the choice-order draws.'),
});

/**
 * The `task` section of a run configuration: classification (labels, answer extraction),
 * regression (a number per answer) or generation (free text), discriminated by `type`, with
 * the answer pattern checked (a valid regular expression with a capture group).
 *
 * @example
 * TaskSchema.parse({ type: 'classification', labels: ['spam', 'ham'] }).type; // 'classification'
 */
export const TaskSchema = z
  .discriminatedUnion('type', [
    ClassificationTaskSchema,
    RegressionTaskSchema,
    GenerationTaskSchema,
    MultipleChoiceTaskSchema,
  ])
  .superRefine((t, ctx) => {
    if (t.type === 'generation' || t.type === 'multiple-choice') return;
    if (t.type === 'regression' && t.answer.extract === 'first-label') {
      ctx.addIssue({
        code: 'custom',
        path: ['answer', 'extract'],
        message:
          "extract 'first-label' reads one of a classification's labels; a regression answer is a number: use 'number' (its first number, the default), 'regex' (the first number in the pattern's capture, e.g. 'Answer:\\s*(.+)') or 'exact' (the whole answer is one number)",
      });
    }
    if (t.answer.extract !== 'regex' && t.answer.pattern !== undefined) {
      // a pattern with another extract was read by nothing
      ctx.addIssue({
        code: 'custom',
        path: ['answer', 'pattern'],
        message: `pattern applies to extract 'regex' only, and extract is '${t.answer.extract}'${t.type === 'regression' ? ' (the default for regression)' : ''}: set extract: regex to read the answer from the pattern's capture, or drop pattern`,
      });
    }
    if (t.answer.extract === 'regex') {
      if (t.answer.pattern === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['answer', 'pattern'],
          message:
            "extract 'regex' needs a pattern with one capture group, e.g. 'Answer:\\s*(\\w+)'",
        });
      } else {
        const problem = regexProblem(t.answer.pattern, '', 1);
        if (problem !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['answer', 'pattern'],
            message: problem.startsWith('group ')
              ? 'expected a regular expression with at least one capture group'
              : problem,
          });
        }
      }
    }
    if (t.type === 'classification') {
      if (t.answer.extract === 'number') {
        ctx.addIssue({
          code: 'custom',
          path: ['answer', 'extract'],
          message: "expected 'exact', 'regex' or 'first-label' for a classification task",
        });
      }
      if (new Set(t.labels).size !== t.labels.length) {
        ctx.addIssue({ code: 'custom', path: ['labels'], message: 'labels must be distinct' });
      } else {
        const clash = answerClash(t.labels, t.answer);
        if (clash !== undefined) ctx.addIssue({ code: 'custom', path: ['labels'], message: clash });
      }
      if (t.positiveLabel !== undefined && !t.labels.includes(t.positiveLabel)) {
        ctx.addIssue({
          code: 'custom',
          path: ['positiveLabel'],
          message: didYouMean(
            t.positiveLabel,
            t.labels,
            `expected one of the labels (${t.labels.join(', ')})`,
          ),
        });
      }
    }
  })
  // Runs even when other fields of the task failed (`when`), so that an invalid pattern is
  // reported with a mistyped option rather than only once that is fixed.
  .superRefine(
    (t, ctx) => {
      if (obj(t).type !== 'generation') return;
      checkGenerationTask(t, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
    },
    { when: () => true },
  )
  .describe(
    "What the model is asked to do, by 'type': classification, regression, generation or multiple-choice.",
  );
