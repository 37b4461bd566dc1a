import type { z } from 'zod';

/** Options that only a `--config` file sets (objects, or the http-json provider's settings). */
export const CONFIG_ONLY_KEYS: ReadonlySet<string> = new Set([
  'template',
  'paths',
  'requestPath',
  'apiKeyHeader',
  'apiKeyPrefix',
]);

/** Options whose flag is not their name in kebab-case. */
const FLAG_NAMES: Readonly<Record<string, string>> = {
  durationMs: '--duration',
  warmupMs: '--warmup',
  timeoutMs: '--timeout',
};

/**
 * What the user wrote for an option: its flag (`baseUrl` → `--base-url`, `durationMs` →
 * `--duration`), or for a key that only a `--config` file sets its dotted path
 * (`paths.text`).
 *
 * @param path - the option's path in the options (a zod issue's path)
 * @returns the flag or the config key; `'options'` for the whole object
 * @example
 * ```ts
 * optionPath(['apiKeyEnv']); // '--api-key-env'
 * optionPath(['paths', 'text']); // 'paths.text'
 * ```
 */
export function optionPath(path: readonly PropertyKey[]): string {
  const [key, ...rest] = path.map(String);
  if (key === undefined) return 'options';
  if (CONFIG_ONLY_KEYS.has(key)) return [key, ...rest].join('.');
  return FLAG_NAMES[key] ?? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * The option as a message names it: the flag, or `paths.text in the --config file`.
 *
 * @param path - the option's path in the options
 * @returns the name for a message
 */
function optionName(path: readonly PropertyKey[]): string {
  const name = optionPath(path);
  return CONFIG_ONLY_KEYS.has(String(path[0])) ? `${name} in the --config file` : name;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | null)?.[key];
  return value;
}

/**
 * A one-line message for a zod issue of the load-test options (or of the client configuration
 * built from them), naming the flag rather than the internal field.
 *
 * @remarks
 * An enum names the value and the valid ones (`--provider is 'foo'; expected openai-chat,
 * openai-completions, anthropic or http-json.`). A refinement's message is a predicate about
 * the value (`has no scheme; did you mean 'http://localhost:8000'?`) and follows the flag
 * without quoting the value, which may carry a credential; the client's field `apiKeyEnv`
 * in its advice becomes `--api-key-env`.
 *
 * @param issue - the first issue
 * @param input - the object that was parsed (to quote an enum's value)
 * @returns the message
 * @example
 * ```ts
 * const input = { baseUrl: 'http://127.0.0.1:8377/v1', model: 'm', provider: 'foo' };
 * const parsed = LoadTestOptionsSchema.safeParse(input);
 * issueMessage(parsed.error.issues[0], input); // "--provider is 'foo'; expected …"
 * ```
 */
export function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const name = optionName(issue.path);
  if (issue.code === 'invalid_value') {
    const valid = issue.values.map(String);
    const list =
      valid.length > 1 ? `${valid.slice(0, -1).join(', ')} or ${valid.at(-1)}` : valid.join('');
    return `${name} is '${String(valueAt(input, issue.path))}'; expected ${list}.`;
  }
  if (issue.code === 'custom') {
    // the client's advice names its field; the load test's flag is --api-key-env
    const text = issue.message.replace(/\bapiKeyEnv\b/g, '--api-key-env');
    return `${name} ${/[.?!]$/.test(text) ? text : `${text}.`}`;
  }
  const value = valueAt(input, issue.path);
  // zod's `expected int, received number` reads as a type error for 1.5
  if (issue.code === 'invalid_type' && issue.expected === 'int' && typeof value === 'number')
    return `${name} must be an integer, got ${value}.`;
  if (typeof value === 'string' && issue.message.startsWith('expected'))
    return `${name} is '${value}'; ${issue.message}.`;
  return `${name}: ${issue.message.replace(/\.$/, '')}.`;
}
