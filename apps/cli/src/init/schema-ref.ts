import { dirname, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * How a configuration names its JSON Schema: the schema's path relative to the configuration's
 * folder, `/`-separated, when the two share a top-level folder; otherwise its `file://` URL,
 * since a relative path that climbs to the root (`../../../../work/…`) breaks as soon as
 * either file moves and tells a reader nothing.
 *
 * @param file - the configuration's path (relative to the working folder or absolute)
 * @param schemaFile - the JSON Schema's absolute path
 * @returns a `./`- or `../`-relative path, or a `file://` URL
 *
 * @example
 * schemaRef('/work/evals/assay.yaml', '/work/main/packages/eval/schema/run-config.schema.json');
 * // '../main/packages/eval/schema/run-config.schema.json'
 * schemaRef('/tmp/assay.yaml', '/work/main/packages/eval/schema/run-config.schema.json');
 * // 'file:///work/main/packages/eval/schema/run-config.schema.json'
 */
export function schemaRef(file: string, schemaFile: string): string {
  const from = dirname(resolve(file));
  const top = (path: string) => path.split(sep)[1];
  if (top(from) !== top(schemaFile)) return pathToFileURL(schemaFile).href;
  const ref = relative(from, schemaFile).split(sep).join('/');
  return ref.startsWith('.') ? ref : `./${ref}`;
}
