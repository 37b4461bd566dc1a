import { EvaluationError } from '../errors.js';

/** One step of a config path: a key, or an index into an array. */
export type PathStep = string | number;

const STEP = /^([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)$/;

/**
 * Parses a config path such as `models[0].params.temperature` into its steps.
 *
 * @param path - dotted keys with `[n]` indexes
 * @returns the steps, e.g. `['models', 0, 'params', 'temperature']`
 * @throws EvaluationError `INVALID_CONFIG` naming `search.space` and the path
 * @example
 * parseConfigPath('models[0].params.temperature'); // ['models', 0, 'params', 'temperature']
 */
export function parseConfigPath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  for (const part of path.split('.')) {
    const m = STEP.exec(part);
    if (m === null) {
      throw new EvaluationError(
        'INVALID_CONFIG',
        `search.space: '${path}' is not a config path; write keys joined by dots with [n] for list entries, e.g. 'models[0].params.temperature'.`,
        { path: `search.space.${path}` },
      );
    }
    steps.push(m[1]!);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) steps.push(Number(idx[1]));
  }
  return steps;
}

/**
 * Sets a value at a path in a plain config object (a copy; the input is not changed).
 * Missing objects on the way are created; a list index must exist.
 *
 * @param config - the raw config (as read from YAML)
 * @param path - the path as written (for messages)
 * @param value - the value to set
 * @returns the changed copy
 * @throws EvaluationError `INVALID_CONFIG` when the path crosses a value that is not an object
 *   or names a list entry that does not exist
 * @example
 * setConfigPath({ prompt: {} }, 'prompt.maxFieldChars', 300); // { prompt: { maxFieldChars: 300 } }
 */
export function setConfigPath(
  config: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const steps = parseConfigPath(path);
  const root = structuredClone(config);
  let node: unknown = root;
  steps.forEach((step, i) => {
    const last = i === steps.length - 1;
    const here = steps.slice(0, i).reduce<string>(joinStep, '');
    if (typeof step === 'number') {
      if (!Array.isArray(node) || step >= node.length) {
        const size = Array.isArray(node)
          ? `${node.length} entr${node.length === 1 ? 'y' : 'ies'}`
          : 'no list';
        throw new EvaluationError(
          'INVALID_CONFIG',
          `search.space: '${path}' names ${here}[${step}], but the config has ${size} there.`,
          { path: `search.space.${path}` },
        );
      }
    } else if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      throw new EvaluationError(
        'INVALID_CONFIG',
        `search.space: '${path}' goes through ${here || 'the config'}, which is not an object.`,
        { path: `search.space.${path}` },
      );
    }
    const holder = node as Record<string | number, unknown>;
    if (last) holder[step] = value;
    else {
      if (holder[step] === undefined) holder[step] = {};
      node = holder[step];
    }
  });
  return root;
}

function joinStep(acc: string, step: PathStep): string {
  return typeof step === 'number' ? `${acc}[${step}]` : acc === '' ? step : `${acc}.${step}`;
}
