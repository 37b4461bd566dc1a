import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { checkBooleanOption, checkString, describeValue } from '../argument-checks.js';
import { TextMetricsError } from '../errors.js';
import { readKnownOptions } from '../option-keys.js';
import { type JsonTextOptions, jsonBody, parseJson } from './json-validity.js';

/**
 * What {@link checkJsonSchema} found.
 *
 * @example
 * ```ts
 * const report: JsonSchemaReport = { score: 0, validJson: true, errors: ['/answer must be integer'] };
 * ```
 */
export interface JsonSchemaReport {
  /** 1 when the text is valid JSON and conforms to the schema, else 0. */
  readonly score: number;
  /** Whether the text parsed as JSON at all. */
  readonly validJson: boolean;
  /** Ajv's messages (`instancePath` and message), empty when it conforms. */
  readonly errors: readonly string[];
}

const compiled = new WeakMap<object, ValidateFunction>();
const ACCEPT_ALL = {};
const REJECT_ALL = { not: {} };

function ajvFor(schema: Record<string, unknown>): Ajv | Ajv2019 | Ajv2020 {
  const options = { allErrors: true, strict: false } as const;
  const dialect = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (dialect.includes('2020-12')) return new Ajv2020(options);
  if (dialect.includes('2019-09')) return new Ajv2019(options);
  return new Ajv(options);
}

function validatorFor(schema: unknown): ValidateFunction {
  if (typeof schema === 'boolean') return validatorFor(schema ? ACCEPT_ALL : REJECT_ALL);
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new TextMetricsError(
      'INVALID_ARGUMENT',
      `Argument schema must be a JSON Schema (an object or a boolean); got ${describeValue(schema)}.`,
      'schema',
    );
  }
  let validate = compiled.get(schema);
  if (validate === undefined) {
    try {
      validate = ajvFor(schema as Record<string, unknown>).compile(schema);
    } catch (error) {
      throw new TextMetricsError(
        'INVALID_ARGUMENT',
        `Argument schema is not a valid JSON Schema: ${(error as Error).message}.`,
        'schema',
      );
    }
    compiled.set(schema, validate);
  }
  return validate;
}

/**
 * Checks JSON text against a JSON Schema with Ajv and reports why it fails.
 *
 * @remarks
 * The text must first be valid JSON ({@link jsonValidity}); then Ajv 8 validates it, with all
 * errors collected and `strict: false` (unknown keywords are ignored, as most validators do).
 * The dialect follows the schema's `$schema`: 2020-12, 2019-09, or else draft-07 (draft-06 schemas
 * mostly validate the same; draft-04 is not supported by Ajv 8). A compiled schema is reused for
 * the same schema object.
 *
 * @param text - the model's output
 * @param schema - a JSON Schema object (or `true` / `false`)
 * @param options - `stripCodeFence` (false)
 * @returns `{ score, validJson, errors }`
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for a non-string text or an invalid schema
 * @example
 * ```ts
 * import { checkJsonSchema } from '@assay/text-metrics';
 * const schema = { type: 'object', required: ['answer'], properties: { answer: { type: 'integer' } } };
 * checkJsonSchema('{"answer": "42"}', schema).errors; // ['/answer must be integer']
 * ```
 */
export function checkJsonSchema(
  text: string,
  schema: object | boolean,
  options?: JsonTextOptions,
): JsonSchemaReport {
  checkString(text, 'text');
  const validate = validatorFor(schema);
  const checked = readKnownOptions(options, ['stripCodeFence']);
  const strip = checkBooleanOption(checked.stripCodeFence, false, 'options.stripCodeFence');
  const parsed = parseJson(jsonBody(text, strip));
  if (parsed === undefined)
    return { score: 0, validJson: false, errors: ['text is not valid JSON'] };
  if (validate(parsed.value)) return { score: 1, validJson: true, errors: [] };
  const errors = (validate.errors ?? []).map((e) => {
    const extra = (e.params as { additionalProperty?: unknown }).additionalProperty;
    const named = typeof extra === 'string' ? ` (${JSON.stringify(extra)})` : '';
    return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${named}`;
  });
  return { score: 0, validJson: true, errors };
}

/**
 * JSON Schema conformance: 1 when the text is valid JSON that conforms to the schema, else 0.
 *
 * @remarks
 * {@link checkJsonSchema}'s `score`; see it for the dialects and options.
 *
 * @param text - the model's output
 * @param schema - a JSON Schema object (or `true` / `false`)
 * @param options - `stripCodeFence` (false)
 * @returns 1 or 0
 * @throws {@link TextMetricsError} `INVALID_ARGUMENT` for a non-string text or an invalid schema
 * @example
 * ```ts
 * import { jsonSchemaConformance } from '@assay/text-metrics';
 * const schema = { type: 'object', required: ['answer'] };
 * jsonSchemaConformance('{"answer": 42}', schema); // 1
 * jsonSchemaConformance('[42]', schema); // 0
 * ```
 */
export function jsonSchemaConformance(
  text: string,
  schema: object | boolean,
  options?: JsonTextOptions,
): number {
  return checkJsonSchema(text, schema, options).score;
}
