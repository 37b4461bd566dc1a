import { parseArgs } from 'node:util';
import type { BatchEngineOptions } from '../engine/batch-engine.js';
import { type FaultOptions, parseFaultSpec } from '../faults/parse-fault-header.js';
import { fail } from './fail.js';
import { USAGE } from './usage.js';

/** The flags as `parseArgs` read them, by long name. */
export type CliFlags = Record<string, string | boolean | undefined>;

/** The server the flags ask for, checked. */
export interface CliOptions {
  readonly host: string;
  readonly port: number;
  readonly seed: number;
  /** `--fault`, `--latency`, `--token-delay` and `--error-rate` as one fault spec */
  readonly faults: FaultOptions;
  /** absent without `--batch-slots` */
  readonly engine: BatchEngineOptions | undefined;
  /** `--groups`, split at commas */
  readonly groups: string[] | undefined;
  readonly modelCache: string | undefined;
  readonly modelName: string | undefined;
}

/**
 * Reads the command line; an unknown flag or a missing value ends the process (exit 2) with
 * the usage.
 */
export function readCliFlags(): CliFlags {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '8377' },
        host: { type: 'string', default: '127.0.0.1' },
        'model-name': { type: 'string' },
        'model-cache': { type: 'string' },
        groups: { type: 'string' },
        seed: { type: 'string', default: '1' },
        fault: { type: 'string' },
        latency: { type: 'string' },
        'token-delay': { type: 'string' },
        'error-rate': { type: 'string' },
        'batch-slots': { type: 'string' },
        'step-ms': { type: 'string' },
        'prefill-tps': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
}

/**
 * Checks the flags; the first invalid one ends the process (exit 2) with a message naming it
 * and what would be valid.
 *
 * @param values - the flags from {@link readCliFlags}
 */
export function cliOptions(values: CliFlags): CliOptions {
  const port = Number(values.port);
  const seed = Number(values.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    fail(`--port is '${values.port}'; expected an integer in [0, 65535].`);
  if (!Number.isInteger(seed)) fail(`--seed is '${values.seed}'; expected an integer.`);
  const faults = faultOptions(values);
  const engine = engineOptions(values);
  const groups =
    typeof values.groups === 'string' ? values.groups.split(',').map((g) => g.trim()) : undefined;
  const modelCache = values['model-cache'];
  const modelName = values['model-name'];
  return {
    host: values.host as string,
    port,
    seed,
    faults,
    engine,
    groups,
    modelCache: typeof modelCache === 'string' ? modelCache : undefined,
    modelName: typeof modelName === 'string' ? modelName : undefined,
  };
}

/** The fault flags joined into one spec, parsed as the x-assay-fault header is. */
function faultOptions(values: CliFlags): FaultOptions {
  try {
    const spec = [
      values.fault,
      values.latency === undefined ? undefined : `latency=${values.latency}`,
      values['token-delay'] === undefined ? undefined : `token-delay=${values['token-delay']}`,
      values['error-rate'] === undefined ? undefined : `rate=${values['error-rate']}`,
    ].filter((s) => typeof s === 'string');
    return parseFaultSpec(spec.join(';'));
  } catch (error) {
    fail((error as Error).message);
  }
}

function positiveNumber(flag: string, raw: string, integer: boolean): number {
  const n = Number(raw);
  if (!(n > 0) || !Number.isFinite(n) || (integer && !Number.isInteger(n)))
    fail(`--${flag} is '${raw}'; expected ${integer ? 'an integer' : 'a number'} above 0.`);
  return n;
}

/** The engine flags; `--step-ms` and `--prefill-tps` need `--batch-slots`. */
function engineOptions(values: CliFlags): BatchEngineOptions | undefined {
  const slots = values['batch-slots'];
  const step = values['step-ms'];
  const prefill = values['prefill-tps'];
  if (typeof slots !== 'string') {
    if (step !== undefined || prefill !== undefined)
      fail('--step-ms and --prefill-tps configure the batching engine; add --batch-slots <n>.');
    return undefined;
  }
  return {
    batchSlots: positiveNumber('batch-slots', slots, true),
    stepMs: typeof step === 'string' ? positiveNumber('step-ms', step, false) : 20,
    prefillTps:
      typeof prefill === 'string' ? positiveNumber('prefill-tps', prefill, false) : undefined,
  };
}
