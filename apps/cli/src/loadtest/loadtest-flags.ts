import { readFileSync } from 'node:fs';
import { LoadTestError, type LoadTestOptions } from '@assay/loadtest';
import { parse as parseYaml } from 'yaml';

/** The flags of `assay loadtest` as commander hands them over (camelCase). */
export interface LoadtestFlags {
  config?: string;
  baseUrl?: string;
  model?: string;
  provider?: string;
  apiKeyEnv?: string;
  concurrency?: string;
  rate?: string;
  arrival?: string;
  sweep?: string;
  findMax?: boolean;
  slo?: string;
  duration?: string;
  requests?: string;
  warmup?: string;
  maxInFlight?: string;
  dataset?: string;
  promptColumn?: string;
  promptTokens?: string;
  maxTokens?: string;
  ignoreEos?: boolean;
  timeout?: string;
  seed?: string;
  format?: string;
  out?: string;
  records?: string;
  report?: string;
  score?: string;
  quiet?: boolean;
  /** `--provider http-json`: the request body (a `--config` key only, any JSON value). */
  template?: unknown;
  /** `--provider http-json`: where the answer is read (a `--config` key only). */
  paths?: unknown;
  /** `--provider http-json`: the path appended to the base URL (a `--config` key only). */
  requestPath?: string;
  /** `--provider http-json`: the header of the API key (a `--config` key only). */
  apiKeyHeader?: string;
  /** `--provider http-json`: the text before the key in that header (a `--config` key only). */
  apiKeyPrefix?: string;
}

/** Every flag name a config file may use (camelCase, or the flag's own kebab-case). */
const FLAG_KEYS: readonly (keyof LoadtestFlags)[] = [
  'baseUrl',
  'model',
  'provider',
  'apiKeyEnv',
  'concurrency',
  'rate',
  'arrival',
  'sweep',
  'findMax',
  'slo',
  'duration',
  'requests',
  'warmup',
  'maxInFlight',
  'dataset',
  'promptColumn',
  'promptTokens',
  'maxTokens',
  'ignoreEos',
  'timeout',
  'seed',
  'format',
  'out',
  'records',
  'report',
  'score',
  'quiet',
  'template',
  'paths',
  'requestPath',
  'apiKeyHeader',
  'apiKeyPrefix',
];

/** Keys whose value a config file gives as it is (an object), not as a flag's text. */
const RAW_KEYS: ReadonlySet<keyof LoadtestFlags> = new Set(['template', 'paths']);

/** The flags that choose the load: one of them on the command line replaces the file's load. */
const LOAD_KEYS = ['concurrency', 'rate', 'sweep', 'findMax'] as const;

/** Open-loop settings of a file's load, dropped with it when the command line asks for --concurrency. */
const OPEN_LOOP_KEYS = ['arrival', 'maxInFlight'] as const;

/**
 * Drops the file's load when the command line gives one (flags win, the load as a whole):
 * `rate: 5` in the file and `--concurrency 4` on the command line is a closed loop at 4, not
 * two loads. Under `--concurrency` the file's `arrival` and `max-in-flight` go too (they
 * belong to its open loop); under an open-loop flag they stay.
 */
function replaceLoad(merged: Record<string, unknown>, flags: LoadtestFlags): void {
  if (!LOAD_KEYS.some((k) => flags[k] !== undefined && flags[k] !== false)) return;
  for (const k of LOAD_KEYS) delete merged[k];
  if (flags.concurrency !== undefined) for (const k of OPEN_LOOP_KEYS) delete merged[k];
}

function camel(key: string): string {
  return key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Merges a config file (YAML or JSON, the flags' names as keys, and for `--provider http-json`
 * `template`, `paths`, `request-path`, `api-key-header` and `api-key-prefix`) under the command-line flags: a flag given on the
 * command line wins, and a load flag there replaces the file's load.
 *
 * @param flags - the parsed flags
 * @returns the flags with the file's values filled in
 * @throws LoadTestError `INVALID_OPTION` for an unreadable file or an unknown key
 */
export function withConfigFile(flags: LoadtestFlags): LoadtestFlags {
  if (flags.config === undefined) return flags;
  let data: unknown;
  try {
    data = parseYaml(readFileSync(flags.config, 'utf8'));
  } catch (error) {
    throw new LoadTestError(
      'INVALID_OPTION',
      `--config '${flags.config}' cannot be read as YAML or JSON (${(error as Error).message.split('\n')[0]}).`,
      'config',
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new LoadTestError(
      'INVALID_OPTION',
      `--config '${flags.config}' must hold a mapping of flag names to values.`,
      'config',
    );
  }
  const merged: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(data)) {
    const key = camel(rawKey) as keyof LoadtestFlags;
    if (!FLAG_KEYS.includes(key)) {
      throw new LoadTestError(
        'INVALID_OPTION',
        `--config '${flags.config}' has the unknown key '${rawKey}'; valid keys are the flag names and the http-json provider's settings: ${FLAG_KEYS.join(', ')}.`,
        'config',
      );
    }
    merged[key] = typeof value === 'boolean' || RAW_KEYS.has(key) ? value : String(value);
  }
  replaceLoad(merged, flags);
  const fromFile = new Map<string, string>();
  for (const [rawKey] of Object.entries(data)) {
    const key = camel(rawKey);
    if (key in merged && (flags as Record<string, unknown>)[key] === undefined)
      fromFile.set(key, rawKey);
  }
  for (const [key, value] of Object.entries(flags)) if (value !== undefined) merged[key] = value;
  const result = merged as LoadtestFlags;
  FILE_KEYS.set(result, { file: flags.config, keys: fromFile });
  return result;
}

/** Which values of merged flags came from a config file, under the key written there. */
const FILE_KEYS = new WeakMap<LoadtestFlags, { file: string; keys: Map<string, string> }>();

/**
 * Where a merged flag's value came from, when a config file gave it: `--config 'lt.yaml' key
 * 'format'` (the key as written there), so a message sends the user to the file rather than to
 * a flag they never passed.
 *
 * @param f - the flags (config file merged by {@link withConfigFile})
 * @param key - the flag's camelCase name
 * @returns the config file and key, or undefined when the value came from the command line
 * @example
 * ```ts
 * configKeyOf(withConfigFile({ config: 'lt.yaml' }), 'format'); // "--config 'lt.yaml' key 'format'"
 * ```
 */
export function configKeyOf(f: LoadtestFlags, key: keyof LoadtestFlags): string | undefined {
  const origin = FILE_KEYS.get(f);
  const written = origin?.keys.get(key);
  return origin === undefined || written === undefined
    ? undefined
    : `--config '${origin.file}' key '${written}'`;
}

/**
 * How a refusal names a value: the config file's key when the value came from there (a
 * `--concurrency` named for `concurrency: two` in a file sends the user to the command line).
 */
function nameOf(f: LoadtestFlags, key: keyof LoadtestFlags, flag: string): string {
  return configKeyOf(f, key) ?? flag;
}

/**
 * Parses a duration: `30s`, `500ms`, `2m`, or a bare number of seconds.
 *
 * @param flag - the flag, for the message
 * @param text - the value
 * @returns milliseconds
 * @throws LoadTestError `INVALID_OPTION` naming the flag
 */
export function parseDurationMs(flag: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (m === null) {
    throw new LoadTestError(
      'INVALID_OPTION',
      `${flag} is '${text}'; expected a duration like 30s, 500ms or 2m.`,
      flag,
    );
  }
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's']!;
  return Number(m[1]) * unit;
}

/** Flags whose value is a count: a refusal says what is valid in those words. */
const COUNT_FLAGS: ReadonlySet<string> = new Set([
  '--concurrency',
  '--sweep',
  '--requests',
  '--max-in-flight',
  '--max-tokens',
]);

/** What a numeric flag accepts, for its refusal. */
function expectedOf(flag: string): string {
  if (COUNT_FLAGS.has(flag)) return 'an integer of at least 1';
  return flag === '--seed' ? 'an integer' : 'a finite number above 0';
}

function num(f: LoadtestFlags, key: keyof LoadtestFlags, flag: string): number | undefined {
  const text = f[key] as string | undefined;
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) {
    throw new LoadTestError(
      'INVALID_OPTION',
      `${nameOf(f, key, flag)} is '${text}'; expected ${expectedOf(flag)}.`,
      flag,
    );
  }
  return v;
}

/**
 * The package options of a command line: numbers and durations parsed, nothing else checked
 * (`resolveLoadTest` checks combinations and ranges).
 *
 * @param f - the flags (config file merged)
 * @returns the options
 * @throws LoadTestError `INVALID_OPTION` for a missing --base-url / --model or a value that is not a number
 */
export function loadTestOptionsFromFlags(f: LoadtestFlags): LoadTestOptions {
  if (f.baseUrl === undefined || f.model === undefined) {
    throw new LoadTestError(
      'INVALID_OPTION',
      `${f.baseUrl === undefined ? '--base-url <url>' : '--model <id>'} is required${f.score === undefined ? '' : ", also with --score: the service under load is named on the command line (--score reads the run config's data set and task, and a run config may list several models)"}.`,
      f.baseUrl === undefined ? '--base-url' : '--model',
    );
  }
  const pick = <T>(v: T | undefined) => v;
  const options: Record<string, unknown> = {
    baseUrl: f.baseUrl,
    model: f.model,
    provider: pick(f.provider),
    apiKeyEnv: pick(f.apiKeyEnv),
    concurrency: num(f, 'concurrency', '--concurrency'),
    rate: num(f, 'rate', '--rate'),
    arrival: pick(f.arrival),
    sweep: num(f, 'sweep', '--sweep'),
    findMax: f.findMax === true || String(f.findMax) === 'true',
    slo: pick(f.slo),
    durationMs: f.duration === undefined ? undefined : parseDurationMs('--duration', f.duration),
    requests: num(f, 'requests', '--requests'),
    warmupMs: f.warmup === undefined ? undefined : parseDurationMs('--warmup', f.warmup),
    maxInFlight: num(f, 'maxInFlight', '--max-in-flight'),
    maxTokens: num(f, 'maxTokens', '--max-tokens'),
    ignoreEos: f.ignoreEos === true || String(f.ignoreEos) === 'true',
    timeoutMs: f.timeout === undefined ? undefined : parseDurationMs('--timeout', f.timeout),
    seed: num(f, 'seed', '--seed'),
    template: f.template,
    paths: f.paths,
    requestPath: pick(f.requestPath),
    apiKeyHeader: pick(f.apiKeyHeader),
    apiKeyPrefix: pick(f.apiKeyPrefix),
  };
  for (const k of Object.keys(options)) if (options[k] === undefined) delete options[k];
  return options as LoadTestOptions;
}
