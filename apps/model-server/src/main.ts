#!/usr/bin/env node
import { parseArgs } from 'node:util';
import type { BatchEngineOptions } from './engine/batch-engine.js';
import { ModelServerError } from './errors.js';
import { type FaultOptions, parseFaultSpec } from './faults/parse-fault-header.js';
import { loadOrTrainSpamModel } from './model/model-cache.js';
import { trainSpamModel } from './model/naive-bayes.js';
import { startModelServer } from './server/create-server.js';

const HELP = `Usage: assay-model-server [options]

A SpamAssassin Naive Bayes spam filter behind an OpenAI-compatible API, with two
generative chat models beside it: assay-subject-extractive (writes an e-mail's subject
line by TF-IDF sentence extraction) and assay-overlap-judge (grades closedqa prompts
by token F1, a lexical stand-in for an LLM judge).

Options:
  --port <n>             port (default 8377; 0 = any free port)
  --host <addr>          interface (default 127.0.0.1)
  --model-name <name>    id of the spam filter (default assay-spam-nb)
  --model-cache <path>   read the trained model from / write it to this JSON file
  --groups <list>        training groups of the spam filter, comma-separated (default easy-ham-1,hard-ham-1,spam-1)
  --seed <n>             seed of the fault RNG and of unseeded sampling (default 1)
  --fault <spec>         server-wide faults, same grammar as the x-assay-fault header,
                         e.g. "status=429;retry-after=1;rate=0.1"
  --latency <spec>       added latency: <ms> or lognormal:<median-ms>:<sigma>
  --token-delay <ms>     delay between streamed tokens
  --error-rate <p>       probability of an injected error (default kind status=503)
  --batch-slots <n>      batching engine simulator: sequences decoded at once (the rest
                         wait in a FIFO queue); with max_tokens n and ignore_eos, capacity
                         (requests/s) = slots / ((n + prefill steps) x step), where
                         prefill steps = ceil(prompt tokens / prefill-tps / step in seconds)
                         (0 without --prefill-tps)
  --step-ms <ms>         engine decode step: one token per decoding sequence (default 20)
  --prefill-tps <t>      engine prompt tokens per second before a first token (default: instant)
  -h, --help             show this help
`;

function fail(message: string): never {
  process.stderr.write(`assay-model-server: ${message}\n`);
  process.exit(2);
}

function positiveNumber(flag: string, raw: string, integer: boolean): number {
  const n = Number(raw);
  if (!(n > 0) || !Number.isFinite(n) || (integer && !Number.isInteger(n)))
    fail(`--${flag} is '${raw}'; expected ${integer ? 'an integer' : 'a number'} above 0.`);
  return n;
}

/** The engine flags; `--step-ms` and `--prefill-tps` need `--batch-slots`. */
function engineOptions(
  values: Record<string, string | boolean | undefined>,
): BatchEngineOptions | undefined {
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

function main(): Promise<void> | undefined {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
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
    fail(`${(error as Error).message}\n\n${HELP}`);
  }
  if (values.help === true) {
    process.stdout.write(HELP);
    return undefined;
  }
  const port = Number(values.port);
  const seed = Number(values.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    fail(`--port is '${values.port}'; expected an integer in [0, 65535].`);
  if (!Number.isInteger(seed)) fail(`--seed is '${values.seed}'; expected an integer.`);
  let faults: FaultOptions;
  try {
    const spec = [
      values.fault,
      values.latency === undefined ? undefined : `latency=${values.latency}`,
      values['token-delay'] === undefined ? undefined : `token-delay=${values['token-delay']}`,
      values['error-rate'] === undefined ? undefined : `rate=${values['error-rate']}`,
    ].filter((s) => typeof s === 'string');
    faults = parseFaultSpec(spec.join(';'));
  } catch (error) {
    fail((error as Error).message);
  }
  const engine = engineOptions(values);
  const groups =
    typeof values.groups === 'string' ? values.groups.split(',').map((g) => g.trim()) : undefined;
  const started = performance.now();
  const trainOptions = groups === undefined ? {} : { groups };
  const cachePath = values['model-cache'];
  let model: ReturnType<typeof trainSpamModel>;
  try {
    model =
      typeof cachePath === 'string'
        ? loadOrTrainSpamModel(cachePath, trainOptions)
        : trainSpamModel(trainOptions);
  } catch (error) {
    if (error instanceof ModelServerError) fail(error.message);
    throw error;
  }
  const modelName = values['model-name'];
  return startModelServer({
    host: values.host as string,
    port,
    seed,
    faults,
    model,
    ...(typeof modelName === 'string' ? { modelName } : {}),
    ...(engine === undefined ? {} : { engine }),
  }).then((server) => {
    const ms = Math.round(performance.now() - started);
    process.stdout.write(
      `assay model server listening on ${server.baseUrl} (model ready in ${ms} ms)${
        engine === undefined
          ? ''
          : `; batching engine: ${engine.batchSlots} slots, ${engine.stepMs} ms steps, ${
              engine.prefillTps === undefined
                ? 'instant prefill'
                : `prefill ${engine.prefillTps} prompt tokens/s`
            }`
      }\n`,
    );
    // A log that ends without a word reads like a crash: say why it stopped and what it served.
    const stop = (signal: NodeJS.Signals): void => {
      const { requests } = server.stats();
      server.close().then(() => {
        process.stderr.write(
          `assay model server on ${server.baseUrl} stopped (${signal}) after ${requests} requests\n`,
        );
        process.exit(0);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

main()?.catch((error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  // the port is taken (another server, or this one started twice): say how to get a free one
  if (e.code === 'EADDRINUSE') {
    fail(
      `${e.message}: another process listens on that port; pass --port <another port>, or --port 0 for any free one (the line it prints names it).`,
    );
  }
  fail(e.message);
});
