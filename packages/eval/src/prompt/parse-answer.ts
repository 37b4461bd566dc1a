/** How to turn a model's answer text into a label or number. */
export interface AnswerSpec {
  /** `exact` (whole answer equals a label), `regex` (capture group 1), `first-label` (earliest label in the text), `number` */
  extract: 'exact' | 'regex' | 'first-label' | 'number';
  /** regular expression with a capture group (for `regex`) */
  pattern?: string | undefined;
  /** compare labels case-sensitively (default false) */
  caseSensitive: boolean;
  /** trim and collapse whitespace before matching (default true) */
  trim: boolean;
}

/** A parsed answer: the label (or number as text), or `null` when unparseable. */
export interface ParsedAnswer {
  /** matched label / number text; `null` when the answer matched nothing */
  value: string | null;
}

function normalize(s: string, spec: AnswerSpec): string {
  let out = spec.trim ? s.trim().replace(/\s+/g, ' ') : s;
  if (!spec.caseSensitive) out = out.toLowerCase();
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// U+2212 (the typographic minus sign) is a minus too: without it '−42' read as 42. A comma
// separates thousands only before groups of exactly three digits (1,234.5); '2,5' (a decimal
// comma) is no number rather than 25, and neither is a part of '2,5' or '2.0.1': the
// lookarounds refuse a match that another digit group touches.
const NUMBER =
  /(?<![\d.,])[-+\u2212]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:[eE][-+\u2212]?\d+)?(?![.,]\d)/;
const WHOLE_NUMBER = new RegExp(`^${NUMBER.source}$`);

/** A matched number as a decimal string (thousands separators and U+2212 read), or null. */
function numberText(matched: string): string | null {
  const n = Number(matched.replace(/,/g, '').replace(/\u2212/g, '-'));
  return Number.isFinite(n) ? String(n) : null;
}

/**
 * The first number in a text (`about 4.5` → `'4.5'`; `1,234.5` → `'1234.5'`; `−42` → `'-42'`).
 *
 * @param text - the text
 * @returns the number as a decimal string, or null when the text holds none
 * @example
 * firstNumber('about −4.5 units'); // '-4.5'
 */
export function firstNumber(text: string): string | null {
  const m = NUMBER.exec(text);
  return m ? numberText(m[0]) : null;
}

/**
 * The text as one number, after trimming (`' 42 '` → `'42'`; `'42 units'` → null).
 *
 * @param text - the text
 * @returns the number as a decimal string, or null when the text is not exactly one number
 * @example
 * wholeNumber('1,234.5'); // '1234.5'
 */
export function wholeNumber(text: string): string | null {
  const t = text.trim();
  return WHOLE_NUMBER.test(t) ? numberText(t) : null;
}

/**
 * Capture group 1 (else the first group that matched) of `spec.pattern` in the text, matched
 * case-insensitively unless `spec.caseSensitive`, `.` matching new lines.
 *
 * @param text - the answer
 * @param spec - the answer settings (`pattern`, `caseSensitive`)
 * @returns the captured text, or null when the pattern does not match
 * @example
 * capturedAnswer('Reasoning... Answer: 42', { extract: 'regex', pattern: 'Answer:\\s*(\\S+)', caseSensitive: false, trim: true }); // '42'
 */
export function capturedAnswer(text: string, spec: AnswerSpec): string | null {
  const m = new RegExp(spec.pattern ?? '(.*)', spec.caseSensitive ? 's' : 'is').exec(text);
  return m?.slice(1).find((g) => g !== undefined) ?? null;
}

/**
 * Extracts a label (classification) or a number (regression) from answer text.
 *
 * @param text - the model's raw answer
 * @param labels - the task's labels (ignored for `number`)
 * @param spec - extraction settings
 * @returns the canonical label as configured (or the number as a decimal string), or `null`
 *   when nothing matched: such answers are counted as `unparseable`, never dropped
 * @remarks `first-label` takes the one label the answer names, as a whole word (where
 *   two overlap the longer wins: `not spam` over `spam`). An answer that names several
 *   different labels, or names its label right after a negation in the same clause
 *   (`not`, `no`, `never`, `isn't`, `cannot`, … within the three words before it), is
 *   unparseable: "This is not spam" is no vote for `spam`, and "between spam and ham" is
 *   no vote at all. A stricter `regex` answer pattern avoids both. Numbers accept
 *   thousands separators before groups of three digits (`1,234.5`); a decimal comma (`2,5`)
 *   is read as no number, never as 25.
 * @example
 * parseAnswer('Label: SPAM.', ['spam', 'ham'], { extract: 'first-label', caseSensitive: false, trim: true }); // { value: 'spam' }
 */
export function parseAnswer(
  text: string,
  labels: readonly string[],
  spec: AnswerSpec,
): ParsedAnswer {
  let candidate = text;
  if (spec.extract === 'regex') {
    const captured = capturedAnswer(text, spec);
    if (captured === null) return { value: null };
    candidate = captured;
  }
  if (spec.extract === 'number') return { value: firstNumber(candidate) };
  const norm = normalize(candidate, spec);
  if (spec.extract === 'exact' || spec.extract === 'regex') {
    const hit = labels.find((l) => normalize(l, spec) === norm);
    if (hit !== undefined) return { value: hit };
    if (spec.extract === 'exact') {
      // Tolerate a trailing period or quotes around an otherwise exact answer.
      const stripped = norm.replace(/^["'`\s]+|["'`.!\s]+$/g, '');
      const again = labels.find((l) => normalize(l, spec) === stripped);
      return { value: again ?? null };
    }
    return { value: null };
  }
  return { value: singleLabel(norm, labels, spec) };
}

/** Words that negate the label that follows them in the same clause. */
const NEGATION =
  /(?:^|[^\p{L}\p{N}_])(?:not|no|never|neither|nor|without|cannot|can't|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|hardly)(?![\p{L}\p{N}_])/iu;

/** Whether the up to three words before `at`, within its clause, hold a negation. */
function negated(text: string, at: number): boolean {
  const clause =
    text
      .slice(0, at)
      .split(/[,;:.!?\n]/u)
      .at(-1) ?? '';
  const words = clause.trim().split(/\s+/u).slice(-3).join(' ');
  return NEGATION.test(words);
}

/** Whole-word occurrences of every label; where two overlap, the longer one (`not spam` over `spam`). */
function labelOccurrences(
  text: string,
  labels: readonly string[],
  spec: AnswerSpec,
): { at: number; end: number; label: string }[] {
  const all: { at: number; end: number; label: string }[] = [];
  for (const label of labels) {
    const l = normalize(label, spec);
    if (l === '') continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(l)}(?![\\p{L}\\p{N}_])`, 'gu');
    for (const m of text.matchAll(re)) all.push({ at: m.index, end: m.index + l.length, label });
  }
  all.sort((x, y) => x.at - y.at || y.end - x.end);
  const kept: typeof all = [];
  for (const o of all) {
    const last = kept.at(-1);
    if (last !== undefined && o.at < last.end) continue;
    kept.push(o);
  }
  return kept;
}

/**
 * The one label an answer names: null when it names none, several different labels
 * ("I cannot decide between spam and ham"), or a label under a negation ("This is not
 * spam" with labels spam/ham): such answers are unparseable, never a guess.
 */
function singleLabel(text: string, labels: readonly string[], spec: AnswerSpec): string | null {
  const found = labelOccurrences(text, labels, spec);
  const distinct = new Set(found.map((o) => o.label));
  if (distinct.size !== 1) return null;
  return found.some((o) => negated(text, o.at)) ? null : found[0]!.label;
}
