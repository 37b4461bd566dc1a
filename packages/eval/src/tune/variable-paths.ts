import { issueLine } from '../config/format-issues.js';
import { parseRunConfig } from '../config/load-config.js';
import { EvaluationError } from '../errors.js';
import { parseConfigPath } from './config-paths.js';

/**
 * What `search.space` may vary, in words: the prompt and the model's settings. The rest of
 * the config is the search's own: every candidate is scored on the same items (`dataset`), by
 * the same task and metric (`task`, `evaluation`, `judge`), into the search's folders
 * (`output`, `cache`), against `search.constraints` (`thresholds`).
 */
export const VARIABLE_PATHS =
  'prompt (e.g. prompt.template, prompt.system, prompt.maxFieldChars, prompt.fewShot.count) and models[0] (e.g. models[0].params.temperature, models[0].params.maxTokens, models[0].model), except models[0].name';

/**
 * Refuses a `search.space` path that cannot be varied ({@link VARIABLE_PATHS}), before
 * anything is sent: one outside `prompt` and `models[0]` would make candidates that are not
 * compared on the same items or metric (`task.labels`, `dataset.limit`), or would mean nothing
 * (`output.dir`: the search writes every candidate into its own folder).
 *
 * @param path - the space key as written
 * @throws EvaluationError `INVALID_CONFIG` at `search.space.<path>`, listing what can be varied
 * @example
 * checkVariablePath('models[0].params.temperature'); // undefined: it may be varied
 * try {
 *   checkVariablePath('task.labels');
 * } catch (error) {
 *   error.message; // "search.space: 'task.labels' cannot be varied: …"
 * }
 */
export function checkVariablePath(path: string): void {
  const [root, ...rest] = parseConfigPath(path);
  const inPrompt = root === 'prompt';
  const inModel = root === 'models' && rest[0] === 0 && !(rest.length === 2 && rest[1] === 'name');
  if (inPrompt || (inModel && rest.length > 1)) return;
  const why =
    root === 'dataset' || root === 'task' || root === 'evaluation' || root === 'judge'
      ? `every candidate must be scored on the same items by the same task and metric, and varying ${root} would change them`
      : root === 'output' || root === 'cache'
        ? `the search writes every candidate into its own folder under output.dir and shares one response cache, so varying ${root} would mean nothing`
        : root === 'thresholds'
          ? 'the checks a candidate must pass are search.constraints'
          : root === 'models'
            ? 'the search tunes one model, models[0], and its name names its journal entries'
            : 'it is no setting of the prompt or the model';
  throw new EvaluationError(
    'INVALID_CONFIG',
    `search.space: '${path}' cannot be varied: ${why}. Vary paths under ${VARIABLE_PATHS}.`,
    { path: `search.space.${path}` },
  );
}

/**
 * Checks `search.constraints` as the thresholds they become on every candidate's run, naming
 * the constraint (`search.constraints[0]`) rather than a candidate, before anything is sent.
 *
 * @param raw - the run config part as written
 * @param constraints - `search.constraints`
 * @param baseDir - where relative paths start
 * @throws EvaluationError `INVALID_CONFIG` at `search.constraints[i]`
 * @example
 * checkConstraints(setup.raw, ['p95_latency_ms <= 800'], dir); // undefined: a constraint the run can check
 */
export function checkConstraints(
  raw: Record<string, unknown>,
  constraints: readonly string[],
  baseDir: string,
): void {
  if (constraints.length === 0) return;
  try {
    parseRunConfig({ ...raw, thresholds: [...constraints] }, { baseDir });
  } catch (error) {
    if (!(error instanceof EvaluationError) || error.code !== 'INVALID_CONFIG') throw error;
    const issues = (error.issues ?? [])
      .filter((i) => i.path.startsWith('thresholds['))
      .map((i) => ({ ...i, path: i.path.replace(/^thresholds/, 'search.constraints') }));
    // a problem elsewhere in the config is the run config's own, reported with it
    if (issues.length === 0) return;
    throw new EvaluationError(
      'INVALID_CONFIG',
      `search.constraints: ${issues.length === 1 ? 'a constraint is' : `${issues.length} constraints are`} invalid (a constraint is a threshold expression, checked on every candidate's run):\n  ${issues.map(issueLine).join('\n  ')}`,
      { path: issues[0]!.path, issues, cause: error },
    );
  }
}
