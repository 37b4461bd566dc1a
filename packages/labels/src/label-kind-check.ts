import type { Label, LabelKind } from './label.js';
import { LabelError } from './label-error.js';

/**
 * Checks that labels met one after another are all numbers or all strings,
 * as scikit-learn's `unique_labels` does, remembering where the first kind
 * was met for the message.
 *
 * @example
 * ```ts
 * import { LabelKindCheck } from '@assay/labels';
 * const kinds = new LabelKindCheck();
 * kinds.check(0, 'yTrue', 0);
 * kinds.check(1, 'yPred', 0);
 * kinds.kind; // 'number'
 * ```
 */
export class LabelKindCheck {
  /** The kind of every label checked so far; undefined before the first. */
  kind: LabelKind | undefined;
  private first: Label = 0;
  private where = '';
  private readonly rowName: (row: number) => string;

  /**
   * @param options - `rowName`: how messages name a 0-based row (default `row 2` for
   *   index 2, as the array checks of every package count; a file reader passes its own,
   *   e.g. `data row 3`)
   */
  constructor(options: { readonly rowName?: (row: number) => string } = {}) {
    this.rowName = options.rowName ?? ((row) => `row ${row}`);
  }

  /**
   * Checks one label against the kind of those before it.
   *
   * @param label - the label
   * @param argument - its column's name
   * @param row - its 0-based row, when the caller knows it (named by `rowName`)
   * @throws {@link LabelError} `MIXED_LABEL_TYPES`, naming both columns and what is valid
   */
  check(label: Label, argument: string, row?: number): void {
    const kind: LabelKind = typeof label === 'string' ? 'string' : 'number';
    const where = row === undefined ? argument : `${argument} (${this.rowName(row)})`;
    if (this.kind === undefined) {
      this.kind = kind;
      this.first = label;
      this.where = where;
      return;
    }
    if (kind === this.kind) return;
    throw new LabelError(
      'MIXED_LABEL_TYPES',
      `Mix of label input types (string and number): ${where} has the ${kind} label ${JSON.stringify(label)} but ${this.where} has the ${this.kind} label ${JSON.stringify(this.first)}; labels must be all numbers or all strings (booleans count as numbers). To score answers that name no class (such as "unparseable") against number labels, write them as a number that no class uses (e.g. -1): they then count as wrong.`,
      argument,
    );
  }
}
