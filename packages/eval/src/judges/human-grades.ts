import type { DatasetItem } from '../datasets/dataset-item.js';
import { itemPlace } from '../datasets/item-place.js';
import { EvaluationError } from '../errors.js';
import { humanGradeLabel } from './judge-agreement.js';
import type { JudgeConfig } from './judge-schema.js';
import { defaultGradeLabels } from './parse-grade.js';

/**
 * The grade labels of a judge's agreement matrix: `humanGrade.labels`, else the mode's.
 *
 * @param judge - the validated judge section
 * @returns the labels, lowest grade first
 * @example
 * agreementLabels(JudgeSchema.parse({ client: 'j', mode: 'rubric', rubric: 'r' })); // ['fail', 'pass']
 */
export function agreementLabels(judge: JudgeConfig): string[] {
  return judge.humanGrade?.labels ?? defaultGradeLabels(judge.mode);
}

/**
 * Reads every item's human grade from the `judge.humanGrade.column` field, before anything
 * is sent, so a bad cell costs no request.
 *
 * @remarks Cells are compared with the labels trimmed and case-blind; an empty cell (or a
 * row without the field) means no grade, and the item is left out of the agreement.
 * @param items - the evaluated items
 * @param judge - the validated judge section
 * @returns per item id, its grade label or null; empty without a human grade column
 * @throws EvaluationError `MISSING_COLUMN` when no item has the column, `INVALID_VALUE`
 *   naming the first item whose grade is not a label, with the labels
 * @example
 * const graded = [{ id: '17', fields: { text: 'Lunch?', grade: 'c' } }];
 * humanGrades(graded, { mode: 'closedqa', humanGrade: { column: 'grade' } }).get('17'); // 'C'
 */
export function humanGrades(
  items: readonly DatasetItem[],
  judge: JudgeConfig | undefined,
): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const column = judge?.humanGrade?.column;
  if (judge === undefined || column === undefined) return out;
  if (items.length > 0 && !items.some((it) => Object.hasOwn(it.fields, column))) {
    throw new EvaluationError(
      'MISSING_COLUMN',
      `The data set has no column '${column}' (judge.humanGrade.column), the human grades the judge is compared with; name a column of the data file.`,
      { path: 'judge.humanGrade.column' },
    );
  }
  const labels = agreementLabels(judge);
  for (const item of items) {
    const value = Object.hasOwn(item.fields, column) ? item.fields[column] : undefined;
    const label = humanGradeLabel(value, labels);
    if (label === undefined) {
      throw new EvaluationError(
        'INVALID_VALUE',
        `${itemPlace(item, true)} has human grade '${value}' in column '${column}' (judge.humanGrade.column); expected one of ${labels.join(', ')} (judge.humanGrade.labels), or an empty cell for no grade.`,
        { path: 'judge.humanGrade.column' },
      );
    }
    out.set(item.id, label);
  }
  return out;
}
