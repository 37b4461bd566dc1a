import type { LoadedColumn } from '../io/loaded-column.js';

/** The columns of a scoring job by role, before validation and encoding. */
export interface RawColumns {
  n: number;
  yTrue: LoadedColumn;
  yPred: LoadedColumn;
  yScore?: LoadedColumn | undefined;
  yProba?: LoadedColumn[] | undefined;
  weight?: LoadedColumn | undefined;
  group?: LoadedColumn | undefined;
  slice?: LoadedColumn | undefined;
}

const ROLE_NAMES: Record<string, string> = {
  yTrue: 'y_true',
  yPred: 'y_pred',
  yScore: 'y_score',
  yProba: 'y_proba',
  weight: 'weight',
  group: 'group',
  slice: 'slice',
};

/**
 * How an error names a column: its role, or its name with its role.
 *
 * @param role - the role (`yTrue`, `yProba[1]`, ...)
 * @param column - the column
 * @returns e.g. `Column "label" (y_true)`
 */
export function describeColumn(role: string, column: LoadedColumn): string {
  const label = ROLE_NAMES[role.replace(/\[.*$/, '')] ?? role;
  return column.name === role ? role : `Column "${column.name}" (${label})`;
}
