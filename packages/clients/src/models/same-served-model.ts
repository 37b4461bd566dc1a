/** What may follow a model id in the id of one of its versions. */
const VERSION_SUFFIX = /^(?:[:@].|[-_](?:\d{3,}|v\d+|latest)(?=$|[-_.:@]))/;

/**
 * Whether the model a service says answered is the one asked for: the same id, or the id
 * followed by a version (`gpt-4o` answered by `gpt-4o-2024-08-06`, `gpt-4` by `gpt-4-0613`,
 * `llama3` by `llama3:latest`, `claude-3-5-sonnet` by `claude-3-5-sonnet@20240620`), or an
 * alias ending in `-latest` answered by a version of its stem (`claude-3-5-haiku-latest` by
 * `claude-3-5-haiku-20241022`).
 *
 * @remarks
 * A service that serves one model whatever it is asked for answers a misspelt id too (vLLM
 * with one model, the built-in model server): the response's `model` field
 * (`Completion.servedModel`) is the only sign. Case is ignored. A version is a tag after `:`
 * or `@`, or a part after `-` or `_` that is a date or build number of 3 digits or more
 * (`0613`, `20241022`, `2024-08-06`, Gemini's `002`), `v` and a number, or `latest`. A longer
 * name that adds a word, a size or a point release is another model: `gpt-4o-mini` is not
 * `gpt-4o`, nor `gpt-4-turbo`, `gpt-4.1` or `gpt-4o` `gpt-4`, nor `llama-3-70b` `llama-3`.
 *
 * @param asked - the configured `model`
 * @param served - the response's model id
 * @returns true when they name the same model
 * @example
 * sameServedModel('gpt-4o', 'gpt-4o-2024-08-06'); // true
 * sameServedModel('gpt-4', 'gpt-4o'); // false
 * sameServedModel('gpt-4o', 'gpt-4o-mini'); // false
 * sameServedModel('gpt-4', 'gpt-4.1'); // false
 * sameServedModel('gpt-4o-typo', 'assay-spam-nb'); // false
 */
export function sameServedModel(asked: string, served: string): boolean {
  const a = asked.toLowerCase();
  const s = served.toLowerCase();
  const versionOf = (stem: string): boolean =>
    s === stem || (s.startsWith(stem) && VERSION_SUFFIX.test(s.slice(stem.length)));
  return versionOf(a) || (a.endsWith('-latest') && versionOf(a.slice(0, -'-latest'.length)));
}
