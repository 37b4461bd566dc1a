import { checkOptions } from './argument-checks.js';
import { levenshteinUnchecked } from './edit-distance/levenshtein.js';
import { TextMetricsError } from './errors.js';

/** A name compared without case, `_`, `-` or spaces: `ignore_case` reads as `ignorecase`. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * The known option an unknown key most likely meant: the same name in another case or with
 * `_`/`-` (`ignore_case` → `ignoreCase`), else the closest within one edit per three
 * characters (`lowercas` → `lowercase`, `versoin` → `version`).
 */
function closestOption(key: string, known: readonly string[]): string | undefined {
  const input = normalise(key);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of known) {
    const target = normalise(name);
    const distance = levenshteinUnchecked(input, target);
    const limit = Math.floor(Math.max(input.length, target.length) / 3);
    if (distance <= limit && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The options argument (`{}` for undefined), checked to be a plain object whose every key is
 * a known option: a misspelt key (`ignore_case`, `versoin`) would otherwise be ignored and the
 * default used without a word.
 *
 * @remarks One pass over the given keys per call; the did-you-mean search runs only for the
 *   message of a key that is refused.
 * @param options - the options argument as received
 * @param known - the option names the function takes, in the order the message lists them
 * @returns the options object
 * @throws {@link TextMetricsError} `INVALID_OPTION`: path `options` when it is not an object,
 *   `options.<key>` for an unknown key, naming the known options and the likely one
 * @example
 * ```ts
 * readKnownOptions(undefined, ['ignoreCase']); // {}
 * readKnownOptions({ ignoreCase: true }, ['ignoreCase']); // { ignoreCase: true }
 * try { readKnownOptions({ ignore_case: true }, ['ignoreCase', 'ignoreNumbers']); } catch (error) {
 *   error.message; // 'Option options.ignore_case is unknown; did you mean ignoreCase? The known options are ignoreCase, ignoreNumbers.'
 * }
 * ```
 */
export function readKnownOptions<T extends object>(
  options: T | undefined,
  known: readonly (keyof T & string)[],
): T {
  const checked = checkOptions(options, 'options');
  for (const key of Object.keys(checked)) {
    if ((known as readonly string[]).includes(key)) continue;
    const near = closestOption(key, known);
    const list = known.join(', ');
    throw new TextMetricsError(
      'INVALID_OPTION',
      near === undefined
        ? `Option options.${key} is unknown; the known options are ${list}.`
        : `Option options.${key} is unknown; did you mean ${near}? The known options are ${list}.`,
      `options.${key}`,
    );
  }
  return checked;
}
