import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  COMPARE_FORMAT_EXTENSIONS,
  COMPARE_FORMATS,
  type CompareFormat,
  parseCompareFormat,
} from '../compare/compare-formats.js';
import { reportError } from '../errors/report-error.js';
import { integer, level, list, withChoices } from '../options/option-parsers.js';

function margin(text: string): number {
  const v = Number(text);
  if (text.trim() === '' || !(v >= 0) || !Number.isFinite(v)) {
    throw new InvalidArgumentError('--margin must be a number >= 0, e.g. 0.01.');
  }
  return v;
}

function share(text: string): number {
  const v = Number(text);
  if (text.trim() === '' || !(v >= 0 && v <= 1)) {
    throw new InvalidArgumentError(
      '--max-unpaired must be a share from 0 to 1, e.g. 0.01 (1% of the predictions without a partner).',
    );
  }
  return v;
}

const collect = (text: string, previous: string[] = []): string[] => [...previous, ...list(text)];

interface CompareFlags {
  model?: string;
  metric?: string[];
  failOn?: 'regression';
  margin?: number;
  maxUnpaired?: number;
  fdr?: boolean;
  allowDifferentData?: boolean;
  format: CompareFormat;
  out?: string;
  junit?: string;
  bootstrap?: number;
  ci?: number;
  seed?: number;
  permutations?: number;
}

const EXIT_HELP = [
  '',
  'Pairs the two runs item by item from their predictions.arrow; items only one run has are',
  'counted and listed. The reason for the exit code is the last line printed (on stderr when a',
  'JSON, Markdown or HTML document goes to stdout).',
  '',
  'Exit codes:',
  '  0    no gated metric failed a rule (or no rule was given)',
  '  1    a gated metric is significantly worse (--fail-on regression), not non-inferior (--margin), or could not be compared;',
  '       or more than --max-unpaired of the predictions have no partner in the other run',
  '  2    a missing or unreadable file, a run that has not finished, bad flags, or runs of different',
  '       tasks, label sets or data',
  '  3    an unexpected error',
].join('\n');

/**
 * Registers `assay compare <baseline> <candidate>`: two finished runs compared item by item
 * (thin: the work is `@assay/eval`'s `compareRuns`).
 *
 * @param program - the root program
 */
export function registerCompareCommand(program: Command): void {
  program
    .command('compare')
    .description('Compare two finished runs item by item: differences, intervals, paired tests.')
    .argument('<baseline>', 'the baseline run: its output directory or results.json')
    .argument('<candidate>', 'the candidate run: its output directory or results.json')
    .option(
      '--model <name>',
      "the model to compare in both runs, or <baseline model>:<candidate model> for a renamed one or two models of one run (default: each run's first)",
    )
    .option(
      '--metric <names>',
      'gated metric(s), repeatable or comma-separated (default: every compared metric)',
      collect,
    )
    .addOption(
      withChoices(
        new Option('--fail-on <what>', 'exit 1 when a gated metric is significantly worse'),
        ['regression'],
      ),
    )
    .option(
      '--margin <n>',
      'non-inferiority: exit 1 unless the CI of each gated difference lies at or above -n (at or below +n for a lower-is-better metric such as log_loss)',
      margin,
    )
    .option(
      '--max-unpaired <share>',
      'exit 1 when more than this share of the predictions (a pair counts once) have no partner in the other run (0 to 1, e.g. 0.01): the metrics compare the paired ones alone',
      share,
    )
    .option('--fdr', 'adjust across gated metrics with Benjamini-Hochberg instead of Holm')
    .option(
      '--allow-different-data',
      'compare runs of different label sets or data sets (never of another task type)',
    )
    .addOption(
      new Option(
        '--format <format>',
        'output format (text: the former name of table, still accepted)',
      )
        .choices(COMPARE_FORMATS)
        .default('table')
        // after choices(): the help lists the formats, the parser also takes the alias
        .argParser(parseCompareFormat),
    )
    .option('--out <file>', 'write the --format output to a file (the table still prints)')
    .option('--junit <file>', 'write JUnit XML: one test case per gated metric')
    .option(
      '--bootstrap <n>',
      'bootstrap resamples (default: the baseline run, at least 1000)',
      integer('--bootstrap', 1),
    )
    .option('--ci <level>', "confidence level (default: the baseline run's)", level)
    .option(
      '--seed <n>',
      "seed of the resamples (default: the baseline run's)",
      integer('--seed', 0),
    )
    .option(
      '--permutations <n>',
      'random sign assignments of the permutation test (default 9999)',
      integer('--permutations', 1),
    )
    .addHelpText('after', EXIT_HELP)
    .action(async (baseline: string, candidate: string, opts: CompareFlags) => {
      process.exitCode = await runCompare(baseline, candidate, opts);
    });
}

/** Compares the runs and writes the outputs the flags ask for; the exit code. */
async function runCompare(
  baseline: string,
  candidate: string,
  opts: CompareFlags,
): Promise<number> {
  try {
    const [{ compareRuns }, { writeCompareOutputs }, { checkCompareOutputs }] = await Promise.all([
      import('@assay/eval'),
      import('../compare/write-compare-outputs.js'),
      import('../compare/check-output-paths.js'),
    ]);
    checkCompareOutputs(
      [
        ['--out', opts.out, COMPARE_FORMAT_EXTENSIONS[opts.format]],
        ['--junit', opts.junit, 'xml'],
      ],
      [baseline, candidate],
    );
    const result = await compareRuns(baseline, candidate, {
      ...(opts.model === undefined ? {} : { model: opts.model }),
      ...(opts.metric === undefined ? {} : { metrics: opts.metric }),
      failOn: opts.failOn ?? null,
      margin: opts.margin ?? null,
      maxUnpaired: opts.maxUnpaired ?? null,
      fdr: opts.fdr === true,
      allowDifferentData: opts.allowDifferentData === true,
      ...(opts.bootstrap === undefined ? {} : { bootstrap: opts.bootstrap }),
      ...(opts.ci === undefined ? {} : { ci: opts.ci }),
      ...(opts.seed === undefined ? {} : { seed: opts.seed }),
      ...(opts.permutations === undefined ? {} : { permutations: opts.permutations }),
    });
    await writeCompareOutputs(result, opts);
    return result.decision.exitCode;
  } catch (error) {
    return reportError(error);
  }
}
