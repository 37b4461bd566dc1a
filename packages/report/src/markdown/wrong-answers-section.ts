import { FOLD_NUMBERING } from '../format/fold-numbering.js';
import { MISSING_VALUE } from '../format/format-number.js';
import { hasShownOrder, SHOWN_ORDER_NOTE, shownOrderText } from '../format/shown-choice-order.js';
import type { ModelResult, RunResults } from '../results/run-results-schema.js';
import { cellText } from './markdown-text.js';

/**
 * Characters of a prompt shown in a Markdown table cell; the rest is in `prompts.arrow`.
 *
 * @example
 * MARKDOWN_PROMPT_CHARS; // 300
 */
export const MARKDOWN_PROMPT_CHARS = 300;

/** Characters of a model's answer shown in a Markdown table cell. */
const ANSWER_CHARS = 200;

/** Text cut to `max` characters, saying how many were left out. */
function cut(text: string, max: number, omittedBefore = 0): string {
  const omitted = Math.max(0, text.length - max) + omittedBefore;
  const kept = text.length > max ? text.slice(0, max) : text;
  return omitted > 0 ? `${kept} … (${omitted} more characters)` : kept;
}

/** A prompt as one line: each message's role in bold, then its text; cut short. */
function promptText(hash: string | undefined, prompts: RunResults['prompts']): string {
  const messages = hash === undefined ? undefined : prompts?.[hash];
  if (messages === undefined) return MISSING_VALUE;
  const text = messages.map((m) => `[${m.role}] ${m.content}`).join(' ');
  const omitted = messages.reduce((s, m) => s + (m.omittedChars ?? 0), 0);
  return `**${cellText(hash!)}**: ${cellText(cut(text, MARKDOWN_PROMPT_CHARS, omitted))}`;
}

function modelSection(
  m: ModelResult,
  prompts: RunResults['prompts'],
  regression: boolean,
  /** whether the run had more than one fold (one has nothing to tell apart) */
  folded: boolean,
): string[] {
  if (m.wrongAnswers.length === 0)
    return ['', `### ${cellText(m.name)}: wrong answers`, '', 'None.'];
  const withPrompts = prompts !== undefined && m.wrongAnswers.some((w) => w.promptHash);
  const last = withPrompts ? 'prompt sent (hash: start)' : 'input (start)';
  // multiple choice: the raw answer is in the shown letters, expected and parsed are not
  const ordered = hasShownOrder(m);
  const heads = ordered
    ? " shown order | expected (data set's letter) | parsed (data set's letter) | model output (shown letters) |"
    : ' expected | parsed | model output |';
  return [
    '',
    `### ${cellText(m.name)}: ${regression ? 'largest errors' : 'sample of wrong answers'} (${m.items.wrong + m.items.unparseable} in total)`,
    '',
    `| item |${folded ? ' fold |' : ''}${heads} ${last} |`,
    `|---|${folded ? '---|' : ''}${ordered ? '---|' : ''}---|---|---|---|`,
    ...m.wrongAnswers.map(
      (w) =>
        `| ${cellText(w.id)} |${folded ? ` ${w.fold + 1} |` : ''}${ordered ? ` ${cellText(shownOrderText(w))} |` : ''} ${cellText(w.expected ?? MISSING_VALUE)} | ${w.parsed === null ? '**unparseable**' : cellText(w.parsed)} | ${cellText(cut(w.answer ?? '', ANSWER_CHARS))} | ${withPrompts ? promptText(w.promptHash, prompts) : cellText(cut(w.input, MARKDOWN_PROMPT_CHARS))} |`,
    ),
  ];
}

/**
 * The wrong-answers section of `report.md`: per model, the sampled wrong and unparseable
 * answers with the prompt sent (multiple-choice: and the choice order shown, with a note on
 * which letters each column is in). Everything from data, models or servers is escaped (HTML,
 * table pipes, line breaks); prompts are cut to {@link MARKDOWN_PROMPT_CHARS} characters with
 * a note of how many were left out (every prompt is whole in `prompts.arrow`, keyed by the
 * hash shown).
 *
 * @param r - run results
 * @returns Markdown lines; none for generation tasks
 * @example
 * wrongAnswersSection(results)[1]; // '## Wrong answers'
 * wrongAnswersSection(generationRun); // []
 */
export function wrongAnswersSection(r: RunResults): string[] {
  if (r.task.type === 'generation') return [];
  const lines = ['', '## Wrong answers'];
  const regression = r.task.type === 'regression';
  // `folds` counts every fold of every repeat
  const folded = r.evaluation.folds > 1;
  for (const m of r.models) lines.push(...modelSection(m, r.prompts, regression, folded));
  if (folded && r.models.some((m) => m.wrongAnswers.length > 0)) lines.push('', FOLD_NUMBERING);
  if (r.models.some(hasShownOrder)) lines.push('', SHOWN_ORDER_NOTE);
  if (r.prompts !== undefined) {
    lines.push(
      '',
      `Prompts are cut to ${MARKDOWN_PROMPT_CHARS} characters here; every prompt is whole in \`prompts.arrow\`, keyed by its hash (\`prompt_hash\` in \`predictions.arrow\`).`,
    );
  }
  return lines;
}
