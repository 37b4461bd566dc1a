import { editDistance } from '@assay/labels';
import { StatsError } from '../errors.js';
import { describeValue } from './check-arguments.js';

/**
 * The accepted option names of one function, as a record so that the compiler checks that it
 * lists exactly the keys of the options interface.
 *
 * @example
 * ```ts
 * const KEYS: OptionKeys<{ ci?: number }> = { ci: true };
 * ```
 */
export type OptionKeys<T> = { readonly [K in keyof Required<T>]: true };

/** The other spellings of a confidence level, and what to say when one is passed for another. */
const LEVEL_NAMES: Readonly<Record<string, string>> = {
  ci: 'the confidence level, e.g. 0.95',
  level: 'the confidence level, e.g. 0.95',
  alpha: 'the miss probability, 1 − the confidence level, e.g. 0.05',
};

/** The accepted name an unknown key most likely meant, with a note, or undefined. */
function suggestion(key: string, accepted: readonly string[]): string | undefined {
  if (Object.hasOwn(LEVEL_NAMES, key)) {
    const name = accepted.find((n) => Object.hasOwn(LEVEL_NAMES, n));
    if (name !== undefined) return `${name} (${LEVEL_NAMES[name]})`;
  }
  const camel = key.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
  const lower = camel.toLowerCase();
  const exact = accepted.find((n) => n.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor(key.length / 3));
  for (const name of accepted) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance <= bestDistance) {
      best = name;
      bestDistance = distance - 1;
    }
  }
  return best;
}

/**
 * Throws unless `options` is undefined or a plain object whose every key is one that `fn`
 * takes, so that a misspelt or misplaced option (`level` where the function says `ci`,
 * scipy's `n_resamples`) is refused instead of silently giving a default result.
 *
 * @remarks Called once per public call, before any computation; costs one pass over the
 *   given keys, and builds the list of accepted names only for a message.
 * @param fn - the public function or class, for the message
 * @param options - the options argument as received
 * @param keys - the accepted names
 * @throws StatsError `INVALID_OPTION`: path `options` for a non-object (an array, a number,
 *   null), `options.<key>` for an unknown key, naming the valid keys and, when one is close
 *   (or is the other spelling of the confidence level), the one it likely meant
 *
 * For `{ level: 0.9 }` where `kappaInterval` takes `ci`, the message reads "kappaInterval:
 * options.level is not an option of kappaInterval; did you mean ci (the confidence level,
 * e.g. 0.95)? Its options are ci, ...".
 * @example
 * ```ts
 * checkOptionKeys('kappaInterval', { ci: 0.9 }, { ci: true, rng: true }); // undefined
 * try { checkOptionKeys('bootstrapInterval', { n_resamples: 9 }, { samples: true, nResamples: true }); } catch (error) {
 *   error.message; // 'bootstrapInterval: options.n_resamples is not an option of bootstrapInterval; did you mean nResamples? …'
 * }
 * ```
 */
export function checkOptionKeys(
  fn: string,
  options: unknown,
  keys: Readonly<Record<string, true>>,
): void {
  if (options === undefined) return;
  const accepted = (): string[] => Object.keys(keys).sort();
  const proto: unknown =
    typeof options === 'object' && options !== null ? Object.getPrototypeOf(options) : undefined;
  if (proto !== Object.prototype && proto !== null) {
    throw new StatsError(
      'INVALID_OPTION',
      'options',
      `${fn}: options must be a plain object of named options (${accepted().join(', ')}) or left out, got ${describeValue(options)}.`,
    );
  }
  for (const key of Object.keys(options as object)) {
    if (Object.hasOwn(keys, key)) continue;
    const names = accepted();
    const near = suggestion(key, names);
    throw new StatsError(
      'INVALID_OPTION',
      `options.${key}`,
      `${fn}: options.${key} is not an option of ${fn}${near === undefined ? '' : `; did you mean ${near}?`}${near === undefined ? '.' : ''} Its options are ${names.join(', ')}.`,
    );
  }
}
