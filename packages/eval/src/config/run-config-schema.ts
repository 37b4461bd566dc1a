import { ClientConfigSchema } from '@assay/clients';
import { MAX_BOOTSTRAP } from '@assay/runner';
import { SPAM_ASSASSIN_GROUPS } from '@assay/spam-assassin';
import { z } from 'zod';
import { didYouMean } from './closest-name.js';
import { checkLabelLeaks } from './label-leak.js';
import { arr, obj } from './loose-read.js';
import { CLASSIFICATION_METRICS, REGRESSION_METRICS, SERVICE_METRICS } from './metric-names.js';
import { parseThreshold } from './thresholds.js';

const ColumnsSchema = z.strictObject({
  id: z.string().min(1).optional(),
  text: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  label: z.string().min(1).optional(),
  group: z.string().min(1).optional(),
  reference: z.string().min(1).optional(),
});

const DatasetSchema = z
  .strictObject({
    builtin: z.enum(['spam-assassin']).optional(),
    path: z.string().min(1).optional(),
    format: z.enum(['jsonl', 'csv', 'json', 'arrow', 'parquet']).optional(),
    columns: ColumnsSchema.default({}),
    groups: z.array(z.enum(SPAM_ASSASSIN_GROUPS)).min(1).optional(),
    limit: z.number().int().positive().optional(),
    seed: z.number().int().default(0),
  })
  .superRefine((d, ctx) => {
    if ((d.builtin === undefined) === (d.path === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message:
          "expected exactly one of 'builtin' (e.g. 'spam-assassin') or 'path' (a JSONL/CSV file)",
      });
    }
    if (d.groups !== undefined && d.builtin === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['groups'],
        message:
          "'groups' selects corpus groups of a built-in dataset; for a file, map a 'columns.group' instead",
      });
    }
  });

const AnswerSchema = z.strictObject({
  extract: z.enum(['exact', 'regex', 'first-label', 'number']).default('first-label'),
  pattern: z.string().optional(),
  caseSensitive: z.boolean().default(false),
  trim: z.boolean().default(true),
});

const ClassificationTaskSchema = z.strictObject({
  type: z.literal('classification'),
  labels: z.array(z.string().min(1)).min(2),
  positiveLabel: z.string().min(1).optional(),
  answer: AnswerSchema.default({ extract: 'first-label', caseSensitive: false, trim: true }),
});
const RegressionTaskSchema = z.strictObject({
  type: z.literal('regression'),
  answer: AnswerSchema.default({ extract: 'number', caseSensitive: false, trim: true }),
});
const GenerationTaskSchema = z.strictObject({
  type: z.literal('generation'),
});

const TaskSchema = z
  .discriminatedUnion('type', [
    ClassificationTaskSchema,
    RegressionTaskSchema,
    GenerationTaskSchema,
  ])
  .superRefine((t, ctx) => {
    if (t.type === 'generation') return;
    if (t.answer.extract === 'regex') {
      if (t.answer.pattern === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['answer', 'pattern'],
          message:
            "extract 'regex' needs a pattern with one capture group, e.g. 'Answer:\\s*(\\w+)'",
        });
      } else {
        try {
          const groups = new RegExp(`${t.answer.pattern}|`).exec('')!.length - 1;
          if (groups < 1) {
            ctx.addIssue({
              code: 'custom',
              path: ['answer', 'pattern'],
              message: 'expected a regular expression with at least one capture group',
            });
          }
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            path: ['answer', 'pattern'],
            message: `not a valid regular expression (${(error as Error).message})`,
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
      }
      if (t.positiveLabel !== undefined && !t.labels.includes(t.positiveLabel)) {
        ctx.addIssue({
          code: 'custom',
          path: ['positiveLabel'],
          message: `expected one of the labels (${t.labels.join(', ')})`,
        });
      }
    }
  });

const MessageSchema = z.strictObject({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});

const PromptFields = {
  system: z.string().optional(),
  template: z.string().min(1).optional(),
  messages: z.array(MessageSchema).min(1).optional(),
  fewShot: z
    .strictObject({
      count: z.number().int().min(0).default(0),
      seed: z.number().int().default(0),
      answerTemplate: z.string().default('{{label}}'),
    })
    .default({ count: 0, seed: 0, answerTemplate: '{{label}}' }),
  maxFieldChars: z.number().int().positive().optional(),
  allowLabelInPrompt: z.boolean().default(false),
};

const PromptSchema = z.strictObject(PromptFields).superRefine((p, ctx) => {
  if ((p.template === undefined) === (p.messages === undefined)) {
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
  endpoint: z.string().min(1).optional(),
  prompt: z
    .strictObject({
      system: PromptFields.system,
      template: PromptFields.template,
      messages: PromptFields.messages,
      maxFieldChars: PromptFields.maxFieldChars,
    })
    .optional(),
  name: z.string().regex(/^[A-Za-z0-9][\w.:-]*$/, {
    message: 'expected a name of letters, digits, ".", ":", "_" or "-"',
  }),
});

const EvaluationSchema = z
  .strictObject({
    method: z
      .enum(['holdout', 'kfold', 'stratified', 'group', 'repeated-stratified', 'timeseries'])
      .default('stratified'),
    k: z.number().int().min(2).default(5),
    testSize: z.number().gt(0).lt(1).default(0.2),
    repeats: z.number().int().positive().default(1),
    seed: z.number().int().default(0),
    bootstrap: z.number().int().min(0).max(MAX_BOOTSTRAP).default(1000),
    ci: z.number().gt(0).lt(1).default(0.95),
    metrics: z.array(z.string()).optional(),
    maxFailedFraction: z.number().min(0).max(1).default(0.05),
    maxUnparseableFraction: z.number().min(0).max(1).default(0.5),
  })
  .default({
    method: 'stratified',
    k: 5,
    testSize: 0.2,
    repeats: 1,
    seed: 0,
    bootstrap: 1000,
    ci: 0.95,
    maxFailedFraction: 0.05,
    maxUnparseableFraction: 0.5,
  });

const OutputSchema = z
  .strictObject({
    /** default `assay-out/<name>`, so two configs never share (and overwrite) a directory */
    dir: z.string().min(1).optional(),
    wrongSamples: z.number().int().min(0).default(20),
  })
  .default({ wrongSamples: 20 });

const KNOWN_THRESHOLD_METRICS = new Set<string>([
  ...CLASSIFICATION_METRICS,
  ...REGRESSION_METRICS,
  ...SERVICE_METRICS,
]);

/**
 * The zod schema of an `assay run` configuration file (YAML or JSON).
 *
 * @remarks
 * Sections: `dataset` (built-in `spam-assassin` or a JSONL/CSV file with column
 * mapping, optional seeded stratified `limit`), `task` (classification,
 * regression or generation, answer extraction), `prompt` (template with
 * `{{field}}` slots or raw messages, few-shot examples from the training fold),
 * `models` (client configs with a `name`), `evaluation` (split method, folds,
 * bootstrap, CI, metrics), `output`, `cache` (default `<output.dir>/cache.sqlite`)
 * and `thresholds` (`'f1_macro >= 0.9'`). Cross-field rules (metric names valid
 * for the task, distinct model names, group column for group splits) are
 * checked here so every problem is reported at once.
 * @example
 * const config = RunConfigSchema.parse(YAML.parse(text));
 */
export const RunConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).default('run'),
    dataset: DatasetSchema,
    task: TaskSchema,
    prompt: PromptSchema,
    models: z.array(ModelConfigSchema).min(1),
    evaluation: EvaluationSchema,
    output: OutputSchema,
    cache: z.string().min(1).optional(),
    thresholds: z.array(z.string()).default([]),
  })
  // Runs even when other fields failed (`when`), so every problem is reported at once;
  // the input may then be ill-typed, hence the defensive reads.
  .superRefine(
    (c, ctx) => {
      crossFieldChecks(c as unknown, ctx);
      checkLabelLeaks(c as unknown, (issue) => ctx.addIssue(issue));
    },
    { when: () => true },
  );

function crossFieldChecks(
  input: unknown,
  ctx: {
    addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void;
  },
): void {
  const c = obj(input);
  const task = obj(c.task);
  const dataset = obj(c.dataset);
  const columns = obj(dataset.columns);
  const evaluation = obj(c.evaluation);
  const seen = new Map<string, number>();
  arr(c.models).forEach((m, i) => {
    const name = obj(m).name;
    if (typeof name !== 'string') return;
    const prev = seen.get(name);
    if (prev !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['models', i, 'name'],
        message: `duplicate model name '${name}' (also models[${prev}].name); names must be distinct`,
      });
    } else seen.set(name, i);
  });
  const type = task.type;
  const allowed: readonly string[] =
    type === 'classification'
      ? CLASSIFICATION_METRICS
      : type === 'regression'
        ? REGRESSION_METRICS
        : [];
  const known = type === 'classification' || type === 'regression' || type === 'generation';
  arr(evaluation.metrics).forEach((m, i) => {
    if (known && typeof m === 'string' && !allowed.includes(m)) {
      ctx.addIssue({
        code: 'custom',
        path: ['evaluation', 'metrics', i],
        message: `unknown metric '${m}' for a ${String(type)} task; ${didYouMean(m, allowed, `expected one of ${allowed.join(', ') || '(none: generation has no metrics yet)'}`)}`,
      });
    }
  });
  arr(c.thresholds).forEach((t, i) => {
    if (typeof t !== 'string') return;
    const parsed = parseThreshold(t);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', path: ['thresholds', i], message: parsed.message });
      return;
    }
    const metric = parsed.threshold.metric;
    const isService = (SERVICE_METRICS as readonly string[]).includes(metric);
    if (
      !KNOWN_THRESHOLD_METRICS.has(metric) ||
      (known && !isService && !allowed.includes(metric))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds', i],
        message: `unknown metric '${metric}'; ${didYouMean(metric, known ? [...allowed, ...SERVICE_METRICS] : [...KNOWN_THRESHOLD_METRICS], `expected a task metric (${allowed.join(', ') || 'none'}) or a service metric (${SERVICE_METRICS.join(', ')})`)}`,
      });
    }
  });
  if (evaluation.method === 'group' && dataset.path !== undefined && !columns.group) {
    ctx.addIssue({
      code: 'custom',
      path: ['dataset', 'columns', 'group'],
      message: "evaluation.method 'group' needs a group column; map one in dataset.columns.group",
    });
  }
  if (type === 'generation' && dataset.path !== undefined && !columns.reference) {
    ctx.addIssue({
      code: 'custom',
      path: ['dataset', 'columns', 'reference'],
      message: 'a generation task needs a reference column; map one in dataset.columns.reference',
    });
  }
  const count = obj(obj(c.prompt).fewShot).count;
  if (typeof count === 'number' && count > 0 && known && type !== 'classification') {
    ctx.addIssue({
      code: 'custom',
      path: ['prompt', 'fewShot', 'count'],
      message:
        'few-shot examples are drawn stratified by label; only classification tasks support them',
    });
  }
}

/** An `assay run` configuration as written (defaults not applied). */
export type RunConfigInput = z.input<typeof RunConfigSchema>;
/**
 * A validated `assay run` configuration with every default applied, as `parseRunConfig`
 * returns it (`output.dir` resolved: given, or `assay-out/<name>`).
 */
export type RunConfig = Omit<z.output<typeof RunConfigSchema>, 'output'> & {
  output: { dir: string; wrongSamples: number };
};
/** One validated model entry of {@link RunConfig}. */
export type ModelConfig = z.output<typeof ModelConfigSchema>;
