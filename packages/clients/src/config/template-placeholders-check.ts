import type { z } from 'zod';
import { PLACEHOLDER, TEMPLATE_PLACEHOLDERS } from '../providers/template.js';

/** Each string of a JSON template with its path inside the template (`['messages', 0, 'content']`). */
function strings(value: unknown, at: (string | number)[], out: [string, (string | number)[]][]) {
  if (typeof value === 'string') out.push([value, at]);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) strings(v, [...at, i], out);
  } else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, [...at, k], out);
  return out;
}

/**
 * Refines an http-json configuration: each unknown `{{placeholder}}` of its `template` is an
 * issue at its own path (`template.max_tokens`), so a run names `models[0].template.max_tokens`
 * with the configuration's other problems instead of a later, pathless client error. The last
 * issue lists the placeholders a body takes (once, not under each).
 *
 * @param config - the configuration as given (possibly ill-typed: other fields may have failed)
 * @param ctx - zod's refinement context
 * @example
 * ClientConfigSchema.safeParse({ provider: 'http-json', baseUrl: 'http://127.0.0.1:1', model: 'm', template: { n: '{{max_tokens}}' }, paths: { text: '$.t' } }).error.issues[0].path;
 * // ['template', 'n']
 */
export function refineTemplatePlaceholders(config: unknown, ctx: z.RefinementCtx): void {
  const c = config as { provider?: unknown; template?: unknown } | null;
  if (c?.provider !== 'http-json' || c.template === undefined) return;
  const known = new Set<string>(TEMPLATE_PLACEHOLDERS);
  const found: { path: (string | number)[]; message: string }[] = [];
  for (const [text, at] of strings(c.template, [], [])) {
    for (const m of text.matchAll(PLACEHOLDER)) {
      if (known.has(m[1]!)) continue;
      // max_tokens and top_p are the wire's names of {{maxTokens}} and {{topP}}
      const plain = (s: string) => s.replace(/_/g, '').toLowerCase();
      const near = TEMPLATE_PLACEHOLDERS.find((p) => plain(p) === plain(m[1]!));
      found.push({
        path: ['template', ...at],
        message: `uses the unknown placeholder {{${m[1]}}}${near === undefined ? '' : `; did you mean {{${near}}}?`}`,
      });
    }
  }
  // the placeholders a body takes, once: after the last issue, not repeated under each
  found.forEach((issue, i) => {
    const list =
      i < found.length - 1
        ? ''
        : `${issue.message.endsWith('?') ? ' The' : '; the'} request body takes ${TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}; data fields belong in the prompt, which {{prompt}} and {{messages}} carry`;
    ctx.addIssue({ code: 'custom', path: issue.path, message: `${issue.message}${list}` });
  });
}
