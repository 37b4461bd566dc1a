import { closestName } from '@assay/labels';
import { formatConfigPath } from '../config/format-issues.js';
import { promptTexts } from '../config/label-leak.js';
import type { RunConfig } from '../config/run-config-schema.js';
import type { EvaluationIssue } from '../errors.js';
import { templateSlots } from '../prompt/render-template.js';

/** Slots every item fills whatever its file's columns: its id, its text, label and reference. */
const ITEM_SLOTS = ['id', 'text', 'label', 'reference'];

/** The columns `dataset.columns` maps, with their config paths, that a file must have. */
function mappedColumns(config: RunConfig, requireLabel: boolean): [string, string][] {
  const c = config.dataset.columns;
  const out: [string, string][] = [];
  const texts = c.text === undefined ? ['text'] : Array.isArray(c.text) ? c.text : [c.text];
  for (const t of texts) out.push([t, 'dataset.columns.text']);
  if (c.id !== undefined) out.push([c.id, 'dataset.columns.id']);
  if (requireLabel) out.push([c.label ?? 'label', 'dataset.columns.label']);
  if (c.group !== undefined) out.push([c.group, 'dataset.columns.group']);
  if (c.reference !== undefined) out.push([c.reference, 'dataset.columns.reference']);
  return out;
}

/** `did you mean 'body'? Its` when a column is close to `name`, else `its`. */
function its(name: string, columns: readonly string[], wrap = (s: string) => `'${s}'`): string {
  const close = closestName(name, columns);
  return close === undefined ? 'its' : `did you mean ${wrap(close)}? Its`;
}

/**
 * Checks a configuration against the columns of its data file's first row, all at once: each
 * column `dataset.columns` maps that the file lacks, and each prompt slot (`prompt`,
 * `models[].prompt`, `prompt.fewShot.answerTemplate`) that names neither a column nor a field
 * every item has (`id`, `text`, `label`, `reference`). Without it, a run named the first
 * missing column, then, once that was fixed, the first unknown slot.
 *
 * @remarks
 * Multiple-choice prompts are left to the task (it adds the choice slots); later rows are
 * still checked one by one as they are read (a JSONL row may lack a column the first has).
 *
 * @param config - the validated configuration (a file data set)
 * @param columns - the first row's columns (see `firstRowColumns`)
 * @param requireLabel - whether the task needs a label column
 * @returns one issue per problem, with its config path (empty when the file fits)
 * @example
 * const run = await loadRunConfig(join(dir, 'run.yaml'));
 * const wrong = { ...run, prompt: { ...run.prompt, template: 'Mail: {{txt}} {{subject}}' } };
 * fileDatasetProblems(wrong, ['id', 'body', 'label'], true).map((i) => i.path);
 * // ['dataset.columns.text', 'prompt.template', 'prompt.template']
 */
export function fileDatasetProblems(
  config: RunConfig,
  columns: readonly string[],
  requireLabel: boolean,
): EvaluationIssue[] {
  const issues: EvaluationIssue[] = [];
  const present = new Set(columns);
  const list = columns.join(', ');
  for (const [column, path] of mappedColumns(config, requireLabel)) {
    if (present.has(column)) continue;
    issues.push({
      code: 'MISSING_COLUMN',
      path,
      message: `the data file has no column '${column}'; ${its(column, columns)} columns: ${list}`,
    });
  }
  if (/choice/.test(config.task.type)) return issues;
  const slots = [...columns, ...ITEM_SLOTS.filter((s) => !present.has(s))];
  const texts = [
    ...promptTexts(config.prompt as Record<string, unknown>, ['prompt']),
    ...config.models.flatMap((m, i) =>
      m.prompt === undefined
        ? []
        : promptTexts(m.prompt as Record<string, unknown>, ['models', i, 'prompt']),
    ),
  ];
  const answer = config.prompt.fewShot?.answerTemplate;
  if (answer !== undefined)
    texts.push({ path: ['prompt', 'fewShot', 'answerTemplate'], text: answer });
  for (const { path, text } of texts) {
    for (const slot of templateSlots(text)) {
      if (slots.includes(slot)) continue;
      issues.push({
        code: 'MISSING_COLUMN',
        path: formatConfigPath(path),
        message: `the slot '{{${slot}}}' names no column of the data file; ${its(slot, slots, (s) => `'{{${s}}}'`)} slots: ${slots.join(', ')}`,
      });
    }
  }
  return issues;
}
