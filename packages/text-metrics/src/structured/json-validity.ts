import { checkBooleanOption, checkString } from '../argument-checks.js';
import { readKnownOptions } from '../option-keys.js';

/**
 * Options of {@link jsonValidity} and {@link jsonSchemaConformance}.
 *
 * @example
 * ```ts
 * const options: JsonTextOptions = { stripCodeFence: true };
 * ```
 */
export interface JsonTextOptions {
  /**
   * When the text (trimmed) is one Markdown code fence (three backticks, an optional language
   * tag such as `json`, the body, three backticks), read the body instead (default false).
   */
  readonly stripCodeFence?: boolean;
}

const CODE_FENCE = /^```[^\n`]*\n([\s\S]*?)\n?```$/;

/**
 * The JSON text to parse: the text itself, or the body of its one code fence.
 *
 * @param text - the model's output
 * @param stripCodeFence - whether to read a code fence's body
 * @returns the text to parse
 * @example
 * ```ts
 * jsonBody('```json\n{"a": 1}\n```', true); // '{"a": 1}'
 * ```
 */
export function jsonBody(text: string, stripCodeFence: boolean): string {
  if (!stripCodeFence) return text;
  const fenced = CODE_FENCE.exec(text.trim());
  return fenced === null ? text : fenced[1]!;
}

/**
 * Parses JSON text, or answers `undefined` when it is not valid JSON.
 *
 * @param text - JSON text
 * @returns `{ value }` or `undefined`
 * @example
 * ```ts
 * parseJson('[1, 2]'); // { value: [1, 2] }
 * parseJson('{a: 1}'); // undefined
 * ```
 */
export function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/**
 * JSON validity: 1 when the text is one valid JSON value (RFC 8259, as `JSON.parse` reads it),
 * else 0.
 *
 * @remarks
 * Any JSON value counts (`"yes"`, `3`, `null` as well as objects); whitespace around it is
 * allowed, anything else is not (no comments, trailing commas, single quotes, `NaN` or `Infinity`,
 * which Python's `json.loads` would accept). With `stripCodeFence`, an answer that is exactly one
 * Markdown code fence is judged by its body.
 *
 * @param text - the model's output
 * @param options - `stripCodeFence` (false)
 * @returns 1 or 0
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for a non-string, `INVALID_OPTION`
 * @example
 * ```ts
 * import { jsonValidity } from '@assay/text-metrics';
 * jsonValidity('{"answer": 42}'); // 1
 * jsonValidity("{'answer': 42}"); // 0
 * jsonValidity('```json\n{"answer": 42}\n```', { stripCodeFence: true }); // 1
 * ```
 */
export function jsonValidity(text: string, options?: JsonTextOptions): number {
  checkString(text, 'text');
  const checked = readKnownOptions(options, ['stripCodeFence']);
  const strip = checkBooleanOption(checked.stripCodeFence, false, 'options.stripCodeFence');
  return parseJson(jsonBody(text, strip)) === undefined ? 0 : 1;
}
