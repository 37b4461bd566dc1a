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

const NUMBER = /[-+]?(?:\d+(?:[.,]\d+)*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?/;

/**
 * Extracts a label (classification) or a number (regression) from answer text.
 *
 * @param text - the model's raw answer
 * @param labels - the task's labels (ignored for `number`)
 * @param spec - extraction settings
 * @returns the canonical label as configured (or the number as a decimal string), or `null`
 *   when nothing matched: such answers are counted as `unparseable`, never dropped
 * @remarks `first-label` finds the earliest whole-word occurrence of any label; at
 *   the same position the longer label wins (`not spam` over `spam`). Numbers
 *   accept thousands separators (`1,234.5`).
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
    const m = new RegExp(spec.pattern ?? '(.*)', spec.caseSensitive ? 's' : 'is').exec(text);
    const captured = m?.slice(1).find((g) => g !== undefined);
    if (captured === undefined) return { value: null };
    candidate = captured;
  }
  if (spec.extract === 'number') {
    const m = NUMBER.exec(candidate);
    if (!m) return { value: null };
    const n = Number(m[0].replace(/,/g, ''));
    return { value: Number.isFinite(n) ? String(n) : null };
  }
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
  let best: { at: number; len: number; label: string } | undefined;
  for (const label of labels) {
    const l = normalize(label, spec);
    const m = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(l)}(?![\\p{L}\\p{N}_])`, 'u').exec(
      norm,
    );
    if (
      m &&
      (best === undefined || m.index < best.at || (m.index === best.at && l.length > best.len))
    ) {
      best = { at: m.index, len: l.length, label };
    }
  }
  return { value: best?.label ?? null };
}
