import { positionBiasInWords } from '../generation/multiple-choice-facts.js';
import type { RunResults } from '../results/run-results-schema.js';
import { escapeHtml as h } from './escape-html.js';

/**
 * The position-bias line of each multiple-choice model for `report.html`.
 *
 * @param r - the run's results
 * @returns one escaped paragraph per model with `multipleChoice`; empty when none has it
 * @example
 * multipleChoiceSection(results); // '<p class="position-bias">nb: position-bias rate 10.0% (...)</p>'
 */
export function multipleChoiceSection(r: RunResults): string {
  return r.models
    .map((m) =>
      m.multipleChoice
        ? `<p class="position-bias">${h(positionBiasInWords(m.name, m.multipleChoice))}</p>`
        : '',
    )
    .join('');
}
