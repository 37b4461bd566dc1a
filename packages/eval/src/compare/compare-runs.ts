import { realpathSync } from 'node:fs';
import { didYouMean } from '@assay/labels';
import { alphaOf } from '@assay/report';
import { createRunner, metricSpec, type Runner } from '@assay/runner';
import { z } from 'zod';
import { higherIsBetter, SERVICE_METRICS } from '../config/metric-names.js';
import { EvaluationError } from '../errors.js';
import { taskFor } from '../tasks/task-for.js';
import { alikeItemsNotes } from './alike-items-bound.js';
import { bootstrapPBound } from './bootstrap-p-floor.js';
import { checkOwnValues, scoredPairCount } from './check-own-values.js';
import { comparisonCaveats, runCaveats, withCaveats } from './compare-caveats.js';
import { compareMetrics } from './compare-metrics.js';
import type { ComparedSide, CompareResult } from './compare-result.js';
import {
  compareNotes,
  fewItemsNote,
  pairedValuesNote,
  percentileNote,
} from './comparison-notes.js';
import { applyRules, type DecisionRules, decide } from './decide-compare.js';
import { type ComparedRun, loadComparedRun } from './load-compared-run.js';
import { marginNotes } from './margin-notes.js';
import { zeroWidthCaveats } from './monte-carlo-note.js';
import { pairRuns } from './pair-runs.js';
import { servedModelNotes } from './served-model-notes.js';
import { serviceComparison } from './service-comparison.js';
import { testNotes } from './test-notes.js';
import { unpairedGate } from './unpaired-gate.js';

/** Options of {@link compareRuns}, checked at the boundary. */
export const CompareRunsOptionsSchema = z
  .object({
    model: z.string().min(1).optional().describe('the model to compare in both runs (--model)'),
    metrics: z
      .array(z.string().min(1))
      .optional()
      .describe('the gated metrics (--metric); default every compared metric'),
    failOn: z.enum(['regression']).nullable().default(null).describe('--fail-on'),
    margin: z.number().nonnegative().nullable().default(null).describe('--margin'),
    maxUnpaired: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .default(null)
      .describe('--max-unpaired: the most share of items in one run only that passes'),
    fdr: z.boolean().default(false).describe('--fdr: Benjamini-Hochberg instead of Holm'),
    allowDifferentData: z.boolean().default(false).describe('--allow-different-data'),
    bootstrap: z.number().int().min(1).max(100_000).optional().describe('bootstrap resamples'),
    ci: z.number().gt(0).lt(1).optional().describe('confidence level'),
    seed: z.number().int().min(0).max(0xffffffff).optional().describe('seed'),
    permutations: z.number().int().min(1).max(1_000_000).default(9999),
  })
  .strict();

/** What {@link compareRuns} accepts (before defaults). */
export type CompareRunsOptions = z.input<typeof CompareRunsOptionsSchema> & {
  /** a runner to use (one is created and closed otherwise) */
  readonly runner?: Runner;
};

function side(run: ComparedRun, model: string): ComparedSide {
  return {
    results: run.resultsFile,
    name: run.results.name,
    model,
    finishedAt: run.results.finishedAt,
  };
}

function parseOptions(options: CompareRunsOptions) {
  const { runner: _runner, ...rest } = options;
  const parsed = CompareRunsOptionsSchema.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.');
    throw new EvaluationError('INVALID_OPTION', `assay compare option ${path}: ${issue.message}.`, {
      path,
    });
  }
  return parsed.data;
}

/** What each run reports (`evaluation.metrics`), for a `--metric` neither run can compare. */
interface ReportedMetrics {
  readonly baseline: readonly string[];
  readonly candidate: readonly string[];
  /** the task's metric names (a name the task knows but a run did not report) */
  readonly task: readonly string[];
}

/**
 * Why `--metric m` names no compared metric: a service figure; two runs with no metric in
 * common; a task metric a run did not report (not in its `evaluation.metrics`: its
 * `results.json` holds no value of it to check the paired one against, whatever report.html
 * draws); else an unknown name.
 */
function unknownMetricMessage(
  m: string,
  compared: readonly string[],
  reported: ReportedMetrics,
): string {
  if ((SERVICE_METRICS as readonly string[]).includes(m)) {
    return `--metric ${m}: a service figure is shown beside the comparison but not tested (its requests are not paired items); gate it in the run with a threshold such as '${m}.ci_high <= 800'${compared.length > 0 ? `, or gate one of the task metrics: ${compared.join(', ')}` : ''}.`;
  }
  if (compared.length === 0) {
    return `--metric ${m}: the two runs report no metric in common, so there is nothing to gate; compare runs that report the same metrics (evaluation.metrics).`;
  }
  const canonical = metricSpec(m)?.name;
  const known =
    reported.task.includes(m) ||
    (canonical !== undefined && reported.task.some((t) => metricSpec(t)?.name === canonical));
  if (known) {
    const lacking = (
      [
        ['baseline', reported.baseline],
        ['candidate', reported.candidate],
      ] as const
    ).filter(([, names]) => !names.includes(m));
    const which =
      lacking.length === 2
        ? `the runs' evaluation.metrics (${compared.join(', ')})`
        : `the ${lacking[0]![0]} run's evaluation.metrics (${lacking[0]![1].join(', ')})`;
    return `--metric ${m}: ${m} was not among ${which}, so ${lacking.length === 2 ? 'neither run has a' : 'that run has no'} reported value of it to pair and check against${canonical === 'roc_auc' ? " (the AUC beside report.html's ROC curve is drawn for every binary task with scores, whatever evaluation.metrics names)" : ''}; add ${m} to evaluation.metrics and run ${lacking.length === 2 ? 'both runs' : 'that run'} again with the same models and output directory (every journaled request is resumed from the journal, not sent again), then compare; or gate one of ${compared.join(', ')}.`;
  }
  return `--metric ${m}: both runs report no metric ${m}; ${didYouMean(m, compared, `gate one of ${compared.join(', ')}`)}.`;
}

function gatedMetrics(
  wanted: readonly string[] | undefined,
  compared: readonly string[],
  reported: ReportedMetrics,
): string[] {
  if (wanted === undefined) return [...compared];
  const out: string[] = [];
  for (const m of wanted) {
    // another name of a reported metric (`mae` for `mean_absolute_error`) gates that metric
    const canonical = metricSpec(m)?.name;
    const reportedAs = compared.includes(m)
      ? m
      : compared.find((c) => canonical !== undefined && metricSpec(c)?.name === canonical);
    if (reportedAs === undefined) {
      throw new EvaluationError('UNKNOWN_METRIC', unknownMetricMessage(m, compared, reported), {
        path: '--metric',
      });
    }
    out.push(reportedAs);
  }
  return [...new Set(out)];
}

/**
 * The metrics compared and gated. A metric both runs report may still have no paired
 * difference (judge grades, which `predictions.arrow` does not hold; an AUC over paired items of
 * one class): it checks nothing, so it is named as not compared, never silently dropped.
 */
function gateSets(
  measured: readonly { metric: string; difference: number | null }[],
  compared: readonly string[],
  asked: readonly string[],
): { unmeasured: string[]; gated: string[] } {
  const names = new Set(measured.filter((m) => m.difference !== null).map((m) => m.metric));
  return {
    unmeasured: compared.filter((m) => !names.has(m)),
    gated: asked.filter((m) => names.has(m)),
  };
}

/**
 * Refuses a model compared with itself: the same `results.json` (by whatever path) and the same
 * model on both sides, where every difference would be 0 and any gate would pass on nothing.
 * Two different models of one run (`--model old:new`) are a comparison like any other.
 */
function refuseSameRun(
  baseline: ComparedRun,
  candidate: ComparedRun,
  models: { readonly modelA: string; readonly modelB: string },
): void {
  const real = (file: string): string => {
    try {
      return realpathSync(file);
    } catch {
      return file;
    }
  };
  if (real(baseline.resultsFile) !== real(candidate.resultsFile)) return;
  if (models.modelA !== models.modelB) return;
  const several = baseline.results.models.length > 1;
  throw new EvaluationError(
    'RUNS_DIFFER',
    `The baseline and the candidate are the same run (${baseline.resultsFile}): a run compared with itself differs in nothing, so every gate would pass without checking anything; pass the baseline run first and the candidate run second${several ? `, or two different models of this run with --model <baseline model>:<candidate model> (it has ${baseline.results.models.map((m) => m.name).join(', ')})` : ''}.`,
    { path: 'candidate' },
  );
}

/** Each run's values as the comparison shows them must be its own ({@link checkOwnValues}). */
function checkBothOwn(
  baseline: ComparedRun,
  candidate: ComparedRun,
  paired: ReturnType<typeof pairRuns>,
  measured: Parameters<typeof checkOwnValues>[0],
  task: ReturnType<typeof taskFor>,
): void {
  const scored = scoredPairCount(paired.rowsA, paired.rowsB, task);
  const sideOf = (side: string, run: ComparedRun, name: string) => ({
    side,
    resultsFile: run.resultsFile,
    model: run.results.models.find((m) => m.name === name)!,
    scored,
    rows: run.rows.filter((r) => r.model === name),
  });
  // both sides are scored with the baseline's task: a candidate of another task (labels
  // allowed to differ by --allow-different-data) legitimately reads otherwise than it read itself
  const sameTask = JSON.stringify(baseline.task) === JSON.stringify(candidate.task);
  checkOwnValues(
    measured,
    [sideOf('baseline', baseline, paired.modelA), sideOf('candidate', candidate, paired.modelB)],
    task,
    { checkCandidate: sameTask },
  );
}

/** What the decision's caveats and the notes need to know of the pairing. */
function pairingFacts(
  baseline: ComparedRun,
  candidate: ComparedRun,
  paired: ReturnType<typeof pairRuns>,
  task: ReturnType<typeof taskFor>,
) {
  const failedPairs = paired.rowsA.filter(
    (r, i) => r.outcome === 'failed' || paired.rowsB[i]!.outcome === 'failed',
  ).length;
  // answered on both sides but outside the metrics on one (a regression answer without a number)
  const unscoredPairs = paired.rowsA.filter((r, i) => {
    const other = paired.rowsB[i]!;
    if (r.outcome === 'failed' || other.outcome === 'failed') return false;
    return !task.entersMetrics(r) || !task.entersMetrics(other);
  }).length;
  const modelA = baseline.results.models.find((m) => m.name === paired.modelA)!;
  const modelB = candidate.results.models.find((m) => m.name === paired.modelB)!;
  return {
    pairedItems: paired.rowsA.length,
    failedPairs,
    unscoredPairs,
    unpaired: { baseline: paired.onlyBaseline.count, candidate: paired.onlyCandidate.count },
    baseline: { run: baseline.results.name, model: modelA },
    candidate: { run: candidate.results.name, model: modelB },
  };
}

/**
 * `assay compare`: reads two finished runs, pairs their predictions item by item and
 * compares every metric of the task with a paired bootstrap BCa interval and a paired test,
 * the service figures side by side, and applies the decision rules.
 *
 * @param baselinePath - the baseline run's directory or `results.json`
 * @param candidatePath - the candidate run's directory or `results.json`
 * @param options - model, gated metrics, rules, resampling settings (defaults: the baseline
 *   run's `evaluation.bootstrap` (at least 1000), `ci` and `seed`; 9999 permutations)
 * @returns the comparison, with the exit code and its reason
 * @throws EvaluationError `FILE_NOT_FOUND` / `UNREADABLE_FILE` (a run's files),
 *   `RUNS_DIFFER` (different task, labels, positive label or data; no shared item; the same
 *   model of the same run on both sides; a per-run value that is not the run's own), `UNKNOWN_METRIC`
 *   (`--metric`), `INVALID_OPTION`
 * @remarks
 * Metrics are compared on the items both runs answered (a failed request on either side
 * leaves the item out; `failedPairs` counts them) and are the metrics both runs report.
 * The decision rules are {@link applyRules}; the reason of the exit code is {@link decide}'s.
 * @example
 * const compared = await compareRuns(baselineDir, candidateDir, { failOn: 'regression' });
 * compared.decision.exitCode; // 0
 */
export async function compareRuns(
  baselinePath: string,
  candidatePath: string,
  options: CompareRunsOptions = {},
): Promise<CompareResult> {
  const opts = parseOptions(options);
  const baseline = await loadComparedRun(baselinePath);
  const candidate = await loadComparedRun(candidatePath);
  const paired = pairRuns(baseline, candidate, opts);
  refuseSameRun(baseline, candidate, paired);
  const task = taskFor(baseline.task);
  const candidateMetrics = new Set(candidate.results.evaluation.metrics);
  const compared = baseline.results.evaluation.metrics.filter((m) => candidateMetrics.has(m));
  const directions = baseline.results.evaluation.greaterIsBetter ?? {};
  const greaterIsBetter = (m: string): boolean => directions[m] ?? higherIsBetter(m);
  const settings = {
    bootstrap: opts.bootstrap ?? Math.max(1000, baseline.results.evaluation.bootstrap),
    ci: opts.ci ?? baseline.results.evaluation.ci,
    seed: opts.seed ?? baseline.results.evaluation.seed,
    permutations: opts.permutations,
  };
  const alpha = alphaOf(settings.ci);
  const asked = gatedMetrics(opts.metrics, compared, {
    baseline: baseline.results.evaluation.metrics,
    candidate: candidate.results.evaluation.metrics,
    task: task.metricNames,
  });
  const runner = options.runner ?? createRunner();
  let measured: Awaited<ReturnType<typeof compareMetrics>>;
  try {
    measured = await compareMetrics(runner, paired.rowsA, paired.rowsB, task, compared, {
      ...settings,
      greaterIsBetter,
    });
  } finally {
    if (options.runner === undefined) await runner.close();
  }
  checkBothOwn(baseline, candidate, paired, measured, task);
  const { unmeasured, gated } = gateSets(measured, compared, asked);
  const rules: DecisionRules = {
    gated,
    uncompared: opts.metrics === undefined ? [] : asked.filter((m) => !gated.includes(m)),
    failOn: opts.failOn,
    margin: opts.margin,
    fdr: opts.fdr,
    ci: settings.ci,
    bootstrap: settings.bootstrap,
  };
  // a bootstrap p of 0 is a bound, not a value: JSON readers get the bound with it
  const metrics = applyRules(measured, rules).map((m) =>
    m.test === 'bootstrap' && m.pValue === 0
      ? { ...m, pValueBelow: bootstrapPBound(0, settings.bootstrap) }
      : m,
  );
  const facts = pairingFacts(baseline, candidate, paired, task);
  const { failedPairs } = facts;
  const served = servedModelNotes(
    { results: baseline.results, model: paired.modelA },
    { results: candidate.results, model: paired.modelB },
  );
  const caveats = [
    ...comparisonCaveats(facts),
    ...zeroWidthCaveats(metrics, opts.margin),
    ...(served.caveat === null ? [] : [served.caveat]),
  ];
  return {
    baseline: side(baseline, paired.modelA),
    candidate: side(candidate, paired.modelB),
    task: baseline.results.task.type,
    pairedItems: paired.rowsA.length,
    failedPairs,
    onlyBaseline: paired.onlyBaseline,
    onlyCandidate: paired.onlyCandidate,
    notes: [
      ...compareNotes(paired, unmeasured, opts.metrics === undefined, runCaveats(facts)),
      ...served.notes,
      ...pairedValuesNote(paired),
      ...fewItemsNote(paired.rowsA),
      ...percentileNote(metrics),
      ...alikeItemsNotes(metrics, settings.ci),
      ...testNotes(metrics, alpha, { ...settings, fdr: opts.fdr, failOn: opts.failOn }),
      ...marginNotes(metrics, opts),
    ],
    settings: {
      ...settings,
      adjustment: opts.fdr ? 'benjamini-hochberg' : 'holm',
      failOn: opts.failOn,
      margin: opts.margin,
      maxUnpaired: opts.maxUnpaired,
      gatedMetrics: gated,
      uncomparedMetrics: rules.uncompared ?? [],
    },
    metrics,
    service: serviceComparison(facts.baseline.model, facts.candidate.model, task),
    decision: withCaveats(unpairedGate(decide(metrics, rules), facts, opts.maxUnpaired), caveats),
  };
}
