import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { RunConfig } from '@assay/eval';
import type { Command } from 'commander';
import { RUN_EXIT } from '../errors/exit-codes.js';
import { relativePathHintLine } from '../errors/relative-path-hint.js';
import { reportError } from '../errors/report-error.js';

/**
 * The endpoint name the demo's journal records instead of the server's URL: the in-process
 * server gets a new port every run but is always the same model, so a second demo resumes.
 */
export const DEMO_ENDPOINT = 'builtin:model-server';

/** The folder assay ships in, whose `examples/` hold the demo configurations. */
function assayRoot(): string {
  // from the package's own folder, not this file's: the command line runs bundled
  const cliRoot = dirname(createRequire(import.meta.url).resolve('@assay/cli/package.json'));
  return join(cliRoot, '..', '..');
}

/**
 * Finds the bundled `examples/spam-assassin.yaml`: next to the working
 * directory first, then among the examples that ship with assay.
 *
 * @returns the path of the default demo configuration
 */
export function defaultDemoConfig(): string {
  return demoConfigPath('examples/spam-assassin.yaml');
}

/**
 * Resolves `--config`: a path from the working directory when it exists there, else the
 * same relative path among the examples that ship with assay (so `--config
 * examples/compare-settings.yaml`, as the README writes it, works from any folder), else a
 * bundled example by its name (`--config compare-settings`, with or without `.yaml`).
 *
 * @param config - the path or example name as given
 * @returns the absolute path to read (the working-directory one when none exists, for
 *   the error to name)
 * @example
 * demoConfigPath('compare-settings'); // '/…/examples/compare-settings.yaml'
 */
export function demoConfigPath(config: string): string {
  const local = resolve(config);
  if (existsSync(local) || isAbsolute(config)) return local;
  const root = assayRoot();
  const candidates = [config, join('examples', config), join('examples', `${config}.yaml`)];
  const shipped = candidates.map((c) => join(root, c)).find((path) => existsSync(path));
  return shipped ?? local;
}

/**
 * The bundled examples (`examples/<name>.yaml`) that the reference model server answers, so
 * `assay demo --config <name>` runs them as they are (the other bundled examples, such as
 * `multiple-choice`, need a model of your own: `assay run` them with its `baseUrl`).
 */
export const DEMO_EXAMPLES = ['spam-assassin', 'compare-settings', 'subject-lines'] as const;

/** The message for a `--config` found nowhere, naming what can be passed instead. */
function missingConfigMessage(config: string, path: string): string {
  return `assay demo: no configuration '${config}' (looked for ${path} and among the bundled examples). The examples the reference server answers: ${DEMO_EXAMPLES.join(', ')} (pass one by name, e.g. --config ${DEMO_EXAMPLES[1]}), or pass the path of a run configuration of your own.`;
}

/**
 * Registers `assay demo`: start the reference model server in-process on a
 * free loopback port and run a bundled example against it (default
 * `examples/spam-assassin.yaml`: every e-mail of the held-out
 * SpamAssassin mail, output in `./assay-out/demo`).
 *
 * @param program - the root program
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Run a bundled example against the built-in reference model server (no network).')
    .option(
      '-c, --config <file>',
      `a bundled example by name (${DEMO_EXAMPLES.join(', ')}) or the path of a run configuration (default: spam-assassin)`,
    )
    .option('-o, --output <dir>', "output directory (default: the config's output.dir)")
    .option('--retry-failed', 're-send only the requests that failed in an earlier run')
    .option(
      '--fresh',
      "start over: discard the output directory's journal, cache.sqlite and previous results before running",
    )
    .option('-q, --quiet', 'no progress output on stderr')
    .addHelpText(
      'after',
      `\nThe journal records the in-process server as '${DEMO_ENDPOINT}', not its random port, so a\nsecond demo resumes; --fresh starts over. Exit codes as for assay run.`,
    )
    .action(
      async (opts: {
        config?: string;
        output?: string;
        retryFailed?: boolean;
        fresh?: boolean;
        quiet?: boolean;
      }) => {
        const configPath =
          opts.config === undefined ? defaultDemoConfig() : demoConfigPath(opts.config);
        // refused before the server spends seconds training its model
        if (!existsSync(configPath)) {
          const message = missingConfigMessage(opts.config ?? configPath, configPath);
          process.stderr.write(`${message}\n${relativePathHintLine('assay demo', message)}`);
          process.exitCode = RUN_EXIT.configError;
          return;
        }
        const started = performance.now();
        const [{ loadRunConfig }, { startModelServer }, { executeRunCommand }] = await Promise.all([
          import('@assay/eval'),
          import('@assay/model-server'),
          import('../run/execute-run-command.js'),
        ]);
        const server = await startModelServer({ port: 0 });
        try {
          let config: RunConfig;
          try {
            config = await loadRunConfig(configPath, {
              baseUrl: server.baseUrl,
              endpoint: DEMO_ENDPOINT,
              ...(opts.output ? { outputDir: opts.output } : {}),
            });
          } catch (error) {
            process.exitCode = reportError(error);
            return;
          }
          if (!opts.quiet) {
            process.stderr.write(
              `assay demo: reference model server at ${server.baseUrl}; running ${configPath}\n`,
            );
          }
          // the summary reads: table, how long the demo took, where the report is, and last
          // the reason for the exit code (as `assay run` ends)
          const { code } = await executeRunCommand(config, {
            ...(opts.retryFailed ? { retryFailed: true } : {}),
            ...(opts.quiet ? { quiet: true } : {}),
            ...(opts.fresh ? { fresh: true } : {}),
            // a rerun resumes from the journal, and the warning that a service changed since
            // is not measured would name the last run's port: this server is the same model
            inProcessServer: true,
            finishedLine: () =>
              `Demo finished in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
          });
          process.exitCode = code;
        } catch (error) {
          process.exitCode = error instanceof Error ? reportError(error) : RUN_EXIT.runtimeError;
        } finally {
          await server.close();
        }
      },
    );
}
