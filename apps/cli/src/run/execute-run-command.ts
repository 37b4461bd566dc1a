import { type RunConfig, runEvaluation } from '@assay/eval';
import { createProgressPrinter, type RunResults, summaryTable } from '@assay/report';
import { RUN_EXIT } from '../errors/exit-codes.js';
import { reportError } from '../errors/report-error.js';
import { type CiOutputOptions, writeCiOutputs } from './ci-outputs.js';
import { exitReason } from './exit-reason.js';
import { gentleStop } from './gentle-stop.js';

/** Options shared by `assay run` and `assay demo`. */
export interface RunCliOptions {
  /** re-send requests recorded as failed */
  retryFailed?: boolean;
  /** no progress output */
  quiet?: boolean;
  /** discard the output directory's journal, default cache and previous results first */
  fresh?: boolean;
  /** `--junit FILE` and `--summary-md FILE` (`assay run` only) */
  ci?: CiOutputOptions;
  /**
   * A line printed after the summary table and before the report's path (`assay demo`: how
   * long it took), so the exit reason stays the last line.
   */
  finishedLine?: () => string;
  /**
   * the models are answered by a server this process started for the run (`assay demo`): no
   * warning that answers resumed from an earlier run left a changed service unmeasured
   */
  inProcessServer?: boolean;
}

/**
 * Runs a validated configuration with progress on stderr, the summary on
 * stdout and SIGINT/SIGTERM handled cleanly, and returns the exit code.
 *
 * @param config - validated configuration
 * @param options - retry-failed, quiet, fresh, the CI files to write (`--junit`,
 *   `--summary-md`; a file that cannot be written is exit 2, named last) and a line to print
 *   before the report's path
 * @returns the results (undefined when interrupted or failed) and the exit code
 * @example
 * const { code } = await executeRunCommand(config, { quiet: true });
 */
export async function executeRunCommand(
  config: RunConfig,
  options: RunCliOptions,
): Promise<{ code: number; results?: RunResults }> {
  const { drain, controller, stop, requestsDone } = gentleStop('assay');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // a closed terminal (an ssh session dropped) stops the run as Ctrl-C does: without this, the
  // default SIGHUP exit lost the requests in flight, which the rerun paid for again
  process.on('SIGHUP', stop);
  const printer = createProgressPrinter({ quiet: options.quiet ?? false });
  try {
    const results = await runEvaluation(config, {
      signal: controller.signal,
      drain: drain.signal,
      onProgress: printer.update,
      onRequestsDone: requestsDone,
      // notes are rare and change what the run means, so they show even with --quiet
      onNote: (message) => process.stderr.write(`assay: note: ${message}\n`),
      ...(options.retryFailed ? { retryFailed: true } : {}),
      ...(options.fresh ? { fresh: true } : {}),
      ...(options.inProcessServer ? { inProcessServer: true } : {}),
      // a gate the planned requests cannot check fails the run whatever the answers: exit 2
      // before any request is paid for, rather than exit 1 after all of them
      uncheckableGates: 'refuse',
    });
    printer.done();
    // like notes, warnings change what the numbers mean: shown even with --quiet
    for (const w of results.warnings ?? []) process.stderr.write(`assay: warning: ${w}\n`);
    process.stdout.write(summaryTable(results));
    const finished = options.finishedLine === undefined ? '' : `${options.finishedLine()}\n`;
    process.stdout.write(`\n${finished}Report: ${results.files.reportHtml}\n`);
    const problem = options.ci === undefined ? undefined : writeCiOutputs(results, options.ci);
    if (problem !== undefined) {
      process.stderr.write(`assay: ${problem}\n`);
      return { code: RUN_EXIT.configError, results };
    }
    // the reason for the exit code is the last line a CI log shows
    const reasons = results.models.flatMap((m) => m.notRepresentative ?? []);
    if (reasons.length > 0) {
      process.stderr.write(`assay: metrics not representative: ${reasons.join('; ')}\n`);
      return { code: RUN_EXIT.runtimeError, results };
    }
    if (!results.passed) {
      process.stderr.write(`${exitReason(results)}\n`);
      return { code: RUN_EXIT.thresholdFailed, results };
    }
    process.stdout.write(`${exitReason(results)}\n`);
    return { code: RUN_EXIT.ok, results };
  } catch (error) {
    printer.done();
    return { code: reportError(error) };
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    process.off('SIGHUP', stop);
  }
}
