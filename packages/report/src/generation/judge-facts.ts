import { fmt, formatUsd } from '../format/format-number.js';
import type { JudgeSummary } from '../results/run-results-schema.js';

/**
 * The judge's settings in words: mode, client, temperature, seed, grades per answer (each
 * sample of an item is an answer of its own, graded `repeats` times).
 *
 * @param j - the model's judge summary
 * @returns plain text, for the renderer to escape
 * @example
 * judgeSettingsInWords(judge); // 'closedqa grading by overlap-judge, temperature 0, seed 7, 2 grades per answer'
 */
export function judgeSettingsInWords(j: JudgeSummary): string {
  const seed = j.seed === null ? 'no seed' : `seed ${j.seed}`;
  return `${j.mode} grading by ${j.client}, temperature ${j.temperature}, ${seed}, ${j.repeats} grade${j.repeats === 1 ? '' : 's'} per answer`;
}

/**
 * Grade counts in words, in the order the results list them.
 *
 * @param grades - the judge's `grades`
 * @returns e.g. `C 10, I 4`; `none` when nothing was graded
 * @example
 * gradesInWords({ C: 10, I: 4 }); // 'C 10, I 4'
 */
export function gradesInWords(grades: JudgeSummary['grades']): string {
  const entries = Object.entries(grades);
  return entries.length === 0 ? 'none' : entries.map(([g, n]) => `${g} ${n}`).join(', ');
}

/**
 * Why a flip rate at temperature 0 says nothing: the repeats ask the same question the same
 * way, and a deterministic judge (or a cache) answers it the same.
 *
 * @example
 * TEMPERATURE_ZERO_REPEATS; // "The judge's temperature is 0: its repeats ask the same prompt the same way…"
 */
export const TEMPERATURE_ZERO_REPEATS =
  "The judge's temperature is 0: its repeats ask the same prompt the same way and measure no consistency, so this flip rate is not a measured one (set the judge's temperature above 0 to measure it).";

/**
 * The judge's consistency: flip rate over repeated grades and, for pairwise judging, the
 * swap inconsistency.
 *
 * @param j - the model's judge summary
 * @returns plain sentences
 * @remarks The flip rate is the share of answers whose repeated grades disagree, so it needs
 *   `repeats` > 1, and a temperature above 0 to mean anything (a note says so at 0); the swap inconsistency is the share of pairs whose two orders disagree
 *   (counted as ties).
 * @example
 * judgeConsistencyInWords(judge)[0]; // 'Flip rate 0.150: the share of answers whose 2 grades disagree.'
 */
export function judgeConsistencyInWords(j: JudgeSummary): string[] {
  const out = [
    j.repeats > 1
      ? `Flip rate ${fmt(j.flipRate)}: the share of answers whose ${j.repeats} grades disagree.`
      : 'Flip rate not measured: one grade per answer (set judge repeats above 1).',
  ];
  if (j.repeats > 1 && j.temperature === 0) out.push(TEMPERATURE_ZERO_REPEATS);
  if (j.swapInconsistency !== undefined) {
    out.push(
      `Swap inconsistency ${fmt(j.swapInconsistency)}: the share of pairs whose two orders disagree (counted as ties).`,
    );
  }
  return out;
}

/**
 * The judge's agreement with human grades in words: Cohen's kappa, its weights and interval.
 *
 * @param a - the judge's `agreement`
 * @param ci - the confidence level, e.g. 0.95
 * @returns plain text, for the renderer to escape
 * @example
 * agreementInWords(agreement, 0.95); // "Cohen's kappa 0.654 (unweighted), 95% CI [0.301, 0.909], on 18 judge grades paired with the grade people gave their item (column human_grade)."
 */
export function agreementInWords(a: NonNullable<JudgeSummary['agreement']>, ci: number): string {
  const weights = a.weights === 'none' ? 'unweighted' : `${a.weights} weights`;
  return `Cohen's kappa ${fmt(a.kappa)} (${weights}), ${Math.round(ci * 100)}% CI [${fmt(a.ciLow)}, ${fmt(a.ciHigh)}], on ${a.n} judge grades paired with the grade people gave their item (column ${a.column}).`;
}

/**
 * What the judge graded and what it left unscored (a grade it could not parse, a failed
 * request), with the reasons and their counts.
 *
 * @param j - the model's judge summary
 * @returns e.g. `12 graded, 2 unscored (no GRADE line 2)`
 * @example
 * gradedInWords(judge); // '18 graded, 2 unscored (no GRADE line 2)'
 */
export function gradedInWords(j: JudgeSummary): string {
  const reasons = j.unscoredReasons.map((r) => `${r.reason} ${r.count}`).join(', ');
  return `${j.graded} graded, ${j.unscored} unscored${reasons ? ` (${reasons})` : ''}`;
}

/**
 * The judge's grading requests over the whole run and what they cost: one judge grades every
 * model, so the figures are the run's, not the model's (they are not in its `service`).
 *
 * @param requests - the judge summary's `requests`
 * @returns e.g. `677: 677 sent this run, 0 resumed from the journal, 0 served from the cache;
 *   cost unknown (no price)`
 * @example
 * judgeRequestsInWords({ total: 4, sentThisRun: 3, cachedThisRun: 1, resumedFromJournal: 0, costUsd: 0.0123 });
 * // '4: 3 sent this run, 0 resumed from the journal, 1 served from the cache; cost $0.0123'
 */
export function judgeRequestsInWords(requests: NonNullable<JudgeSummary['requests']>): string {
  const q = requests;
  const cost = q.costUsd === null ? 'unknown (no price)' : formatUsd(q.costUsd);
  return `${q.total}: ${q.sentThisRun} sent this run, ${q.resumedFromJournal} resumed from the journal, ${q.cachedThisRun} served from the cache; cost ${cost}`;
}
