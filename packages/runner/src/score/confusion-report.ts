import {
  confusionTallies,
  type LabelTallies,
  precisionRecallFscoreSupportFromTallies,
} from '@assay/core-metrics';
import {
  CONFUSION_MATRIX_CLASS_LIMIT,
  SPARSE_CONFUSION_MAX_CELLS,
} from '../metrics/confusion-limits.js';
import { type ConfusionCells, confusionCells } from './confusion-cells.js';
import type { ScoreColumns } from './score-columns.js';
import type { ScoreReport } from './score-report.js';

/** The report's confusion fields and the note that explains a sparse or missing matrix. */
export interface ConfusionReportPart {
  readonly confusionMatrix: ScoreReport['confusionMatrix'];
  readonly sparseConfusionMatrix?: ScoreReport['sparseConfusionMatrix'];
  readonly perClass?: ScoreReport['perClass'];
  /** For `warnings`, when the matrix is sparse or left out. */
  readonly note?: string;
}

function denseMatrix(
  columns: ScoreColumns,
  counts: Float64Array,
): NonNullable<ScoreReport['confusionMatrix']> {
  const k = columns.classes.length;
  return {
    labels: [...columns.classes],
    counts: Array.from({ length: k }, (_, t) => Array.from(counts.subarray(t * k, (t + 1) * k))),
  };
}

function denseFromCells(k: number, cells: ConfusionCells): Float64Array {
  const counts = new Float64Array(k * k);
  cells.counts.forEach((c, i) => {
    counts[cells.trueCodes[i]! * k + cells.predCodes[i]!] = c;
  });
  return counts;
}

function perClass(columns: ScoreColumns, tallies: LabelTallies): ScoreReport['perClass'] {
  const prf = precisionRecallFscoreSupportFromTallies(tallies, { average: null, zeroDivision: 0 });
  const precision = prf.precision as number[];
  const recall = prf.recall as number[];
  const f1 = prf.fbeta as number[];
  const support = prf.support as number[];
  return columns.classes.map((label, c) => ({
    label,
    precision: precision[c]!,
    recall: recall[c]!,
    f1: f1[c]!,
    support: support[c]!,
  }));
}

function sparseNote(k: number, cells: ConfusionCells): string {
  const head = `${k} classes are more than the confusion-matrix limit of ${CONFUSION_MATRIX_CLASS_LIMIT}: the confusion metrics were computed from per-class counts and confusionMatrix is null; per-class precision, recall, F1 and support are in perClass`;
  if (cells.nonZero > SPARSE_CONFUSION_MAX_CELLS) {
    return `${head}. The matrix has ${cells.nonZero} non-zero cells, more than the ${SPARSE_CONFUSION_MAX_CELLS} a report lists, so it is left out.`;
  }
  return `${head}; sparseConfusionMatrix lists its ${cells.nonZero} non-zero cells as [true, predicted, count].`;
}

/**
 * The confusion part of a classification report: the dense K×K matrix up to
 * {@link CONFUSION_MATRIX_CLASS_LIMIT} classes, above it the non-zero cells as
 * `[true, predicted, count]` triples (up to {@link SPARSE_CONFUSION_MAX_CELLS}),
 * with a note; per-class precision, recall, F1 and support in both cases.
 *
 * @param columns - the job's columns
 * @param overall - the whole set's K×K counts, or null when they were not counted
 *   (they are then gathered here, in O(n + K) memory)
 * @returns the report fields
 */
export function confusionReport(
  columns: ScoreColumns,
  overall: Float64Array | null,
): ConfusionReportPart {
  if (columns.task !== 'classification') return { confusionMatrix: null };
  const k = columns.classes.length;
  if (overall !== null) {
    return {
      confusionMatrix: denseMatrix(columns, overall),
      perClass: perClass(columns, confusionTallies(overall, k)),
    };
  }
  const cells = confusionCells(columns, SPARSE_CONFUSION_MAX_CELLS);
  const classes = perClass(columns, cells.tallies);
  if (k <= CONFUSION_MATRIX_CLASS_LIMIT) {
    return { confusionMatrix: denseMatrix(columns, denseFromCells(k, cells)), perClass: classes };
  }
  const labels = columns.classes;
  return {
    confusionMatrix: null,
    ...(cells.nonZero > SPARSE_CONFUSION_MAX_CELLS
      ? {}
      : {
          sparseConfusionMatrix: {
            nonZeroCells: cells.nonZero,
            cells: Array.from(cells.counts, (c, i) => [
              labels[cells.trueCodes[i]!]!,
              labels[cells.predCodes[i]!]!,
              c,
            ]),
          },
        }),
    perClass: classes,
    note: sparseNote(k, cells),
  };
}
