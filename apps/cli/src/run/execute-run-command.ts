import { type RunConfig, runEvaluation } from '@assay/eval';
import { createProgressPrinter, type RunResults, summaryTable } from '@assay/report';
import { RUN_EXIT } from '../errors/exit-codes.js';
import { reportError } from '../errors/report-error.js';

/** Options shared by `assay run` and `assay demo`. */
export interface RunCliOptions {
  /** re-send requests recorded as failed */
  retryFailed?: boolean;
  /** no progress output */
  quiet?: boolean;
  /** discard the output directory's journal and default cache first */
  fresh?: boolean;
}

/**
 * Runs a validated configuration with progress on stderr, the summary on
 * stdout and SIGINT/SIGTERM handled cleanly, and returns the exit code.
 *
 * @param config - validated configuration
 * @param options - retry-failed, quiet, fresh
 * @returns the results (undefined when interrupted or failed) and the exit code
 * @example
 * const { code } = await executeRunCommand(config, { quiet: true });
 */
export async function executeRunCommand(
  config: RunConfig,
  options: RunCliOptions,
): Promise<{ code: number; results?: RunResults }> {
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(RUN_EXIT.interrupted);
    process.stderr.write(
      `\nassay: ${signal} received, stopping after saving finished requests (press again to force)…\n`,
    );
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const printer = createProgressPrinter({ quiet: options.quiet ?? false });
  try {
    const results = await runEvaluation(config, {
      signal: controller.signal,
      onProgress: printer.update,
      // notes are rare and change what the run means, so they show even with --quiet
      onNote: (message) => process.stderr.write(`assay: note: ${message}\n`),
      ...(options.retryFailed ? { retryFailed: true } : {}),
      ...(options.fresh ? { fresh: true } : {}),
    });
    printer.done();
    // like notes, warnings change what the numbers mean: shown even with --quiet
    for (const w of results.warnings ?? []) process.stderr.write(`assay: warning: ${w}\n`);
    process.stdout.write(summaryTable(results));
    process.stdout.write(`\nReport: ${results.files.reportHtml}\n`);
    const reasons = results.models.flatMap((m) => m.notRepresentative ?? []);
    if (reasons.length > 0) {
      // the reason for the exit code is the last line a CI log shows
      process.stderr.write(`assay: metrics not representative: ${reasons.join('; ')}\n`);
      return { code: RUN_EXIT.runtimeError, results };
    }
    return { code: results.passed ? RUN_EXIT.ok : RUN_EXIT.thresholdFailed, results };
  } catch (error) {
    printer.done();
    return { code: reportError(error) };
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
