import { sameHeaderMessage } from '@assay/clients';
import { closestName, didYouMean } from '@assay/labels';
import type { z } from 'zod';
import type { EvaluationIssue } from '../errors.js';
import { describeNumberRange, numberRangeAt } from './number-range.js';
import { percentHint } from './percent-hint.js';
import { objectKeysAt, valueAt } from './schema-keys.js';

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

/** zod's own words for a bound, where the schema's range is not known. */
function boundWords(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big')
    return `expected a value ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
  if (issue.code !== 'too_small') return issue.message;
  if (issue.origin === 'number' && issue.minimum === 0 && !issue.inclusive) {
    return 'expected a positive number';
  }
  if (issue.origin === 'array') return `expected at least ${issue.minimum} entries`;
  if (issue.origin === 'string') return 'expected a non-empty string';
  return `expected a number ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
}

/**
 * The range of the number setting an issue is about, in words (`a number from 0 to 1`), when
 * the issue is a number out of range or of the wrong type and the schema is known: zod names
 * only the bound broken (`<= 1`) or only the type (`expected number`), not what is valid.
 */
function rangeWords(issue: z.core.$ZodIssue, context: ConfigIssueContext): string | undefined {
  const numeric =
    ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'number') ||
    (issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int'));
  if (!numeric || context.schema === undefined) return undefined;
  const range = numberRangeAt(context.schema, issue.path, context.input);
  return range === undefined ? undefined : describeNumberRange(range);
}

/** What was given instead of a number: the value itself where it is short enough to quote. */
function receivedWords(issue: z.core.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string' && value.length <= 40) return JSON.stringify(value);
  // zod's word for the type: 'string', 'undefined', 'array', ...
  return /received (\w+)/.exec(issue.message)?.[1] ?? typeof value;
}

function describeIssue(issue: z.core.$ZodIssue, context: ConfigIssueContext): string {
  const range = rangeWords(issue, context);
  if (range !== undefined) {
    return issue.code === 'invalid_type'
      ? `expected ${range}, received ${receivedWords(issue, context.input)}`
      : `expected ${range}`;
  }
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return boundWords(issue);
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      return issue.message.startsWith('Invalid input: expected')
        ? issue.message.replace('Invalid input: ', '')
        : issue.message;
    case 'invalid_union':
      return unionTypesMessage(issue) ?? issue.message;
    default:
      return issue.message;
  }
}

/** What {@link formatConfigIssues} may use to suggest the name a mistyped one meant. */
export interface ConfigIssueContext {
  /** the raw configuration that failed, to read the unknown value at an issue's path */
  readonly input?: unknown;
  /** the schema it failed, to list the keys valid where an unknown key was found */
  readonly schema?: z.core.$ZodType;
}

/**
 * Turns every zod issue into a `{ code, path, message }` issue (one per unknown key), with
 * a "did you mean" where a valid name is close to an unknown key or value.
 *
 * @param issues - the issues of a failed `safeParse`
 * @param context - the input and schema of that parse; without them, no suggestions
 * @returns one issue per problem, e.g. `{ code: 'too_small', path: 'models[1].rateLimit.rpm', message: 'expected a positive number' }`
 *   or `{ code: 'invalid_value', path: 'models[0].provider', message: "unknown provider 'openai'; did you mean 'openai-chat'? Expected one of ..." }`
 * @example
 * const raw = { name: 'x', modles: [] };
 * const parsed = RunConfigSchema.safeParse(raw);
 * formatConfigIssues(parsed.error.issues, { input: raw, schema: RunConfigSchema }).find((i) => i.message.includes('did you mean')); // { code: 'unrecognized_keys', path: 'modles', message: "unknown key 'modles'; did you mean 'models'?" }
 */
export function formatConfigIssues(
  issues: readonly z.core.$ZodIssue[],
  context: ConfigIssueContext = {},
): EvaluationIssue[] {
  const out: EvaluationIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known =
        context.schema === undefined ? [] : objectKeysAt(context.schema, issue.path, context.input);
      for (const key of issue.keys) {
        out.push({
          code: issue.code,
          path: formatConfigPath([...issue.path, key]),
          message: unknownKeyMessage(key, known),
        });
      }
      continue;
    }
    const branch = unionBranchIssues(issue);
    if (branch !== undefined) {
      out.push(...formatConfigIssues(branch, context));
      continue;
    }
    out.push({
      code: issue.code,
      path: formatConfigPath(issue.path),
      message:
        sameHeaderIssueMessage(issue) ??
        unknownValueMessage(issue, context.input) ??
        withHint(describeIssue(issue, context), percentHint(issue, context.input)),
    });
  }
  return out;
}

/** The message, followed by the hint when there is one. */
const withHint = (message: string, hint: string | undefined): string =>
  hint === undefined ? message : `${message}; ${hint}`;

/**
 * The message of a header named twice in a client configuration (`@assay/clients` reports it
 * at the second name, with the first's path relative to the client): the first named in full,
 * e.g. `models[0].headers.x-gateway-token`.
 */
function sameHeaderIssueMessage(issue: z.core.$ZodIssue): string | undefined {
  const first = issue.code === 'custom' ? issue.params?.sameHeaderAs : undefined;
  if (!Array.isArray(first)) return undefined;
  return sameHeaderMessage(formatConfigPath([...issue.path.slice(0, -2), ...first]));
}

/** Whether an issue says the value itself (not one of its fields) has the wrong type. */
const wrongTypeHere = (i: z.core.$ZodIssue): boolean =>
  i.code === 'invalid_type' && i.path.length === 0;

/** Whether an issue says the value is not the literal an option is. */
const literalMiss = (i: z.core.$ZodIssue): boolean =>
  i.code === 'invalid_value' && i.path.length === 0;

/** How many unknown keys an option found on the value itself (a sign it is the wrong option). */
const rootUnknownKeys = (errors: readonly z.core.$ZodIssue[]): number =>
  errors.reduce(
    (n, i) => n + (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys.length : 0),
    0,
  );

/**
 * The issues of the one union option the value was meant for, their paths made whole: zod
 * reports a bare "Invalid input" for the union, which hides what is wrong inside the object.
 * That option is the one whose type the value has (a string or an object, as `judge.client`
 * takes either), and among several objects the one that knows the most of its keys (an
 * extraction step `{ regex, flags }` is a regex step with bad flags, not an `answerLine` step
 * with three unknown keys). `undefined` when no single option stands out.
 */
function unionBranchIssues(issue: z.core.$ZodIssue): z.core.$ZodIssue[] | undefined {
  if (issue.code !== 'invalid_union' || !('errors' in issue)) return undefined;
  // a literal option ('trim') has nothing inside to show: an unknown literal is told by
  // unknownValueMessage, and an object is no literal
  let fitting = (issue.errors as z.core.$ZodIssue[][]).filter(
    (e) => !e.some(wrongTypeHere) && !e.every(literalMiss),
  );
  if (fitting.length > 1) {
    const fewest = Math.min(...fitting.map(rootUnknownKeys));
    fitting = fitting.filter((e) => rootUnknownKeys(e) === fewest);
  }
  if (fitting.length !== 1) return undefined;
  return fitting[0]!.map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
}

/**
 * The literal values a union accepts (`'take-first'`, `'trim'`, ...), from its options' issues,
 * and whether it also accepts an object; `undefined` when it has no literal option.
 */
function unionLiterals(
  issue: z.core.$ZodIssue,
): { values: unknown[]; orObject: boolean } | undefined {
  if (issue.code !== 'invalid_union' || !('errors' in issue)) return undefined;
  const errors = issue.errors as z.core.$ZodIssue[][];
  const values = errors.flatMap((e) =>
    e.flatMap((i) => (literalMiss(i) && i.code === 'invalid_value' ? i.values : [])),
  );
  if (values.length === 0) return undefined;
  const orObject = errors.some((e) =>
    e.some((i) => wrongTypeHere(i) && i.code === 'invalid_type' && i.expected === 'object'),
  );
  return { values, orObject };
}

/** "expected string or object" for a value that fits no option of a union by type. */
function unionTypesMessage(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== 'invalid_union' || !('errors' in issue)) return undefined;
  const expected = (issue.errors as z.core.$ZodIssue[][]).flatMap((e) =>
    e.filter(wrongTypeHere).map((i) => (i.code === 'invalid_type' ? i.expected : '')),
  );
  return expected.length > 0 ? `expected ${[...new Set(expected)].join(' or ')}` : undefined;
}

function quoted(names: readonly unknown[]): string {
  return names.map((v) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v))).join(', ');
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  if (known.length === 0) return `unknown key '${key}' (check the spelling)`;
  const suggestion = closestName(key, known);
  // the suggestion alone: a model accepts some 30 keys, too many to list beside it
  return suggestion !== undefined
    ? `unknown key '${key}'; did you mean '${suggestion}'?`
    : `unknown key '${key}'; expected one of ${quoted(known)}`;
}

/**
 * "unknown provider 'openai'; did you mean 'openai-chat'? Expected one of ..." for a string
 * that is not one of an enum's values or a discriminated union's types; `undefined` for any
 * other issue.
 */
function unknownValueMessage(issue: z.core.$ZodIssue, input: unknown): string | undefined {
  const literals = unionLiterals(issue);
  const values =
    issue.code === 'invalid_value'
      ? issue.values
      : issue.code === 'invalid_union' && 'options' in issue
        ? (issue.options as unknown[])
        : literals?.values;
  const value = valueAt(input, issue.path);
  if (values === undefined || typeof value !== 'string') return undefined;
  const names = values.filter((v): v is string => typeof v === 'string');
  const last = issue.path.at(-1);
  const what = typeof last === 'string' ? last : 'value';
  const orObject = literals?.orObject === true ? ', or an object' : '';
  return `unknown ${what} '${value}'; ${didYouMean(value, names, `expected one of ${quoted(values)}${orObject}`)}`;
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
