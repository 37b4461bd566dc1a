import {
  DEFAULT_GENERATION_METRICS,
  GENERATION_BLEU_TOKENIZERS,
  GENERATION_METRICS,
  INPUT_FORMATS,
} from '@assay/runner/options';
import { type Command, Option } from 'commander';
import { relativePathHintLine } from '../errors/relative-path-hint.js';
import { isInputError } from '../errors/report-error.js';
import { integer, labelList, level, list, withChoices } from '../options/option-parsers.js';
import type { ScoreCommandOptions } from '../score/score-action.js';
import { scoreErrorText } from '../score/score-flag-names.js';

const EXAMPLES = `
Examples:
  # binary classifier: default metrics, ROC AUC from scores of the positive class
  $ assay score preds.csv --y-true label --y-pred pred --y-score p_fraud --pos-label fraud

  # 5-fold stratified CV, macro F1 and a 1000-resample bootstrap 95% CI
  $ assay score preds.parquet --y-true y --y-pred yhat --cv stratified:5 \\
      --metrics accuracy,f1_macro --bootstrap 1000 --seed 7

  # scikit-learn's own folds (StratifiedKFold(5), unshuffled), or the folds saved with the predictions
  $ assay score preds.csv --y-true y --y-pred yhat --cv stratified:5 --no-shuffle
  $ assay score preds.csv --y-true y --y-pred yhat --folds fold

  # multiclass probabilities, per-language slices, Markdown report
  $ assay score preds.jsonl --y-true y --y-pred yhat --y-proba p_a,p_b,p_c \\
      --slice lang --format md --out report.md

  # three answers per question: intervals resample questions, not answers
  $ assay score answers.csv --y-true gold --y-pred answer --clusters question_id \\
      --metrics accuracy --bootstrap 1000

  # regression with weights, group-aware CV
  $ assay score preds.arrow --y-true price --y-pred pred --task regression \\
      --weight w --group store --cv group:5

  # generated text: corpus BLEU/chrF as sacrebleu, ROUGE-L with stemming, SQuAD EM and F1
  $ assay score outputs.jsonl --task generation --y-true references --y-pred output \\
      --metrics exact_match,token_f1,bleu,chrf,rougeL --stemmer porter --bootstrap 1000

  # Chinese outputs: BLEU with sacrebleu's zh tokenizer (intl: Unicode punctuation and symbols)
  $ assay score outputs.jsonl --task generation --y-true references --y-pred output \\
      --metrics bleu,chrf --bleu-tokenize zh

Exit codes: 0 ok, 2 bad input (unknown column or metric, bad file, bad option).`;

/**
 * The metrics `assay score` scores without `--metrics`, per task, as its help lists them. The
 * runner's `defaultMetrics` picks the classification and regression sets; it is not imported
 * here, as it would load the metrics at start-up for a help line (a test holds the two equal).
 *
 * @example
 * ```ts
 * DEFAULT_METRICS_HELP.endsWith('generation: exact_match, token_f1, bleu, chrf, rougeL'); // true
 * ```
 */
export const DEFAULT_METRICS_HELP = [
  'classification: accuracy, balanced_accuracy, f1_macro, precision_macro, recall_macro, matthews_corrcoef',
  '(+ roc_auc with --y-score or a two-class --y-proba, roc_auc_ovr with more classes, log_loss with --y-proba);',
  'regression: mae, rmse, r2, mape;',
  `generation: ${DEFAULT_GENERATION_METRICS.join(', ')}`,
].join(' ');

/** The flags of `assay score` on what to score: column roles, task and metrics. */
function addScoreOptions(command: Command): Command {
  return command
    .requiredOption(
      '--y-true <col>',
      'column of true labels (or values; with --task generation, references: a string, or in JSONL an array of strings)',
    )
    .requiredOption(
      '--y-pred <col>',
      'column of predicted labels (or values; with --task generation, the generated outputs)',
    )
    .option(
      '--y-score <col>',
      'column of positive-class scores (binary: roc_auc, average_precision; read as probabilities by log_loss and brier_score)',
    )
    .option(
      '--y-proba <cols>',
      'comma-separated probability columns, one per class in sorted class order',
      list,
    )
    .option('--weight <col>', 'column of row weights')
    .option('--group <col>', 'column of groups (for --cv group:K, stratified-group:K)')
    .option('--slice <col>', 'also report every metric per value of this column')
    .option(
      '--clusters <col>',
      'column naming the item each row predicts: the bootstrap resamples items, all rows of one at once',
    )
    .option(
      '--pos-label <label>',
      'the positive class of binary metrics and scores (needed unless the labels are 0/1 or -1/1)',
    )
    .option(
      '--labels <list>',
      "comma-separated labels that averaged and per-label metrics range over, in this order (scikit-learn's labels=; default: the labels present); each is trimmed, except one in double quotes, read as a JSON string: '\" spam \",ham'",
      labelList,
    )
    .addOption(
      withChoices(
        new Option('--task <task>', 'task (inferred when omitted; generation must be named)'),
        ['classification', 'regression', 'generation'],
      ),
    )
    .option(
      '--metrics <list>',
      `comma-separated scikit-learn scorer names, or with --task generation any of ${GENERATION_METRICS.join(', ')} (default per task: ${DEFAULT_METRICS_HELP})`,
      list,
    )
    .addOption(
      withChoices(
        new Option('--stemmer <name>', 'ROUGE stemmer for --task generation (default: none)'),
        ['porter', 'none'],
      ),
    )
    .addOption(
      withChoices(
        new Option(
          '--bleu-tokenize <name>',
          "BLEU tokenizer for --task generation, as sacrebleu's --tokenize (default: 13a)",
        ),
        GENERATION_BLEU_TOKENIZERS,
      ),
    )
    .option(
      '--normalize <mode>',
      'how exact_match and token_f1 compare texts with --task generation: squad (default), none, or a comma-separated list of ignore_case, ignore_punctuation, ignore_numbers',
    );
}

/** The flags of `assay score` on folds, intervals and output: CV, bootstrap, workers, format. */
function addRunOptions(command: Command): Command {
  return command
    .option(
      '--cv <spec>',
      'none | kfold:K | stratified:K | group:K | stratified-group:K | repeated-stratified:KxR | holdout:F | timeseries:K',
      'none',
    )
    .option('--shuffle', 'shuffle the rows before cutting folds, seeded by --seed (the default)')
    .option(
      '--no-shuffle',
      "keep row order in kfold, stratified, stratified-group and holdout folds (scikit-learn's shuffle=False: the same folds row for row; --seed then seeds only the bootstrap)",
    )
    .option(
      '--folds <col>',
      "column of precomputed test folds instead of --cv: one whole number per row, -1 = never tested (scikit-learn's PredefinedSplit: fold k tests the k-th smallest value)",
    )
    .option(
      '--folds-out <file>',
      "save each data row's test fold as CSV (data_row,fold; a column per repeat): a --folds column for a later run, or scikit-learn's PredefinedSplit(test_fold)",
    )
    .option('--seed <n>', 'seed of shuffled splitters and the bootstrap', integer('--seed', 0), 0)
    .option(
      '--bootstrap <n>',
      'bootstrap resamples for confidence intervals (0 = none)',
      integer('--bootstrap', 0),
      0,
    )
    .option('--ci <level>', 'confidence level of the intervals', level, 0.95)
    .option(
      '--workers <n>',
      'worker threads (default: number of cores, or 0 for a file under 1 MiB, 384 KiB with a --y-score/--y-proba bootstrap; 0 = main thread; more than the cores is cut to them, with a warning)',
      integer('--workers', 0),
    )
    .addOption(
      withChoices(
        new Option('--format <format>', 'output format (default: table on a terminal, else json)'),
        ['table', 'json', 'md'],
      ),
    )
    .option('--out <file>', 'write the report to a file instead of stdout')
    .addOption(
      withChoices(
        new Option('--input-format <format>', 'input format (default: from the extension)'),
        INPUT_FORMATS,
      ),
    )
    .option(
      '--drop-missing',
      'drop rows with a missing value (counted in the report) instead of failing',
    )
    .option(
      '-q, --quiet',
      'no progress display and no warnings on stderr (the report keeps its warnings)',
    );
}

/**
 * Registers `assay score`: metrics of a predictions file with cross-validated
 * folds, slices and bootstrap confidence intervals, on a worker pool.
 *
 * @param program - the root program
 */
export function registerScoreCommand(program: Command): void {
  const command = program
    .command('score')
    .description(
      'Score a predictions file (JSONL, CSV, Arrow IPC, Parquet): metrics on the whole set, per CV fold and per slice, with bootstrap confidence intervals; --task generation scores generated text against references.',
    )
    .argument(
      '<file>',
      'predictions file (.jsonl, .csv, .tsv, .arrow, .arrows, .feather, .parquet)',
    );
  addRunOptions(addScoreOptions(command))
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, options: ScoreCommandOptions) => {
      try {
        const { runScoreCommand } = await import('../score/score-action.js');
        await runScoreCommand(file, options);
      } catch (error) {
        if (isInputError(error)) {
          const path = (error as { path?: unknown }).path;
          const message = scoreErrorText(
            error.message,
            typeof path === 'string' ? path : undefined,
            file,
          );
          process.stderr.write(
            `assay score: ${message}\n${relativePathHintLine('assay score', message)}`,
          );
          process.exitCode = 2;
          return;
        }
        throw error;
      }
    });
}
