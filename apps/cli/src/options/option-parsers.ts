import { closestName } from '@assay/runner/options';
import { InvalidArgumentError, type Option } from 'commander';

/**
 * A commander parser of whole numbers at least `min`.
 *
 * @param name - the flag, for the message
 * @param min - the smallest valid value
 * @returns the parser
 */
export function integer(name: string, min: number) {
  return (text: string): number => {
    if (!/^\d+$/.test(text.trim()) || Number(text) < min) {
      throw new InvalidArgumentError(`${name} must be a whole number >= ${min}.`);
    }
    return Number(text);
  };
}

/**
 * Parses a confidence level in (0, 1).
 *
 * @param text - the flag's value
 * @returns the level
 */
export function level(text: string): number {
  const v = Number(text);
  if (!(v > 0 && v < 1))
    throw new InvalidArgumentError('--ci must be a number in (0, 1), e.g. 0.95.');
  return v;
}

/** A JSON string's value, or null where it is none (`"\\q"`). */
function jsonString(text: string): string | null {
  try {
    return JSON.parse(text) as string;
  } catch {
    return null;
  }
}

/**
 * The entries of a `--labels` value: split at commas and trimmed, except an entry written in
 * double quotes, which is read as a JSON string (`" spam "` keeps its spaces, `"a,b"` its
 * comma), as `--pos-label`'s suggestions and the reports quote such labels.
 */
function labelEntries(text: string): string[] {
  const entries: string[] = [];
  let i = 0;
  while (i <= text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const after = text.slice(end + 1).match(/^\s*(,|$)/);
      const label = end < text.length && after !== null ? jsonString(text.slice(i, end + 1)) : null;
      if (label !== null && after !== null) {
        entries.push(label);
        i = end + 1 + after[0].length;
        if (after[1] === '') break;
        continue;
      }
      throw new InvalidArgumentError(
        `The quoted label starting at character ${i + 1} of '${text}' is not closed by a quote followed by a comma or the end; write a label with spaces or commas as a JSON string, e.g. " spam ",ham.`,
      );
    }
    const comma = text.indexOf(',', i);
    const end = comma < 0 ? text.length : comma;
    entries.push(text.slice(i, end).trim());
    if (comma < 0) break;
    i = comma + 1;
  }
  return entries;
}

/**
 * Parses a comma-separated list of labels (`--labels`), where an empty entry is refused: a
 * label cannot be empty, and `cat,,ant` was read as `cat,ant` without a word. Entries are
 * trimmed (`cat, ant`); one in double quotes is read as a JSON string and keeps its spaces and
 * commas (`" spam ",ham`).
 *
 * @param text - the flag's value
 * @returns the entries
 * @throws InvalidArgumentError naming the empty entry's position, or a quote not closed
 * @example
 * ```ts
 * labelList('cat, ant'); // ['cat', 'ant']
 * labelList('" spam ",ham'); // [' spam ', 'ham']
 * ```
 */
export function labelList(text: string): string[] {
  const entries = labelEntries(text);
  const empty = entries.indexOf('');
  if (empty >= 0)
    throw new InvalidArgumentError(
      entries.length === 1
        ? 'It lists nothing; give one or more comma-separated labels, e.g. spam,ham (or leave the flag out).'
        : `Item ${empty + 1} of ${entries.length} is empty ('${text}'); a label cannot be empty: remove the extra comma.`,
    );
  return entries;
}

/**
 * Parses a comma-separated list, dropping empty entries.
 *
 * @param text - the flag's value
 * @returns the entries (at least one)
 * @throws InvalidArgumentError for a value with no entry (`--metrics ""` fell back to the
 *   defaults without a word)
 * @example
 * ```ts
 * list('accuracy, f1_macro,'); // ['accuracy', 'f1_macro']
 * ```
 */
export function list(text: string): string[] {
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (entries.length === 0)
    throw new InvalidArgumentError(
      'It lists nothing; give one or more comma-separated names, e.g. a,b (or leave the flag out).',
    );
  return entries;
}

/**
 * An option limited to `values`, as commander's `choices`, whose error also names the choice
 * a mistyped value most likely meant (`--task clasification` ... `Did you mean
 * "classification"?`); help still lists the choices.
 *
 * @param option - the option
 * @param values - its valid values
 * @returns the option
 * @example
 * ```ts
 * withChoices(new Option('--task <task>', 'task'), ['classification', 'regression']);
 * ```
 */
export function withChoices(option: Option, values: readonly string[]): Option {
  return option.choices(values).argParser((text: string) => {
    if (values.includes(text)) return text;
    const near = closestName(text, values);
    throw new InvalidArgumentError(
      `Allowed choices are ${values.join(', ')}.${near === undefined ? '' : ` Did you mean "${near}"?`}`,
    );
  });
}
