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
];

function camel(key: string): string {
  return key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Merges a config file (YAML or JSON, the flags' names as keys) under the command-line flags:
 * a flag given on the command line wins.
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
        `--config '${flags.config}' has the unknown key '${rawKey}'; valid keys are the flag names: ${FLAG_KEYS.join(', ')}.`,
        'config',
      );
    }
    merged[key] = typeof value === 'boolean' ? value : String(value);
  }
  for (const [key, value] of Object.entries(flags)) if (value !== undefined) merged[key] = value;
  return merged as LoadtestFlags;
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

function num(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || Number.isNaN(v)) {
    throw new LoadTestError('INVALID_OPTION', `${flag} is '${text}'; expected a number.`, flag);
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
      `${f.baseUrl === undefined ? '--base-url <url>' : '--model <id>'} is required.`,
      f.baseUrl === undefined ? '--base-url' : '--model',
    );
  }
  const pick = <T>(v: T | undefined) => v;
  const options: Record<string, unknown> = {
    baseUrl: f.baseUrl,
    model: f.model,
    provider: pick(f.provider),
    apiKeyEnv: pick(f.apiKeyEnv),
    concurrency: num('--concurrency', f.concurrency),
    rate: num('--rate', f.rate),
    arrival: pick(f.arrival),
    sweep: num('--sweep', f.sweep),
    findMax: f.findMax === true || String(f.findMax) === 'true',
    slo: pick(f.slo),
    durationMs: f.duration === undefined ? undefined : parseDurationMs('--duration', f.duration),
    requests: num('--requests', f.requests),
    warmupMs: f.warmup === undefined ? undefined : parseDurationMs('--warmup', f.warmup),
    maxInFlight: num('--max-in-flight', f.maxInFlight),
    maxTokens: num('--max-tokens', f.maxTokens),
    ignoreEos: f.ignoreEos === true || String(f.ignoreEos) === 'true',
    timeoutMs: f.timeout === undefined ? undefined : parseDurationMs('--timeout', f.timeout),
    seed: num('--seed', f.seed),
  };
  for (const k of Object.keys(options)) if (options[k] === undefined) delete options[k];
  return options as LoadTestOptions;
}
