import { ClientConfigSchema } from '@assay/clients';
import { z } from 'zod';

/** The grading modes of a judge. */
export const JUDGE_MODES = ['closedqa', 'factuality', 'rubric', 'pairwise'] as const;
/** One of {@link JUDGE_MODES}. */
export type JudgeMode = (typeof JUDGE_MODES)[number];

/**
 * A judge's own client: the fields of a `models[]` entry (an `@assay/clients` configuration,
 * `name` and optional `endpoint`), without the per-model `prompt` override, which a judge
 * has no use for.
 */
export const JudgeClientSchema = ClientConfigSchema.extend({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][\w.:-]*$/, {
      message: 'expected a name of letters, digits, ".", ":", "_" or "-"',
    })
    .describe(
      "The judge's name in the reports and the journal (its requests are journaled as 'judge:<name>').",
    ),
  endpoint: z
    .string()
    .min(1)
    .optional()
    .describe(
      "A name for the service behind baseUrl, recorded in the journal instead of the URL (e.g. 'builtin:model-server').",
    ),
});

const HumanGradeSchema = z
  .strictObject({
    column: z
      .string()
      .min(1)
      .describe(
        "The data set column holding a person's grade of each item (e.g. 'human_grade'); items with an empty value are left out of the agreement.",
      ),
    weights: z
      .enum(['none', 'linear', 'quadratic'])
      .default('none')
      .describe(
        "Cohen's kappa disagreement weights: 'none' (nominal grades), 'linear' or 'quadratic' (ordinal grades, in the order of labels).",
      ),
    labels: z
      .array(z.string().min(1))
      .min(2)
      .optional()
      .describe(
        'The grades in order, lowest first (weighted kappa reads the order; rows and columns of the confusion matrix); default per mode: closedqa [I, P, C], factuality [D, A, B, C, E] (by score), rubric [fail, pass].',
      ),
  })
  .describe(
    "A column of grades given by people: the judge's agreement with them is reported (Cohen's kappa with a bootstrap interval, metric judge_kappa, and the confusion matrix).",
  );

/**
 * The `judge` section of a run configuration: an LLM that grades every generated answer.
 *
 * @remarks
 * `client` is either the name of a `models[]` entry (that model also grades) or an inline
 * client with the fields of a `models[]` entry; either way the judge's `temperature` and
 * `seed` replace the client's own `params.temperature` / `params.seed`, so the grading
 * settings are pinned and recorded in `results.json`. Cross-field rules (a named client must
 * exist, pairwise needs two models, rubric text for `rubric`) are checked with the rest of
 * the configuration by `checkJudgeConfig`.
 * @example
 * JudgeSchema.parse({ client: 'gpt', mode: 'closedqa' }).temperature; // 0
 */
export const JudgeSchema = z
  .strictObject({
    client: z
      .union([z.string().min(1), JudgeClientSchema])
      .describe(
        'Who grades: the name of a models[] entry, or a client with the same fields as a models[] entry (provider, baseUrl, model, name, params, ...).',
      ),
    mode: z
      .enum(JUDGE_MODES)
      .describe(
        "How it grades: 'closedqa' (inspect_ai model_graded_qa: a last line 'GRADE: C|P|I'), 'factuality' (OpenAI evals fact: A-E), 'rubric' (a JSON object {pass, score, reason} against the rubric text) or 'pairwise' (two models' answers, A/B/tie, asked in both orders).",
      ),
    temperature: z
      .number()
      .min(0)
      .default(0)
      .describe("The judge's sampling temperature, sent with every grading request and recorded."),
    seed: z
      .number()
      .int()
      .default(0)
      .describe(
        "The judge's sampling seed, sent where the provider takes one (not anthropic) and recorded.",
      ),
    repeats: z
      .number()
      .int()
      .positive()
      .max(100)
      .default(1)
      .describe(
        'How often each answer is graded (repeat index r in the request key); above 1 the flip rate (answers whose grades differ) is reported and the interval resamples the draws.',
      ),
    partialCredit: z
      .boolean()
      .default(false)
      .describe(
        "closedqa: allow 'GRADE: P' (partially correct, scored 0.5) in the instructions, as inspect_ai's partial_credit.",
      ),
    rubric: z
      .string()
      .min(1)
      .optional()
      .describe("The rubric text for mode 'rubric', e.g. 'The subject line names the product.'."),
    pair: z
      .tuple([z.string().min(1), z.string().min(1)])
      .optional()
      .describe(
        "pairwise: the two models compared, by name (default: models[0] and models[1]); the first is 'A' in the first order.",
      ),
    humanGrade: HumanGradeSchema.optional(),
  })
  .superRefine((j, ctx) => {
    if (j.mode === 'rubric' && j.rubric === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rubric'],
        message:
          "mode 'rubric' needs the rubric text, e.g. rubric: 'The subject line names the product.'",
      });
    }
    if (j.mode !== 'rubric' && j.rubric !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rubric'],
        message: `rubric text is only read in mode 'rubric' (this judge's mode is '${j.mode}')`,
      });
    }
    if (j.mode !== 'pairwise' && j.pair !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['pair'],
        message: `pair is only read in mode 'pairwise' (this judge's mode is '${j.mode}')`,
      });
    }
    if (j.mode === 'pairwise' && j.humanGrade !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['humanGrade'],
        message:
          "a human grade column is compared with per-answer grades; mode 'pairwise' grades pairs, so it has none",
      });
    }
    const labels = j.humanGrade?.labels;
    if (labels !== undefined && new Set(labels).size !== labels.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['humanGrade', 'labels'],
        message: 'labels must be distinct',
      });
    }
  })
  .describe(
    'An LLM judge that grades every generated answer (generation tasks): metric judge_score, and judge_kappa with a human grade column.',
  );

/** The `judge` section as written. */
export type JudgeConfigInput = z.input<typeof JudgeSchema>;
/** A validated `judge` section, defaults applied. */
export type JudgeConfig = z.output<typeof JudgeSchema>;
/** An inline judge client, validated. */
export type JudgeClientConfig = z.output<typeof JudgeClientSchema>;
