import { checkJsonSchema } from '@assay/text-metrics';

/**
 * Why a `json_schema` scorer's schema cannot be used, found by compiling it with the same
 * compiler (and dialect choice by `$schema`) that scores the answers, or undefined when it
 * compiles.
 *
 * @remarks Checked when the configuration is read: an invalid schema used to pass `--dry-run`
 *   and fail the run at scoring, after every request was paid for.
 * @param schema - the scorer's `schema` (an object or a boolean)
 * @returns the compiler's reason, e.g. "schema is invalid: data/type must be equal to one of the allowed values, ..."
 * @example
 * jsonSchemaProblem({ type: 'objekt' }); // 'schema is invalid: data/type must be equal to one of the allowed values, …'
 * jsonSchemaProblem({ type: 'object' }); // undefined
 */
export function jsonSchemaProblem(schema: unknown): string | undefined {
  try {
    // any text will do: the schema is compiled before the text is read
    checkJsonSchema('null', schema as object | boolean);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    return message.replace(/^Argument schema is not a valid JSON Schema: /, '').replace(/\.$/, '');
  }
}
