import type { z } from 'zod';
import type { EvaluationIssue } from '../errors.js';

/**
 * Renders a zod issue path the way users write config paths:
 * `['models', 1, 'rateLimit', 'rpm']` → `models[1].rateLimit.rpm`.
 *
 * @param path - zod issue path
 * @returns the dotted path, `(root)` for an empty one
 * @example
 * formatConfigPath(['models', 1, 'name']); // 'models[1].name'
 */
export function formatConfigPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number' && issue.minimum === 0 && !issue.inclusive) {
        return 'expected a positive number';
      }
      if (issue.origin === 'array') return `expected at least ${issue.minimum} entries`;
      if (issue.origin === 'string') return 'expected a non-empty string';
      return `expected a number ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
    case 'too_big':
      return `expected a value ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      return issue.message.startsWith('Invalid input: expected')
        ? issue.message.replace('Invalid input: ', '')
        : issue.message;
    case 'invalid_union':
      return issue.message;
    default:
      return issue.message;
  }
}

/**
 * Turns every zod issue into a `{ code, path, message }` issue (one per unknown key).
 *
 * @param issues - the issues of a failed `safeParse`
 * @returns one issue per problem, e.g. `{ code: 'too_small', path: 'models[1].rateLimit.rpm', message: 'expected a positive number' }`
 * @example
 * formatConfigIssues(result.error.issues);
 */
export function formatConfigIssues(issues: readonly z.core.$ZodIssue[]): EvaluationIssue[] {
  const out: EvaluationIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          code: issue.code,
          path: formatConfigPath([...issue.path, key]),
          message: 'unknown key (check the spelling)',
        });
      }
      continue;
    }
    const message =
      issue.code === 'invalid_union' && issue.errors.length > 0
        ? issue.message
        : describeIssue(issue);
    out.push({ code: issue.code, path: formatConfigPath(issue.path), message });
  }
  return out;
}

/**
 * One issue as the line users read: `path: message`.
 *
 * @param issue - the issue
 * @returns the line
 * @example
 * issueLine({ code: 'too_small', path: 'evaluation.k', message: 'expected at least 2' }); // 'evaluation.k: expected at least 2'
 */
export function issueLine(issue: EvaluationIssue): string {
  return `${issue.path}: ${issue.message}`;
}
