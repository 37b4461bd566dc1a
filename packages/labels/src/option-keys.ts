/**
 * The accepted option names of one function, as a record so that the compiler checks it
 * lists exactly the keys of the options interface (a missing or extra name fails to build).
 *
 * @example
 * ```ts
 * const KEYS: OptionKeys<{ normalize?: boolean }> = { normalize: true };
 * ```
 */
export type OptionKeys<T> = { readonly [K in keyof Required<T>]: true };

/** What is wrong with an options argument: the path at fault and a full-sentence message. */
export interface OptionKeysProblem {
  /** `options` for a non-object, `options.<key>` for an unknown key */
  readonly path: string;
  readonly message: string;
}

/** A non-object options argument, as an error message names it. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  // its source would fill the message
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return `a ${value.constructor?.name ?? 'non-plain'} object`;
  return `${typeof value} ${String(value)}`;
}

/**
 * The accepted name a misspelt key most likely meant: its camelCase form
 * (`sample_weight` → `sampleWeight`) or a case-insensitive match.
 */
function suggestion(key: string, accepted: readonly string[]): string | undefined {
  const camel = key.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
  if (accepted.includes(camel)) return camel;
  const lower = camel.toLowerCase();
  return accepted.find((name) => name.toLowerCase() === lower);
}

/**
 * Checks an options argument at a public entry point of `@assay/core-metrics` or
 * `@assay/splitters`: undefined or a plain object whose every key is one the function accepts.
 * Each package throws the problem as its own error (`INVALID_OPTION`).
 *
 * @remarks An unknown key is refused rather than ignored, because a snake_case name from
 * scikit-learn (`sample_weight`, `n_splits`) would otherwise be dropped without a word and
 * change the result (`f1Score(..., { sample_weight })` gave the unweighted 0.67 for 0.0).
 * @param options - the options argument as given
 * @param owner - the function, method or class name for messages, e.g. `'f1Score'`
 * @param keys - the accepted names
 * @returns the problem, or undefined when the argument is fine
 * @example
 * ```ts
 * optionKeysProblem({ sample_weight: [1] }, 'f1Score', { sampleWeight: true })?.message; // 'options.sample_weight is not an option of f1Score; did you mean sampleWeight? Its options are sampleWeight.'
 * optionKeysProblem({ sampleWeight: [1] }, 'f1Score', { sampleWeight: true }); // undefined
 * ```
 */
export function optionKeysProblem(
  options: unknown,
  owner: string,
  keys: Readonly<Record<string, true>>,
): OptionKeysProblem | undefined {
  if (options === undefined) return undefined;
  // the runner calls checked functions once per bootstrap replicate: the list of accepted
  // names is built only for a message
  const accepted = (): string[] => Object.keys(keys).sort();
  const proto: unknown =
    options !== null && typeof options === 'object' ? Object.getPrototypeOf(options) : undefined;
  if (proto !== Object.prototype && proto !== null) {
    return {
      path: 'options',
      message: `The options argument of ${owner} is ${describe(options)}; it must be a plain object of named options (${accepted().join(', ')}) or left out.`,
    };
  }
  for (const key of Object.keys(options as object)) {
    if (Object.hasOwn(keys, key)) continue;
    const names = accepted();
    const near = suggestion(key, names);
    return {
      path: `options.${key}`,
      message: `options.${key} is not an option of ${owner}${near === undefined ? '.' : `; did you mean ${near}?`} Its options are ${names.join(', ')}.`,
    };
  }
  return undefined;
}
