import { compareLabels, describeValue, type Label, type OptionKeys } from '@assay/labels';
import { checkInputColumns, type InputColumnsSpec } from '../check-input-columns.js';
import { RunnerError } from '../errors.js';
import type { LabelColumn, LoadedColumn, LoadedTable, TextValue } from '../io/loaded-column.js';
import { sharedInt32 } from '../io/shared-arrays.js';
import { toTextValue } from '../io/text-column-builder.js';
import { MissingValueError, RowValueError } from '../score/missing-values.js';
import { noRowsError } from '../score/no-rows-error.js';
import type { LabelValues } from '../score/prediction-input.js';
import { numbersToLabels, toLoadedColumn } from '../score/to-loaded-column.js';

/**
 * Generation outputs held in memory, one entry per row, all of the same length.
 *
 * @example
 * ```ts
 * const input: GenerationColumns = {
 *   references: ['Paris', ['Berlin', 'berlin'], 'Rome'],
 *   outputs: ['Paris.', 'Berlin', 'Milan'],
 * };
 * ```
 */
export interface GenerationColumns {
  /**
   * Each row's reference: a string, or an array of strings for several (a `null` entry is
   * a missing reference, skipped as sacrebleu skips `None`).
   */
  readonly references: ArrayLike<unknown>;
  /** Each row's generated output: a string (the empty string is an empty answer). */
  readonly outputs: ArrayLike<unknown>;
  /** Slice of each row: every metric is also reported per slice value. */
  readonly slice?: LabelValues | undefined;
  /** Group of each row (for `group:K` CV). */
  readonly group?: LabelValues | undefined;
}

/** Which columns of a loaded table hold what. */
export interface GenerationRoles {
  /** A `text` column of references (strings, or arrays of strings). */
  readonly references: string;
  /** A `text` column of outputs. */
  readonly outputs: string;
  readonly slice?: string | undefined;
  readonly group?: string | undefined;
}

/** A table from `loadColumns` (references and outputs read as `text`) with the column roles. */
export interface LoadedGenerations {
  readonly table: LoadedTable;
  readonly roles: GenerationRoles;
}

/**
 * The in-memory columns `scoreGenerations` reads, one per field of
 * {@link GenerationColumns}, `references` and `outputs` required.
 *
 * @example
 * ```ts
 * Object.hasOwn(GENERATION_COLUMNS.keys, 'outputs'); // true
 * ```
 */
export const GENERATION_COLUMNS: InputColumnsSpec = {
  owner: 'the in-memory generation columns',
  what: 'column',
  keys: {
    references: true,
    outputs: true,
    slice: true,
    group: true,
  } satisfies OptionKeys<GenerationColumns>,
  required: {
    references: "each row's reference (a string, or an array of strings)",
    outputs: "each row's generated output",
  },
};

/**
 * The column roles of a `{ table, roles }` generation input, one per field of
 * {@link GenerationRoles}, `references` and `outputs` required.
 *
 * @example
 * ```ts
 * Object.hasOwn(GENERATION_ROLES.keys, 'slice'); // true
 * ```
 */
export const GENERATION_ROLES: InputColumnsSpec = {
  owner: 'the roles of the table',
  what: 'column role',
  keys: {
    references: true,
    outputs: true,
    slice: true,
    group: true,
  } satisfies OptionKeys<GenerationRoles>,
  required: {
    references: 'the name of the text column of references',
    outputs: 'the name of the text column of outputs',
  },
};

/** Anything `Runner.scoreGenerations` scores. */
export type GenerationInput = GenerationColumns | LoadedGenerations;

/** The rows of a generation job, checked, with missing rows dropped when asked. */
export interface PreparedGenerations {
  readonly n: number;
  readonly outputs: string[];
  /** Per row its references, missing ones left out (at least one each). */
  readonly references: string[][];
  /** Slice codes `0..S-1` in sorted value order (shared), or null. */
  readonly slice: Int32Array | null;
  readonly sliceValues: Label[];
  /** Group codes (shared), or null. */
  readonly group: Int32Array | null;
  readonly groupValues: Label[];
  /** Rows dropped for a missing value (with `dropMissing`). */
  readonly dropped: number;
  /** Rows with more than one reference. */
  readonly multiReference: number;
  /** The input's data row (from 0) of each kept row, for messages about a row. */
  readonly dataRows: readonly number[];
  /** The references' column as messages name it (`Column "refs" (references)`). */
  readonly referencesLabel: string;
}

interface RawGenerations {
  readonly n: number;
  readonly references: ArrayLike<unknown>;
  readonly outputs: ArrayLike<unknown>;
  /** The references' column name (`references` in memory). */
  readonly referencesName: string;
  /** The outputs' column name (`outputs` in memory). */
  readonly outputsName: string;
  /** Whether the columns are a table's, named by the user (messages then quote the names). */
  readonly named: boolean;
  readonly slice: LoadedColumn | undefined;
  readonly group: LoadedColumn | undefined;
}

function textColumn(table: LoadedTable, name: string, role: string): readonly TextValue[] {
  const column = table.texts?.get(name);
  if (column !== undefined) return column.values;
  const loaded = [...(table.texts?.keys() ?? [])];
  throw new RunnerError(
    'MISSING_COLUMN',
    table.columns.has(name)
      ? `Column "${name}" (${role}) was loaded as ${table.columns.get(name)!.kind}s; load it with the kind 'text'.`
      : `Column "${name}" (${role}) was not loaded as text; the text columns loaded are: ${loaded.join(', ') || '(none)'}.`,
    { path: name },
  );
}

function labelColumn(table: LoadedTable, name: string, role: string): LoadedColumn {
  const column = table.columns.get(name);
  if (column !== undefined) return column;
  throw new RunnerError(
    'MISSING_COLUMN',
    `Column "${name}" (${role}) was not loaded; the loaded columns are: ${[...table.columns.keys()].join(', ') || '(none)'}.`,
    { path: name },
  );
}

function rawColumns(input: GenerationInput): RawGenerations {
  const roleInput = typeof input === 'object' && input !== null && 'table' in input;
  if (roleInput && 'roles' in input) checkInputColumns(input.roles, GENERATION_ROLES);
  else checkInputColumns(input, GENERATION_COLUMNS);
  if ('table' in input && 'roles' in input) {
    const { table, roles } = input;
    return {
      n: table.n,
      references: textColumn(table, roles.references, 'references'),
      outputs: textColumn(table, roles.outputs, 'outputs'),
      referencesName: roles.references,
      outputsName: roles.outputs,
      named: true,
      slice: roles.slice === undefined ? undefined : labelColumn(table, roles.slice, 'slice'),
      group: roles.group === undefined ? undefined : labelColumn(table, roles.group, 'group'),
    };
  }
  const columns = input as GenerationColumns;
  const n = columns.references.length;
  for (const role of ['references', 'outputs'] as const) {
    if (typeof columns[role].length !== 'number') {
      throw new RunnerError(
        'INVALID_OPTION',
        `${role} must be an array with one entry per row, got ${describeValue(columns[role])}.`,
        { path: role },
      );
    }
  }
  const sized = (role: string, values: LabelValues | undefined) => {
    if (values === undefined) return undefined;
    const column = toLoadedColumn(role, values, false);
    const length = column.kind === 'number' ? column.values.length : column.codes.length;
    if (length !== n) throw lengthMismatch(role, length, n);
    return column;
  };
  if (columns.outputs.length !== n) throw lengthMismatch('outputs', columns.outputs.length, n);
  return {
    n,
    references: columns.references,
    outputs: columns.outputs,
    referencesName: 'references',
    outputsName: 'outputs',
    named: false,
    slice: sized('slice', columns.slice),
    group: sized('group', columns.group),
  };
}

function lengthMismatch(role: string, length: number, n: number): RunnerError {
  return new RunnerError(
    'LENGTH_MISMATCH',
    `${role} has ${length} values but references has ${n}; every column must have one value per row.`,
    { path: role },
  );
}

/**
 * How a message names a column: a table's by its name and role (`Column "references"
 * (references)`, even where they are spelt alike, as every score message names a column), an
 * in-memory one by its role alone, the key the caller passed it under.
 */
function describe(name: string, role: string, named: boolean): string {
  return named || name !== role ? `Column "${name}" (${role})` : role;
}

/** What a row is missing, or null. */
type Missing = { readonly what: string; readonly path: string } | null;

/** The label codes of a slice or group column over the kept rows, values sorted. */
function codeLabels(
  column: LabelColumn,
  keep: readonly number[],
): { codes: Int32Array; values: Label[] } {
  const used = new Int32Array(column.dictionary.length).fill(-1);
  for (const row of keep) used[column.codes[row]!] = 1;
  const values = column.dictionary.filter((_, c) => used[c] === 1).sort(compareLabels);
  const index = new Map<Label, number>(values.map((v, i) => [v, i]));
  const codes = sharedInt32(keep.length);
  keep.forEach((row, i) => {
    codes[i] = index.get(column.dictionary[column.codes[row]!]!)!;
  });
  return { codes, values };
}

/**
 * Checks and reads a generation job's rows: outputs are strings, references strings or
 * arrays of strings (missing entries left out), slice and group values present.
 *
 * @param input - in-memory columns, or a loaded table with roles
 * @param dropMissing - drop rows with a missing output, reference, slice or group instead of failing
 * @returns the rows
 * @throws {@link RunnerError} `NON_TEXT_VALUE` (a value that is not text, or an array of
 *   outputs) and `MISSING_VALUE` (naming the column and row), `MISSING_COLUMN`,
 *   `LENGTH_MISMATCH` (columns of different lengths), `EMPTY_INPUT` (no row, or none left
 *   after `dropMissing`), `INVALID_OPTION` (an unknown input key)
 * @example
 * prepareGenerations({ references: ['a', ['b', null]], outputs: ['a', 'c'] }, false).references; // [['a'], ['b']]
 */
export function prepareGenerations(
  input: GenerationInput,
  dropMissing: boolean,
): PreparedGenerations {
  const raw = rawColumns(input);
  const slice = raw.slice === undefined ? undefined : (numbersToLabels(raw.slice) as LabelColumn);
  const group = raw.group === undefined ? undefined : (numbersToLabels(raw.group) as LabelColumn);
  const outputs: string[] = [];
  const references: string[][] = [];
  const keep: number[] = [];
  let multiReference = 0;
  for (let i = 0; i < raw.n; i++) {
    const where = () => `data row ${i + 1}`;
    const output = toTextValue(raw.outputs[i], raw.outputsName, where);
    if (Array.isArray(output)) {
      throw new RowValueError(
        'NON_TEXT_VALUE',
        `${describe(raw.outputsName, 'outputs', raw.named)} has an array`,
        i,
        raw.outputsName,
        'an output must be one string (only references may be several).',
      );
    }
    const reference = toTextValue(raw.references[i], raw.referencesName, where);
    const present =
      reference === null
        ? []
        : typeof reference === 'string'
          ? [reference]
          : reference.filter((r) => r !== null);
    let missing: Missing = null;
    if (output === null) {
      missing = {
        what: `${describe(raw.outputsName, 'outputs', raw.named)} has no output (null or absent)`,
        path: raw.outputsName,
      };
    } else if (present.length === 0) {
      const none = reference === null ? 'null or absent' : 'an empty array or only nulls';
      missing = {
        what: `${describe(raw.referencesName, 'references', raw.named)} has no reference (${none})`,
        path: raw.referencesName,
      };
    } else if (slice !== undefined && slice.codes[i]! < 0) {
      missing = {
        what: `${describe(slice.name, 'slice', raw.named)} has a missing value`,
        path: slice.name,
      };
    } else if (group !== undefined && group.codes[i]! < 0) {
      missing = {
        what: `${describe(group.name, 'group', raw.named)} has a missing value`,
        path: group.name,
      };
    }
    if (missing !== null) {
      if (!dropMissing) throw new MissingValueError(missing.what, i, missing.path);
      continue;
    }
    keep.push(i);
    outputs.push(output as string);
    references.push(present);
    if (present.length > 1) multiReference++;
  }
  if (keep.length === 0) throw noRowsError(raw.n);
  const sliced = slice === undefined ? null : codeLabels(slice, keep);
  const grouped = group === undefined ? null : codeLabels(group, keep);
  return {
    n: keep.length,
    outputs,
    references,
    slice: sliced?.codes ?? null,
    sliceValues: sliced?.values ?? [],
    group: grouped?.codes ?? null,
    groupValues: grouped?.values ?? [],
    dropped: raw.n - keep.length,
    multiReference,
    dataRows: keep,
    referencesLabel: describe(raw.referencesName, 'references', raw.named),
  };
}
