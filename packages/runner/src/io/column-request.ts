import { describeValue, didYouMean } from '@assay/labels';
import { RunnerError } from '../errors.js';
import { COLUMN_KINDS, type ColumnKind } from './loaded-column.js';

const KINDS_TEXT = COLUMN_KINDS.map((k) => `'${k}'`).join(', ');

/** The kind of one requested column, checked (`auto` when left undefined). */
function kindOf(name: string, kind: unknown): ColumnKind {
  if (kind === undefined) return 'auto';
  if ((COLUMN_KINDS as readonly unknown[]).includes(kind)) return kind as ColumnKind;
  const rest = `the kinds are ${KINDS_TEXT}`;
  const hint = typeof kind === 'string' ? didYouMean(kind, COLUMN_KINDS, rest) : rest;
  throw new RunnerError(
    'INVALID_OPTION',
    `columns["${name}"] must say how to read the column, got ${describeValue(kind)}; ${hint}.`,
    { path: `columns.${name}` },
  );
}

/**
 * The `columns` option of `loadColumns`, checked: an object (or a Map) from column name to
 * how that column is read.
 *
 * @param columns - the option as given
 * @returns column name → kind, in the order given (an undefined kind reads as `auto`)
 * @throws {@link RunnerError} `INVALID_OPTION` for a value that is no such object (an array of
 *   names, say) or a kind that is not one of `number`, `label`, `auto`, `text`
 * @example
 * ```ts
 * [...requestedColumns({ label: 'label', score: 'number' })]; // [['label', 'label'], ['score', 'number']]
 * try {
 *   requestedColumns({ pred: 'lable' });
 * } catch (error) {
 *   error.code; // 'INVALID_OPTION'
 *   error.message; // 'columns["pred"] must say how to read the column, got the string "lable"; did you mean \'label\'? …'
 * }
 * ```
 */
export function requestedColumns(columns: unknown): Map<string, ColumnKind> {
  const entries =
    columns instanceof Map
      ? [...(columns as Map<unknown, unknown>)]
      : typeof columns === 'object' && columns !== null && !Array.isArray(columns)
        ? Object.entries(columns)
        : undefined;
  if (entries === undefined) {
    const names = Array.isArray(columns)
      ? ` such as { ${columns
          .slice(0, 4)
          .map((c) => `${JSON.stringify(String(c))}: 'auto'`)
          .join(', ')}${columns.length > 4 ? ', ...' : ''} }`
      : ", e.g. { label: 'label', score: 'number' }";
    throw new RunnerError(
      'INVALID_OPTION',
      `columns must be an object mapping each column name to how it is read (${KINDS_TEXT})${names}, got ${describeValue(columns)}.`,
      { path: 'columns' },
    );
  }
  const out = new Map<string, ColumnKind>();
  for (const [name, kind] of entries) {
    if (typeof name !== 'string') {
      throw new RunnerError(
        'INVALID_OPTION',
        `columns must map column names (strings) to kinds, but one name is ${describeValue(name)}.`,
        { path: 'columns' },
      );
    }
    out.set(name, kindOf(name, kind));
  }
  return out;
}
