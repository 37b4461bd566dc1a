import { createRequire } from 'node:module';
import { z } from 'zod';
import { RunConfigSchema } from './run-config-schema.js';

/**
 * The run configuration as JSON Schema (draft 2020-12), for editor completion
 * and validation of `assay run` YAML/JSON files.
 *
 * @returns the JSON Schema object of the configuration as written (defaults optional)
 * @remarks Cross-field rules (distinct model names, metric names per task,
 *   threshold syntax) are only checked by `assay run` itself.
 * @example
 * runConfigJsonSchema().title; // 'assay run configuration'
 */
export function runConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RunConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: 'https://assay.dev/schema/run-config.schema.json',
    title: 'assay run configuration',
    description:
      'An assay run: the data set, the task, the prompt, the models to evaluate, how to split and score, where results go, and pass/fail thresholds.',
  };
}

/**
 * Where the committed JSON Schema of the run configuration lies on disk (shipped in the
 * package's `schema/` folder), for `$schema` references in configuration files.
 *
 * @returns the absolute path of `run-config.schema.json`
 * @example
 * runConfigSchemaFile(); // '…/schema/run-config.schema.json'
 */
export function runConfigSchemaFile(): string {
  // by the package's own name, not relative to this file: the assay CLI bundles this module
  return createRequire(import.meta.url).resolve('@assay/eval/schema/run-config.schema.json');
}
