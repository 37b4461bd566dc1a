import type { ExtractStep } from '../config/generation-schema.js';

/** A compiled extraction step: the answer's text, or undefined when the step finds nothing. */
type CompiledStep = (text: string) => string | undefined;

function afterLastLine(text: string, prefix: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const wanted = prefix.toLowerCase();
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (line.toLowerCase().startsWith(wanted)) return line.slice(prefix.length).trim();
  }
  return undefined;
}

function regexStep(step: Extract<ExtractStep, { regex: string }>): CompiledStep {
  // `g` to walk every match for `select: last`; `d` is not needed, groups come with exec
  const re = new RegExp(step.regex, `${step.flags.replace('g', '')}g`);
  return (text) => {
    re.lastIndex = 0;
    let found: RegExpExecArray | null = null;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      found = m;
      if (step.select === 'first') break;
      if (m[0] === '') re.lastIndex++;
    }
    const value = found?.[step.group];
    return value ?? step.fallback;
  };
}

function compile(step: ExtractStep): CompiledStep {
  if (step === 'trim') return (text) => text.trim();
  if (step === 'take-first') {
    return (text) =>
      text
        .split(/\r?\n/)
        .find((l) => l.trim() !== '')
        ?.trim();
  }
  if (step === 'last-answer-line') return (text) => afterLastLine(text, 'ANSWER:');
  if ('regex' in step) return regexStep(step);
  return (text) => afterLastLine(text, step.answerLine);
}

/**
 * Compiles `task.extract` into one function over answers. Steps are tried in order and the
 * first that yields a text wins; with no step, the answer is used as it is.
 *
 * @remarks
 * Modelled on lm-evaluation-harness's filter pipeline (`regex` with `group_select` and a
 * fallback, `take_first`) and on the "last `ANSWER:` line" convention of graded benchmarks.
 * A regex step without `fallback` yields nothing when it does not match, so the next step is
 * tried; when every step yields nothing the row is an extraction failure (`null`).
 *
 * @param steps - the validated chain (regexes already checked)
 * @returns the extractor: the extracted answer, or null when the chain found none
 * @example
 * const extract = answerExtractor([{ regex: 'Subject:\\s*(.+)', flags: '', group: 1, select: 'first' }]);
 * extract('Subject: Cheap meds'); // 'Cheap meds'
 * extract('no subject here'); // null
 */
export function answerExtractor(steps: readonly ExtractStep[]): (text: string) => string | null {
  if (steps.length === 0) return (text) => text;
  const compiled = steps.map(compile);
  return (text) => {
    for (const step of compiled) {
      const value = step(text);
      if (value !== undefined) return value;
    }
    return null;
  };
}
