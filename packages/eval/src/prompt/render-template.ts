import { EvaluationError } from '../errors.js';

const SLOT = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

/**
 * The slot names a template uses.
 *
 * @param template - text with `{{field}}` slots
 * @returns distinct slot names in order of first use
 * @example
 * templateSlots('Subject: {{subject}}\n{{text}}'); // ['subject', 'text']
 */
export function templateSlots(template: string): string[] {
  return [...new Set([...template.matchAll(SLOT)].map((m) => m[1]!))];
}

/**
 * Fills `{{field}}` slots from a record.
 *
 * @param template - text with `{{field}}` slots (whitespace inside braces allowed)
 * @param fields - slot values
 * @param options - `maxFieldChars` truncates each value; `configPath` names the template in errors
 * @returns the rendered text
 * @throws EvaluationError `MISSING_COLUMN` naming the slot and the available fields
 * @example
 * renderTemplate('Is this spam? {{text}}', { text: 'hi' }); // 'Is this spam? hi'
 */
export function renderTemplate(
  template: string,
  fields: Readonly<Record<string, string>>,
  options: { maxFieldChars?: number | undefined; configPath?: string } = {},
): string {
  return template.replace(SLOT, (_, name: string) => {
    // own properties only: `{{constructor}}` must not reach Object.prototype
    const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (value === undefined) {
      throw new EvaluationError(
        'MISSING_COLUMN',
        `The prompt slot '{{${name}}}' (${options.configPath ?? 'prompt.template'}) names no field; available: ${Object.keys(fields).join(', ')}.`,
        { path: options.configPath ?? 'prompt.template' },
      );
    }
    return options.maxFieldChars !== undefined && value.length > options.maxFieldChars
      ? value.slice(0, options.maxFieldChars)
      : value;
  });
}
