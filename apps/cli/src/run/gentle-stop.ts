import { RUN_EXIT } from '../errors/exit-codes.js';

/** The two stops of a command that sends requests, and the signal handler that trips them. */
export interface GentleStop {
  /** first SIGINT / SIGTERM: no new request; those in flight finish and are journaled */
  readonly drain: AbortController;
  /** second: the requests in flight are aborted (left unrecorded; a rerun sends them) */
  readonly controller: AbortController;
  /** the handler for `process.on('SIGINT' | 'SIGTERM')`; a third signal exits at once */
  readonly stop: (signal: NodeJS.Signals) => void;
}

/**
 * Ctrl-C in three steps: the first lets the requests the service is already working on finish
 * (their answers are journaled, so the rerun pays for none of them twice), the second aborts
 * them, the third exits without waiting.
 *
 * @param command - the command's name, for the messages (`assay`, `assay tune`)
 * @returns the two controllers and the handler
 * @example
 * ```ts
 * const { drain, controller, stop } = gentleStop('assay');
 * process.on('SIGINT', stop);
 * await runEvaluation(config, { signal: controller.signal, drain: drain.signal });
 * ```
 */
export function gentleStop(command: string): GentleStop {
  const drain = new AbortController();
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(RUN_EXIT.interrupted);
    if (drain.signal.aborted) {
      process.stderr.write(
        `\n${command}: ${signal} again: aborting the requests in flight (a rerun sends them again; press again to exit at once)…\n`,
      );
      controller.abort();
      return;
    }
    process.stderr.write(
      `\n${command}: ${signal} received: no new requests; waiting for those in flight to finish and be saved (press again to abort them)…\n`,
    );
    drain.abort();
  };
  return { drain, controller, stop };
}
