import type { z } from 'zod';

type Schema = z.core.$ZodType;

/** The schema inside wrappers that describe the same value (default, optional, pipe, ...). */
function unwrap(schema: Schema): Schema {
  let s = schema;
  for (;;) {
    const def = s._zod.def as unknown as { type: string; innerType?: Schema; in?: Schema };
    if (def.innerType !== undefined) s = def.innerType;
    else if (def.type === 'pipe' && def.in !== undefined) s = def.in;
    else return s;
  }
}

function shapeOf(schema: Schema): Record<string, Schema> | undefined {
  const def = unwrap(schema)._zod.def as unknown as {
    type: string;
    shape?: Record<string, Schema>;
  };
  return def.type === 'object' ? def.shape : undefined;
}

/**
 * The keys an object of the schema accepts at a path, in schema order, for "did you mean"
 * and "valid keys" on an unknown key.
 *
 * @param schema - the root schema (e.g. `ClientConfigSchema`)
 * @param path - the object's path as zod reports it (`['retry']`)
 * @returns the keys; empty when the path leads to no object
 * @example
 * ```ts
 * objectKeysAt(ClientConfigSchema, ['timeouts']); // ['connectMs', 'headersMs', 'totalMs', 'idleMs']
 * ```
 */
export function objectKeysAt(schema: Schema, path: readonly PropertyKey[]): string[] {
  let s: Schema | undefined = schema;
  for (const key of path) {
    const shape: Record<string, Schema> | undefined = shapeOf(s);
    if (shape === undefined || typeof key !== 'string' || !Object.hasOwn(shape, key)) return [];
    s = shape[key];
    if (s === undefined) return [];
  }
  return Object.keys(shapeOf(s) ?? {});
}
