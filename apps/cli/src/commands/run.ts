import { resolve } from 'node:path';
import type { RunConfig } from '@assay/eval';
import type { Command } from 'commander';
import { RUN_EXIT } from '../errors/exit-codes.js';
import { reportError } from '../errors/report-error.js';
import { integer } from '../options/option-parsers.js';

/** The flags of `assay run`, as commander parses them. */
interface RunCommandOptions {
  retryFailed?: boolean;
  fresh?: boolean;
  quiet?: boolean;
  output?: string;
  baseUrl?: string;
  printSchema?: boolean;
  dryRun?: boolean;
  showPrompts?: number;
  junit?: string;
  summaryMd?: string;
}

/** What `assay run --help` says after the options: resuming, dry runs and the exit codes. */
const RUN_HELP_AFTER = [
  '',
  'A rerun into the same output directory resumes: requests in its journal are not sent again.',
  'A journal with answers from another endpoint (base URL, provider, model id, params or',
  'headers) is refused: use --fresh to start over there, or another --output. One holding only',
  'failed requests (a wrong URL, a service that was down) is taken over, its failures dropped.',
  'A directory holding a run on another data set (another dataset.builtin, or another file) is',
  'refused the same way: give each evaluation its own name: (or --output), or use --fresh.',
  'A gate that can only end badly is refused before anything is sent (--dry-run lists it): a',
  'percentile interval end the planned requests cannot bound (p95_latency_ms.ci_high), a Wilson',
  'end that no outcome of that size can pass (error_rate.ci_high <= 0.02 on 40 requests, an',
  'accuracy.ci_low), or a TTFT or TPOT gate on a model that is not streamed.',
  '',
  'A dry run (--dry-run) reads the journal and cache but opens no connection, takes no lock and',
  'writes no file; with --fresh or --retry-failed it counts as that run would.',
  '',
  'Exit codes:',
  '  0    finished, every threshold passed',
  '  1    a threshold failed',
  '  2    invalid config or data; the output directory cannot be created or written, is in use',
  '       by another run, holds a run against another endpoint (or other headers) or data set,',
  '       or has a damaged or read-only journal or cache (see --fresh)',
  '  3    run error, or metrics not representative (too many failed requests or unparseable answers)',
  '  130  interrupted by SIGINT (Ctrl-C), SIGTERM or SIGHUP while requests were sent (rerun to',
  '       resume); a signal once every request is done lets the results be written (exit as above)',
  'The reason for the exit code is the last line printed.',
].join('\n');

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
    .option(
      '--fresh',
      "start over: discard the output directory's journal, cache.sqlite and previous results before running",
    )
    .option('-q, --quiet', 'no progress output on stderr')
    .option('-o, --output <dir>', 'output directory (overrides output.dir)')
    .option('--base-url <url>', "override every model's baseUrl")
    .option('--print-schema', 'print the configuration JSON Schema and exit')
    .option(
      '--dry-run',
      'load and validate everything, print the plan (requests, distinct prompts, tokens, cost) and the first prompts; send nothing, write nothing',
    )
    .option(
      '--show-prompts <n>',
      'with --dry-run: how many distinct prompts to print per prompt setting (default 3)',
      integer('--show-prompts', 0),
    )
    .option(
      '--junit <file>',
      'write JUnit XML: one test case per threshold and model (failures with value, interval and bound)',
    )
    .option(
      '--summary-md <file>',
      'append a Markdown summary (verdict, thresholds, headline metrics), e.g. $GITHUB_STEP_SUMMARY',
    )
    .addHelpText('after', RUN_HELP_AFTER)
    .action(async (configPath: string | undefined, opts: RunCommandOptions) => {
      const code = await runRunCommand(configPath, opts);
      if (code !== undefined) process.exitCode = code;
    });
}

/**
 * The action of `assay run`: the schema, a dry run's plan, or the run itself.
 *
 * @returns the exit code (as `RUN_EXIT`); `undefined` after `--print-schema`, which leaves it as is
 */
async function runRunCommand(
  configPath: string | undefined,
  opts: RunCommandOptions,
): Promise<number | undefined> {
  if (opts.printSchema) {
    const { runConfigJsonSchema } = await import('@assay/eval');
    process.stdout.write(`${JSON.stringify(runConfigJsonSchema(), null, 2)}\n`);
    return undefined;
  }
  if (opts.showPrompts !== undefined && !opts.dryRun) {
    process.stderr.write('assay run: --show-prompts applies only with --dry-run.\n');
    return RUN_EXIT.configError;
  }
  if (configPath === undefined) {
    process.stderr.write('assay run: missing the configuration file (assay run <config.yaml>).\n');
    return RUN_EXIT.configError;
  }
  // the harness loads when a run starts, not with every command's --help
  const { loadRunConfig } = await import('@assay/eval');
  let config: RunConfig;
  try {
    config = await loadRunConfig(resolve(configPath), {
      // the headline of an invalid config names the file as the user typed it
      configFile: configPath,
      ...(opts.output ? { outputDir: opts.output } : {}),
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
    });
  } catch (error) {
    return reportError(error);
  }
  const { starterPlaceholderProblem } = await import('../init/starter-placeholder.js');
  const placeholder = starterPlaceholderProblem(configPath, config.dataset.path);
  if (placeholder !== undefined) {
    process.stderr.write(`assay: ${placeholder}\n`);
    return RUN_EXIT.configError;
  }
  if (opts.dryRun) return printDryRun(config, opts);
  const { executeRunCommand } = await import('../run/execute-run-command.js');
  const { code } = await executeRunCommand(config, {
    ...(opts.retryFailed ? { retryFailed: true } : {}),
    ...(opts.quiet ? { quiet: true } : {}),
    ...(opts.fresh ? { fresh: true } : {}),
    ci: {
      ...(opts.junit ? { junit: opts.junit } : {}),
      ...(opts.summaryMd ? { summaryMd: opts.summaryMd } : {}),
    },
  });
  return code;
}

/** Runs `assay run --dry-run`: the plan on stdout, exit 0; an invalid setup as a run reports it. */
async function printDryRun(
  config: RunConfig,
  opts: { fresh?: boolean; retryFailed?: boolean; showPrompts?: number },
): Promise<number> {
  try {
    const { dryRun } = await import('@assay/eval');
    const { dryRunText } = await import('../run/dry-run-text.js');
    const report = await dryRun(config, {
      ...(opts.fresh ? { fresh: true } : {}),
      ...(opts.retryFailed ? { retryFailed: true } : {}),
      ...(opts.showPrompts !== undefined ? { showPrompts: opts.showPrompts } : {}),
    });
    process.stdout.write(dryRunText(report));
    return RUN_EXIT.ok;
  } catch (error) {
    return reportError(error);
  }
}
