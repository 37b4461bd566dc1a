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
 * Not refused: a proxy or gateway token may have no other way in. Never quotes a value.
 *
 * @param config - the validated configuration
 * @returns one sentence per such header, naming its config path and the way to keep the key
 *   out of the file where there is one (`apiKeyEnv`, and for `http-json` `apiKeyHeader`)
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

/** The warning of one header, with the way to move its key out of the file when there is one. */
function credentialHeaderWarning(
  e: { readonly path: string; readonly provider: string; readonly apiKeyHeader?: string },
  name: string,
): string {
  const keyHeader =
    e.provider === 'http-json' ? (e.apiKeyHeader ?? 'authorization') : KEY_HEADER[e.provider];
  const lower = name.toLowerCase();
  const fix =
    lower === keyHeader
      ? `put the key in an environment variable and name it in ${e.path}.apiKeyEnv (sent as this header${e.provider === 'http-json' ? `, with ${e.path}.apiKeyPrefix before it` : ''}), then remove the header`
      : e.provider === 'http-json'
        ? `put it in an environment variable named by ${e.path}.apiKeyEnv and set ${e.path}.apiKeyHeader to '${lower}' (and apiKeyPrefix, e.g. ''), then remove the header`
        : `keep the file out of version control and shared logs: assay reads only the API key (${e.path}.apiKeyEnv, sent as ${keyHeader}) from the environment`;
  return `${e.path}.headers.${name} holds a credential in the configuration file itself (its value is not shown): assay keeps header values out of its caches, journal, results and messages, but the file carries the secret wherever it is committed or shared, which is why apiKey is refused there; ${fix}.`;
}
