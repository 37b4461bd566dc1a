import { writeFile } from 'node:fs/promises';
import { versionedBaseUrl } from '@assay/clients';
import {
  type AnswerJudge,
  aboveCapacityWarning,
  cutOffWaitClause,
  LoadTestError,
  type LoadTestResult,
  loadDatasetWorkload,
  loadtestHtml,
  maxRateLine,
  measuredNothing,
  openRecordsSink,
  parsePromptTokens,
  RecordStore,
  type RecordsSink,
  resolveLoadTest,
  runLoadTest,
  type Slo,
  type StepResult,
  syntheticWorkload,
  untimedAnswers,
  untimedAnswersWarning,
  type Workload,
} from '@assay/loadtest';
import { relativePathHintLine } from '../errors/relative-path-hint.js';
import { isClientConfigError } from '../errors/report-error.js';
import { clientErrorLine } from './client-error-line.js';
import { type LoadtestFlags, loadTestOptionsFromFlags, withConfigFile } from './loadtest-flags.js';
import { jsonNotes, loadtestMarkdown, loadtestTable, sloMissLine } from './loadtest-format.js';
import { progressLine, stepCountOf, stepDoneLine } from './loadtest-progress.js';
import { checkOutputs, type Format, pickFormat } from './output-choice.js';
import { prepareOutputs } from './output-paths.js';
import { boundsWarning, outFormatWarning } from './run-warnings.js';
import { scoredWorkload } from './score-workload.js';

/** Requests completed and failed over every step, and the failures by class (`connection 12, http_429 3`). */
function tally(result: LoadTestResult): { completed: number; failed: number; classes: string } {
  const steps = result.steps ?? [result];
  const completed = steps.reduce((sum, s) => sum + s.requests.completed, 0);
  const failed = steps.reduce((sum, s) => sum + s.requests.failed, 0);
  const byError = new Map<string, number>();
  for (const s of steps)
    for (const [cls, n] of Object.entries(s.requests.byError))
      byError.set(cls, (byError.get(cls) ?? 0) + n);
  const classes = [...byError].map(([cls, n]) => `${cls} ${n}`).join(', ');
  return { completed, failed, classes };
}

/**
 * Why the run measured nothing, when no request of any step succeeded and at least one
 * failed: the failure classes and their counts; undefined otherwise. Every failure a 404 is
 * a URL the service serves nothing at (most often a base URL without its `/v1`, suggested
 * when its path names no version) or a model it does not serve (vLLM and OpenAI answer an
 * unknown model 404): both are named.
 */
function allRequestsFailed(
  result: LoadTestResult,
  target: { readonly baseUrl: string; readonly model: string },
): string | undefined {
  const { completed, failed, classes } = tally(result);
  if (completed > 0 || failed === 0) return undefined;
  if (classes === `http_404 ${failed}`) {
    const withV1 = versionedBaseUrl(target.baseUrl);
    const url =
      withV1 === undefined
        ? 'check --base-url: it should be the URL the service serves its API under'
        : `check --base-url (OpenAI-compatible servers usually serve under /v1: ${withV1})`;
    return `no request succeeded: all ${failed} were answered 404 Not Found: the service serves no API under ${target.baseUrl}, or no model '${target.model}'; ${url}, and --model (GET <base-url>/models lists the models an OpenAI-compatible service serves).`;
  }
  return `no request succeeded: ${failed} failed (${classes}); check --base-url, --model and the service.`;
}

/**
 * A warning when most requests failed but some succeeded (a server killed mid-run): the run
 * still exits 0 without `--slo`, so say that its figures describe few answers.
 */
function mostRequestsFailed(
  result: LoadTestResult,
  slo: Slo | undefined,
  noSloAdvice: boolean,
): string | undefined {
  const { completed, failed, classes } = tally(result);
  if (completed === 0 || failed <= completed) return undefined;
  // suggest what would fail such a run: --slo when none was given, error_rate when it lacks one;
  // nothing when the run already fails on its SLO (the advice read as if it had passed) or
  // when its SLO cannot fail it (`noSloAdvice`)
  const hint =
    slo === undefined
      ? ' Pass --slo with error_rate to fail such a run.'
      : noSloAdvice || slo.bounds.some((b) => b.metric === 'error_rate')
        ? ''
        : ' Add error_rate to --slo to fail such a run.';
  return `${failed} of ${failed + completed} requests failed (${classes}); the latency and throughput figures describe only the ${completed} that succeeded.${hint}`;
}

/** Open-loop steps with fewer measured arrivals than this get a warning. */
const FEW_ARRIVALS = 10;

/**
 * One sentence per open-loop step with fewer than {@link FEW_ARRIVALS} measured arrivals: its
 * requests/s (completed over the span of a handful of requests) and percentiles are mostly
 * chance (`--rate 1e-6 --duration 1s` draws one arrival and read 42 requests/s).
 */
function fewArrivals(result: LoadTestResult): string[] {
  return (result.steps ?? [result]).flatMap((s, i) =>
    s.profile.kind === 'rate' && s.requests.scheduled < FEW_ARRIVALS
      ? [
          `step ${i} measured only ${s.requests.scheduled} request${s.requests.scheduled === 1 ? '' : 's'} at ${+(s.profile.rate ?? 0).toPrecision(3)}/s; its requests/s and percentiles are mostly chance (give it ${FEW_ARRIVALS} or more: a longer --duration, a higher --rate, or --requests ${FEW_ARRIVALS}).`,
        ]
      : [],
  );
}

/** The last line of an interrupted run: which step it stopped in and whether it measured anything. */
function interruptedLine(result: LoadTestResult): string {
  const ran = result.steps?.length ?? 1;
  const last = (result.steps ?? [result]).at(-1)!;
  const measured = measuredNothing(last)
    ? 'it measured nothing'
    : 'its figures were written as measured';
  // a stalled service leaves requests waiting: cutting them off must not hide it
  const waiting = cutOffWaitClause(last);
  return `assay loadtest: interrupted during step ${ran - 1}; ${measured}${result.steps === undefined ? '' : ', and no later step ran'}${waiting === undefined ? '' : `; ${waiting}`}.\n`;
}

/**
 * The exit code of a run that was not interrupted, with its last line on stderr when the
 * figures do not speak for the service: nothing succeeded, no rate met the SLO, or most
 * requests failed.
 */
function finishedExit(
  result: LoadTestResult,
  slo: Slo | undefined,
  target: { readonly baseUrl: string; readonly model: string },
): number {
  const failedAll = allRequestsFailed(result, target);
  if (failedAll !== undefined) {
    // a dead URL or a service that refuses everything measured nothing about the service:
    // CI must not read it as a passing load test
    process.stderr.write(`assay loadtest: run failed: ${failedAll}\n`);
    return LOADTEST_EXIT.runtimeError;
  }
  // said before any verdict below: a step of a handful of requests is chance, whatever it decided
  for (const few of fewArrivals(result)) process.stderr.write(`assay loadtest: warning: ${few}\n`);
  if (result.maxRate !== undefined && result.maxRate.rate === 0) {
    // a rate of 0 is no answer: a CI gate must not read it as a finished search
    process.stderr.write(`assay loadtest: ${maxRateLine(result)}\n`);
    return LOADTEST_EXIT.sloMissed;
  }
  const single = result.steps === undefined;
  const sloFailsRun = single && result.sloPassed?.passed === false;
  // only a single step's SLO sets the exit code: advice to add error_rate fits no other run
  const mostFailed = mostRequestsFailed(result, slo, sloFailsRun || !single);
  if (mostFailed !== undefined) process.stderr.write(`assay loadtest: warning: ${mostFailed}\n`);
  const above = aboveCapacityWarning(result);
  if (above !== undefined) process.stderr.write(`assay loadtest: warning: ${above}\n`);
  if (!sloFailsRun) return LOADTEST_EXIT.ok;
  // the reason for exit 1 on stderr too: with --out (or json on stdout) nothing else says it
  process.stderr.write(`assay loadtest: ${sloMissLine(result)}\n`);
  return LOADTEST_EXIT.sloMissed;
}

/** Exit codes of `assay loadtest`. */
export const LOADTEST_EXIT = {
  /** the run finished (and met the SLO, when one was given for a single step) */
  ok: 0,
  /** a single-step run missed its SLO, or --find-max found no rate that meets it */
  sloMissed: 1,
  /** invalid flags or workload, refused before any request */
  invalid: 2,
  /** the run failed */
  runtimeError: 3,
  /** interrupted (SIGINT/SIGTERM): what was measured is still printed */
  interrupted: 130,
} as const;

function refuse(message: string, path: string): never {
  throw new LoadTestError('INVALID_OPTION', message, path);
}

async function pickWorkload(flags: LoadtestFlags, seed: number): Promise<Workload> {
  if (flags.dataset !== undefined && flags.promptTokens !== undefined)
    refuse(
      '--dataset and --prompt-tokens cannot be combined; give one workload.',
      '--prompt-tokens',
    );
  if (flags.promptColumn !== undefined && flags.dataset === undefined)
    refuse(
      flags.promptTokens === undefined
        ? '--prompt-column needs --dataset <file>.'
        : '--prompt-column needs --dataset <file>; --prompt-tokens makes synthetic prompts, which have no column.',
      '--prompt-column',
    );
  if (flags.promptColumn !== undefined && flags.dataset?.startsWith('builtin:') === true)
    // the built-in data set has no columns: each prompt is the instruction and one e-mail
    refuse(
      `--prompt-column '${flags.promptColumn}' applies to a --dataset file; --dataset ${flags.dataset} has no columns to choose (each prompt is the instruction and one e-mail): drop --prompt-column, or pass --dataset <file>.`,
      '--prompt-column',
    );
  if (flags.promptTokens !== undefined) {
    const { mean, sd } = parsePromptTokens(flags.promptTokens);
    return syntheticWorkload(mean, sd, 256, seed);
  }
  return loadDatasetWorkload(
    flags.dataset ?? 'builtin:spam-assassin',
    flags.promptColumn ?? 'prompt',
  );
}

function render(result: LoadTestResult, format: Format): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  return format === 'md' ? loadtestMarkdown(result) : loadtestTable(result);
}

/**
 * The notes that the table and Markdown print under their figures, on stderr for JSON output
 * (which holds only the figures) and for any output written to an --out file, which the
 * terminal does not show: {@link jsonNotes}.
 */
function writeNotes(result: LoadTestResult): void {
  for (const w of jsonNotes(result))
    process.stderr.write(
      `assay loadtest: ${w.startsWith('Warning: ') ? `warning: ${w.slice(9)}` : `note: ${w}`}\n`,
    );
}

/** Everything a run needs, checked before any request. */
interface PreparedRun {
  flags: LoadtestFlags;
  format: Format;
  workload: Workload;
  judge: AnswerJudge | undefined;
  resolved: ReturnType<typeof resolveLoadTest>;
  // .jsonl records are appended as requests end, so a killed run keeps what it measured
  sink: RecordsSink | undefined;
}

/**
 * Validates every flag and reads the workload; only then makes the output files, so that
 * nothing is made or truncated when a flag is refused.
 */
async function prepareRun(rawFlags: LoadtestFlags, store: RecordStore): Promise<PreparedRun> {
  const flags = withConfigFile(rawFlags);
  const resolved = resolveLoadTest(loadTestOptionsFromFlags(flags));
  const format = pickFormat(flags);
  checkOutputs(flags);
  for (const warning of [outFormatWarning(flags), boundsWarning(flags, resolved)])
    if (warning !== undefined) process.stderr.write(`assay loadtest: warning: ${warning}\n`);
  const { workload, judge } =
    flags.score !== undefined
      ? await scoredWorkload(flags.score)
      : { workload: await pickWorkload(flags, resolved.seed), judge: undefined };
  prepareOutputs(flags);
  const sink = flags.records === undefined ? undefined : openRecordsSink(flags.records, store);
  return { flags, format, workload, judge, resolved, sink };
}

/**
 * `assay loadtest`: validates every flag before any request, runs the load, prints or writes
 * the results and the records.
 *
 * @param rawFlags - commander's flags
 * @returns the exit code
 */
export async function runLoadtestCommand(rawFlags: LoadtestFlags): Promise<number> {
  // the run's records, which an `.arrow` sink writes at the end (also after a failure)
  const store = new RecordStore();
  let prepared: PreparedRun;
  try {
    prepared = await prepareRun(rawFlags, store);
  } catch (error) {
    if (error instanceof LoadTestError) {
      const hint = relativePathHintLine('assay loadtest', error.message);
      process.stderr.write(`assay loadtest: ${error.message}\n${hint}`);
      return LOADTEST_EXIT.invalid;
    }
    throw error;
  }
  const { flags, format, workload, judge, resolved, sink } = prepared;
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  // `quiet: true` in a --config file, as the flag
  const quiet = flags.quiet === true || String(flags.quiet) === 'true';
  const count = stepCountOf(resolved.load);
  const done: StepResult[] = [];
  try {
    const startedAt = new Date();
    const { result, records } = await runLoadTest(resolved, {
      workload,
      judge,
      signal: controller.signal,
      records: store,
      onRecord: sink === undefined ? undefined : (r) => sink!.write(r),
      onProgress: quiet ? undefined : (p) => process.stderr.write(`${progressLine(p, count)}\n`),
      onStep: quiet
        ? undefined
        : (s) => {
            done.push(s);
            process.stderr.write(`${stepDoneLine(done, resolved.load.kind, count)}\n`);
          },
    });
    const text = render(result, format);
    if (format === 'json' || flags.out !== undefined) writeNotes(result);
    if (flags.out !== undefined) await writeFile(flags.out, text);
    else process.stdout.write(text);
    await sink?.close();
    if (flags.report !== undefined) {
      const { model, baseUrl, provider } = resolved.client;
      const context = { model, baseUrl, provider, startedAt };
      await writeFile(flags.report, loadtestHtml(result, records, context));
    }
    if (result.interrupted === true) {
      process.stderr.write(interruptedLine(result));
      return LOADTEST_EXIT.interrupted;
    }
    // a signal after the run (while its files were written): the run itself was complete
    if (controller.signal.aborted) return LOADTEST_EXIT.interrupted;
    const untimed = untimedAnswersWarning(untimedAnswers(records));
    if (untimed !== undefined) process.stderr.write(`assay loadtest: warning: ${untimed}\n`);
    return finishedExit(result, resolved.slo, resolved.client);
  } catch (error) {
    // the client is built before the first request: its configuration errors are bad flags
    if (isClientConfigError(error)) {
      process.stderr.write(`assay loadtest: ${clientErrorLine(error.message)}\n`);
      return LOADTEST_EXIT.invalid;
    }
    process.stderr.write(`assay loadtest: run failed: ${(error as Error).message}\n`);
    return LOADTEST_EXIT.runtimeError;
  } finally {
    await sink?.close().catch(() => undefined);
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    process.off('SIGHUP', stop);
  }
}
