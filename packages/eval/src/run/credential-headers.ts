import { isCredentialHeader, looksLikeKey } from '@assay/clients';
import type { RunConfig } from '../config/run-config-schema.js';
import { judgeEndpoints } from '../judges/judge-client.js';

/** The header that carries `apiKeyEnv`'s key, per provider (http-json: `apiKeyHeader`). */
const KEY_HEADER: Readonly<Record<string, string>> = {
  'openai-chat': 'authorization',
  'openai-completions': 'authorization',
  anthropic: 'x-api-key',
};

/**
 * Warnings for headers in the configuration that carry a credential as a literal value: named
 * like one (`Authorization`, `*token*`, `*key*`, `*secret*`, …) or holding a value shaped like
 * a key (`Bearer sk-…`). `apiKey` in a config is refused so that no key lives in a file that is
 * committed, shared or pasted into an issue; such a header is the same key by another route.
 * Not refused: the file may be the user's own. Never quotes a value. A header of
 * `headersFromEnv` is never warned of: its value is not in the file.
 *
 * @param config - the validated configuration
 * @returns one sentence per such header, naming its config path and the way to keep the value
 *   out of the file: `apiKeyEnv` for the header the key is sent in, `headersFromEnv` for any
 *   other (a proxy or gateway token)
 * @example
 * const withToken = { ...config, models: [{ ...config.models[0], headers: { Authorization: 'Bearer sk-live-0123456789abcdef' } }] };
 * credentialHeaderWarnings(withToken)[0];
 * // "models[0].headers.Authorization holds a credential in the configuration file itself (its value is not shown): …"
 * credentialHeaderWarnings(config); // []
 */
export function credentialHeaderWarnings(config: RunConfig): string[] {
  // a judge that names a model has that model's headers, warned of once, at the model
  const inlineJudge = typeof config.judge?.client === 'object' ? judgeEndpoints(config) : [];
  const endpoints = [
    ...config.models.map((m, i) => ({ ...m, path: `models[${i}]` })),
    ...inlineJudge.map((j) => ({ ...j, path: 'judge.client' })),
  ];
  return endpoints.flatMap((e) =>
    Object.entries(e.headers ?? {})
      .filter(([name, value]) => isCredentialHeader(name) || looksLikeKey(value))
      .map(([name]) => credentialHeaderWarning(e, name)),
  );
}

/** The warning of one header, with the way to move its value out of the file. */
function credentialHeaderWarning(
  e: { readonly path: string; readonly provider: string; readonly apiKeyHeader?: string },
  name: string,
): string {
  const keyHeader =
    e.provider === 'http-json' ? (e.apiKeyHeader ?? 'authorization') : KEY_HEADER[e.provider];
  // the key's own header is apiKeyEnv's to send (it would win over a headersFromEnv one);
  // any other header can come from the environment as it is
  const fix =
    name.toLowerCase() === keyHeader
      ? `put the key in an environment variable and name it in ${e.path}.apiKeyEnv (sent as this header${e.provider === 'http-json' ? `, with ${e.path}.apiKeyPrefix before it` : ''}), then remove the header`
      : `move it to ${e.path}.headersFromEnv: { ${name}: SOME_ENV_VAR } and export that variable with the header's value, so that it is read from the environment and never written in the file`;
  return `${e.path}.headers.${name} holds a credential in the configuration file itself (its value is not shown): assay keeps header values out of its caches, journal, results and messages, but the file carries the secret wherever it is committed or shared, which is why apiKey is refused there; ${fix}.`;
}
