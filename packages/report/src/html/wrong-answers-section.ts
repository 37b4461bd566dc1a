import { FOLD_NUMBERING } from '../format/fold-numbering.js';
import { MISSING_VALUE } from '../format/format-number.js';
import { hasShownOrder, SHOWN_ORDER_NOTE, shownOrderText } from '../format/shown-choice-order.js';
import type { ModelResult, RunResults } from '../results/run-results-schema.js';
import { escapeHtml as h } from './escape-html.js';

type Prompts = NonNullable<RunResults['prompts']>;

/** The prompt sent for one wrong answer, folded away: each message's role, then its text. */
function promptCell(hash: string | undefined, prompts: Prompts): string {
  const messages = hash === undefined ? undefined : prompts[hash];
  if (messages === undefined) return `<td class="note">${MISSING_VALUE}</td>`;
  const chars = messages.reduce((s, m) => s + m.content.length + (m.omittedChars ?? 0), 0);
  const body = messages
    .map(
      (m) =>
        `<div class="note">${h(m.role)}</div><pre class="answer">${h(m.content)}</pre>${m.omittedChars ? `<div class="note">… ${m.omittedChars} more characters (the whole prompt is in prompts.arrow)</div>` : ''}`,
    )
    .join('');
  return `<td><details><summary>${messages.length} message${messages.length === 1 ? '' : 's'}, ${chars} characters</summary>${body}<div class="note">prompt_hash ${h(hash!)}</div></details></td>`;
}

/**
 * One model's sample of wrong and unparseable answers for `report.html`: the item, the
 * expected and parsed labels, the model's output, the start of the input and, when the
 * results keep prompts, the prompt sent in a collapsed `<details>`; multiple-choice answers
 * also show the choice order asked, with a note on which letters each column is in. Every piece of data and
 * model output is HTML-escaped.
 *
 * @param m - the model's results
 * @param prompts - the results' `prompts` (absent in files written before prompts were kept)
 * @param regression - whether the task is a regression (the sample is then the largest errors)
 * @param folded - whether the run had more than one fold: each answer then names its fold
 *   (1-based; `fold` in `predictions.arrow` counts from 0)
 * @returns the section's HTML
 * @example
 * wrongAnswersSection(model, results.prompts); // '<h3>nb: wrong answers</h3><p class="note">None.</p>'
 */
export function wrongAnswersSection(
  m: ModelResult,
  prompts: RunResults['prompts'],
  regression = false,
  folded = true,
): string {
  if (m.wrongAnswers.length === 0)
    return `<h3>${h(m.name)}: wrong answers</h3><p class="note">None.</p>`;
  const withPrompts = prompts !== undefined && m.wrongAnswers.some((w) => w.promptHash);
  // multiple choice: the raw answer is in the shown letters, expected and parsed are not
  const ordered = hasShownOrder(m);
  const heads = ordered
    ? "<th>shown order</th><th>expected (data set's letter)</th><th>parsed (data set's letter)</th><th>model output (shown letters)</th>"
    : '<th>expected</th><th>parsed</th><th>model output</th>';
  return `<h3>${h(m.name)}: ${regression ? 'largest errors' : 'sample of wrong answers'} (${m.items.wrong + m.items.unparseable} in total)</h3><table><thead><tr><th>item</th>${heads}<th>input (start)</th>${withPrompts ? '<th>prompt sent</th>' : ''}</tr></thead><tbody>${m.wrongAnswers
    .map(
      (w) =>
        `<tr><td>${h(w.id)}${folded ? `<br><span class="note">fold ${w.fold + 1}</span>` : ''}</td>${ordered ? `<td>${h(shownOrderText(w))}</td>` : ''}<td>${h(w.expected ?? MISSING_VALUE)}</td><td>${w.parsed === null ? '<span class="fail">unparseable</span>' : h(w.parsed)}</td><td><pre class="answer">${h(w.answer ?? '')}</pre></td><td><pre class="answer">${h(w.input)}</pre></td>${withPrompts ? promptCell(w.promptHash, prompts) : ''}</tr>`,
    )
    .join(
      '',
    )}</tbody></table>${folded ? `<p class="note">${h(FOLD_NUMBERING)}</p>` : ''}${ordered ? `<p class="note">${h(SHOWN_ORDER_NOTE)}</p>` : ''}`;
}
