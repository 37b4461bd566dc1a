import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { formatConfigIssues, issueLine } from '../config/format-issues.js';
import { parseRunConfig, readConfigDocument } from '../config/load-config.js';
import type { RunConfig } from '../config/run-config-schema.js';
import { EvaluationError } from '../errors.js';
import { THRESHOLD_METRICS } from './binary-decision-metrics.js';
import { type SearchConfig, SearchSchema } from './search-schema.js';
import { refuseIgnoredN } from './search-warnings.js';
import { checkConstraints, checkVariablePath } from './variable-paths.js';

/** Overrides of a tune config, as `assay tune --base-url` and `--output` give them. */
export interface TuneSetupOptions {
  /** every model's base URL */
  readonly baseUrl?: string;
  /** the search's output folder (default: the config's output.dir) */
  readonly outputDir?: string;
}

function withOverrides(
  raw: Record<string, unknown>,
  options: TuneSetupOptions,
): Record<string, unknown> {
  const out = { ...raw };
  if (options.baseUrl !== undefined && Array.isArray(out.models)) {
    out.models = out.models.map((m) =>
      m !== null && typeof m === 'object' ? { ...m, baseUrl: options.baseUrl } : m,
    );
  }
  if (options.outputDir !== undefined)
    out.output = { ...(out.output as object | undefined), dir: resolve(options.outputDir) };
  return out;
}

/** A tune config, read and checked: the run config part, the search, and the space's values. */
export interface TuneSetup {
  /** the run config part as written (without `search`) */
  readonly raw: Record<string, unknown>;
  /** the folder of the config file (relative paths start there) */
  readonly baseDir: string;
  /** the run config part, validated */
  readonly base: RunConfig;
  /** the validated search */
  readonly search: SearchConfig;
  /** the metric that ranks candidates (`search.metric`, else the first of `evaluation.metrics`) */
  readonly metric: string;
  /** path -> values, `file:` values replaced by the files' text */
  readonly space: Readonly<Record<string, readonly unknown[]>>;
}

/**
 * Reads a tune config: a run config with a `search` section. Checks the search (paths,
 * non-empty lists, the strategy's options) and the run config part before anything is sent.
 *
 * @param path - the YAML or JSON file
 * @param options - overrides of the base URL and the output folder
 * @returns the setup
 * @throws EvaluationError `FILE_NOT_FOUND`, `UNREADABLE_FILE` or `INVALID_CONFIG` (naming the path)
 * @example
 * writeFileSync(join(dir, 'tune.yaml'), YAML.stringify({ ...setup.raw, search: { space: setup.space, metric: 'f1_macro' } }));
 * (await loadTuneConfig(join(dir, 'tune.yaml'))).metric; // 'f1_macro'
 */
export async function loadTuneConfig(
  path: string,
  options: TuneSetupOptions = {},
): Promise<TuneSetup> {
  const doc = await readConfigDocument(path, 'tune configuration');
  return tuneSetup(doc, dirname(resolve(path)), options);
}

/**
 * Checks a tune config already read (see {@link loadTuneConfig}).
 *
 * @param doc - the parsed document
 * @param baseDir - where relative paths start
 * @param options - overrides of the base URL and the output folder
 * @returns the setup
 * @example
 * const text = YAML.stringify({ ...setup.raw, search: { space: setup.space, metric: 'f1_macro' } });
 * (await tuneSetup(YAML.parse(text), dir)).space; // { 'prompt.template': ['{{text}}', 'Spam or ham?\n\n{{text}}'] }
 */
export async function tuneSetup(
  doc: unknown,
  baseDir: string,
  options: TuneSetupOptions = {},
): Promise<TuneSetup> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new EvaluationError(
      'INVALID_CONFIG',
      'The tune configuration must be a mapping: a run config plus a `search` section.',
      { path: '' },
    );
  }
  const { search: rawSearch, ...written } = doc as Record<string, unknown>;
  const raw = withOverrides(written, options);
  if (rawSearch === undefined) {
    throw new EvaluationError(
      'INVALID_CONFIG',
      'The tune configuration has no `search` section; add search.space (config paths and the values to try), e.g. { "prompt.maxFieldChars": [300, 6000] }.',
      { path: 'search' },
    );
  }
  const parsed = SearchSchema.safeParse(rawSearch);
  if (!parsed.success) {
    const issues = formatConfigIssues(parsed.error.issues, {
      input: rawSearch,
      schema: SearchSchema,
    }).map((i) => ({ ...i, path: `search.${i.path}`.replace(/\.$/, '') }));
    throw new EvaluationError(
      'INVALID_CONFIG',
      `The search section is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n  ${issues.map(issueLine).join('\n  ')}`,
      { issues, path: issues[0]?.path ?? 'search' },
    );
  }
  const search = parsed.data;
  refuseIgnoredN(search);
  const base = parseRunConfig(raw, { baseDir });
  if (base.models.length !== 1) {
    throw new EvaluationError(
      'INVALID_CONFIG',
      `models: assay tune searches the settings of one model, and the config has ${base.models.length}; to choose between models, keep one and vary models[0].model (or baseUrl) in search.space.`,
      { path: 'models' },
    );
  }
  const metric = rankingMetric(raw, search, baseDir);
  if (search.threshold) checkThresholdTuning(base, metric);
  checkConstraints(raw, search.constraints, baseDir);
  const space: Record<string, unknown[]> = {};
  for (const [path, values] of Object.entries(search.space)) {
    checkVariablePath(path);
    space[path] = await Promise.all(
      values.map((v, i) => resolveValue(v, baseDir, `search.space.${path}[${i}]`)),
    );
  }
  return { raw, baseDir, base, search, metric, space };
}

/** `file:<path>` values become the file's text; others stay as written. */
async function resolveValue(value: unknown, baseDir: string, at: string): Promise<unknown> {
  if (typeof value !== 'string' || !value.startsWith('file:')) return value;
  const file = resolve(baseDir, value.slice('file:'.length));
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new EvaluationError(
      'FILE_NOT_FOUND',
      `${at}: cannot read '${file}': ${(error as Error).message}.`,
      { path: at, cause: error },
    );
  }
}

/** `search.metric`, checked as the run config checks `evaluation.metrics`. */
function rankingMetric(
  raw: Record<string, unknown>,
  search: SearchConfig,
  baseDir: string,
): string {
  const evaluation = (raw.evaluation ?? {}) as Record<string, unknown>;
  const listed = Array.isArray(evaluation.metrics) ? evaluation.metrics : [];
  const metric = search.metric ?? (typeof listed[0] === 'string' ? listed[0] : undefined);
  if (metric === undefined) {
    throw new EvaluationError(
      'INVALID_CONFIG',
      "search.metric: name the metric that ranks the candidates (e.g. 'f1_macro', 'accuracy', 'token_f1'), or list it first in evaluation.metrics.",
      { path: 'search.metric' },
    );
  }
  try {
    parseRunConfig({ ...raw, evaluation: { ...evaluation, metrics: [metric] } }, { baseDir });
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    throw new EvaluationError(
      'INVALID_CONFIG',
      // the metric was checked as evaluation.metrics[0], a path the user never wrote
      `search.metric: '${metric}' cannot rank this task's candidates: ${error.message
        // the headline names the file when one was given: `The run configuration x.yaml is …`
        .replace(/^The run configuration (?:[^\n]* )?is invalid \(1 problem\):\s*/, '')
        .replace(/^evaluation\.metrics\[0\]: /, '')}`,
      { path: 'search.metric', cause: error },
    );
  }
  return metric;
}

/** Threshold tuning needs a binary task with a positive label, scores, and a decision metric. */
function checkThresholdTuning(base: RunConfig, metric: string): void {
  const task = base.task;
  const problem =
    task.type !== 'classification' || task.labels.length !== 2 || task.positiveLabel === undefined
      ? 'a binary classification task with task.positiveLabel'
      : base.models[0]!.params?.logprobs !== true
        ? 'scores: set models[0].params.logprobs: true'
        : !(THRESHOLD_METRICS as readonly string[]).includes(metric)
          ? `a decision metric as search.metric (${THRESHOLD_METRICS.join(', ')}), not '${metric}'`
          : null;
  if (problem !== null) {
    throw new EvaluationError(
      'INVALID_CONFIG',
      `search.threshold: tuning the decision threshold needs ${problem}.`,
      { path: 'search.threshold' },
    );
  }
}
