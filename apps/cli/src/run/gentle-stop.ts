import { RUN_EXIT } from '../errors/exit-codes.js';

/** The two stops of a command that sends requests, and the signal handler that trips them. */
export interface GentleStop {
  /** first SIGINT / SIGTERM: no new request; those in flight finish and are journaled */
  readonly drain: AbortController;
  /** second: the requests in flight are aborted (left unrecorded; a rerun sends them) */
  readonly controller: AbortController;
  /** the handler for `process.on('SIGINT' | 'SIGTERM')`; a third signal exits at once */
  readonly stop: (signal: NodeJS.Signals) => void;
  /**
   * tells the handler that every request is done and the results are being computed: a
   * signal then has no request to wait for, and says so (a second one exits at once)
   */
  readonly requestsDone: () => void;
}

/** How to give the signal again: Ctrl-C for SIGINT, else the signal itself (`kill -TERM`). */
function again(signal: NodeJS.Signals): string {
  return signal === 'SIGINT' ? 'press Ctrl-C again' : `send ${signal} again`;
}

/**
 * Ctrl-C in three steps: the first lets the requests the service is already working on finish
 * (their answers are journaled, so the rerun pays for none of them twice), the second aborts
 * them, the third exits without waiting (exit 130, whichever the signal). Once every request is
 * done ({@link GentleStop.requestsDone}) the first says the results are being finished, and
 * the second exits at once.
 *
 * @param command - the command's name, for the messages (`assay`, `assay tune`)
 * @returns the two controllers, the handler and the call that marks the requests done
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
  let done = false;
  let finishing = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (finishing) {
      // the files on disk may be an earlier run's, which a reader would take for this one's
      process.stderr.write(
        `\n${command}: exiting before the results were written: any results.json and reports in the output directory are an earlier run's; run the same command again, without --fresh (which would discard the journal) or --retry-failed, to write this run's from the journal (nothing is sent again).\n`,
      );
      process.exit(RUN_EXIT.interrupted);
    }
    if (controller.signal.aborted) process.exit(RUN_EXIT.interrupted);
    if (done) {
      // nothing in flight to wait for or abort: the results are written in a moment
      process.stderr.write(
        `\n${command}: ${signal} received: all requests are done; finishing the results (${again(signal)} to exit at once; a rerun writes them from the journal)…\n`,
      );
      finishing = true;
      return;
    }
    if (drain.signal.aborted) {
      process.stderr.write(
        `\n${command}: ${signal} again: aborting the requests in flight (a rerun sends them again; ${again(signal)} to exit at once)…\n`,
      );
      controller.abort();
      return;
    }
    process.stderr.write(
      `\n${command}: ${signal} received: no new requests; waiting for those in flight to finish and be saved (${signal === 'SIGINT' ? 'press again' : again(signal)} to abort them)…\n`,
    );
    drain.abort();
  };
  return { drain, controller, stop, requestsDone: () => void (done = true) };
}
