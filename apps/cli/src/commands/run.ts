import { resolve } from 'node:path';
import {
  ConfigError,
  createProgressPrinter,
  loadRunConfig,
  type RunConfig,
  type RunResults,
  runConfigJsonSchema,
  runEvaluation,
  summaryTable,
} from '@assay/runner';
import type { Command } from 'commander';

/** Exit codes of `assay run` and `assay demo`. */
export const RUN_EXIT = {
  /** finished, every threshold passed */
  ok: 0,
  /** finished, at least one threshold failed */
  thresholdFailed: 1,
  /** invalid configuration or data */
  configError: 2,
  /** the run failed for another reason */
  runtimeError: 3,
  /** interrupted (SIGINT/SIGTERM); rerun to resume */
  interrupted: 130,
} as const;

/** Options shared by `assay run` and `assay demo`. */
export interface RunCliOptions {
  /** re-send requests recorded as failed */
  retryFailed?: boolean;
  /** no progress output */
  quiet?: boolean;
}

/**
 * Runs a validated configuration with progress on stderr, the summary on
 * stdout and SIGINT/SIGTERM handled cleanly, and returns the exit code.
 *
 * @param config - validated configuration
 * @param options - retry-failed, quiet
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
      ...(options.retryFailed ? { retryFailed: true } : {}),
    });
    printer.done();
    process.stdout.write(summaryTable(results));
    process.stdout.write(`\nReport: ${results.files.reportHtml}\n`);
    return { code: results.passed ? RUN_EXIT.ok : RUN_EXIT.thresholdFailed, results };
  } catch (error) {
    printer.done();
    return { code: reportError(error) };
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/**
 * Prints an error for the user and maps it to an exit code.
 *
 * @param error - what was thrown
 * @returns 2 for configuration/data errors, 130 for interruption, 3 otherwise
 */
export function reportError(error: unknown): number {
  if (error instanceof ConfigError) {
    if (error.code === 'ABORTED') {
      process.stderr.write(`assay: ${error.message}\n`);
      return RUN_EXIT.interrupted;
    }
    process.stderr.write(`assay: ${error.message}\n`);
    return RUN_EXIT.configError;
  }
  const e = error as { name?: string; code?: string; message?: string };
  if (
    e?.name === 'ClientError' &&
    ['UNKNOWN_PROVIDER', 'MISSING_API_KEY', 'INVALID_BASE_URL', 'INVALID_CONFIG'].includes(
      e.code ?? '',
    )
  ) {
    process.stderr.write(`assay: model configuration: ${e.message}\n`);
    return RUN_EXIT.configError;
  }
  process.stderr.write(`assay: run failed: ${e?.message ?? String(error)}\n`);
  return RUN_EXIT.runtimeError;
}

/**
 * Registers `assay run <config>`: evaluate one or more served models end to
 * end (resumable), writing results.json, predictions.arrow, report.md and
 * report.html to the configured output directory.
 *
 * @param program - the root program
 */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('Evaluate one or more served models from a YAML/JSON config (resumable).')
    .argument('[config]', 'run configuration (.yaml, .yml or .json)')
    .option('--retry-failed', 're-send only the requests that failed in an earlier run')
    .option('-q, --quiet', 'no progress output on stderr')
    .option('-o, --output <dir>', 'output directory (overrides output.dir)')
    .option('--base-url <url>', "override every model's baseUrl")
    .option('--print-schema', 'print the configuration JSON Schema and exit')
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 a threshold failed, 2 invalid config or data, 3 run error, 130 interrupted (rerun to resume).',
    )
    .action(
      async (
        configPath: string | undefined,
        opts: {
          retryFailed?: boolean;
          quiet?: boolean;
          output?: string;
          baseUrl?: string;
          printSchema?: boolean;
        },
      ) => {
        if (opts.printSchema) {
          process.stdout.write(`${JSON.stringify(runConfigJsonSchema(), null, 2)}\n`);
          return;
        }
        if (configPath === undefined) {
          process.stderr.write(
            'assay run: missing the configuration file (assay run <config.yaml>).\n',
          );
          process.exitCode = RUN_EXIT.configError;
          return;
        }
        let config: RunConfig;
        try {
          config = await loadRunConfig(resolve(configPath), {
            ...(opts.output ? { outputDir: opts.output } : {}),
            ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
          });
        } catch (error) {
          process.exitCode = reportError(error);
          return;
        }
        const { code } = await executeRunCommand(config, {
          ...(opts.retryFailed ? { retryFailed: true } : {}),
          ...(opts.quiet ? { quiet: true } : {}),
        });
        process.exitCode = code;
      },
    );
}
