import { quotedLabel } from '@assay/labels';
import { testedItems } from '../format/count-words.js';
import { fmt, formatInteger } from '../format/format-number.js';
import { plainText, type TextPart } from '../format/text-parts.js';
import type { ModelResult, RunResults } from '../results/run-results-schema.js';
import { caveatedPass } from './caveated-pass.js';
import { confusionFacts } from './confusion-facts.js';
import { servedModelMismatches } from './pass-qualifiers.js';
import { positiveClassRisks } from './positive-class-risks.js';
import { rankingDecisionGap, rankingDecisionWarning } from './ranking-decision.js';
import { intervalName, quotedInterval } from './stopped-interval.js';
import { uncertainPass } from './threshold-margin.js';
import { percentOf } from './words.js';

/**
 * Fewer evaluated items than this is a risk of its own.
 *
 * @example
 * FEW_ITEMS; // 100
 */
export const FEW_ITEMS = 100;
/**
 * An interval wider than this (on a metric within [0, 1]) is a risk.
 *
 * @example
 * WIDE_INTERVAL; // 0.1
 */
export const WIDE_INTERVAL = 0.1;
/**
 * The rarest label with fewer than this share of the commonest label's items is a risk.
 *
 * @example
 * IMBALANCE_RATIO; // 0.2
 */
export const IMBALANCE_RATIO = 0.2;
/**
 * A `judge_score` below this (the mean grade, 1 for a right answer) is a risk: the judge
 * graded most answers down, which a PASS verdict without a judge threshold would not show
 * (pairwise judging aside, where a low score is the other model winning).
 *
 * @example
 * LOW_JUDGE_SCORE; // 0.5
 */
export const LOW_JUDGE_SCORE = 0.5;

/**
 * A model that gives one label this share of its answers or more answers nearly everything
 * alike (a risk when the label is far rarer among the items: {@link DOMINANT_ANSWER_GAP}).
 *
 * @example
 * DOMINANT_ANSWER; // 0.95
 */
export const DOMINANT_ANSWER = 0.95;
/**
 * How far above its share of the items a dominant answer's share must lie to be a risk.
 *
 * @example
 * DOMINANT_ANSWER_GAP; // 0.2
 */
export const DOMINANT_ANSWER_GAP = 0.2;

/** One risk to the reading of a run, with how much it matters (larger first). */
interface Risk {
  severity: number;
  text: string;
  /** the text in pieces, where some of it is code (a threshold expression) */
  parts?: TextPart[];
}

/** What became of unparseable answers, by task: wrong answers, or left out of the metrics. */
function unparseableText(m: ModelResult, task: RunResults['task']['type']): string {
  const count = `${formatInteger(m.items.unparseable)} answers of ${m.name} (${percentOf(m.items.unparseable, m.items.total - m.items.failed)})`;
  if (task === 'regression') {
    const scored = m.items.total - m.items.failed - m.items.unparseable;
    return `${count} had no number and are left out of the error metrics, which cover only the ${formatInteger(scored)} answers with one (a model that declines hard items looks better than it is): check task.answer and the prompt.`;
  }
  // a multiple-choice task reads its answers by task.extract (it has no task.answer)
  return task === 'multiple-choice'
    ? `${count} named no choice and count as wrong: check task.extract and the prompt.`
    : `${count} named no label and count as wrong: check task.answer and the prompt.`;
}

function serviceRisks(m: ModelResult, task: RunResults['task']['type']): Risk[] {
  const out: Risk[] = [];
  if ((m.notRepresentative ?? []).length > 0) {
    // --retry-failed helps failed requests; unparseable answers need another task.answer
    const fixes = [
      ...(m.items.failed > 0
        ? ['fix the service and run again (--retry-failed re-sends only the failed requests)']
        : []),
      ...(m.items.unparseable > 0
        ? ['fix task.answer or the prompt (a rerun parses the journaled answers again)']
        : []),
    ];
    out.push({
      severity: 100,
      text: `The figures of ${m.name} describe a broken run, not the model: ${fixes.length > 0 ? fixes.join('; ') : 'fix the service or the answer pattern and run again'}.`,
    });
    return out;
  }
  if (m.items.failed > 0) {
    const classes = Object.entries(m.service.errorsByClass)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    out.push({
      severity: 80,
      text: `${formatInteger(m.items.failed)} of ${formatInteger(m.items.total)} predictions of ${m.name} (${percentOf(m.items.failed, m.items.total)}) have no answer because the request failed (${classes}); the metrics cover only the answered items.`,
    });
  }
  const answered = m.items.total - m.items.failed;
  // a generation task says it in its own words (extraction failures, below)
  if (m.items.unparseable > 0 && m.generation === undefined) {
    out.push({
      severity: m.items.unparseable / answered > 0.05 ? 60 : 35,
      text: unparseableText(m, task),
    });
  }
  return out;
}

/** Outputs scored as empty answers, and judge grades that could not be had. */
function generationRisks(m: ModelResult): Risk[] {
  const out: Risk[] = [];
  const failures = m.generation?.extractionFailures ?? 0;
  if (failures > 0) {
    out.push({
      severity: 55,
      text: `${formatInteger(failures)} output(s) of ${m.name} matched no extraction rule and were scored as empty answers: check task.extract and the prompt.`,
    });
  }
  const j = m.judge;
  const judged = m.metrics.judge_score?.value;
  // pairwise: a low score is the other model winning, which the comparison reports
  const low = judged !== null && judged !== undefined && judged < LOW_JUDGE_SCORE;
  if (j !== undefined && j.mode !== 'pairwise' && low) {
    const grades = Object.entries(j.grades)
      .sort((a, b) => b[1] - a[1])
      .map(([grade, n]) => `${grade} × ${formatInteger(n)}`)
      .join(', ');
    out.push({
      severity: 50,
      text: `The judge scored the answers of ${m.name} low: judge_score ${fmt(judged)}, the mean grade${grades === '' ? '' : ` (grades: ${grades})`}; read the judge section's examples before relying on its outputs.`,
    });
  }
  if (j !== undefined && j.unscored > 0) {
    // the reasons may quote the judge's reply, so they stay in the judge section's table
    out.push({
      severity: 55,
      text: `The judge left ${formatInteger(j.unscored)} of ${formatInteger(j.graded + j.unscored)} grading draws for ${m.name} unscored (the judge section gives the reasons); judge_score covers only the graded ones.`,
    });
  }
  return out;
}

/**
 * A model that gives one answer to everything: its accuracy is that label's share. Or one
 * that gives one answer to nearly everything ({@link DOMINANT_ANSWER} of its labels or more)
 * where that label is far rarer among the items ({@link DOMINANT_ANSWER_GAP} or more below):
 * its metrics of the other labels rest on a handful of answers, and a macro average's interval
 * swings with whether a resample draws them (a user's run: 399 of 400 answers `spam`,
 * precision_macro 0.751 [0.231, 0.771], and the verdict said nothing stood out).
 */
function oneLabelRisk(m: ModelResult): Risk[] {
  const facts = confusionFacts(m.confusion);
  if (!facts || facts.rowTotals.filter((n) => n > 0).length < 2) return [];
  const given = facts.answered.flatMap((n, i) => (n > 0 ? [i] : []));
  if (given.length === 0) return [];
  const answers = facts.answered.reduce((a, b) => a + b, 0);
  const top = given.reduce((a, b) => (facts.answered[b]! > facts.answered[a]! ? b : a));
  const label = quotedLabel(facts.labels[top]!);
  const trueShare = percentOf(facts.rowTotals[top]!, facts.total);
  if (given.length === 1) {
    return [
      {
        severity: 85,
        text: `${m.name} answered ${label} to every item it gave a label: its accuracy only reflects how common ${label} is (${trueShare} of the items).`,
      },
    ];
  }
  const share = facts.answered[top]! / answers;
  const gap = share - facts.rowTotals[top]! / facts.total;
  if (share < DOMINANT_ANSWER || gap < DOMINANT_ANSWER_GAP) return [];
  const others = answers - facts.answered[top]!;
  return [
    {
      severity: 80,
      text: `${m.name} answered ${label} to ${formatInteger(facts.answered[top]!)} of the ${formatInteger(answers)} items it gave a label (${percentOf(share, 1)}), though ${label} is ${trueShare} of the items: its metrics of the other labels rest on ${formatInteger(others)} answer${others === 1 ? '' : 's'}, and its accuracy mostly reflects how common ${label} is.`,
    },
  ];
}

function intervalRisk(m: ModelResult, metric: string | null, r: RunResults): Risk[] {
  const q = metric === null ? null : quotedInterval(m, metric, r.evaluation.ci, r.earlyStop);
  if (q === null) return [];
  const bounded = q.low >= 0 && q.high <= 1;
  if (!bounded || q.high - q.low <= WIDE_INTERVAL) return [];
  return [
    {
      severity: 50,
      text: `The ${intervalName(q)} of ${m.name}'s ${metric} is ${fmt(q.high - q.low, 2)} wide (${fmt(q.low)} to ${fmt(q.high)}): too few items to pin the value down.`,
    },
  ];
}

/** The metric of an LLM judge's grades: the mean grade score, in [0, 1]. */
const JUDGE_SCORE = 'judge_score';

/**
 * A `judge_score` that no threshold checks: the verdict quotes only the headline metric, so its
 * interval would go unread while the judge section shows the score as if settled. It is a risk
 * when the interval is wider than {@link WIDE_INTERVAL} (the headline's own rule, left to
 * {@link intervalRisk} when judge_score is the headline), or when it reaches below
 * {@link LOW_JUDGE_SCORE} while the score is above it: the run cannot tell whether the judge
 * graded most answers up or down (pairwise aside, where 0.5 is a tie the comparison tests).
 */
function judgeIntervalRisk(m: ModelResult, headline: string | null, r: RunResults): Risk[] {
  const value = m.metrics[JUDGE_SCORE]?.value;
  if (m.judge === undefined || value === null || value === undefined) return [];
  if (r.thresholds.some((t) => t.metric === JUDGE_SCORE && t.model === m.name)) return [];
  const q = quotedInterval(m, JUDGE_SCORE, r.evaluation.ci, r.earlyStop);
  if (q === null) return [];
  const wide = headline !== JUDGE_SCORE && q.high - q.low > WIDE_INTERVAL;
  const straddles =
    m.judge.mode !== 'pairwise' && value >= LOW_JUDGE_SCORE && q.low < LOW_JUDGE_SCORE;
  if (!wide && !straddles) return [];
  const shape = [
    ...(wide ? [`is ${fmt(q.high - q.low, 2)} wide`] : []),
    ...(straddles ? [`reaches below ${LOW_JUDGE_SCORE}`] : []),
  ].join(' and ');
  const reading = wide
    ? `too few graded answers to pin the judge's score down${straddles ? ', or to tell whether it graded most answers up or down' : ''}`
    : 'the run cannot tell whether the judge graded most answers up or down';
  return [
    {
      severity: 50,
      text: `The ${intervalName(q)} of ${m.name}'s judge_score ${shape} (${fmt(q.low)} to ${fmt(q.high)}), and no threshold checks judge_score: ${reading}.`,
    },
  ];
}

function dataRisks(r: RunResults): Risk[] {
  const out: Risk[] = [];
  const tested = testedItems(r.dataset);
  if (r.models.length > 0 && tested < FEW_ITEMS) {
    out.push({
      severity: 45,
      text: `Only ${formatInteger(tested)} items were ${tested < r.dataset.items ? `tested (of ${formatInteger(r.dataset.items)} in the data set)` : 'evaluated'}: differences of a few points are within noise.`,
    });
  }
  const counts = Object.entries(r.dataset.labels).sort((a, b) => a[1] - b[1]);
  const rarest = counts[0];
  const commonest = counts[counts.length - 1];
  if (rarest && commonest && counts.length >= 2 && rarest[1] < IMBALANCE_RATIO * commonest[1]) {
    out.push({
      severity: 30,
      text: `The classes are imbalanced (${quotedLabel(rarest[0])} ${percentOf(rarest[1], r.dataset.items)} of the items, ${quotedLabel(commonest[0])} ${percentOf(commonest[1], r.dataset.items)}): accuracy rewards answering the common class; read balanced accuracy and each class's recall.`,
    });
  }
  return out;
}

/**
 * Answers (or grades) from another model than the one asked for: every figure then describes
 * that model, so this comes before any other risk.
 */
function servedModelRisks(r: RunResults): Risk[] {
  return servedModelMismatches(r).map((x) => {
    const what = x.role === 'judge' ? `grades of judge ${x.name}` : `answers of ${x.name}`;
    const whose =
      x.role === 'judge'
        ? "its judge_score is that model's grading"
        : 'the figures describe that model, not the one asked for';
    return {
      severity: 120,
      text: `The service says '${x.served}' gave ${formatInteger(x.count)} of ${formatInteger(x.of)} ${what}, not '${x.asked}' as ${x.path} asks: ${whose}. Check ${x.path} against the models the service serves (a service that answers every id with its own model does not refuse a misspelt one) and run again.`,
    };
  });
}

/**
 * When nothing else stands out: the commonest error, so the reader knows what to look for. A
 * failed threshold is the verdict's own news, so the sentence points at it rather than say
 * that nothing stands out next to a FAIL.
 */
function quietRisk(r: RunResults): string {
  const failed = r.thresholds.filter((t) => !t.passed).length;
  const lead =
    failed === 0
      ? 'None stands out'
      : `Nothing stands out beyond the failed threshold${failed === 1 ? '' : 's'} above`;
  const facts = r.models
    .map((m) => ({ m, e: confusionFacts(m.confusion)?.largestError ?? null }))
    .filter((x) => x.e !== null)
    .sort((a, b) => b.e!.count / b.e!.of - a.e!.count / a.e!.of)[0];
  if (!facts) {
    return `${lead}: no request failed, no answer was unparseable and the headline interval is narrow.`;
  }
  const { m, e } = facts as { m: ModelResult; e: NonNullable<typeof facts.e> };
  const truth = quotedLabel(e.truth);
  const error =
    e.answer === null
      ? `${truth} items answered with no label (unparseable)`
      : `${truth} answered as ${quotedLabel(e.answer)}`;
  return `${lead}; the commonest error of ${m.name} is ${error}: ${formatInteger(e.count)} of ${formatInteger(e.of)} ${truth} items (${percentOf(e.count, e.of)}).`;
}

/**
 * The risks to reading a run's numbers at face value, biggest first: answers or judge grades
 * from another model than the one asked for (see `servedModelMismatches`), metrics that are not
 * representative, ranking and decision quality that disagree (a threshold problem), one
 * answer given to every item (or to {@link DOMINANT_ANSWER} of them, where that label is far
 * rarer among the items), failed requests, a passed threshold with a caveat (a `vs baseline`
 * check on few paired predictions, see `caveatedPass`), a passed threshold whose interval crosses its bound, extraction
 * failures scored as empty answers, judge grades left unscored, unparseable answers, a
 * wide interval of the headline metric (wider than {@link WIDE_INTERVAL}), a `judge_score`
 * that no threshold checks whose interval is that wide or reaches below {@link LOW_JUDGE_SCORE}
 * (pairwise aside) while the score is above it, few items
 * (below {@link FEW_ITEMS}), low recall of the positive class or a high false-positive rate
 * (see `positiveClassRisks`; an undefined recall when no positive item was scored),
 * imbalanced classes (the rarest below {@link IMBALANCE_RATIO} of the commonest).
 *
 * @param r - the run's results
 * @param headline - the headline metric (its interval is checked), or null
 * @returns sentences in pieces (see `TextPart`: a threshold expression is marked as code),
 *   never empty: when nothing stands out, the commonest error
 * @example
 * runRisks(results, 'f1_macro')[0]; // ['lr ranks the items well (ROC AUC 0.995) but …']
 */
export function runRisks(r: RunResults, headline: string | null): TextPart[][] {
  const risks: Risk[] = servedModelRisks(r);
  for (const m of r.models) {
    risks.push(...serviceRisks(m, r.task.type));
    risks.push(...generationRisks(m));
    const gap = rankingDecisionGap(m, r.task.positiveLabel);
    if (gap) risks.push({ severity: 90, text: rankingDecisionWarning(gap) });
    risks.push(...oneLabelRisk(m));
    risks.push(...intervalRisk(m, headline, r));
    risks.push(...judgeIntervalRisk(m, headline, r));
    risks.push(...positiveClassRisks(m));
  }
  for (const t of r.thresholds) {
    const m = r.models.find((x) => x.name === t.model);
    const parts = m ? uncertainPass(t, m, r.evaluation.ci) : null;
    if (parts) risks.push({ severity: 70, text: plainText(parts), parts });
    // a pass that rests on a few paired predictions reads as one on the whole run
    const caveated = caveatedPass(t);
    if (caveated) risks.push({ severity: 75, text: plainText(caveated), parts: caveated });
  }
  risks.push(...dataRisks(r));
  // a stable sort keeps model and threshold order among equals
  const sorted = risks.sort((a, b) => b.severity - a.severity).map((x) => x.parts ?? [x.text]);
  return sorted.length > 0 ? sorted : [[quietRisk(r)]];
}
