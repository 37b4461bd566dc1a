import type { z } from 'zod';
import { obj } from './loose-read.js';

type Schema = z.core.$ZodType;

/** Wrappers whose inner schema describes the same value. */
function unwrap(schema: Schema): Schema {
  let s = schema;
  for (;;) {
    const def = s._zod.def as unknown as { type: string; innerType?: Schema; in?: Schema };
    if (def.innerType !== undefined) s = def.innerType;
    else if (def.type === 'pipe' && def.in !== undefined) s = def.in;
    else return s;
  }
}

/** The options of a union; of a discriminated union, those matching the input's discriminator. */
function unionOptions(schema: Schema, input: unknown): Schema[] {
  const def = schema._zod.def as unknown as { options: Schema[]; discriminator?: string };
  if (def.discriminator === undefined) return def.options;
  const value = obj(input)[def.discriminator];
  const matching = def.options.filter((option) => {
    const field = objectShape(option)?.[def.discriminator!];
    return field !== undefined && literalValues(field).includes(value);
  });
  return matching.length > 0 ? matching : def.options;
}

function literalValues(schema: Schema): unknown[] {
  const def = unwrap(schema)._zod.def as unknown as { type: string; values?: unknown[] };
  return def.type === 'literal' ? (def.values ?? []) : [];
}

function objectShape(schema: Schema): Record<string, Schema> | undefined {
  const def = unwrap(schema)._zod.def as unknown as {
    type: string;
    shape?: Record<string, Schema>;
  };
  return def.type === 'object' ? def.shape : undefined;
}

/**
 * The schemas a path may lead to (several through a union), unwrapped, with the input found
 * there.
 *
 * @param schema - the root schema (e.g. `RunConfigSchema`)
 * @param path - a config path, as zod reports it
 * @param input - the raw configuration, to pick a discriminated union's option
 * @returns every schema the path may lead to; empty when it leads to none
 * @example
 * schemasAt(RunConfigSchema, ['evaluation', 'ci'], {}).map((at) => at.schema._zod.def.type); // ['number']
 */
export function schemasAt(
  schema: Schema,
  path: readonly PropertyKey[],
  input: unknown,
): Array<{ schema: Schema; input: unknown }> {
  const s = unwrap(schema);
  const def = s._zod.def as unknown as { type: string; element?: Schema };
  if (def.type === 'union') {
    return unionOptions(s, input).flatMap((option) => schemasAt(option, path, input));
  }
  if (path.length === 0) return [{ schema: s, input }];
  const [key, ...rest] = path;
  if (def.type === 'array' && typeof key === 'number' && def.element !== undefined) {
    return schemasAt(def.element, rest, Array.isArray(input) ? input[key] : undefined);
  }
  const shape = objectShape(s);
  if (typeof key !== 'string' || shape === undefined || !Object.hasOwn(shape, key)) return [];
  return schemasAt(shape[key]!, rest, valueAt(input, [key]));
}

/**
 * The keys an object of the schema accepts at a config path, for "did you mean" on an
 * unknown key.
 *
 * @param schema - the root schema (e.g. `RunConfigSchema`)
 * @param path - the path of the object, as zod reports it (`['models', 0, 'params']`)
 * @param input - the raw configuration, to pick a discriminated union's option (`task.type`)
 * @returns the keys in schema order, of every object the path may lead to; empty when the
 *   path leads to no object
 * @example
 * objectKeysAt(RunConfigSchema, ['models', 0, 'params'], { models: [{ params: {} }] }); // ['temperature', 'maxTokens', …]
 */
export function objectKeysAt(
  schema: Schema,
  path: readonly PropertyKey[],
  input: unknown,
): string[] {
  const keys = new Set<string>();
  for (const at of schemasAt(schema, path, input)) {
    for (const key of Object.keys(objectShape(at.schema) ?? {})) keys.add(key);
  }
  return [...keys];
}

/**
 * The raw value at a config path.
 *
 * @param input - the raw configuration
 * @param path - e.g. `['models', 0, 'provider']`
 * @returns the value there, `undefined` when the path does not exist
 * @example
 * valueAt({ models: [{ provider: 'openai' }] }, ['models', 0, 'provider']); // 'openai'
 */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    // own properties only: `constructor` is no key of a config
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
