import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ClientError, refuseKeyInUrls } from '@assay/clients';
import type { RunConfig } from '../config/run-config-schema.js';
import { judgeEndpoints } from '../judges/judge-client.js';
import { missingHeaderEnvs } from './env-headers.js';
import { JOURNAL_FILE } from './run-state-files.js';

/**
 * Refuses a run whose models (or judge) name an API key variable or a `headersFromEnv`
 * variable that is not set or empty, before the output directory is made, when the run will
 * send for every endpoint: a first run (no journal yet) or `--fresh`. A rerun over a journal
 * may need neither for a model whose answers are all journaled, so there the client's own
 * check, when it is created, decides.
 *
 * @param config - the validated configuration
 * @param fresh - whether the run starts over (`--fresh`)
 * @param env - where the variables are read (default `process.env`)
 * @throws ClientError `MISSING_API_KEY` naming the model, the variable and its config path
 *   (`models[0].apiKeyEnv`, `models[0].headersFromEnv.X-Gateway-Token`); never a value
 * @example
 * refuseMissingKeys(config, false); // undefined: the model needs no key (call before lockOutputDir)
 */
export function refuseMissingKeys(
  config: RunConfig,
  fresh: boolean,
  env: NodeJS.ProcessEnv = process.env,
): void {
  if (!fresh && existsSync(join(config.output.dir, JOURNAL_FILE))) return;
  const endpoints = [
    ...config.models.map((m, i) => ({ ...m, path: `models[${i}]` })),
    ...judgeEndpoints(config).map((j) => ({ ...j, path: j.configPath ?? 'judge.client' })),
  ];
  refuseEndpoints(endpoints, env, 'Nothing was sent and no file was written.');
}

/**
 * On a rerun over a journal: refuses, as {@link refuseMissingKeys} does a first run, the models
 * that have requests left to send while a variable they need is unset or empty, before any
 * progress is drawn. Without it the client's own check named `config.apiKeyEnv`, not the model
 * and its config path.
 *
 * @param config - the validated configuration
 * @param toSend - how many requests each model has left, by model name
 * @param env - where the variables are read (default `process.env`)
 * @throws ClientError `MISSING_API_KEY` naming the model, the variable and its config path
 * @example
 * refuseMissingKeysToSend(config, new Map([['nb', 0]])); // undefined: nothing left to send
 */
export function refuseMissingKeysToSend(
  config: RunConfig,
  toSend: ReadonlyMap<string, number>,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const endpoints = config.models
    .map((m, i) => ({ ...m, path: `models[${i}]` }))
    .filter((m) => (toSend.get(m.name) ?? 0) > 0);
  refuseEndpoints(
    endpoints,
    env,
    'Nothing was sent this run, and the journal keeps every request already answered.',
  );
}

/** One unset or empty variable an endpoint needs: its sentence and config path. */
interface MissingVariable {
  readonly variable: string;
  readonly text: string;
  readonly path: string;
}

/** The unset or empty variables of one endpoint, its API key's first. */
function missingOf(
  endpoint: {
    readonly name: string;
    readonly apiKeyEnv?: string | undefined;
    readonly path: string;
    readonly headersFromEnv?: Readonly<Record<string, string>> | undefined;
  },
  env: NodeJS.ProcessEnv,
): MissingVariable[] {
  const { name, apiKeyEnv: key, path, headersFromEnv } = endpoint;
  const out: MissingVariable[] = [];
  if (key !== undefined && (env[key] ?? '') === '') {
    // `KEY= assay run` sets it to nothing: "not set" would send the user looking in vain
    const state = env[key] === undefined ? 'is not set' : 'is set but empty';
    out.push({
      variable: key,
      text: `${name}: the environment variable ${key} (${path}.apiKeyEnv) ${state}; export it with the API key, or remove apiKeyEnv for a server without authentication`,
      path: `${path}.apiKeyEnv`,
    });
  }
  for (const missing of missingHeaderEnvs({ headersFromEnv }, env)) {
    const at = `${path}.headersFromEnv.${missing.header}`;
    out.push({
      variable: missing.variable,
      text: `${name}: the environment variable ${missing.variable} (${at}) ${missing.empty ? 'is set but empty' : 'is not set'}; export it with the value of the ${missing.header} header, or remove ${missing.header} from ${path}.headersFromEnv`,
      path: at,
    });
  }
  return out;
}

/**
 * Every endpoint's unset or empty variables, refused at once with `tail` after the reasons (a
 * trial exported one, reran, and was stopped again by the next).
 */
function refuseEndpoints(
  endpoints: readonly Parameters<typeof missingOf>[0][],
  env: NodeJS.ProcessEnv,
  tail: string,
): void {
  // a variable several models share (OPENAI_API_KEY) is named once, at its first use
  const seen = new Set<string>();
  const missing = endpoints
    .flatMap((e) => missingOf(e, env))
    .filter((m) => !seen.has(m.variable) && seen.add(m.variable));
  if (missing.length === 0) return;
  const text =
    missing.length === 1
      ? `${missing[0]!.text}.`
      : `${missing.length} environment variables the run needs are unset or empty: ${missing.map((m) => m.text).join('; ')}.`;
  throw new ClientError('MISSING_API_KEY', `${text} ${tail}`, { path: missing[0]!.path });
}

/**
 * Refuses a model (or judge) whose base URL holds its own API key's value (`?k=sk-...`, a
 * parameter not named like a credential), before anything is written: the base URL goes into
 * the run journal's endpoint identities and `results.json`. Checked on every run, journal or
 * not, since the journal records the identities before any client is made.
 *
 * @param config - the validated configuration
 * @param env - where the variables are read (default `process.env`)
 * @throws ClientError `INVALID_BASE_URL` naming the model and the variable, never the value
 * @example
 * refuseKeysInUrls(config); // undefined: no key in a base URL (call before lockOutputDir)
 */
export function refuseKeysInUrls(config: RunConfig, env: NodeJS.ProcessEnv = process.env): void {
  const endpoints = [
    ...config.models.map((m, i) => ({ ...m, path: `models[${i}]` })),
    ...judgeEndpoints(config).map((j) => ({ ...j, path: j.configPath ?? 'judge.client' })),
  ];
  for (const e of endpoints) {
    if (e.apiKeyEnv === undefined) continue;
    try {
      refuseKeyInUrls(
        { baseUrl: e.baseUrl, requestPath: e.requestPath },
        env[e.apiKeyEnv],
        e.apiKeyEnv,
      );
    } catch (error) {
      const message = (error as ClientError).message.replace(/^config\./, `${e.name}: ${e.path}.`);
      const field = (error as ClientError).path ?? 'baseUrl';
      throw new ClientError(
        field === 'baseUrl' ? 'INVALID_BASE_URL' : 'INVALID_CONFIG',
        `${message} Nothing was sent and no file was written.`,
        { path: `${e.path}.${field}` },
      );
    }
  }
}
