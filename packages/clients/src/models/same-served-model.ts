/**
 * What may follow a model id in the id of one of its versions, whole: version parts (a date
 * `-2024-08-06`, a date or build number of 3 digits or more `-0613`, `-20241022`, `-002`,
 * `-v1`, `-latest`), then at most one tag that names no other model (`:latest`, `:0`,
 * `@20240620`).
 */
const VERSION_SUFFIX =
  /^(?:-\d{4}-\d{2}-\d{2}|[-_]\d{3,}|[-_]v\d+|-latest)*(?:[:@](?:latest|\d+))?$/;

/**
 * What a request may add to a model id that the answer need not repeat: a latest or free tag,
 * or Anthropic's `-0` alias of a model's first dated version (`claude-sonnet-4-0`).
 */
const ASKED_ONLY = /(?:-latest|:latest|:free|-0)$/;

/** Cross-region inference prefixes (Amazon Bedrock's `us.`, `eu.`, `apac.`, `global.`). */
const REGION_PREFIX = /^(?:us|eu|apac|global)\./;

/**
 * Whether the model a service says answered is the one asked for: the same id, or the id
 * followed by a version (`gpt-4o` answered by `gpt-4o-2024-08-06`, `gpt-4` by `gpt-4-0613`,
 * `llama3` by `llama3:latest`, `claude-3-5-sonnet` by `claude-3-5-sonnet@20240620`), or an
 * id asked with `-latest`, `:latest`, `:free` or `-0` answered by its stem or a version of it
 * (`claude-3-5-haiku-latest` by `claude-3-5-haiku-20241022`, `claude-sonnet-4-0` by
 * `claude-sonnet-4-20250514`, but not by `claude-sonnet-4-5-20250929`).
 *
 * @remarks
 * A service that serves one model whatever it is asked for answers a misspelt id too (the
 * built-in model server; some single-model servers): the response's `model` field
 * (`Completion.servedModel`) is the only sign. Case is ignored, and so is a cross-region
 * prefix (`us.anthropic.…`). The whole rest of the served id must be version parts: dates,
 * build numbers of 3 digits or more, `v` and a number, `latest`, then at most a `:` or `@`
 * tag that is `latest` or a number. A longer name that adds a word, a size or a point release
 * is another model: `gpt-4o-mini` is not `gpt-4o`, nor `gpt-4-turbo`, `gpt-4-1106-preview`,
 * `gpt-4.1` or `gpt-4o` `gpt-4`, nor `llama-3-70b` or `llama3:70b` `llama3`. A deployment name
 * (Azure OpenAI) is no model id, so its answers, which name the model, never match it.
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
  const a = asked.toLowerCase().replace(REGION_PREFIX, '');
  const s = served.toLowerCase().replace(REGION_PREFIX, '');
  const versionOf = (stem: string): boolean =>
    s.startsWith(stem) && VERSION_SUFFIX.test(s.slice(stem.length));
  return versionOf(a) || (ASKED_ONLY.test(a) && versionOf(a.replace(ASKED_ONLY, '')));
}
