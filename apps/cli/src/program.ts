import { createRequire } from 'node:module';
import { Command } from 'commander';
import { registerCompareCommand } from './commands/compare.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerInitCommand } from './commands/init.js';
import { registerLoadtestCommand } from './commands/loadtest.js';
import { registerRunCommand } from './commands/run.js';
import { registerScoreCommand } from './commands/score.js';
import { registerTuneCommand } from './commands/tune.js';

/**
 * Builds the `assay` command-line program with every subcommand registered.
 *
 * @returns the commander program, ready for `parseAsync(process.argv)`
 */
export function buildProgram(): Command {
  const { version } = createRequire(import.meta.url)('@assay/cli/package.json') as {
    version: string;
  };
  const program = new Command('assay')
    .description('Evaluate models served as a service: metrics you can defend, with uncertainty.')
    .version(version, '-V, --version', 'print the version of assay')
    .showHelpAfterError('(run with --help for usage)')
    // commander's own usage errors (an unknown flag, a bad or missing value) are bad input:
    // exit 2 as every command documents, never 1, which means a failed gate; help and
    // --version exit 0. Subcommands registered below inherit this.
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : 2);
    });
  registerScoreCommand(program);
  registerRunCommand(program);
  registerDemoCommand(program);
  registerInitCommand(program);
  registerTuneCommand(program);
  registerLoadtestCommand(program);
  registerCompareCommand(program);
  return program;
}
