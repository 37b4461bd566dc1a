/** Placeholder names a `'http-json'` template may use. */
export const TEMPLATE_PLACEHOLDERS = [
  'prompt',
  'messages',
  'model',
  'temperature',
  'maxTokens',
  'topP',
  'stop',
  'seed',
  'stream',
  'sampleIndex',
] as const;

/**
 * A `{{name}}` placeholder of a template string (global: use with `matchAll`).
 *
 * @example
 * [...'{{ prompt }} {{x}}'.matchAll(PLACEHOLDER)].map((m) => m[1]); // ['prompt', 'x']
 */
export const PLACEHOLDER = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_]\w*)\s*\}\}$/;

/**
 * Lists `{{placeholders}}` in a template that are not in {@link TEMPLATE_PLACEHOLDERS}.
 *
 * @param template - a JSON value
 * @param path - the config path of `template`, for the report
 * @returns `'path: name'` for every unknown placeholder
 */
export function unknownPlaceholders(template: unknown, path = 'template'): string[] {
  const known = new Set<string>(TEMPLATE_PLACEHOLDERS);
  const out: string[] = [];
  const visit = (value: unknown, at: string): void => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(PLACEHOLDER))
        if (!known.has(m[1]!)) out.push(`${at}: {{${m[1]}}}`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, `${at}[${i}]`);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, `${at}.${k}`);
    }
  };
  visit(template, path);
  return out;
}

/**
 * Renders a JSON template: a string that is exactly one `{{name}}` becomes that value as JSON
 * (an array for `messages`, a number for `temperature`; an object key whose value is undefined
 * is dropped), and placeholders inside longer strings are replaced by their text.
 *
 * @param template - a JSON value with `{{placeholders}}`
 * @param vars - placeholder values
 * @returns a new JSON value
 * @example
 * ```ts
 * renderTemplate({ input: '{{prompt}}', n: '{{maxTokens}}' }, { prompt: 'hi', maxTokens: 5 });
 * // { input: 'hi', n: 5 }
 * ```
 */
export function renderTemplate(template: unknown, vars: Record<string, unknown>): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole !== null) return vars[whole[1]!];
    return template.replace(PLACEHOLDER, (_, name: string) => {
      const value = vars[name];
      if (value === undefined) return '';
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
  }
  if (Array.isArray(template)) return template.map((v) => renderTemplate(v, vars) ?? null);
  if (template !== null && typeof template === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(template)) {
      const rendered = renderTemplate(v, vars);
      if (rendered !== undefined) out[k] = rendered;
    }
    return out;
  }
  return template;
}
