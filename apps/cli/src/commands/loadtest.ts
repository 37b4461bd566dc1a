import type { Command } from 'commander';
import type { LoadtestFlags } from '../loadtest/loadtest-flags.js';

/** `assay loadtest --help`'s examples and exit codes. */
const LOADTEST_HELP = [
  '',
  'Examples:',
  '  # closed loop: 64 requests in flight for 30 s against a local vLLM',
  '  $ assay loadtest --base-url http://127.0.0.1:8000/v1 --model my-model --concurrency 64',
  '',
  '  # open loop: 20 requests/s, Poisson arrivals, 512-token prompts, SLO checked',
  '  $ assay loadtest --base-url http://127.0.0.1:8000/v1 --model my-model --rate 20 \\',
  "      --prompt-tokens 512 --max-tokens 128 --slo 'ttft_p95<=300,e2e_p99<=2000'",
  '',
  '  # the largest rate that meets the SLO, with an HTML report',
  '  $ assay loadtest --base-url http://127.0.0.1:8000/v1 --model my-model --find-max \\',
  "      --slo 'ttft_p95<=300,tpot_p95<=50' --report load.html",
  '',
  'SLO (--slo):',
  '  comma-separated bounds <metric>_<stat><=<number>: metric ttft, tpot, itl or e2e (ms),',
  "  stat mean, p50, p90, p95, p99, p999 or max, over the step's completed requests; and",
  '  error_rate<=<fraction> (failed and dropped over measured, 0.01 = 1%). A step meets the',
  '  SLO when every bound holds; a statistic with no value (no request streamed 2 or more',
  '  tokens for tpot) fails its bound. Goodput: the requests per second that completed',
  '  within every per-request bound (a one-token answer has no TPOT and is not held to it;',
  '  one whose chunks all arrived in one read shows no decode, so it fails tpot and itl);',
  '  the table shows it with its share of the requests sent. The valid column says whether',
  '  the load generator kept its schedule, so the step measures the service.',
  '',
  'Exit codes:',
  '  0  finished',
  '  1  a single-step run missed its --slo, or --find-max found no rate that meets it',
  '  2  invalid flags, refused before any request',
  '  3  the run failed, or no request succeeded',
  '  130  interrupted (what was measured is still printed; requests cut off are left out of it)',
].join('\n');

/**
 * Registers `assay loadtest`: how a model service holds up under load (closed or open loop,
 * sweep, largest rate within an SLO), with vLLM's metric definitions and checks of the load
 * generator's own health.
 *
 * @param program - the root program
 */
export function registerLoadtestCommand(program: Command): void {
  program
    .command('loadtest')
    .description(
      'Load-test a model service: throughput, TTFT/TPOT/ITL/e2e percentiles, goodput within an SLO.',
    )
    .option(
      '--config <file>',
      "YAML or JSON file with any of these flags as keys, and http-json's template and paths (flags win; a load flag replaces the file's load)",
    )
    .option('--base-url <url>', 'base URL of the service, e.g. http://127.0.0.1:8000/v1')
    .option('--model <id>', 'model id sent with every request')
    .option(
      '--provider <kind>',
      'openai-chat (default), openai-completions, anthropic or http-json (template and paths in --config)',
    )
    .option('--api-key-env <name>', 'environment variable holding the API key')
    .option('--concurrency <n>', 'closed loop: N requests in flight')
    .option('--rate <r>', 'open loop: R requests per second')
    .option(
      '--arrival <kind>',
      'open-loop arrivals (--rate, --sweep, --find-max): poisson (default), constant or gamma:<cv>',
    )
    .option('--sweep <k>', 'synchronous, throughput at full concurrency, then K rates between')
    .option('--find-max', 'the largest rate that meets --slo, by bisection on rate')
    .option(
      '--slo <spec>',
      "bounds on step statistics (ms; error_rate a fraction), see SLO below: 'ttft_p95<=300,tpot_p95<=50,e2e_p99<=2000,error_rate<=0.01'",
    )
    .option(
      '--duration <time>',
      'measured time per step: 30s, 500ms, 2m, or a bare number of seconds (default 30s unless --requests; with --requests a closed loop stops at whichever comes first, an open loop ignores it, with a warning)',
    )
    .option(
      '--requests <n>',
      'measured requests per step (an open loop sends exactly N, whatever --duration says)',
    )
    .option('--warmup <time>', 'warm-up per step, sent and excluded from statistics (default 0)')
    .option(
      '--max-in-flight <n>',
      'open loop (--rate, and the rate steps of --sweep and --find-max): a request that finds N in flight is counted as dropped, not sent late (default: no bound for --rate; the full-concurrency step of --sweep and --find-max uses N, default 64)',
    )
    .option(
      '--dataset <source>',
      'prompts: builtin:spam-assassin (default) or a .csv, .tsv, .jsonl, .arrow or .parquet file',
    )
    .option(
      '--prompt-column <col>',
      'the column of a --dataset file that holds the prompt (default prompt; the built-in data set has none)',
    )
    .option(
      '--prompt-tokens <n[:sd]>',
      'synthetic prompts of real words, N tokens (normal with sd)',
    )
    .option('--max-tokens <n>', 'max_tokens of every request')
    .option('--ignore-eos', "send vLLM's ignore_eos: answers of exactly --max-tokens tokens")
    .option('--timeout <time>', 'per-request timeout (default 60s); stalled streams end here')
    .option('--seed <n>', 'seed of arrival draws and synthetic prompts (default 1)')
    .option('--format <format>', 'table (default), json or md')
    .option(
      '--out <file>',
      'write the formatted results to FILE instead of stdout (.json, .md or .txt pick the format; its folder is made)',
    )
    .option('--records <file>', 'one row per request: FILE.jsonl or FILE.arrow')
    .option('--report <file>', 'self-contained HTML report with inline SVG charts')
    .option(
      '--score <run-config>',
      'prompts from a run config, answers scored with its task (classification, multiple choice, generation, regression): quality with its CI per step',
    )
    .option('-q, --quiet', 'no progress on stderr')
    .addHelpText('after', LOADTEST_HELP)
    .action(async (flags: LoadtestFlags) => {
      const { runLoadtestCommand } = await import('../loadtest/run-loadtest-command.js');
      process.exitCode = await runLoadtestCommand(flags);
    });
}
