import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import YAML from 'yaml';
import { EvaluationError } from '../errors.js';
import {
  MULTIPLE_CHOICE_NUMBER_TEMPLATE,
  MULTIPLE_CHOICE_TEMPLATE,
} from '../multiple-choice/choice-slots.js';
import { defaultMethod } from './evaluation-method.js';
import { formatConfigIssues, issueLine } from './format-issues.js';
import { misspeltTaskTypeIssues } from './misspelt-task-type.js';
import { ModelConfigSchema, type RunConfig, RunConfigSchema } from './run-config-schema.js';
import { markWrittenSplitSettings } from './unused-split-settings.js';
import { yamlErrorMessage } from './yaml-error.js';

/** Options of {@link loadRunConfig} and {@link parseRunConfig}. */
export interface LoadRunConfigOptions {
  /**
   * replaces every model's `baseUrl`, and an inline judge client's (e.g. a server started
   * in-process by `assay demo`)
   */
  baseUrl?: string;
  /**
   * replaces every model's `endpoint`, the name the journal records instead of the base URL
   * (e.g. `builtin:model-server` for a server whose port changes every run)
   */
  endpoint?: string;
  /** replaces `output.dir` */
  outputDir?: string;
  /** directory `dataset.path` resolves against (default: the config file's, else the working directory) */
  baseDir?: string;
  /**
   * the configuration file as the user named it, for the headline of an invalid configuration
   * (the key paths of its problems do not say which file they are in)
   */
  configFile?: string;
}

/** A run name as a directory name: characters other than letters, digits, `.`, `_`, `-` become `-`. */
function directoryName(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '') || 'run';
}

/** The prompt, with simple-evals' template for a multiple-choice task that gives none. */
function withDefaultTemplate(parsed: Pick<RunConfig, 'prompt' | 'task'>): RunConfig['prompt'] {
  const p = parsed.prompt;
  if (parsed.task.type !== 'multiple-choice' || p.template !== undefined || p.messages) return p;
  const number = parsed.task.extract === 'number';
  return { ...p, template: number ? MULTIPLE_CHOICE_NUMBER_TEMPLATE : MULTIPLE_CHOICE_TEMPLATE };
}

/**
 * Validates an already parsed configuration object.
 *
 * @param raw - the parsed YAML/JSON value
 * @param options - overrides and the base directory for relative paths
 * @returns the validated config; `dataset.path` resolved against `baseDir`, `output.dir` and
 *   `cache` against the working directory; without `evaluation.method`, `all` for zero-shot
 *   prompts and `stratified` with few-shot examples
 * @throws EvaluationError `INVALID_CONFIG` listing every problem with its path in `issues`
 * @example
 * const text = 'name: demo\ndataset: { builtin: spam-assassin }\ntask: { type: classification, labels: [spam, ham] }\nprompt: { template: "{{text}}" }\nmodels: [{ name: nb, provider: openai-chat, baseUrl: "http://127.0.0.1:8377/v1", model: assay-spam-nb }]';
 * parseRunConfig(YAML.parse(text), { baseDir: process.cwd() }).evaluation.method; // 'all'
 */
export function parseRunConfig(raw: unknown, options: LoadRunConfigOptions = {}): RunConfig {
  const result = RunConfigSchema.safeParse(raw);
  // an override base URL is checked as the config's are (no credential in it)
  const override =
    options.baseUrl === undefined
      ? []
      : formatConfigIssues(
          ModelConfigSchema.shape.baseUrl.safeParse(options.baseUrl).error?.issues ?? [],
        ).map((issue) => ({ ...issue, path: 'baseUrl (--base-url)' }));
  if (!result.success || override.length > 0) {
    const issues = [
      ...(result.success
        ? []
        : formatConfigIssues(result.error.issues, { input: raw, schema: RunConfigSchema })),
      ...override,
    ];
    // a misspelt task type's other problems go right after it
    if (!result.success) {
      const at = issues.findIndex((i) => i.path === 'task.type');
      issues.splice(at < 0 ? issues.length : at + 1, 0, ...misspeltTaskTypeIssues(raw));
    }
    throw new EvaluationError(
      'INVALID_CONFIG',
      `The run configuration${options.configFile === undefined ? '' : ` ${options.configFile}`} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n  ${issues.map(issueLine).join('\n  ')}`,
      { issues, path: issues[0]?.path ?? '' },
    );
  }
  const parsed = result.data;
  // the default directory is named after the run, so two configs never overwrite each other
  const dir =
    options.outputDir ?? parsed.output.dir ?? join('assay-out', directoryName(parsed.name));
  const method = parsed.evaluation.method ?? defaultMethod(parsed.prompt.fewShot.count);
  const config: RunConfig = {
    ...parsed,
    prompt: withDefaultTemplate(parsed),
    evaluation: markWrittenSplitSettings({ ...parsed.evaluation, method }, raw),
    output: { ...parsed.output, dir: resolve(dir) },
  };
  const base = options.baseDir ?? process.cwd();
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(base, p));
  // an inline judge is served with the models (assay demo runs both in-process)
  const judge = typeof config.judge?.client === 'object' ? [config.judge.client] : [];
  if (options.baseUrl !== undefined) {
    for (const m of [...config.models, ...judge]) m.baseUrl = options.baseUrl;
  }
  if (options.endpoint !== undefined) {
    for (const m of [...config.models, ...judge]) m.endpoint = options.endpoint;
  }
  if (config.dataset.path !== undefined) config.dataset.path = abs(config.dataset.path);
  // Data lives next to the config; outputs land where the user runs the command.
  config.cache =
    config.cache !== undefined ? resolve(config.cache) : resolve(config.output.dir, 'cache.sqlite');
  return config;
}

/**
 * Reads and validates an `assay run` configuration file (`.yaml`, `.yml` or `.json`).
 *
 * @param path - the configuration file
 * @param options - overrides (model base URL, output directory)
 * @returns the validated configuration with relative paths resolved against the file's directory
 * @throws EvaluationError `FILE_NOT_FOUND` / `UNREADABLE_FILE` when the file cannot be read or
 *   parsed, `INVALID_CONFIG` with every problem (path and message) in `issues`
 * @example
 * const loaded = await loadRunConfig(join(dir, 'run.yaml'));
 * loaded.dataset.path === join(dir, 'mail.jsonl'); // true
 */
export async function loadRunConfig(
  path: string,
  options: LoadRunConfigOptions = {},
): Promise<RunConfig> {
  const raw = await readConfigDocument(path, 'run configuration');
  return parseRunConfig(raw, { baseDir: dirname(resolve(path)), configFile: path, ...options });
}

/**
 * Reads a YAML (or `.json`) configuration file into a plain document.
 *
 * @param path - the file
 * @param what - what the file is, for messages (e.g. `run configuration`)
 * @returns the parsed document
 * @throws EvaluationError `FILE_NOT_FOUND`, `UNREADABLE_FILE` (not valid YAML or JSON)
 * @example
 * const doc = await readConfigDocument(join(dir, 'run.yaml'), 'run configuration');
 * doc.name; // 'mail'
 */
export async function readConfigDocument(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'UNREADABLE_FILE';
    throw new EvaluationError(
      code,
      `Cannot read the ${what} '${path}': ${(error as Error).message}.`,
      {
        path,
        cause: error,
      },
    );
  }
  let raw: unknown;
  const json = extname(path).toLowerCase() === '.json';
  try {
    raw = json ? JSON.parse(text) : YAML.parse(text);
  } catch (error) {
    throw new EvaluationError(
      'UNREADABLE_FILE',
      json
        ? `The ${what} '${path}' is not valid JSON: ${(error as Error).message}`
        : `The ${what} '${path}' is not valid YAML: ${yamlErrorMessage(text, (error as Error).message)}`,
      { path, cause: error },
    );
  }
  return raw;
}
