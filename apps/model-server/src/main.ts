#!/usr/bin/env node
import { type CliOptions, cliOptions, readCliFlags } from './cli/cli-options.js';
import { fail } from './cli/fail.js';
import { announceListening, stopOnSignals } from './cli/serve-until-signal.js';
import { USAGE } from './cli/usage.js';
import { ModelServerError } from './errors.js';
import { loadOrTrainSpamModel } from './model/model-cache.js';
import { type SpamModel, trainSpamModel } from './model/naive-bayes.js';
import { startModelServer } from './server/create-server.js';

/** The spam filter: read from `--model-cache` (trained and written there when absent) or trained. */
function spamModel(options: CliOptions): SpamModel {
  const trainOptions = options.groups === undefined ? {} : { groups: options.groups };
  try {
    return options.modelCache === undefined
      ? trainSpamModel(trainOptions)
      : loadOrTrainSpamModel(options.modelCache, trainOptions);
  } catch (error) {
    if (error instanceof ModelServerError) fail(error.message);
    throw error;
  }
}

function main(): Promise<void> | undefined {
  const flags = readCliFlags();
  if (flags.help === true) {
    process.stdout.write(USAGE);
    return undefined;
  }
  const options = cliOptions(flags);
  const { engine, modelName } = options;
  const started = performance.now();
  const model = spamModel(options);
  return startModelServer({
    host: options.host,
    port: options.port,
    seed: options.seed,
    faults: options.faults,
    model,
    ...(modelName === undefined ? {} : { modelName }),
    ...(engine === undefined ? {} : { engine }),
  }).then((server) => {
    announceListening(server, engine, Math.round(performance.now() - started));
    stopOnSignals(server);
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
