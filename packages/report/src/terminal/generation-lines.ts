import { fmt } from '../format/format-number.js';
import { samplingInWords } from '../generation/generation-facts.js';
import { gradedInWords, gradesInWords, judgeRequestsInWords } from '../generation/judge-facts.js';
import { positionBiasInWords } from '../generation/multiple-choice-facts.js';
import type { ModelResult, RunResults } from '../results/run-results-schema.js';

function generationLine(m: ModelResult): string[] {
  const g = m.generation;
  if (g === undefined) return [];
  const failures =
    g.extractionFailures > 0
      ? `${g.extractionFailures} extraction failure(s) scored as empty answers`
      : 'no extraction failures';
  return [`  ${m.name}: ${samplingInWords(g)}; ${failures}`];
}

function judgeLine(m: ModelResult, ci: number): string[] {
  const j = m.judge;
  if (j === undefined) return [];
  const parts = [
    `${j.mode} by ${j.client} (temperature ${j.temperature}${j.seed === null ? '' : `, seed ${j.seed}`})`,
    gradedInWords(j),
    `grades ${gradesInWords(j.grades)}`,
  ];
  if (j.repeats > 1)
    parts.push(
      `flip rate ${fmt(j.flipRate)}${j.temperature === 0 ? ' (temperature 0: repeats measure no consistency)' : ''}`,
    );
  if (j.swapInconsistency !== undefined)
    parts.push(`swap inconsistency ${fmt(j.swapInconsistency)}`);
  const a = j.agreement;
  if (a) {
    parts.push(
      `kappa vs ${a.column} ${fmt(a.kappa)} [${fmt(a.ciLow)}, ${fmt(a.ciHigh)}] (${Math.round(ci * 100)}% CI, n=${a.n})`,
    );
  }
  const lines = [`  ${m.name} judge: ${parts.join('; ')}`];
  const q = j.requests;
  if (q) {
    lines.push(`  ${m.name} judge requests (whole run): ${judgeRequestsInWords(q)}`);
  }
  return lines;
}

/**
 * The terminal summary's short lines on generation, judge and multiple-choice results:
 * per model, samples and extraction failures; the judge's settings, graded and unscored
 * items, grade counts, flip rate, swap inconsistency and kappa against people; the
 * position-bias rate.
 *
 * @param r - the run's results
 * @returns plain lines (a blank line first); none when no model has any of them
 * @example
 * generationLines(generationRun)[1]; // '  subject-gen: 3 samples per item, reduced by mean; 2 extraction failure(s) scored as empty answers'
 */
export function generationLines(r: RunResults): string[] {
  const lines = r.models.flatMap((m) => [
    ...generationLine(m),
    ...judgeLine(m, r.evaluation.ci),
    ...(m.multipleChoice ? [`  ${positionBiasInWords(m.name, m.multipleChoice)}`] : []),
  ]);
  return lines.length > 0 ? ['', ...lines] : [];
}
