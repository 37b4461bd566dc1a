import { type ClientConfig, ClientConfigSchema, type ProviderKind } from '@assay/clients';
import { LoadTestError } from '../errors.js';
import { issueMessage, optionPath } from './option-names.js';

/** The http-json provider's settings, as a `--config` file gives them. */
export interface HttpJsonSettings {
  readonly template?: unknown;
  readonly paths?: ClientConfig['paths'];
  readonly requestPath?: string | undefined;
  readonly apiKeyHeader?: string | undefined;
  readonly apiKeyPrefix?: string | undefined;
}

/** The http-json settings that a `--config` file may hold, in the order messages list them. */
const HTTP_JSON_KEYS = [
  'template',
  'paths',
  'requestPath',
  'apiKeyHeader',
  'apiKeyPrefix',
] as const;

function refuse(message: string, path: string): never {
  throw new LoadTestError('INVALID_OPTION', message, path);
}

/**
 * The http-json settings to pass to the client: `template` and `paths` are required with
 * `--provider http-json`, `requestPath`, `apiKeyHeader` and `apiKeyPrefix` optional; all are
 * refused with any other provider (which would ignore them).
 *
 * @param provider - `--provider`
 * @param s - the settings as written
 * @returns the fields to spread into the client configuration
 * @throws {@link LoadTestError} `INVALID_OPTION` naming the config keys to set or drop
 * @example
 * ```ts
 * httpJsonConfig('http-json', { template: { inputs: '{{prompt}}' }, paths: { text: '$.generated_text' } });
 * // { template: { inputs: '{{prompt}}' }, paths: { text: '$.generated_text' } }
 * httpJsonConfig('openai-chat', {}); // {}
 * ```
 */
export function httpJsonConfig(provider: ProviderKind, s: HttpJsonSettings): Partial<ClientConfig> {
  if (provider !== 'http-json') {
    const given = HTTP_JSON_KEYS.filter((k) => s[k] !== undefined);
    if (given.length > 0)
      refuse(
        `${given.join(', ')} in the --config file ${given.length === 1 ? 'applies' : 'apply'} to --provider http-json only; --provider is '${provider}'.`,
        given[0]!,
      );
    return {};
  }
  const missing = (['template', 'paths'] as const).filter((k) => s[k] === undefined);
  if (missing.length > 0)
    refuse(
      `--provider http-json needs ${missing.join(' and ')} in the --config file: template is the request body with placeholders (e.g. { inputs: '{{prompt}}' }), paths says where the answer is (e.g. { text: '$.generated_text', streamText: '$.token.text' }).`,
      missing[0]!,
    );
  const config: Partial<ClientConfig> = { template: s.template, paths: s.paths! };
  for (const k of ['requestPath', 'apiKeyHeader', 'apiKeyPrefix'] as const)
    if (s[k] !== undefined) config[k] = s[k];
  return config;
}

/**
 * Checks the client configuration before any request, with messages that name the flags
 * (`--base-url has no scheme; ...`) instead of the client's fields (`config.baseUrl`): the
 * client's own schema, then the API key's variable in `env`.
 *
 * @param client - the configuration built from the options
 * @param env - where `--api-key-env` is looked up (the client reads `process.env`)
 * @throws {@link LoadTestError} `INVALID_OPTION` naming the flag or config key
 * @example
 * ```ts
 * checkClientConfig({ provider: 'openai-chat', baseUrl, model: 'm' }, process.env); // undefined (valid)
 * try {
 *   checkClientConfig({ provider: 'openai-chat', baseUrl: 'localhost:8000', model: 'm' }, process.env);
 * } catch (error) {
 *   error.message; // "--base-url has no scheme; did you mean 'http://localhost:8000'?"
 * }
 * ```
 */
export function checkClientConfig(client: ClientConfig, env: NodeJS.ProcessEnv): void {
  const parsed = ClientConfigSchema.safeParse(client);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // every unknown placeholder of the template at once, not one per try
    const more = parsed.error.issues.filter(
      (i) =>
        i !== issue &&
        i.code === 'custom' &&
        i.path[0] === 'template' &&
        issue.path[0] === 'template',
    );
    const message = [issue, ...more].map((i) => issueMessage(i, client)).join(' ');
    refuse(message, optionPath(issue.path));
  }
  const name = client.apiKeyEnv;
  if (name !== undefined && (env[name] ?? '') === '')
    refuse(
      `--api-key-env names ${name}, which is ${env[name] === undefined ? 'not set' : 'set but empty'}; export it with the API key, or drop --api-key-env for a server without authentication.`,
      '--api-key-env',
    );
}
