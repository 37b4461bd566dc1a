import {
  agreementInWords,
  gradedInWords,
  gradesInWords,
  judgeConsistencyInWords,
  judgeRequestsInWords,
  judgeSettingsInWords,
} from '../generation/judge-facts.js';
import type { JudgeSummary, ModelResult, RunResults } from '../results/run-results-schema.js';
import { escapeHtml as h } from './escape-html.js';

/** The judge-vs-human table: rows the human grade, columns the judge grade, agreement bold. */
function agreementMatrix(a: NonNullable<JudgeSummary['agreement']>): string {
  const head = a.labels.map((l) => `<th class="num">${h(l)}</th>`).join('');
  const rows = a.matrix.map(
    (row, i) =>
      `<tr><th>${h(a.labels[i] ?? '')}</th>${row.map((c, j) => `<td class="num">${i === j ? `<strong>${c}</strong>` : c}</td>`).join('')}</tr>`,
  );
  return `<table class="agreement"><thead><tr><th>human ↓ · judge →</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function unscoredTable(j: JudgeSummary): string {
  if (j.unscoredReasons.length === 0) return '';
  return `<table class="unscored"><thead><tr><th>unscored because</th><th class="num">draws</th></tr></thead><tbody>${j.unscoredReasons
    .map((r) => `<tr><td>${h(r.reason)}</td><td class="num">${r.count}</td></tr>`)
    .join('')}</tbody></table>`;
}

/**
 * One model's LLM-judge block for `report.html`: client, mode, temperature and seed, what
 * was graded and left unscored (with the reasons), the grade counts, the flip rate and swap
 * inconsistency, and, with human grades, the agreement matrix (rows: human grade, columns:
 * judge grade) with Cohen's kappa and its interval. Every text is HTML-escaped.
 *
 * @param m - the model's results
 * @param ci - the run's confidence level, e.g. 0.95
 * @returns the block's HTML; empty when the model has no `judge`
 * @example
 * judgeSection(generationModel, generationRun.evaluation.ci).startsWith('<h3>subject-gen: judge</h3>'); // true
 */
export function judgeSection(m: ModelResult, ci: number): string {
  const j = m.judge;
  if (j === undefined) return '';
  const facts = [
    `Grades: ${gradesInWords(j.grades)}.`,
    `${gradedInWords(j)}${j.unscored > 0 ? '; unscored draws are left out of judge_score' : ''}.`,
    ...judgeConsistencyInWords(j),
    ...(j.requests ? [`Judge requests (whole run): ${judgeRequestsInWords(j.requests)}.`] : []),
  ];
  const agreement = j.agreement
    ? `<h4>${h(m.name)}: judge against people</h4><p>${h(agreementInWords(j.agreement, ci))}</p>${agreementMatrix(j.agreement)}`
    : '<p class="note">No human grade column: the agreement of the judge with people is not measured.</p>';
  return `<h3>${h(m.name)}: judge</h3><p class="note">${h(judgeSettingsInWords(j))}.</p><ul class="judge-facts">${facts.map((f) => `<li>${h(f)}</li>`).join('')}</ul>${unscoredTable(j)}${agreement}`;
}

/**
 * The judge part of `report.html`: a heading and {@link judgeSection} per model.
 *
 * @param r - the run's results
 * @returns HTML; empty when no model has `judge`
 * @example
 * judgeSections(generationRun).startsWith('<h2>Judge</h2>'); // true
 * judgeSections(results); // ''
 */
export function judgeSections(r: RunResults): string {
  if (!r.models.some((m) => m.judge)) return '';
  return `<h2>Judge</h2>${r.models.map((m) => judgeSection(m, r.evaluation.ci)).join('')}`;
}
