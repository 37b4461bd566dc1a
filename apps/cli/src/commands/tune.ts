import { resolve } from 'node:path';
import type { Command } from 'commander';

/** The flags of `assay tune`, as commander parses them. */
interface TuneCommandOptions {
  output?: string;
  baseUrl?: string;
  retryFailed?: boolean;
  quiet?: boolean;
}

/**
 * Registers `assay tune <config>`: search prompts and parameters (grid, random, successive
 * halving, hyperband) within a request and cost budget, and write tune.json, report.html and
 * best.yaml.
 *
 * @param program - the root program
 */
export function registerTuneCommand(program: Command): void {
  program
    .command('tune')
    .description(
      'Search prompt and parameter settings within a budget; write tune.json, report.html and best.yaml (resumable).',
    )
    .argument('<config>', 'a run configuration with a `search` section (.yaml, .yml or .json)')
    .option('-o, --output <dir>', 'output directory (overrides output.dir)')
    .option('--base-url <url>', "override every model's baseUrl")
    .option(
      '--retry-failed',
      're-send the requests an earlier search recorded as failed (after the service is fixed)',
    )
    .option('-q, --quiet', 'no progress lines on stderr')
    .addHelpText(
      'after',
      [
        '',
        'A rerun resumes: every evaluation keeps its journal, and all share one response cache, so',
        'nothing is sent twice. The budget (search.budget.requests / costUsd) is checked before each',
        'evaluation with a dry run; the search stops before it would be exceeded. It counts the',
        'requests paid for (sent now, or by an earlier run it resumes), not answers from the cache.',
        'Without a budget the search warns, with the requests it estimates, and runs to the end.',
        '',
        'When more requests of an evaluation fail than evaluation.maxFailedFraction allows (a dead',
        'or unreachable service), the search stops with exit 3 and the first error; failed',
        'requests are journaled, so rerun with --retry-failed once the service answers.',
        '',
        'Exit codes:',
        '  0    a winner was chosen (when the budget stopped the search before the winner was',
        '       scored on the held-out items, stderr warns that its score is the optimistic one)',
        '  1    no winner: no candidate had a value and met every constraint, or the budget',
        '       stopped the search before the first evaluation',
        '  2    invalid config or data',
        '  3    run error (a failing service included)',
        '  130  interrupted (rerun to resume)',
      ].join('\n'),
    )
    .action(async (path: string, opts: TuneCommandOptions) => {
      const { runTuneCommand } = await import('../tune/run-tune-command.js');
      process.exitCode = await runTuneCommand(resolve(path), opts);
    });
}
