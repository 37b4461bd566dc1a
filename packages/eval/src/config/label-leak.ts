import { templateSlots } from '../prompt/render-template.js';
import { arr, type Loose, obj } from './loose-read.js';

/** A prompt text of the configuration and its config path. */
export interface PromptText {
  readonly path: (string | number)[];
  readonly text: string;
}

/**
 * The slot-bearing texts of a (raw) prompt section: `system`, `template`, `messages[].content`.
 *
 * @param prompt - the prompt section or a model's prompt override
 * @param path - its config path
 * @returns each text with its config path
 * @example
 * promptTexts({ template: 'Classify: {{txt}}' }, ['prompt']); // [{ path: ['prompt', 'template'], text: 'Classify: {{txt}}' }]
 */
export function promptTexts(prompt: Loose, path: (string | number)[]): PromptText[] {
  const out: PromptText[] = [];
  for (const key of ['system', 'template'] as const) {
    const text = prompt[key];
    if (typeof text === 'string') out.push({ path: [...path, key], text });
  }
  arr(prompt.messages).forEach((m, i) => {
    const content = obj(m).content;
    if (typeof content === 'string')
      out.push({ path: [...path, 'messages', i, 'content'], text: content });
  });
  return out;
}

/**
 * The slots whose value gives the answer away: `{{label}}` and `{{reference}}`, which every item
 * fills from its label and reference whatever columns they are read from, those columns by
 * their own names (and, for the built-in SpamAssassin set, its `group`, whose name is `spam-2`
 * or `easy-ham-2`).
 */
function answerFields(dataset: Loose): Map<string, string> {
  const columns = obj(dataset.columns);
  const out = new Map<string, string>();
  const label = typeof columns.label === 'string' ? columns.label : 'label';
  out.set('label', `the gold label (column '${label}')`);
  out.set(label, `the gold label (column '${label}')`);
  const reference = typeof columns.reference === 'string' ? columns.reference : 'reference';
  out.set('reference', `the reference answer (column '${reference}')`);
  out.set(reference, `the reference answer (column '${reference}')`);
  if (dataset.builtin === 'spam-assassin' || dataset.builtin === 'spam-assassin-subjects') {
    out.set('group', "the SpamAssassin group, which names the label ('spam-2', 'easy-ham-2')");
  }
  return out;
}

/**
 * Refuses prompt slots that would put the gold answer into the prompt: `{{label}}`,
 * `{{reference}}` or the configured label or reference column in `prompt.system`, `prompt.template`,
 * `prompt.messages[].content` or a model's prompt override, unless
 * `prompt.allowLabelInPrompt` is true. Few-shot `answerTemplate` is not checked: it renders
 * the labels of training examples, which is its purpose.
 *
 * @param config - the raw configuration (possibly ill-typed)
 * @param addIssue - reports one problem with its config path
 */
export function checkLabelLeaks(
  config: unknown,
  addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void,
): void {
  const c = obj(config);
  const prompt = obj(c.prompt);
  if (prompt.allowLabelInPrompt === true) return;
  const leaky = answerFields(obj(c.dataset));
  const texts = [
    ...promptTexts(prompt, ['prompt']),
    ...arr(c.models).flatMap((m, i) => promptTexts(obj(obj(m).prompt), ['models', i, 'prompt'])),
  ];
  for (const { path, text } of texts) {
    for (const slot of templateSlots(text)) {
      const what = leaky.get(slot);
      if (what === undefined) continue;
      addIssue({
        code: 'custom',
        path,
        message: `the slot '{{${slot}}}' puts ${what} into the prompt, so the model would see the answer; remove it, or set prompt.allowLabelInPrompt: true if that is intended`,
      });
    }
  }
}
