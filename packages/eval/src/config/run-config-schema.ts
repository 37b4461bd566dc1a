import { ClientConfigSchema } from '@assay/clients';
import { describeValue } from '@assay/labels';
import { z } from 'zod';

import { checkJudgeConfig } from '../judges/judge-config-checks.js';
import { JudgeSchema } from '../judges/judge-schema.js';
import { checkBuiltinSlots } from './builtin-slots.js';
import { crossFieldChecks } from './cross-field-checks.js';
import { DatasetSchema } from './dataset-schema.js';
import { checkEvaluationMethod } from './evaluation-method.js';
import { EvaluationSchema } from './evaluation-schema.js';
import { checkLabelLeaks } from './label-leak.js';
import { checkStopRule } from './stop-schema.js';
import { TaskSchema } from './task-schema.js';

const MessageSchema = z.strictObject({
  role: z.enum(['system', 'user', 'assistant']).describe('Who speaks: system, user or assistant.'),
  content: z.string().describe('The message text, with {{column}} slots filled per item.'),
});

const PromptFields = {
  system: z
    .string()
    .optional()
    .describe('A system message before the user message; may use {{column}} slots.'),
  template: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The user message, with {{column}} slots filled from each item (e.g. '{{text}}'); or give 'messages' instead.",
    ),
  messages: z
    .array(MessageSchema)
    .min(1)
    .optional()
    .describe("The whole conversation, instead of 'template' (and 'system')."),
  fewShot: z
    .strictObject({
      count: z
        .number()
        .int()
        .min(0)
        .default(0)
        .describe(
          "Examples per prompt, drawn stratified by label from the fold's training part (classification only); 0 for zero-shot.",
        ),
      seed: z.number().int().default(0).describe('Seed of the example draw.'),
      answerTemplate: z
        .string()
        .default('{{label}}')
        .describe("How an example's answer is written, e.g. 'Answer: {{label}}'."),
    })
    .default({ count: 0, seed: 0, answerTemplate: '{{label}}' })
    .describe('Solved examples put before each question, as user and assistant turns.'),
  maxFieldChars: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('Cut every slot value to this many characters.'),
  allowLabelInPrompt: z
    .boolean()
    .default(false)
    .describe(
      'Allow a {{label}} or reference slot in the prompt, which shows the model the answer; refused unless true.',
    ),
};

// Neither is refused in crossFieldChecks, where the task is known: a multiple-choice task has a default.
const PromptSchema = z.strictObject(PromptFields).superRefine((p, ctx) => {
  if (p.template !== undefined && p.messages !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message:
        "expected exactly one of 'template' (a user message with {{field}} slots) or 'messages'",
    });
  }
});

/**
 * A model to evaluate: an `@assay/clients` configuration plus a display `name`
 * and an optional `prompt` override (fields replace the run's `prompt` section
 * for this model, e.g. another template or `maxFieldChars`), so one server can
 * be compared against itself under two settings.
 *
 * @remarks `endpoint` names the service behind `baseUrl` for the journal's endpoint identity,
 * in place of the URL: answers journaled under one name resume under any URL. `assay demo`
 * sets `builtin:model-server`, since its in-process server gets a new port every run.
 */
export const ModelConfigSchema = ClientConfigSchema.extend({
  endpoint: z
    .string()
    .min(1)
    .optional()
    .describe(
      "A name for the service behind baseUrl, recorded in the journal instead of the URL, so answers resume under another URL (e.g. 'builtin:model-server').",
    ),
  prompt: z
    .strictObject({
      system: PromptFields.system,
      template: PromptFields.template,
      messages: PromptFields.messages,
      maxFieldChars: PromptFields.maxFieldChars,
    })
    .optional()
    .describe(
      "Replaces fields of the run's prompt for this model, to compare one server under two settings.",
    ),
  name: z
    .string()
    .regex(/^[A-Za-z0-9][\w.:-]*$/, {
      message: 'expected a name of letters, digits, ".", ":", "_" or "-"',
    })
    .describe('The name the reports use for this model; distinct per model.'),
});

const OutputSchema = z
  .strictObject({
    /** default `assay-out/<name>`, so two configs never share (and overwrite) a directory */
    dir: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Where results.json, predictions.arrow, the reports, the journal and the cache go (default assay-out/<name>); relative to the working directory.',
      ),
    wrongSamples: z
      .number()
      .int()
      .min(0)
      .default(20)
      .describe('How many wrong answers per model the reports show.'),
  })
  .default({ wrongSamples: 20 });

/**
 * The zod schema of an `assay run` configuration file (YAML or JSON).
 *
 * @remarks
 * Sections: `dataset` (built-in `spam-assassin` or a JSONL/CSV file with column
 * mapping, optional seeded stratified `limit`), `task` (classification,
 * regression or generation, answer extraction), `prompt` (template with
 * `{{field}}` slots or raw messages, few-shot examples from the training fold),
 * `models` (client configs with a `name`), `evaluation` (split method, folds,
 * bootstrap, CI, metrics), `judge` (an LLM grading generated answers), `output`, `cache`
 * (default `<output.dir>/cache.sqlite`) and `thresholds` (`'f1_macro >= 0.9'`). Cross-field rules (metric names valid
 * for the task, distinct model names, group column for group splits) are
 * checked here so every problem is reported at once.
 * @example
 * const parsed = RunConfigSchema.parse({
 *   dataset: { builtin: 'spam-assassin', limit: 40 },
 *   task: { type: 'classification', labels: ['spam', 'ham'] },
 *   prompt: { template: 'Spam or ham?\n\n{{text}}' },
 *   models: [{ name: 'nb', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:8000/v1', model: 'assay-spam-nb' }],
 * });
 * parsed.name; // 'run'
 * parsed.evaluation.bootstrap; // 1000
 */
export const RunConfigSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .describe('The JSON Schema of this file, for editors; ignored by assay.'),
    name: z
      .string()
      .min(1)
      .default('run')
      .describe('The name of the run, in reports and the default output directory.'),
    dataset: DatasetSchema,
    task: TaskSchema,
    prompt: PromptSchema.prefault({}).describe(
      "What each model is asked: 'template' (one user message) or 'messages', with {{column}} slots; a multiple-choice task may leave both out (simple-evals' template).",
    ),
    models: z
      .array(ModelConfigSchema)
      .min(1)
      .describe('The models to evaluate (and compare) on the same items.'),
    evaluation: EvaluationSchema.describe(
      'How items are split, which metrics are computed, how sure the figures are, and when a run fails.',
    ),
    output: OutputSchema.describe('Where the results go.'),
    cache: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The response cache (SQLite; default <output.dir>/cache.sqlite); relative to the working directory.',
      ),
    judge: JudgeSchema.optional(),
    thresholds: z
      .array(
        z.string({
          error: (issue) =>
            `expected a check written as a string such as 'accuracy >= 0.9' (metric, operator, number); got ${describeValue(issue.input)}`,
        }),
        {
          // a single check written as a string or a map is the usual slip: show the list form
          error: (issue) =>
            issue.input === undefined
              ? undefined
              : `expected a list of checks, each a string such as 'accuracy >= 0.9' (YAML: thresholds: [accuracy >= 0.9], or one '- accuracy >= 0.9' line per check); got ${describeValue(issue.input)}`,
        },
      )
      .default([])
      .describe(
        "Pass/fail checks, '<metric>[.ci_low|.ci_high][ vs baseline] <op> <number>' (e.g. 'f1_macro >= 0.9', 'f1_macro.ci_low >= 0.85', 'p95_latency_ms.ci_high <= 800', 'f1_macro vs baseline >= -0.01'); a failed one makes the run exit 1.",
      ),
    baseline: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The earlier run that 'vs baseline' thresholds compare with: its output directory or its results.json.",
      ),
  })
  // Runs even when other fields failed (`when`), so every problem is reported at once;
  // the input may then be ill-typed, hence the defensive reads.
  .superRefine(
    (c, ctx) => {
      crossFieldChecks(c as unknown, (issue) => ctx.addIssue(issue));
      checkLabelLeaks(c as unknown, (issue) => ctx.addIssue(issue));
      checkBuiltinSlots(c as unknown, (issue) => ctx.addIssue(issue));
      checkEvaluationMethod(c as unknown, (issue) => ctx.addIssue(issue));
      checkJudgeConfig(c as unknown, (issue) => ctx.addIssue(issue));
      checkStopRule(c as unknown, (issue) => ctx.addIssue(issue));
    },
    { when: () => true },
  );

/** An `assay run` configuration as written (defaults not applied). */
export type RunConfigInput = z.input<typeof RunConfigSchema>;
/**
 * A validated `assay run` configuration with every default applied, as `parseRunConfig`
 * returns it (`output.dir` resolved: given, or `assay-out/<name>`; `evaluation.method`
 * resolved: given, or `all` without few-shot examples and `stratified` with them).
 */
export type RunConfig = Omit<z.output<typeof RunConfigSchema>, 'output' | 'evaluation'> & {
  output: { dir: string; wrongSamples: number };
  evaluation: EvaluationConfig;
};
/** The `evaluation` section of a {@link RunConfig}, its `method` resolved (see `defaultMethod`). */
export type EvaluationConfig = z.output<typeof EvaluationSchema> & { method: EvaluationMethod };
/** An `evaluation.method`. */
export type EvaluationMethod = NonNullable<z.output<typeof EvaluationSchema>['method']>;
/** One validated model entry of {@link RunConfig}. */
export type ModelConfig = z.output<typeof ModelConfigSchema>;
