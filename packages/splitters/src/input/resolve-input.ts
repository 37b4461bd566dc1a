import { describeValue } from '@assay/labels';
import { SplitError } from '../errors.js';
import type { SplitInput, SplitInputLike } from '../types.js';
import { columnLength } from './column-length.js';
import {
  type ClassOrder,
  type EncodedLabels,
  encodeLabels,
  type LabelInput,
} from './encode-labels.js';

/**
 * Validates a row count.
 *
 * @param n - the count as given
 * @param argument - its name for messages
 * @returns `n`
 * @throws {@link SplitError} `INVALID_N` unless a non-negative safe integer below 2^32
 */
export function checkN(n: unknown, argument = 'input.n'): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new SplitError(
      'INVALID_N',
      `${argument} must be a non-negative integer below 2^32 (the number of rows), got ${describeValue(n)}.`,
      argument,
    );
  }
  return n;
}

/** A validated input: a row count and the columns given. */
export interface ResolvedInput {
  readonly n: number;
  readonly y: LabelInput | undefined;
  readonly groups: LabelInput | undefined;
}

/**
 * Normalises a split input: checks `n`, and that `y` and `groups` have `n` rows.
 *
 * @param input - a {@link SplitInput} or a bare row count
 * @returns the row count and columns
 * @throws {@link SplitError} `MISSING_INPUT` when `input` is null or undefined or gives no row
 *   count; `INVALID_N` when `n` (or `input` itself, e.g. the string `'10'`) is neither a
 *   non-negative integer nor an input object; `LENGTH_MISMATCH`
 */
export function resolveInput(input: SplitInputLike | undefined): ResolvedInput {
  if (typeof input === 'number')
    return { n: checkN(input, 'input'), y: undefined, groups: undefined };
  if (input === undefined || input === null || typeof input !== 'object') {
    throw new SplitError(
      input === undefined || input === null ? 'MISSING_INPUT' : 'INVALID_N',
      `input must be a row count or an object { n?, y?, groups? }, got ${describeValue(input)}.`,
      'input',
    );
  }
  const { y, groups } = input as SplitInput;
  const yLength = y === undefined ? undefined : columnLength(y, 'input.y');
  const groupsLength = groups === undefined ? undefined : columnLength(groups, 'input.groups');
  const n = input.n !== undefined ? checkN(input.n) : (yLength ?? groupsLength);
  if (n === undefined) {
    throw new SplitError(
      'MISSING_INPUT',
      'input must give the number of rows: n, y or groups.',
      'input',
    );
  }
  if (yLength !== undefined && yLength !== n) {
    throw new SplitError(
      'LENGTH_MISMATCH',
      `input.y has ${yLength} rows but the input has ${n}; y needs one label per row.`,
      'input.y',
    );
  }
  if (groupsLength !== undefined && groupsLength !== n) {
    throw new SplitError(
      'LENGTH_MISMATCH',
      `input.groups has ${groupsLength} rows but the input has ${n}; groups needs one label per row.`,
      'input.groups',
    );
  }
  return { n, y, groups };
}

/**
 * Encodes the `y` column of a resolved input, which must be present.
 *
 * @param input - the resolved input
 * @param splitter - the splitter's name for messages
 * @param order - code order
 * @returns the encoded class labels
 * @throws {@link SplitError} `MISSING_INPUT` when `y` is absent, or any {@link encodeLabels} error
 */
export function requireY(input: ResolvedInput, splitter: string, order: ClassOrder): EncodedLabels {
  if (input.y === undefined) {
    throw new SplitError(
      'MISSING_INPUT',
      `${splitter} needs class labels: pass input.y with one label per row.`,
      'input.y',
    );
  }
  return encodeLabels(input.y, 'input.y', { order, discrete: true });
}

/**
 * Encodes the `groups` column of a resolved input (sorted order, as `np.unique`).
 *
 * @param input - the resolved input
 * @param splitter - the splitter's name for messages
 * @returns the encoded groups
 * @throws {@link SplitError} `MISSING_INPUT` when `groups` is absent, or any {@link encodeLabels} error
 */
export function requireGroups(input: ResolvedInput, splitter: string): EncodedLabels {
  if (input.groups === undefined) {
    throw new SplitError(
      'MISSING_INPUT',
      `${splitter} needs group labels: pass input.groups with one label per row.`,
      'input.groups',
    );
  }
  return encodeLabels(input.groups, 'input.groups');
}
