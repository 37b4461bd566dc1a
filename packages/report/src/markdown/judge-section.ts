import {
  agreementInWords,
  gradedInWords,
  gradesInWords,
  judgeConsistencyInWords,
  judgeRequestsInWords,
  judgeSettingsInWords,
} from '../generation/judge-facts.js';
import type { JudgeSummary, ModelResult, RunResults } from '../results/run-results-schema.js';
import { cellText, markdownInline } from './markdown-text.js';

function agreementLines(
  name: string,
  a: NonNullable<JudgeSummary['agreement']>,
  ci: number,
): string[] {
  return [
    '',
    `#### ${cellText(name)}: judge against people`,
    '',
    markdownInline(agreementInWords(a, ci)),
    '',
    `| human ↓ · judge → |${a.labels.map((l) => ` ${markdownInline(l)} |`).join('')}`,
    `|---|${a.labels.map(() => '---|').join('')}`,
    ...a.matrix.map(
      (row, i) =>
        `| ${markdownInline(a.labels[i] ?? '')} |${row.map((c, j) => (i === j ? ` **${c}** |` : ` ${c} |`)).join('')}`,
    ),
  ];
}

function modelLines(m: ModelResult, ci: number): string[] {
  const j = m.judge;
  if (j === undefined) return [];
  return [
    '',
    `### ${cellText(m.name)}: judge`,
    '',
    `${markdownInline(judgeSettingsInWords(j))}.`,
    '',
    `- Grades: ${markdownInline(gradesInWords(j.grades))}.`,
    `- ${markdownInline(gradedInWords(j))}${j.unscored > 0 ? '; unscored draws are left out of judge\\_score' : ''}.`,
    ...judgeConsistencyInWords(j).map((s) => `- ${markdownInline(s)}`),
    ...(j.requests
      ? [`- Judge requests (whole run): ${markdownInline(judgeRequestsInWords(j.requests))}.`]
      : []),
    ...(j.agreement
      ? agreementLines(m.name, j.agreement, ci)
      : ['', 'No human grade column: the agreement of the judge with people is not measured.']),
  ];
}

/**
 * The judge part of `report.md`: per model, the judge's client, mode, temperature and seed,
 * what it graded and left unscored (with the reasons), the grade counts, the flip rate and
 * swap inconsistency, and with human grades the agreement matrix (rows: human grade,
 * columns: judge grade) with Cohen's kappa and its interval.
 *
 * @param r - the run's results
 * @returns Markdown lines; none when no model has `judge`
 * @example
 * judgeSection(generationRun)[1]; // '## Judge'
 */
export function judgeSection(r: RunResults): string[] {
  if (!r.models.some((m) => m.judge)) return [];
  return ['', '## Judge', ...r.models.flatMap((m) => modelLines(m, r.evaluation.ci))];
}
