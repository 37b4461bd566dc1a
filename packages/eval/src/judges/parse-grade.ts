import { z } from 'zod';
import type { JudgeMode } from './judge-schema.js';

/** A judge's answer read as a grade, or why it could not be. */
export type JudgeGrade =
  | {
      readonly unscored: false;
      /** the grade as the mode names it: `C`/`P`/`I`, `A`..`E`, `pass`/`fail`, `A`/`B`/`tie` */
      readonly grade: string;
      /** the grade's score in [0, 1] (pairwise: from assistant A's side) */
      readonly score: number;
      /** the judge's stated reason (rubric) */
      readonly reason?: string | undefined;
    }
  | {
      readonly unscored: true;
      /** why no grade was read: a short, countable phrase (no judge text in it) */
      readonly reason: string;
    };

const unscored = (reason: string): JudgeGrade => ({ unscored: true, reason });

/** inspect_ai's `value_to_float` for the closedqa letters. */
export const CLOSEDQA_SCORES: Readonly<Record<string, number>> = { C: 1, P: 0.5, I: 0 };

/**
 * Scores of the factuality choices: the `choice_scores` of Braintrust autoevals'
 * `templates/factuality.yaml`, which ships OpenAI evals' fact prompt with scores (evals'
 * own `fact.yaml` lists the choices ABCDE but gives them no scores).
 */
export const FACTUALITY_SCORES: Readonly<Record<string, number>> = {
  A: 0.4,
  B: 0.6,
  C: 1,
  D: 0,
  E: 1,
};

/**
 * Reads a closedqa grade as inspect_ai's `DEFAULT_GRADE_PATTERN` does:
 * `(?i)GRADE\s*:\s*([CPI])(.*)$` searched without MULTILINE, so the grade must sit on the
 * answer's last line (Python's `$` also matches before one final new line).
 *
 * @remarks One leniency: trailing white space (blank lines after the grade) is dropped
 * first, where inspect_ai would find no grade. Inspect scores a missing grade as incorrect;
 * here it is unscored, counted and shown.
 * @param text - the judge's answer
 * @returns `C` → 1, `P` → 0.5, `I` → 0, or unscored
 * @example
 * parseClosedQaGrade('The words match.\nGRADE: C'); // { unscored: false, grade: 'C', score: 1 }
 */
export function parseClosedQaGrade(text: string): JudgeGrade {
  const match = /GRADE\s*:\s*([CPI])(.*)$/i.exec(text.trimEnd());
  if (match === null) return unscored("no 'GRADE: C|P|I' on the last line");
  const grade = match[1]!.toUpperCase();
  return { unscored: false, grade, score: CLOSEDQA_SCORES[grade]! };
}

/** Python's `string.punctuation`. */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/**
 * Reads a factuality choice as OpenAI evals' `get_choice` does for `cot_classify`: the lines
 * from the last, each stripped of white space and of `string.punctuation`; the first
 * non-empty line that starts or ends with one of `A`..`E` gives the choice.
 *
 * @remarks evals scores an answer with no choice as the lowest choice; here it is unscored.
 * @param text - the judge's answer
 * @returns the choice and its {@link FACTUALITY_SCORES} score, or unscored
 * @example
 * parseFactualityGrade('Both say Paris.\nC\nC'); // { unscored: false, grade: 'C', score: 1 }
 */
export function parseFactualityGrade(text: string): JudgeGrade {
  const lines = text.trim().split('\n').reverse();
  for (const raw of lines) {
    const line = raw.trim().replace(PUNCTUATION, '');
    if (line === '') continue;
    for (const choice of ['A', 'B', 'C', 'D', 'E']) {
      if (line.startsWith(choice) || line.endsWith(choice)) {
        return { unscored: false, grade: choice, score: FACTUALITY_SCORES[choice]! };
      }
    }
  }
  return unscored('no choice A-E on a line of its own');
}

const RubricVerdictSchema = z.object({
  pass: z.boolean(),
  score: z.number().min(0).max(1),
  reason: z.string(),
});

/** The JSON object of a rubric answer: a fenced ```json block, the whole text, or `{`…`}`. */
function rubricJson(text: string): unknown {
  const fenced = /```(?:json)?\s*\n([\s\S]*?)```/i.exec(text);
  const candidates = fenced
    ? [fenced[1]!]
    : [text.trim(), text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)];
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate);
    } catch {
      // the next candidate
    }
  }
  return undefined;
}

/**
 * Reads a rubric verdict: a JSON object `{pass: boolean, score: number in [0, 1], reason:
 * string}`, alone, inside a ```json fence, or as the text from the first `{` to the last `}`.
 *
 * @param text - the judge's answer
 * @returns grade `pass` or `fail`, the object's `score` and `reason`; or unscored, naming
 *   the first field that did not fit
 * @example
 * parseRubricGrade('{"pass": true, "score": 0.8, "reason": "names it"}').grade; // 'pass'
 */
export function parseRubricGrade(text: string): JudgeGrade {
  const value = rubricJson(text);
  if (value === undefined) return unscored('no JSON object {pass, score, reason}');
  const parsed = RubricVerdictSchema.safeParse(value);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]!.path[0] ?? '');
    const expected: Record<string, string> = {
      pass: 'a boolean',
      score: 'a number from 0 to 1',
      reason: 'a string',
    };
    return unscored(
      field in expected
        ? `JSON ${field} is not ${expected[field]}`
        : 'the JSON is not an object {pass, score, reason}',
    );
  }
  const v = parsed.data;
  return { unscored: false, grade: v.pass ? 'pass' : 'fail', score: v.score, reason: v.reason };
}

/**
 * Reads a pairwise verdict in MT-Bench's format: `[[A]]` (assistant A is better), `[[B]]`,
 * or `[[C]]` (a tie).
 *
 * @remarks FastChat takes the first of `[[A]]`, `[[B]]`, `[[C]]` found, in that order; here
 * an answer that gives two different verdicts is unscored rather than read as `A`.
 * @param text - the judge's answer
 * @returns grade `A` (score 1), `B` (0) or `tie` (0.5), from assistant A's side; or unscored
 * @example
 * parsePairwiseVerdict('B is terse. [[A]]'); // { unscored: false, grade: 'A', score: 1 }
 */
export function parsePairwiseVerdict(text: string): JudgeGrade {
  const found = new Set([...text.matchAll(/\[\[([ABC])\]\]/g)].map((m) => m[1]!));
  if (found.size === 0) return unscored('no verdict [[A]], [[B]] or [[C]]');
  if (found.size > 1) return unscored('two different verdicts');
  const letter = [...found][0]!;
  if (letter === 'A') return { unscored: false, grade: 'A', score: 1 };
  if (letter === 'B') return { unscored: false, grade: 'B', score: 0 };
  return { unscored: false, grade: 'tie', score: 0.5 };
}

/**
 * Reads one judge answer in the given mode.
 *
 * @param mode - the judge's mode
 * @param text - the answer
 * @returns the grade, or unscored with the reason
 * @example
 * parseGrade('closedqa', 'GRADE: I').score; // 0
 */
export function parseGrade(mode: JudgeMode, text: string): JudgeGrade {
  switch (mode) {
    case 'closedqa':
      return parseClosedQaGrade(text);
    case 'factuality':
      return parseFactualityGrade(text);
    case 'rubric':
      return parseRubricGrade(text);
    case 'pairwise':
      return parsePairwiseVerdict(text);
  }
}

/**
 * The grades of a mode in order, lowest first: the rows and columns of the agreement matrix
 * (and the order weighted kappa reads) unless `humanGrade.labels` says otherwise.
 *
 * @param mode - the judge's mode
 * @returns the grade labels
 * @example
 * defaultGradeLabels('closedqa'); // ['I', 'P', 'C']
 */
export function defaultGradeLabels(mode: JudgeMode): string[] {
  switch (mode) {
    case 'closedqa':
      return ['I', 'P', 'C'];
    case 'factuality':
      return ['D', 'A', 'B', 'C', 'E'];
    case 'rubric':
      return ['fail', 'pass'];
    case 'pairwise':
      return ['loss', 'tie', 'win'];
  }
}
