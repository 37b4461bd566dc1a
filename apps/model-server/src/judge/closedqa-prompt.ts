/** The fields of a filled closedqa / fact grading prompt. */
export interface ClosedQaFields {
  /** `[Task]` (closedqa) or `[Question]` (fact); may be empty. */
  readonly question: string;
  /** `[Submission]`: the answer being graded. */
  readonly submission: string;
  /** `[Criterion]` (closedqa) or `[Expert]` (fact): the reference answer. */
  readonly reference: string;
}

const LABELS = ['Task', 'Question', 'Submission', 'Criterion', 'Expert'] as const;
type Label = (typeof LABELS)[number];
/** A separator line (`***` in closedqa, `************` in fact) followed by a labelled field. */
const FIELD_START = new RegExp(`\\n\\*{3,}\\n\\[(${LABELS.join('|')})\\]: ?`, 'g');
const END_DATA = /\n\*{3,}\n\[END DATA\]/;

/**
 * Reads the question, submission and reference out of a model-graded QA prompt.
 *
 * @remarks
 * Accepts inspect_ai's `model_graded_qa` template (after OpenAI evals' `closedqa`):
 * `[BEGIN DATA]`, then `***`-separated `[Task]: …`, `[Submission]: …`, `[Criterion]: …`, then
 * `***` and `[END DATA]`; and its `model_graded_fact` variant (`[Question]`, `[Expert]`,
 * `[Submission]`, separated by `************`). A field runs to the next separator line that
 * starts a known field or ends the data, so answers may span lines. The instructions after
 * `[END DATA]` are not read.
 *
 * @param prompt - the grading prompt (the last user message)
 * @returns the fields, or `undefined` when the prompt has no such data block, or lacks a
 *   submission or a reference
 * @example
 * ```ts
 * import { parseClosedQaPrompt } from '@assay/model-server';
 * const prompt = '[BEGIN DATA]\n***\n[Task]: Capital of France?\n***\n[Submission]: Paris\n***\n[Criterion]: Paris\n***\n[END DATA]';
 * parseClosedQaPrompt(prompt)?.reference; // 'Paris'
 * ```
 */
export function parseClosedQaPrompt(prompt: string): ClosedQaFields | undefined {
  const text = prompt.replace(/\r\n?/g, '\n');
  const begin = text.indexOf('[BEGIN DATA]');
  if (begin === -1) return undefined;
  const afterBegin = text.slice(begin + '[BEGIN DATA]'.length);
  const end = END_DATA.exec(afterBegin);
  if (end === null) return undefined;
  const data = afterBegin.slice(0, end.index);
  const starts: { label: Label; from: number; to: number }[] = [];
  FIELD_START.lastIndex = 0;
  for (let m = FIELD_START.exec(data); m !== null; m = FIELD_START.exec(data)) {
    starts.push({ label: m[1] as Label, from: m.index, to: m.index + m[0].length });
  }
  const fields = new Map<Label, string>();
  starts.forEach((s, i) => {
    const value = data.slice(s.to, i + 1 < starts.length ? starts[i + 1]!.from : data.length);
    if (!fields.has(s.label)) fields.set(s.label, value.trim());
  });
  const submission = fields.get('Submission');
  const reference = fields.get('Criterion') ?? fields.get('Expert');
  if (submission === undefined || reference === undefined) return undefined;
  return { question: fields.get('Task') ?? fields.get('Question') ?? '', submission, reference };
}
