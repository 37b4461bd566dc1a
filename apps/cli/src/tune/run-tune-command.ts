import {
  type CandidateEvaluation,
  candidateRow,
  constraintNotes,
  degenerateIntervalNote,
  loadTuneConfig,
  nestedGap,
  paidSentence,
  requestsSentence,
  runTune,
  type TuneResults,
  writeTuneOutputs,
} from '@assay/eval';
import { textTable } from '@assay/report';
import { RUN_EXIT } from '../errors/exit-codes.js';
import { reportError } from '../errors/report-error.js';
import { gentleStop } from '../run/gentle-stop.js';

const num = (v: number | null): string => (v === null ? '—' : v.toFixed(4));
const interval = (e: CandidateEvaluation): string =>
  e.ciLow === null || e.ciHigh === null ? '' : `[${num(e.ciLow)}, ${num(e.ciHigh)}]`;

function progressLine(e: CandidateEvaluation, r: TuneResults): string {
  const stage =
    e.rung === 'test'
      ? 'test'
      : `${e.bracket === undefined ? '' : `bracket ${e.bracket} `}rung ${e.rung}`;
  const label = r.candidates.find((c) => c.index === e.candidate)?.label ?? '';
  return `assay tune: ${stage}: c${e.candidate} ${label}: ${r.metric} ${num(e.value)} ${interval(e)} on ${e.items} items (${e.sent} sent, ${e.cached} cached, ${e.resumed} resumed)\n`;
}

/**
 * The terminal leaderboard: candidates by the most items they were scored on, then by score.
 *
 * @param r - the search's results
 * @returns the table and the verdict lines
 */
export function tuneSummary(r: TuneResults): string {
  const noted = r.candidates.map((c) => candidateRow(c));
  const missed = noted.some((e) => constraintNotes(e).length > 0);
  // a column named for what it holds: "missed" alone would call an unchecked constraint missed
  const unchecked = noted.some((e) => (e.constraintsUnchecked ?? []).length > 0);
  const rows = r.candidates
    .map((c) => ({ c, e: candidateRow(c) }))
    .sort(
      (a, b) =>
        b.e.items - a.e.items ||
        (r.greaterIsBetter ? 1 : -1) * ((b.e.value ?? -Infinity) - (a.e.value ?? -Infinity)),
    )
    .map(({ c, e }) => [
      `c${c.index}${r.winner?.index === c.index ? ' *' : ''}`,
      c.label,
      String(e.items),
      num(e.value),
      interval(e),
      String(Math.round(e.tokensPerItem)),
      c.status,
      ...(missed ? [constraintNotes(e).join('; ')] : []),
    ]);
  const header = ['candidate', 'settings', 'items', r.metric, 'CI', 'tokens/item', 'status'];
  const column = unchecked ? 'constraints missed or not checkable' : 'constraints missed';
  const lines = [textTable(missed ? [...header, column] : header, rows), ''];
  const w = r.winner;
  if (w !== null) {
    lines.push(`Winner: c${w.index} (${w.label}). ${w.reason}`);
    lines.push(
      `  tuning score ${num(w.tuning.value)} ${interval(w.tuning)} on ${w.tuning.items} items (${w.tuningCaveat})`,
    );
    if (w.versus !== null) lines.push(versusLine(w.versus, w.tuning.items));
    if (w.test !== null) {
      lines.push(
        `  test score   ${num(w.test.value)} ${interval(w.test)} on ${w.test.items} held-out items (the honest estimate)`,
      );
      const note = degenerateIntervalNote(w.test, r.metric);
      if (note !== null) lines.push(`  note: ${note}`);
    } else if (r.items.test > 0)
      // without this line a budget-stopped search shows only the optimistic score, unremarked
      lines.push(
        `  test score   not measured: ${r.stoppedBy === null ? 'the search stopped' : 'the budget stopped the search'} before the ${r.items.test} held-out items were scored, so only the optimistic tuning score above is known`,
      );
  }
  if (r.nested !== null) lines.push(...nestedLines(r));
  if (r.threshold !== null) lines.push(thresholdLine(r));
  lines.push(
    `Requests: ${requestsSentence(r)}; ${r.coverage.evaluated} of ${r.coverage.candidates} candidates seen; cost ${r.spent.costUsd === null ? 'unknown (no price)' : `$${r.spent.costUsd.toFixed(4)}`}; ${(r.wallMs / 1000).toFixed(1)} s.`,
  );
  const paid = paidSentence(r);
  if (paid !== null) lines.push(paid);
  if (r.stoppedBy !== null) lines.push(`Stopped early by ${r.stoppedBy}.`);
  return `${lines.join('\n')}\n`;
}

/**
 * Why a winner with no test score needs a look before use: exit 0 says a winner was chosen,
 * and a script that reads only the exit code would not see the summary's "not measured".
 */
function untestedWinnerWarning(r: TuneResults): string | null {
  const w = r.winner;
  if (w === null || w.test !== null || r.items.test === 0) return null;
  const why =
    r.stoppedBy === null ? 'the search stopped' : `the search was stopped by ${r.stoppedBy}`;
  return `c${w.index} won on its tuning score alone (optimistic: it was chosen on those items): ${why} before the ${r.items.test} held-out items were scored. ${finishAdvice(r)}`;
}

/**
 * The budget to set for a rerun to reach the test part. Raising the budget by the test part's
 * requests alone is not enough: the resumed search first spends it on the rungs it has left.
 */
function finishAdvice(r: TuneResults): string {
  const f = r.budgetToFinish;
  if (f === null)
    return 'Run it again: the search resumes, and scores them once its rungs are done.';
  const paid = r.spent.sent + r.spent.resumedPaid;
  const usd =
    f.costUsd === null ? '' : ` (about $${f.costUsd.toFixed(4)} at the cost per request so far)`;
  return `The whole search needs about ${f.requests} requests${usd}, the ${paid} paid for so far included: the evaluations it has left, then the ${r.items.test} held-out items (fewer where prompts repeat). Set search.budget to that and run again: the search resumes, and does not pay again for what it has.`;
}

/** The winner against the runner-up, paired on the same items. */
function versusLine(
  v: NonNullable<NonNullable<TuneResults['winner']>['versus']>,
  items: number,
): string {
  if (v.difference === null)
    return `  vs runner-up c${v.against} (${v.label}): not paired (scored on different items)`;
  const sign = v.difference >= 0 ? '+' : '';
  const ci = v.ciLow === null || v.ciHigh === null ? '' : ` [${num(v.ciLow)}, ${num(v.ciHigh)}]`;
  const p =
    v.pValue === null
      ? ''
      : `, p=${v.pValue < 0.001 ? v.pValue.toExponential(1) : v.pValue.toFixed(3)}`;
  return `  vs runner-up c${v.against} (${v.label}): ${sign}${v.difference.toFixed(4)}${ci}${p} (winner minus runner-up, paired on the same ${items} items)`;
}

/** The threshold's verdict (keep the model's own answers unless the tuned one won on held-out items), then how it was tuned. */
function thresholdLine(r: TuneResults): string {
  const t = r.threshold!;
  return `  decision threshold: ${t.verdict} (tuned ${t.threshold.toFixed(4)} by ${t.cvFolds}-fold CV: mean ${t.metric} ${num(t.tuning.defaultValue)} with the model's own answers, ${num(t.tuning.tunedValue)} tuned, optimistic)`;
}

function nestedLines(r: TuneResults): string[] {
  const n = r.nested!;
  const e = n.estimate;
  const choices = n.folds.map((f) => (f.winner === null ? '—' : `c${f.winner}`)).join(', ');
  const gap = nestedGap(n);
  return [
    `  nested CV (${n.outer} outer x ${n.inner} inner folds): the procedure scores ${num(e?.value ?? null)}${e?.ciLow == null || e.ciHigh == null ? '' : ` [${num(e.ciLow)}, ${num(e.ciHigh)}]`} on the outer test folds (the honest estimate); per outer fold ${n.folds.map((f) => num(f.test?.value ?? null)).join(', ')}; chosen: ${choices}`,
    ...(gap === null
      ? []
      : [
          `  no pooled estimate: ${gap}; pooling the other folds would leave out where the procedure failed`,
        ]),
  ];
}

/**
 * Runs `assay tune`: the search, its progress lines, the leaderboard and the output files.
 *
 * @param path - the tune config's absolute path
 * @param opts - the command's options
 * @returns the exit code
 * @example
 * process.exitCode = await runTuneCommand('/abs/tune.yaml', { quiet: true });
 */
export async function runTuneCommand(
  path: string,
  opts: { output?: string; baseUrl?: string; retryFailed?: boolean; quiet?: boolean },
): Promise<number> {
  const { drain, controller, stop } = gentleStop('assay tune');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  try {
    const setup = await loadTuneConfig(path, {
      ...(opts.baseUrl === undefined ? {} : { baseUrl: opts.baseUrl }),
      ...(opts.output === undefined ? {} : { outputDir: opts.output }),
    });
    const results = await runTune(setup, {
      signal: controller.signal,
      drain: drain.signal,
      ...(opts.retryFailed === true ? { retryFailed: true } : {}),
      // before anything is sent, quiet or not: what the config does not say
      onWarning: (message) => process.stderr.write(`assay tune: warning: ${message}\n`),
      onEvaluation: async (e, r) => {
        if (!opts.quiet) process.stderr.write(progressLine(e, r));
        await writeTuneOutputs(setup, r);
      },
      // a search stopped by an error or an interruption still says so in tune.json and report.html
      onStop: async (r) => {
        await writeTuneOutputs(setup, r);
      },
    });
    const files = await writeTuneOutputs(setup, results);
    process.stdout.write(tuneSummary(results));
    process.stdout.write(
      `\nReport: ${files.html}\nResults: ${files.json}\n${files.bestYaml === null ? '' : `Best config: ${files.bestYaml} (assay run ${files.bestYaml})\n`}`,
    );
    if (results.winner === null) {
      process.stderr.write(
        results.coverage.evaluated === 0 && results.stoppedBy !== null
          ? `assay tune: no candidate was evaluated: ${results.stoppedBy}; raise search.budget.\n`
          : 'assay tune: no candidate had a value and met every constraint.\n',
      );
      return RUN_EXIT.thresholdFailed;
    }
    const untested = untestedWinnerWarning(results);
    if (untested !== null) process.stderr.write(`assay tune: warning: ${untested}\n`);
    return RUN_EXIT.ok;
  } catch (error) {
    return reportError(error);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    process.off('SIGHUP', stop);
  }
}
