import { quotedLabel } from '@assay/labels';
import { everyItemOnceText } from '../format/count-words.js';
import { fmt, formatInteger } from '../format/format-number.js';
import { joinParts, plainText, type TextPart } from '../format/text-parts.js';
import {
  thresholdFigure,
  thresholdInterval,
  thresholdValueCell,
} from '../format/threshold-text.js';
import type { EarlyStopResult } from '../results/early-stop-schema.js';
import type { ModelResult, RunResults, ThresholdResult } from '../results/run-results-schema.js';
import { modelChoice } from './model-choice.js';
import { passQualifiers, SERVICE_METRIC_NAMES } from './pass-qualifiers.js';
import { runRisks } from './risks.js';
import { quotedInterval } from './stopped-interval.js';
import { intervalInWords, listInWords, sequenceInWords } from './words.js';

/** The plain-language verdict of a run, for the top of every report. */
export interface Verdict {
  /** `pass`: every threshold holds on representative metrics; `fail`; `unchecked`: no thresholds */
  status: 'pass' | 'fail' | 'unchecked';
  /** the status as a word: `PASS`, `FAIL`, `NOT CHECKED` */
  word: string;
  /**
   * {@link Verdict.word} with what keeps a PASS from meaning "the model asked for answers well
   * enough", for the first line of a report: `PASS, but the answers came from 'x', not the
   * model asked for`, `PASS on service thresholds only: no threshold checks a quality metric
   * (…)`; the word alone otherwise
   */
  title: string;
  /**
   * for a PASS that {@link Verdict.title} qualifies, what it rests on in a few words
   * (`service thresholds only`, `another model answered`); reports show it as a caution, never
   * as an all-green pass (the exit status still follows `status`); null otherwise
   */
  caution: string | null;
  /** the word for a badge or heading: `PASS (service thresholds only)`; the word otherwise */
  badge: string;
  /** what was evaluated: models, data set, item count, method */
  evaluated: string;
  /** the headline metric this verdict quotes, or null when the run reports none */
  metric: string | null;
  /** the headline metric with its interval in words, one sentence per model */
  headline: string[];
  /**
   * with two models or more: how they compare on the headline metric (paired difference,
   * interval, p-value), in cost, in p95 latency only where their p95 intervals tell them
   * apart, and what the numbers support choosing on; null otherwise
   */
  choice: string | null;
  /** why it passes or fails, as a sentence to follow {@link Verdict.word} */
  outcome: string;
  /**
   * {@link Verdict.outcome} in pieces, the threshold expressions and the suggested config
   * line marked as code (Markdown shows them as code spans, without HTML entities)
   */
  outcomeParts: TextPart[];
  /** the risks to reading the numbers at face value, biggest first (never empty) */
  risks: string[];
  /** {@link Verdict.risks} in pieces, threshold expressions marked as code */
  riskParts: TextPart[][];
}

function methodInWords(r: RunResults): string {
  const e = r.evaluation;
  const k = e.repeats > 1 ? Math.round(e.folds / e.repeats) : e.folds;
  switch (e.method) {
    case 'holdout':
      return 'one hold-out split';
    case 'all':
      return everyItemOnceText(r);
    case 'repeated-stratified':
      return `stratified ${k}-fold cross-validation repeated ${e.repeats} times`;
    default:
      return `${e.method} ${k}-fold cross-validation`;
  }
}

function evaluatedInWords(r: RunResults): string {
  const endpoints = new Set(r.models.map((m) => `${m.provider}, ${m.model}`));
  const shared = endpoints.size === 1 && r.models.length > 1 ? [...endpoints][0] : undefined;
  const names = r.models.map((m) => (shared ? m.name : `${m.name} (${m.provider}, ${m.model})`));
  const listed =
    r.models.length <= 4
      ? listInWords(names)
      : `${r.models.length} models (${listInWords([...r.models.slice(0, 3).map((m) => m.name), `${r.models.length - 3} more`])})`;
  const who = shared ? `${listed} (all ${shared})` : listed;
  const tested =
    r.dataset.tested !== undefined && r.dataset.tested < r.dataset.items
      ? [`${formatInteger(r.dataset.tested)} tested`]
      : [];
  const labels = [
    ...tested,
    ...Object.entries(r.dataset.labels).map(([k, v]) => `${quotedLabel(k)} ${formatInteger(v)}`),
  ].join(tested.length > 0 && Object.keys(r.dataset.labels).length > 0 ? '; ' : ', ');
  const interval =
    r.evaluation.bootstrap > 0
      ? `, with ${Math.round(r.evaluation.ci * 100)}% intervals from ${formatInteger(r.evaluation.bootstrap)} bootstrap resamples`
      : ', without intervals (evaluation.bootstrap is 0)';
  return `Evaluated ${who} on ${formatInteger(r.dataset.items)} items of ${r.dataset.source}${labels ? ` (${labels})` : ''}, a ${r.task.type} task, by ${methodInWords(r)}${interval}.`;
}

/**
 * The metric a verdict quotes: the first threshold's metric when the results report it,
 * else the first reported metric; null when there is none.
 *
 * @param r - the run's results
 * @returns the metric name, or null
 * @example
 * headlineMetric(results); // 'f1_macro'
 */
export function headlineMetric(r: RunResults): string | null {
  const reported = (metric: string): boolean => r.models.some((m) => metric in m.metrics);
  const fromThreshold = r.thresholds.find((t) => reported(t.metric));
  return fromThreshold?.metric ?? r.evaluation.metrics.find(reported) ?? null;
}

function headlineOf(
  m: ModelResult,
  metric: string | null,
  ci: number,
  stop: EarlyStopResult | undefined,
): string {
  const s = metric === null ? undefined : m.metrics[metric];
  if (metric === null) return `${m.name}: no task metric is reported; its answers are stored.`;
  if (!s || s.value === null) {
    return `${m.name}: ${metric} could not be computed${s?.reason ? ` (${s.reason})` : ''}.`;
  }
  // after a stop decided by looking repeatedly, the fixed-sample bootstrap interval is too
  // narrow: quote the confidence sequence the rule read, or say why the bootstrap is shaky
  const q = quotedInterval(m, metric, ci, stop);
  if (q?.kind === 'sequence')
    return `${m.name}: ${metric} ${fmt(s.value)} (${sequenceInWords({ lower: q.low, upper: q.high }, q.level)}).`;
  if (q?.afterStop)
    return `${m.name}: ${metric} ${fmt(s.value)} (${intervalInWords(s, ci)}; a bootstrap interval, which assumes a number of items fixed in advance: too narrow now that the stopping rule ended the run early).`;
  return `${m.name}: ${metric} ${fmt(s.value)} (${intervalInWords(s, ci)}).`;
}

function failedInWords(failed: readonly ThresholdResult[]): TextPart[] {
  const byThreshold = new Map<string, ThresholdResult[]>();
  for (const t of failed)
    byThreshold.set(t.threshold, [...(byThreshold.get(t.threshold) ?? []), t]);
  const each = [...byThreshold.entries()].map(([threshold, ts]): TextPart[] => {
    const who = ts.map((t) => {
      const figure = thresholdFigure(t);
      if (figure === null) return `${t.model} (no value${t.reason ? `: ${t.reason}` : ''})`;
      // a vs baseline check: the difference and its interval, not one end alone
      if (t.against === 'baseline')
        return `${t.model} (difference ${thresholdValueCell(t)}, interval ${thresholdInterval(t)})`;
      // an interval threshold gates on an end of the interval: say so, beside the value
      if (t.bound === 'ci_low' || t.bound === 'ci_high') {
        const end = `interval ${t.bound === 'ci_low' ? 'lower' : 'upper'} end ${fmt(figure, 4)}`;
        return `${t.model} (${t.value === null ? end : `${t.metric} ${fmt(t.value, 4)}, ${end}`})`;
      }
      return `${t.model} (${fmt(figure, 4)})`;
    });
    return [{ code: threshold }, ` fails for ${listInWords(who)}`];
  });
  return joinParts(each, '; ');
}

/**
 * A quality threshold to suggest beside service-only thresholds: on the first reported task
 * metric, in its direction (a limit is offered only for a higher-is-better one).
 */
function qualityExample(r: RunResults): string {
  const reported = r.evaluation.metrics.find(
    (x) => !SERVICE_METRIC_NAMES.includes(x) && r.models.some((m) => x in m.metrics),
  );
  if (reported === undefined) return 'accuracy >= 0.8';
  const higher = r.evaluation.greaterIsBetter?.[reported] ?? true;
  return higher ? `${reported} >= 0.8` : `${reported} <= <limit>`;
}

/** A threshold to suggest: on the headline metric, in its direction (regression has no accuracy). */
function thresholdExample(r: RunResults): string {
  const metric = headlineMetric(r);
  if (metric === null) return 'thresholds: [error_rate <= 0.01]';
  const higher = r.evaluation.greaterIsBetter?.[metric] ?? true;
  return `thresholds: ['${metric} ${higher ? '>=' : '<='} <limit>']`;
}

/** A sentence's pieces without the full stops its last plain words end in. */
function withoutStop(parts: readonly TextPart[]): TextPart[] {
  const last = parts[parts.length - 1];
  if (typeof last !== 'string') return [...parts];
  return [...parts.slice(0, -1), last.replace(/\.+$/, '')];
}

function outcomeOf(r: RunResults): Pick<Verdict, 'status' | 'word' | 'outcomeParts'> {
  const broken = r.models.flatMap((m) => m.notRepresentative ?? []);
  const failed = r.thresholds.filter((t) => !t.passed);
  const reasons: TextPart[][] = [];
  if (broken.length > 0) reasons.push([`Metrics not representative: ${broken.join('; ')}`]);
  if (failed.length > 0) reasons.push(failedInWords(failed));
  if (reasons.length > 0 || !r.passed) {
    // a reason may end in a quoted error message's own full stop: one stop between sentences
    const why =
      reasons.length > 0 ? joinParts(reasons.map(withoutStop), '. ') : ['The run did not pass'];
    return { status: 'fail', word: 'FAIL', outcomeParts: [...why, '.'] };
  }
  if (r.thresholds.length === 0) {
    return {
      status: 'unchecked',
      word: 'NOT CHECKED',
      outcomeParts: [
        'The configuration sets no thresholds, so nothing decides pass or fail (add some, e.g. ',
        { code: thresholdExample(r) },
        ').',
      ],
    };
  }
  const checks = [...new Set(r.thresholds.map((t) => t.threshold))];
  return {
    status: 'pass',
    word: 'PASS',
    outcomeParts: [
      `${checks.length === 1 ? 'The threshold holds' : `All ${checks.length} thresholds hold`} for ${listInWords([...new Set(r.thresholds.map((t) => t.model))])} (`,
      ...joinParts(
        checks.map((c) => [{ code: c }]),
        ', ',
      ),
      ').',
    ],
  };
}

/**
 * The plain-language verdict of a run: what was evaluated, the headline metric with its
 * interval in words, pass or fail and why, and the risks to reading the numbers at face
 * value (biggest first).
 *
 * @param r - the run's results
 * @returns the verdict; every field is plain text, for the renderers to escape
 * @remarks A run fails when a threshold fails or a model's metrics are not representative
 *   (too many failed requests or unparseable answers), and is `unchecked` when it sets no
 *   thresholds. The headline metric is the first threshold's metric, else the first
 *   reported one (see {@link headlineMetric}); its interval is the confidence sequence that
 *   the stopping rule read when `evaluation.stop` ended the run early (a bootstrap interval
 *   assumes a sample size fixed in advance), else the bootstrap interval. The risks are
 *   `runRisks`'. With two models or more, `choice` compares them (see `modelChoice`). A PASS
 *   is qualified (`title`, `badge`, `caution`) when another model than the one asked for
 *   answered or graded, or when every threshold gates a service or cost metric (see
 *   `passQualifiers`): the exit status is unchanged, the reports say what the PASS rests on.
 * @example
 * runVerdict(results).outcome; // 'The threshold holds for nb (f1_macro >= 0.8).'
 */
export function runVerdict(r: RunResults): Verdict {
  const metric = headlineMetric(r);
  const outcome = outcomeOf(r);
  const riskParts = runRisks(r, metric);
  const q = outcome.status === 'pass' ? passQualifiers(r, qualityExample(r)) : null;
  return {
    ...outcome,
    title: `${outcome.word}${q?.phrase ?? ''}`,
    caution: q?.tag ?? null,
    badge: q?.tag == null ? outcome.word : `${outcome.word} (${q.tag})`,
    outcome: plainText(outcome.outcomeParts),
    evaluated: evaluatedInWords(r),
    metric,
    headline: r.models.map((m) => headlineOf(m, metric, r.evaluation.ci, r.earlyStop)),
    choice: modelChoice(r, metric),
    risks: riskParts.map(plainText),
    riskParts,
  };
}
