import type { BatchEngineOptions } from '../engine/batch-engine.js';
import type { ModelServer } from '../server/create-server.js';

/**
 * Prints the start banner: the address, how long the model took, and every engine setting.
 *
 * @param server - the server now listening
 * @param engine - the batching engine's settings, if it runs one
 * @param readyMs - from the end of flag parsing to listening, in whole milliseconds
 */
export function announceListening(
  server: ModelServer,
  engine: BatchEngineOptions | undefined,
  readyMs: number,
): void {
  process.stdout.write(
    `assay model server listening on ${server.baseUrl} (model ready in ${readyMs} ms)${
      engine === undefined
        ? ''
        : `; batching engine: ${engine.batchSlots} slots, ${engine.stepMs} ms steps, ${
            engine.prefillTps === undefined
              ? 'instant prefill'
              : `prefill ${engine.prefillTps} prompt tokens/s`
          }`
    }\n`,
  );
}

/**
 * On the first SIGINT or SIGTERM, closes `server`, says on stderr that it stopped and after how
 * many requests, and exits 0.
 *
 * @param server - the server to stop
 */
export function stopOnSignals(server: ModelServer): void {
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
}
