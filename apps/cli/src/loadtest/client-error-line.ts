/** The client's field names in its messages, and what `assay loadtest` calls them. */
const NAMES: readonly (readonly [RegExp, string])[] = [
  [/\bconfig\.baseUrl\b/g, '--base-url'],
  [/\bconfig\.apiKeyEnv\b/g, '--api-key-env'],
  [/\bconfig\.provider\b/g, '--provider'],
  [/\bconfig\.model\b/g, '--model'],
  [
    /\bconfig\.(template|paths|requestPath|apiKeyHeader|apiKeyPrefix)\b/g,
    '$1 in the --config file',
  ],
];

/**
 * A configuration error of `@assay/clients` as `assay loadtest` prints it: the client's
 * fields (`config.template`) renamed to the flags and config keys the user wrote.
 *
 * @remarks
 * `resolveLoadTest` checks the client configuration with messages of its own before any
 * request; this covers what only the client checks when it is created (unknown
 * `{{placeholders}}` in `template`).
 *
 * @param message - the client error's message
 * @returns the message with the names replaced
 * @example
 * ```ts
 * clientErrorLine('config.template uses unknown placeholders (foo); ...');
 * // 'template in the --config file uses unknown placeholders (foo); ...'
 * ```
 */
export function clientErrorLine(message: string): string {
  let line = message;
  for (const [pattern, name] of NAMES) line = line.replace(pattern, name);
  return line;
}
