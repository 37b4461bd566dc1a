import { closestName } from '@assay/labels';
import { formatConfigPath } from '../config/format-issues.js';
import { promptTexts } from '../config/label-leak.js';
import type { RunConfig } from '../config/run-config-schema.js';
import type { EvaluationIssue } from '../errors.js';
import { templateSlots } from '../prompt/render-template.js';

/** `'a'`, or `'a' and 'b'`: the columns named in a message. */
const named = (columns: readonly string[]): string =>
  `column${columns.length > 1 ? 's' : ''} ${columns.map((c) => `'${c}'`).join(' and ')}`;

/**
 * The slots an item fills whatever its columns are called, each with where its value comes
 * from: `id` and `text` always (the mapped columns, or the item's number), `label` only where
 * the items have one and `reference` only where a reference column is mapped, so a slot that
 * would render empty for every item (`{{reference}}` on a classification file) is not offered.
 * A slot read from the column of its own name is just that column, and left out.
 */
function builtinSlots(
  config: RunConfig,
  present: ReadonlySet<string>,
  requireLabel: boolean,
): { slot: string; what: string }[] {
  const c = config.dataset.columns;
  const id = c.id ?? (present.has('id') ? 'id' : undefined);
  const texts = textColumns(config);
  const label = c.label ?? 'label';
  const slots = [
    {
      slot: 'id',
      from: id === undefined ? [] : [id],
      what: id === undefined ? "the item's number, from 0" : named([id]),
    },
    { slot: 'text', from: texts, what: `${named(texts)}${texts.length > 1 ? ', joined' : ''}` },
  ];
  if (requireLabel || present.has(label)) {
    slots.push({ slot: 'label', from: [label], what: `the gold label, ${named([label])}` });
  }
  if (c.reference !== undefined) {
    slots.push({ slot: 'reference', from: [c.reference], what: named([c.reference]) });
  }
  return slots
    .filter((s) => !(s.from.length === 1 && s.from[0] === s.slot))
    .map((s) => ({ slot: s.slot, what: `${s.slot} (${s.what})` }));
}

/** The text columns `dataset.columns.text` maps (`text` by default). */
function textColumns(config: RunConfig): string[] {
  const text = config.dataset.columns.text;
  return text === undefined ? ['text'] : Array.isArray(text) ? text : [text];
}

/** The columns `dataset.columns` maps, with their config paths, that a file must have. */
function mappedColumns(config: RunConfig, requireLabel: boolean): [string, string][] {
  const c = config.dataset.columns;
  const out: [string, string][] = [];
  for (const t of textColumns(config)) out.push([t, 'dataset.columns.text']);
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
 * `models[].prompt`, and `prompt.fewShot.answerTemplate` where examples are shown) that names
 * neither a column nor a built-in slot of the items (`id`, `text`, and `label` and `reference`
 * where the items have them). The message lists the columns apart from the built-in slots, each
 * of those with the column it is read from. Without it, a run named the first missing column,
 * then, once that was fixed, the first unknown slot.
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
  const builtins = builtinSlots(config, present, requireLabel);
  // a column the mapping shadows (a 'text' column beside text: body) fills no slot of its own
  const own = columns.filter((column) => !builtins.some((b) => b.slot === column));
  const slots = [...own, ...builtins.map((b) => b.slot)];
  const shown =
    builtins.length === 0 ? '' : `; built-in slots: ${builtins.map((b) => b.what).join(', ')}`;
  const offered = `columns: ${own.join(', ')}${shown}`;
  const texts = [
    ...promptTexts(config.prompt as Record<string, unknown>, ['prompt']),
    ...config.models.flatMap((m, i) =>
      m.prompt === undefined
        ? []
        : promptTexts(m.prompt as Record<string, unknown>, ['models', i, 'prompt']),
    ),
  ];
  // the default answerTemplate '{{label}}' is never rendered without examples, so it is no
  // problem of a generation file without labels then
  const fewShot = config.prompt.fewShot;
  if (fewShot !== undefined && fewShot.count > 0) {
    texts.push({ path: ['prompt', 'fewShot', 'answerTemplate'], text: fewShot.answerTemplate });
  }
  for (const { path, text } of texts) {
    for (const slot of templateSlots(text)) {
      if (slots.includes(slot)) continue;
      issues.push({
        code: 'MISSING_COLUMN',
        path: formatConfigPath(path),
        message: `the slot '{{${slot}}}' names no column of the data file; ${its(slot, slots, (s) => `'{{${s}}}'`)} ${offered}`,
      });
    }
  }
  return issues;
}
