import { closestName } from '@assay/labels';
import { BUILTIN_FIELDS } from '../datasets/builtin-fields.js';
import { templateSlots } from '../prompt/render-template.js';
import { promptTexts } from './label-leak.js';
import { arr, obj } from './loose-read.js';

/**
 * Checks the prompt slots of a run on a built-in data set against the fields its items have
 * (see `BUILTIN_FIELDS`), so a slot naming no field is reported with the configuration's
 * other problems, not only when the prompts are built. A misspelt `dataset.builtin` is
 * checked as the data set it most likely names. Multiple-choice prompts (whose choice slots
 * the task adds) and file data sets (whose columns are known once the file is read) are
 * left to the run.
 *
 * @param config - the raw configuration (possibly ill-typed)
 * @param addIssue - reports one problem with its config path
 * @example
 * const issues = [];
 * checkBuiltinSlots({ dataset: { builtin: 'spam-assassin' }, task: { type: 'classification' }, prompt: { template: 'Classify: {{txt}}' } }, (issue) => issues.push(issue));
 * issues[0].message; // "the slot '{{txt}}' names no field of the builtin data set 'spam-assassin'; did you mean '{{text}}'? Its fields: text, id, group, label"
 */
export function checkBuiltinSlots(
  config: unknown,
  addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void,
): void {
  const c = obj(config);
  const type = obj(c.task).type;
  if (typeof type === 'string' && /choice/i.test(type)) return;
  const given = obj(c.dataset).builtin;
  if (typeof given !== 'string') return;
  const names = Object.keys(BUILTIN_FIELDS);
  const builtin = names.includes(given) ? given : closestName(given, names);
  if (builtin === undefined) return;
  const fields = BUILTIN_FIELDS[builtin]!;
  const texts = [
    ...promptTexts(obj(c.prompt), ['prompt']),
    ...arr(c.models).flatMap((m, i) => promptTexts(obj(obj(m).prompt), ['models', i, 'prompt'])),
  ];
  const answer = obj(obj(c.prompt).fewShot).answerTemplate;
  if (typeof answer === 'string') {
    texts.push({ path: ['prompt', 'fewShot', 'answerTemplate'], text: answer });
  }
  for (const { path, text } of texts) {
    for (const slot of templateSlots(text)) {
      if (fields.includes(slot)) continue;
      const meant = closestName(slot, fields);
      const hint = meant === undefined ? 'its' : `did you mean '{{${meant}}}'? Its`;
      const checked = builtin === given ? '' : ` (checked as builtin '${builtin}')`;
      addIssue({
        code: 'custom',
        path,
        message: `the slot '{{${slot}}}' names no field of the builtin data set '${builtin}'; ${hint} fields: ${fields.join(', ')}${checked}`,
      });
    }
  }
}
