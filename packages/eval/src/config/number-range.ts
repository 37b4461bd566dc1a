import type { z } from 'zod';
import { schemasAt } from './schema-keys.js';

/** One end of a number setting's valid range. */
interface Bound {
  readonly value: number;
  readonly inclusive: boolean;
}

/** What a number setting accepts, read from its zod schema's checks. */
export interface NumberRange {
  /** the lower end, when there is one (`.min(0)`, `.positive()`, `.gt(0)`) */
  readonly min?: Bound;
  /** the upper end, when there is one (`.max(1)`, `.lt(1)`) */
  readonly max?: Bound;
  /** whether only whole numbers are valid (`.int()`) */
  readonly integer: boolean;
}

interface CheckDef {
  readonly check?: string;
  readonly value?: unknown;
  readonly inclusive?: boolean;
  readonly format?: string;
}

/** The range a number schema accepts (already unwrapped), or undefined for any other schema. */
function numberRange(schema: z.core.$ZodType): NumberRange | undefined {
  const def = schema._zod.def as unknown as { type: string; checks?: z.core.$ZodCheck[] };
  if (def.type !== 'number') return undefined;
  let min: Bound | undefined;
  let max: Bound | undefined;
  let integer = false;
  for (const check of def.checks ?? []) {
    const c = check._zod.def as unknown as CheckDef;
    if (c.check === 'number_format') integer ||= /int/.test(c.format ?? '');
    if (typeof c.value !== 'number') continue;
    const bound = { value: c.value, inclusive: c.inclusive === true };
    // several checks on one side: the tightest is the one that bites
    if (c.check === 'greater_than' && (min === undefined || bound.value >= min.value)) min = bound;
    if (c.check === 'less_than' && (max === undefined || bound.value <= max.value)) max = bound;
  }
  return { ...(min && { min }), ...(max && { max }), integer };
}

/**
 * The range the number setting at a config path accepts, read from the same zod checks that
 * validate it, so a message cannot drift from the schema (a range written out by hand beside
 * `.max(1)` would).
 *
 * @param schema - the root schema (e.g. `RunConfigSchema`)
 * @param path - the setting's path, as zod reports it (`['models', 0, 'params', 'topP']`)
 * @param input - the raw configuration, to pick a discriminated union's option (`task.type`)
 * @returns the range, or undefined when the path leads to no number setting
 * @example
 * numberRangeAt(RunConfigSchema, ['evaluation', 'bootstrap'], {}); // { min: { value: 0, inclusive: true }, max: { value: 1000000, inclusive: true }, integer: true }
 */
export function numberRangeAt(
  schema: z.core.$ZodType,
  path: readonly PropertyKey[],
  input: unknown,
): NumberRange | undefined {
  for (const at of schemasAt(schema, path, input)) {
    const range = numberRange(at.schema);
    if (range !== undefined) return range;
  }
  return undefined;
}

/**
 * A number range as a message says what is valid: `a number from 0 to 1`, `a positive
 * integer`, `a number > 0 and < 1`, `an integer >= 2`, `a number >= 0`.
 *
 * @param range - the range (see {@link numberRange})
 * @returns the words, with their article
 * @example
 * describeNumberRange({ min: { value: 0, inclusive: true }, max: { value: 1, inclusive: true }, integer: false }); // 'a number from 0 to 1'
 * describeNumberRange({ min: { value: 0, inclusive: false }, integer: true }); // 'a positive integer'
 */
export function describeNumberRange(range: NumberRange): string {
  const noun = range.integer ? 'integer' : 'number';
  const { min, max } = range;
  if (min === undefined && max === undefined) return range.integer ? 'an integer' : 'a number';
  if (max === undefined && min?.value === 0 && !min.inclusive) return `a positive ${noun}`;
  const article = range.integer ? 'an' : 'a';
  if (min?.inclusive && max?.inclusive) {
    return `${article} ${noun} from ${min.value} to ${max.value}`;
  }
  const ends = [
    min && `${min.inclusive ? '>=' : '>'} ${min.value}`,
    max && `${max.inclusive ? '<=' : '<'} ${max.value}`,
  ].filter((end) => end !== undefined);
  return `${article} ${noun} ${ends.join(' and ')}`;
}
