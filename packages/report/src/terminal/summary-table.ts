import { terminalEarlyStop } from '../early-stop/early-stop-sections.js';
import { countNoun } from '../format/count-noun.js';
import { datasetItemsText, everyItemOnceText } from '../format/count-words.js';
import { evaluationMethodText } from '../format/evaluation-method-text.js';
import {
  alphaOf,
  bootstrapPForDecision,
  fmt,
  fmtBootstrapP,
  fmtP,
  formatUsd,
  MISSING_VALUE,
} from '../format/format-number.js';
import { metricIntervalText } from '../format/metric-interval-text.js';
import { metricScaleNote } from '../format/metric-scale.js';
import { NO_PAIRED_ITEMS } from '../format/no-paired-items.js';
import { earlierRunsText } from '../format/resumed-run-text.js';
import { thresholdDefinitions } from '../format/threshold-definitions.js';
import { thresholdDetails, thresholdOutcome } from '../format/threshold-text.js';
import { metricGroups } from '../metrics-table/identical-metrics.js';
import { positiveClassRows } from '../metrics-table/positive-class-rows.js';
import type { RunResults } from '../results/run-results-schema.js';
import { rankingDecisionGap, rankingDecisionWarning } from '../verdict/ranking-decision.js';
import { headlineMetric, runVerdict } from '../verdict/verdict.js';
import { generationLines } from './generation-lines.js';
import { textTable } from './text-table.js';

/** The task-metric columns the terminal table shows; the rest are named under it. */
const TERMINAL_METRIC_COLUMNS = 6;

/**
 * Task metrics with their intervals, one row per model (the first six quantities: metrics
 * identical by construction share a column, with a note); then the positive class's
 * figures and any ranking-versus-decision warning.
 */
function metricsTable(r: RunResults): string[] {
  const all = metricGroups(r.evaluation.metrics, r.models);
  const groups = all.slice(0, TERMINAL_METRIC_COLUMNS);
  if (groups.length === 0) return [];
  // the columns left out are named, never dropped without a word
  const hidden = all.slice(TERMINAL_METRIC_COLUMNS).map((g) => g.names.join(' = '));
  const more =
    hidden.length === 0
      ? []
      : [`  and ${hidden.length} more in report.md and results.json: ${hidden.join(', ')}`];
  const ci = Math.round(r.evaluation.ci * 100);
  const table = textTable(
    ['model', ...groups.map((g) => `${g.names.join(' = ')} [${ci}% CI]`)],
    r.models.map((m) => [
      m.name,
      ...groups.map(({ names }) => {
        const s = m.metrics[names[0]!];
        return s ? `${fmt(s.value)} ${metricIntervalText(s)}` : MISSING_VALUE;
      }),
    ]),
  );
  const reasons = r.models.flatMap((m) =>
    groups.flatMap(({ names }) => {
      const reason = m.metrics[names[0]!]?.reason;
      return reason ? [`  ${m.name} ${names[0]} ${MISSING_VALUE}: ${reason}`] : [];
    }),
  );
  const notes = groups.flatMap((g) => (g.note ? [`  ${g.names.join(' = ')}: ${g.note}.`] : []));
  const scale = metricScaleNote(all.flatMap((g) => g.names));
  if (scale !== null) notes.push(`  ${scale}`);
  return [
    table,
    ...more,
    ...reasons,
    ...notes,
    ...predictionCounts(r),
    ...positiveClassLines(r),
    ...rankingLines(r),
    '',
  ];
}

/** One line per model of a binary task: the positive class's figures with intervals. */
function positiveClassLines(r: RunResults): string[] {
  return r.models.flatMap((m) => {
    const pc = positiveClassRows(m);
    if (!pc) return [];
    const figures = pc.rows.map(
      (row) => `${row.name} ${fmt(row.summary.value)} ${metricIntervalText(row.summary)}`,
    );
    return [`  ${m.name}, positive class ${pc.label}: ${figures.join(', ')}`];
  });
}

function rankingLines(r: RunResults): string[] {
  return r.models.flatMap((m) => {
    const gap = rankingDecisionGap(m, r.task.positiveLabel);
    return gap ? [`WARNING  ${rankingDecisionWarning(gap)}`] : [];
  });
}

/** The verdict in short: the outcome, the headline metric per model, the biggest risk. */
function verdictLines(r: RunResults): string[] {
  const v = runVerdict(r);
  return [
    `Verdict: ${v.title}. ${v.outcome}`,
    ...v.headline.map((s) => `  ${s}`),
    ...(v.choice ? [`  Which model: ${v.choice}`] : []),
    `  Biggest risk: ${v.risks[0] ?? ''}`,
    '',
  ];
}

/**
 * Per model: the predictions scored and the distinct items among them, which the intervals
 * resample (repeated CV predicts each item once per repeat: more predictions, no more items).
 */
function predictionCounts(r: RunResults): string[] {
  return r.models
    .filter((m) => m.items.distinct !== undefined)
    .map(
      (m) =>
        `  ${m.name}: ${m.items.scored} predictions of ${m.items.distinct} distinct items${r.evaluation.resampling === 'items' ? ' (intervals resample items)' : ''}`,
    );
}

/**
 * Answers by outcome and the service figures, one row per model; then where each model's
 * requests came from this run and failure notes.
 */
function serviceTable(r: RunResults): string[] {
  // free text is scored, not judged right or wrong: answered and extraction failures instead
  const text = r.task.type === 'generation';
  // the first count is of predictions: an item asked several times (samples, choice orders,
  // repeated CV) counts once per asking, so the column says what it counts
  const asked =
    r.evaluation.repeats > 1 || r.models.some((m) => (m.multipleChoice?.permutations ?? 0) > 0);
  const header = text
    ? ['model', 'answers', 'answered', 'no extraction', 'failed']
    : ['model', asked ? 'predictions' : 'items', 'correct', 'wrong', 'unparseable', 'failed'];
  header.push('p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'out tok/s', 'cost');
  const table = textTable(
    header,
    r.models.map((m) => [
      m.name,
      String(m.items.total),
      ...(text
        ? [String(m.items.total - m.items.failed - m.items.unparseable)]
        : [String(m.items.correct), String(m.items.wrong)]),
      String(m.items.unparseable),
      String(m.items.failed),
      fmt(m.service.latencyMs.p50, 1),
      fmt(m.service.latencyMs.p95, 1),
      fmt(m.service.latencyMs.p99, 1),
      fmt(m.service.throughput?.requestsPerSecond, 1),
      fmt(m.service.throughput?.outputTokensPerSecond, 1),
      formatUsd(m.service.costUsd),
    ]),
  );
  // Always shown: a run that resumed everything must say so, not pass off old answers as new.
  const sources = r.models.map(
    (m) =>
      `  ${m.name}: ${m.service.requests} requests: ${m.service.sentThisRun} sent this run, ${m.service.resumedFromJournal} resumed from the journal, ${m.service.cachedThisRun} served from the cache${retriedText(m.service)}${m.service.sentThisRun < m.service.requests && m.service.latencyMs.count > 0 ? '; latency counts each answer as measured when it was sent' : ''}${withEarlierRuns(m.service)}`,
  );
  const notes = r.models
    .filter((m) => m.service.failed > 0)
    .map((m) => {
      const classes = Object.entries(m.service.errorsByClass)
        .map(([k, v]) => `${k} × ${v}`)
        .join(', ');
      return `  ${m.name}: ${m.service.failed} request(s) failed (after any retries; ${classes}); rerun with --retry-failed to re-send them.`;
    });
  return [table, ...sources, ...notes];
}

/** The note that req/s adds earlier runs' sending, after a semicolon, or nothing. */
function withEarlierRuns(s: RunResults['models'][number]['service']): string {
  const text = earlierRunsText(s);
  return text === undefined ? '' : `; ${text}`;
}

/**
 * Requests that needed a retry: the error rate counts only those that failed after every
 * retry, so without this a service that refused a share of first attempts looks flawless.
 */
function retriedText(s: RunResults['models'][number]['service']): string {
  const n = s.retried ?? 0;
  const unretried = s.notRetriedBudget ?? 0;
  if (n === 0 && unretried === 0) return '';
  const head = n === 0 ? '' : `; ${n} needed a retry (${s.retries ?? n} retries in all; `;
  // a spent retry budget leaves failures with retries they never had: "after every retry"
  // would then overstate how hard the client tried
  const counts =
    unretried === 0
      ? 'the error rate counts only requests that failed after every retry'
      : `${n === 0 ? '; ' : ''}${unretried} failed without the retries they had left, ${budgetCause(s)}: the error rate counts them too`;
  return `${head}${counts}${n === 0 ? '' : ')'}`;
}

/**
 * Why failures went without their retries. When every failure was a connection failure (a
 * refused, reset or closed connection: the service was not there), the budget was spent on
 * that same service and is not what to fix, as the run's own warning says.
 */
function budgetCause(s: RunResults['models'][number]['service']): string {
  const connection = s.errorsByClass.connection ?? 0;
  if (s.failed > 0 && connection === s.failed) {
    return 'the retry budget being spent on connection failures: the service was not reached, and no retry helps until it is running';
  }
  return 'the retry budget being spent';
}

/**
 * One line per model pair: the headline metric's difference with its interval and p-value,
 * McNemar's test, and which of the compared metrics differ at `1 − ci` (Holm-adjusted across
 * the model pairs when the run has three models or more); the reports have every metric's row.
 */
function comparisonLines(r: RunResults): string[] {
  if (r.comparisons.length === 0) return [];
  // 1 − 0.95 is 0.050000000000000044 in floating point
  const alpha = alphaOf(r.evaluation.ci);
  const headline = headlineMetric(r);
  return [
    '',
    ...r.comparisons.map((c) => {
      const entries = Object.entries(c.metrics);
      if (c.pairedItems === 0) return `${c.b} vs ${c.a}: ${NO_PAIRED_ITEMS}`;
      const shown = entries.find(([m]) => m === headline) ?? entries[0];
      const mc = c.mcnemar
        ? `McNemar ${c.mcnemar.onlyA}/${c.mcnemar.onlyB} p=${fmtP(c.mcnemar.pHolm ?? c.mcnemar.pValue)}`
        : '';
      // a share no paired item differs on: the interval is the exact bound (notes in the reports)
      const bound =
        shown?.[1].interval === 'clopper-pearson'
          ? ` (Clopper-Pearson bound: none of ${shown[1].itemsAlike} items answered differently)`
          : '';
      const d = shown
        ? `${shown[0]} Δ=${fmt(shown[1].difference, 4)} [${fmt(shown[1].ciLow, 4)}, ${fmt(shown[1].ciHigh, 4)}]${bound} p=${fmtBootstrapP(shown[1].pHolm ?? shown[1].pValue, r.evaluation.bootstrap)}`
        : '';
      const differ = entries
        .filter(([, x]) => {
          // a bootstrap p of 0 only says p < 2/B: with 20 resamples that is no evidence at 0.05
          const p = bootstrapPForDecision(x.pHolm ?? x.pValue, r.evaluation.bootstrap);
          return p !== null && p < alpha;
        })
        .map(([m]) => m);
      // Holm: across the pairs of three models or more; a generation run, across metrics and pairs
      const holm = entries.some(([, x]) => x.pHolm !== null) ? ' (Holm-adjusted)' : ' (unadjusted)';
      const which =
        entries.length > 1
          ? `${differ.length} of ${entries.length} metrics differ at p < ${alpha}${holm}${differ.length > 0 ? `: ${differ.join(', ')}` : ''}`
          : '';
      return `${c.b} vs ${c.a}: ${[d, mc, which].filter(Boolean).join('; ')}`;
    }),
  ];
}

/** One PASS / FAIL / ERROR line per threshold and model, with value, interval and limit. */
function thresholdLines(r: RunResults): string[] {
  if (r.thresholds.length === 0) return [];
  return [
    '',
    ...r.thresholds.map(
      (t) =>
        `${thresholdOutcome(t).toUpperCase().padEnd(6)}${t.model}: ${t.threshold} (${thresholdDetails(t, r.evaluation.ci)})`,
    ),
    ...thresholdDefinitions(r).map((d) => `  ${d}`),
  ];
}

/**
 * The plain-text summary `assay run` prints on stdout: the verdict in short, metrics with
 * CIs per model, service figures, generation / judge / multiple-choice lines when the
 * results have them, comparisons and thresholds.
 *
 * @param r - run results
 * @returns multi-line text (no colours)
 * @example
 * summaryTable(results).split('\n')[0]; // 'sample: 20 items, kfold (2 folds), 2 models'
 */
export function summaryTable(r: RunResults): string {
  const method =
    r.evaluation.method === 'all'
      ? everyItemOnceText(r)
      : `${evaluationMethodText(r.evaluation)} (${countNoun(r.evaluation.folds, 'fold')})`;
  const title = `${r.name}: ${datasetItemsText(r.dataset)}, ${method}, ${countNoun(r.models.length, 'model')}`;
  return [
    title,
    ...verdictLines(r),
    ...metricsTable(r),
    ...serviceTable(r),
    ...generationLines(r),
    ...comparisonLines(r),
    ...thresholdLines(r),
    ...terminalEarlyStop(r),
    ...r.models.flatMap((m) => m.notRepresentative ?? []).map((x) => `NOT REPRESENTATIVE  ${x}`),
    '',
  ].join('\n');
}
