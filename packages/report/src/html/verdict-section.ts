import type { RunResults } from '../results/run-results-schema.js';
import { runVerdict } from '../verdict/verdict.js';
import { escapeHtml as h } from './escape-html.js';

/** The most risks listed beside the biggest one. */
const OTHER_RISKS = 4;

/**
 * The verdict box at the top of `report.html`: PASS / FAIL / NOT CHECKED and why, what was
 * evaluated, the headline metric per model with its interval in words, and the biggest risk.
 * A qualified PASS (another model answered, or only service thresholds gate the run) shows
 * an amber `caution` badge and says what the PASS rests on.
 *
 * @param r - the run's results
 * @returns an HTML `<section>` (every text escaped)
 * @example
 * verdictSection(results).startsWith('<section class="verdict'); // true
 */
export function verdictSection(r: RunResults): string {
  const v = runVerdict(r);
  const [biggest, ...others] = v.risks;
  const more = others.slice(0, OTHER_RISKS);
  // a qualified PASS is amber, not green: the exit status passed, the reading is not all clear
  const tone = v.caution !== null ? 'caution' : v.status;
  const caution = v.caution !== null ? `<p class="outcome caution">${h(v.title)}.</p>` : '';
  return `<section class="verdict verdict-${tone}" aria-label="Verdict"><h2 class="verdict-title">Verdict: <span class="badge badge-${tone}">${h(v.badge)}</span></h2>${caution}<p class="outcome">${h(v.outcome)}</p><p>${h(v.evaluated)}</p><ul class="headline">${v.headline.map((s) => `<li>${h(s)}</li>`).join('')}</ul>${v.choice ? `<p class="choice"><strong>Which model:</strong> ${h(v.choice)}</p>` : ''}<p class="risk"><strong>Biggest risk:</strong> ${h(biggest ?? '')}</p>${
    more.length > 0
      ? `<p class="note">Other risks:</p><ul class="note">${more.map((s) => `<li>${h(s)}</li>`).join('')}</ul>`
      : ''
  }</section>`;
}
