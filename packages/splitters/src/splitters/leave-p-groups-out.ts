import { SplitError } from '../errors.js';
import { checkInteger } from '../input/check-options.js';
import type { EncodedLabels } from '../input/encode-labels.js';
import { checkOptions, type OptionKeys } from '../input/option-keys.js';
import { requireGroups, resolveInput } from '../input/resolve-input.js';
import { binomial, combinations } from '../kernels/combinations.js';
import { splitFromMask } from '../kernels/fold-ids-split.js';
import type { CrossValidator, Split, SplitInputLike } from '../types.js';

/** Options of {@link LeavePGroupsOut}. */
export interface LeavePGroupsOutOptions {
  /** Groups per test set, an integer >= 1 (required). */
  readonly nGroups: number;
}

const LEAVE_P_GROUPS_OUT_KEYS: OptionKeys<LeavePGroupsOutOptions> = { nGroups: true };

/**
 * Leave-p-groups-out: every set of `nGroups` distinct groups is the test set
 * once, in lexicographic order over the sorted groups (scikit-learn's order).
 *
 * @example
 * ```ts
 * import { LeavePGroupsOut } from '@assay/splitters';
 * const lpgo = new LeavePGroupsOut({ nGroups: 2 });
 * [...lpgo.split({ groups: [1, 1, 2, 3] })].map((s) => s.test); // [[0,1,2], [0,1,3], [2,3]]
 * ```
 * @see sklearn.model_selection.LeavePGroupsOut
 */
export class LeavePGroupsOut implements CrossValidator {
  /** Groups per test set. */
  readonly nGroups: number;

  /**
   * @param options - `{ nGroups }`
   * @throws {@link SplitError} `INVALID_OPTION` unless `nGroups` is an integer >= 1
   */
  constructor(options: LeavePGroupsOutOptions) {
    const o = checkOptions<Partial<LeavePGroupsOutOptions>>(
      options,
      'LeavePGroupsOut',
      LEAVE_P_GROUPS_OUT_KEYS,
    );
    this.nGroups = checkInteger(o.nGroups, 'options.nGroups', 1);
  }

  private encode(input: SplitInputLike): EncodedLabels {
    const groups = requireGroups(resolveInput(input), 'LeavePGroupsOut');
    const distinct = groups.counts.length;
    if (this.nGroups >= distinct) {
      throw new SplitError(
        'TOO_FEW_GROUPS',
        `LeavePGroupsOut: groups holds ${distinct} distinct groups, but nGroups=${this.nGroups} needs at least ${this.nGroups + 1}.`,
        'options.nGroups',
      );
    }
    return groups;
  }

  /**
   * Yields the C(groups, nGroups) splits lazily.
   *
   * @param input - `{ groups }` (required), optionally `n`
   * @returns a generator of `{ train, test }`, indices ascending
   * @throws {@link SplitError} `MISSING_INPUT`, `LENGTH_MISMATCH`, `MISSING_VALUE`,
   *   `TOO_FEW_GROUPS` (nGroups >= distinct groups)
   */
  split(input: SplitInputLike): Generator<Split, void, undefined> {
    return this.generate(this.encode(input));
  }

  private *generate(groups: EncodedLabels): Generator<Split, void, undefined> {
    const { codes, counts } = groups;
    const inTest = new Uint8Array(counts.length);
    const mask = new Uint8Array(codes.length);
    for (const combo of combinations(counts.length, this.nGroups)) {
      let testRows = 0;
      for (const g of combo) {
        inTest[g] = 1;
        testRows += counts[g]!;
      }
      for (let i = 0; i < codes.length; i++) mask[i] = inTest[codes[i]!] === 1 ? 1 : 2;
      for (const g of combo) inTest[g] = 0;
      yield splitFromMask(mask, testRows, codes.length - testRows);
    }
  }

  /**
   * @param input - `{ groups }` (required)
   * @returns C(distinct groups, nGroups)
   * @throws {@link SplitError} `MISSING_INPUT` without groups, `MISSING_VALUE`
   */
  getNSplits(input?: SplitInputLike): number {
    const distinct = requireGroups(resolveInput(input), 'LeavePGroupsOut').counts.length;
    return Number(binomial(distinct, this.nGroups));
  }
}
