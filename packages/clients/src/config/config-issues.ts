import { closestName } from '@assay/labels';
import type { z } from 'zod';
import { sameHeaderMessage } from './header-schemas.js';
import { objectKeysAt } from './schema-keys.js';

/**
 * Most valid keys listed quoted and in schema order beside an unknown one; a longer list (the
 * root's) is listed sorted and unquoted, so it stays short enough to read and to search.
 */
const MAX_LISTED = 10;

/** One problem of a configuration or request, with the path it names. */
export interface ConfigIssue {
  /** Path below the root, e.g. `'params.max_tokens'` (what `ClientError.path` carries). */
  readonly path: string;
  /** Full clause naming the path, e.g. `"config.params.max_tokens is not a known key; ..."`. */
  readonly message: string;
}

function joinPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * What to say about an unknown key: its full path, the valid key it most likely meant
 * (`max_tokens` → `maxTokens`) and the keys the object takes: always when no key is close,
 * else when they are few. Few keys are quoted in schema order; many (a client config's root)
 * are sorted and unquoted.
 *
 * @param where - the object's full path, e.g. `'config.params'` or `'request'`
 * @param key - the unknown key
 * @param known - the keys the object takes, in schema order
 * @returns the clause, e.g. `"config.retry.max_retries is not a known key; did you mean 'maxRetries'? (config.retry takes 'maxRetries', ...)"`
 * @example
 * ```ts
 * unknownKeyMessage('config.timeouts', 'total', ['connectMs', 'headersMs', 'totalMs', 'idleMs']);
 * // "config.timeouts.total is not a known key; did you mean 'totalMs'? (config.timeouts takes 'connectMs', 'headersMs', 'totalMs', 'idleMs')"
 * ```
 */
export function unknownKeyMessage(where: string, key: string, known: readonly string[]): string {
  const suggestion = closestName(key, known);
  const guess = suggestion === undefined ? '' : `; did you mean '${suggestion}'?`;
  const few = known.length <= MAX_LISTED;
  const list =
    known.length === 0 || (suggestion !== undefined && !few)
      ? ''
      : ` (${where} takes ${few ? known.map((k) => `'${k}'`).join(', ') : [...known].sort().join(', ')})`;
  return `${where}.${key} is not a known key${guess}${list}`;
}

/** The keys the unknown keys of an issue list stand for, as `parentPath.key`. */
function meantKeys(issues: readonly z.core.$ZodIssue[], schema: z.core.$ZodType): Set<string> {
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = objectKeysAt(schema, issue.path);
    for (const key of issue.keys) {
      const suggestion = closestName(key, known);
      if (suggestion !== undefined) meant.add(joinPath('', [...issue.path, suggestion]));
    }
  }
  return meant;
}

/** Whether an issue says a required value is missing. */
function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
}

/**
 * Turns the issues of a failed `safeParse` into clauses naming their full path: every
 * unknown key on its own, with a "did you mean" where a valid key is close (snake_case finds
 * camelCase: `base_url` → `baseUrl`) and the valid keys where they are few; a required key
 * reported missing because it was written under a near name (`base_url`) is left to that
 * unknown key's clause.
 *
 * @param issues - the issues
 * @param schema - the schema that was parsed, to find the valid keys
 * @param root - the name of the parsed value in messages, e.g. `'config'` or `'request.params'`
 * @returns one issue per problem, in zod's order
 * @example
 * ```ts
 * const parsed = ClientConfigSchema.safeParse({ provider: 'openai-chat',
 *   baseUrl: 'http://127.0.0.1:8000/v1', model: 'm', params: { max_tokens: 5 } });
 * parsed.success; // false
 * configIssues(parsed.error.issues, ClientConfigSchema, 'config');
 * // [{ path: 'params.max_tokens', message: "config.params.max_tokens is not a known key; did you mean 'maxTokens'?…" }]
 * ```
 */
export function configIssues(
  issues: readonly z.core.$ZodIssue[],
  schema: z.core.$ZodType,
  root: string,
): ConfigIssue[] {
  const meant = meantKeys(issues, schema);
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const where = joinPath(root, issue.path);
      const known = objectKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        out.push({
          path: joinPath('', [...issue.path, key]),
          message: unknownKeyMessage(where, key, known),
        });
      }
      continue;
    }
    const path = joinPath('', issue.path);
    if (isMissing(issue)) {
      if (meant.has(path)) continue;
      const type = /expected (\w+)/.exec(issue.message)?.[1] ?? 'a value';
      const expected = type === 'a value' ? type : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
      out.push({ path, message: `${joinPath(root, issue.path)} is missing; expected ${expected}` });
      continue;
    }
    const sameAs = issue.code === 'custom' ? issue.params?.sameHeaderAs : undefined;
    if (Array.isArray(sameAs)) {
      // a header named twice: both paths in full (the issue's own message names the first
      // relative to the object)
      const first = joinPath(root, [...issue.path.slice(0, -2), ...(sameAs as string[])]);
      out.push({ path, message: `${joinPath(root, issue.path)} ${sameHeaderMessage(first)}` });
      continue;
    }
    out.push({ path, message: `${joinPath(root, issue.path)}: ${issue.message}` });
  }
  return out;
}

/**
 * Joins issue clauses into the end of a sentence: `'; '` between them and a full stop at the
 * end, unless the last clause already ends with a question mark.
 *
 * @param issues - the clauses
 * @returns the joined text
 * @example
 * ```ts
 * joinIssues([{ path: 'a', message: 'config.a is missing; expected a string' }]); // 'config.a is missing; expected a string.'
 * ```
 */
export function joinIssues(issues: readonly ConfigIssue[]): string {
  const text = issues.map((issue) => issue.message).join('; ');
  return text.endsWith('?') ? text : `${text}.`;
}
