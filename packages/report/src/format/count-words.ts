import type { ModelResult, RunResults } from '../results/run-results-schema.js';
import { countNoun } from './count-noun.js';
import { formatInteger } from './format-number.js';

/**
 * The data set's items as a header counts them, with the items tested when fewer were
 * (`timeseries` cross-validation never tests its first block; an early stop ends before the
 * last items).
 *
 * @param dataset - the results' `dataset`
 * @param format - how a count is written (default: plain digits)
 * @returns e.g. `60 items, 45 tested`; `36 items` when every item was tested or the file
 *   predates `dataset.tested`
 * @example
 * datasetItemsText({ items: 60, tested: 45 }); // '60 items, 45 tested'
 */
export function datasetItemsText(
  dataset: Pick<RunResults['dataset'], 'items' | 'tested'>,
  format: (n: number) => string = String,
): string {
  const items = `${format(dataset.items)} item${dataset.items === 1 ? '' : 's'}`;
  return dataset.tested !== undefined && dataset.tested < dataset.items
    ? `${items}, ${format(dataset.tested)} tested`
    : items;
}

/**
 * The items the run's figures rest on: the tested ones when `dataset.tested` says so, else
 * the data set's.
 *
 * @param dataset - the results' `dataset`
 * @returns a count
 * @example
 * testedItems({ items: 60, tested: 45 }); // 45
 */
export function testedItems(dataset: Pick<RunResults['dataset'], 'items' | 'tested'>): number {
  return dataset.tested ?? dataset.items;
}

/**
 * The samples each generation item was answered with, when more than one: the same for every
 * model of a run (the task sets it).
 *
 * @param r - the run's results
 * @returns e.g. `3 samples each (reduced by mean)`; null with one sample or no generation
 * @example
 * samplesEachText(generationRun); // '3 samples each (reduced by mean)'
 */
export function samplesEachText(r: Pick<RunResults, 'models'>): string | null {
  const g = r.models.find((m) => m.generation !== undefined)?.generation;
  if (g === undefined || g.samples <= 1) return null;
  return `${g.samples} samples each${g.reducer === null ? '' : ` (reduced by ${g.reducer})`}`;
}

/**
 * `evaluation.method: all` in words, with the samples each item was answered with.
 *
 * @param r - the run's results
 * @returns `every item once`, or e.g. `every item once, 3 samples each (reduced by mean)`
 * @example
 * everyItemOnceText(generationRun); // 'every item once, 3 samples each (reduced by mean)'
 */
export function everyItemOnceText(r: Pick<RunResults, 'models'>): string {
  const samples = samplesEachText(r);
  return samples === null ? 'every item once' : `every item once, ${samples}`;
}

/** What a slice's `n` counts, by task: answers (samples), predictions (orders), rows. */
export type SliceUnit = 'answers' | 'predictions' | 'rows';

/**
 * The unit of a task's slice counts.
 *
 * @param task - the results' `task.type`
 * @returns `answers` for generation, `rows` for regression, else `predictions`
 * @example
 * sliceUnit('generation'); // 'answers'
 */
export function sliceUnit(task: RunResults['task']['type']): SliceUnit {
  if (task === 'generation') return 'answers';
  return task === 'regression' ? 'rows' : 'predictions';
}

type SliceCount = Pick<ModelResult['slices'][number], 'n' | 'items'>;

/**
 * The header of a slice table's count column: `items (answers)` when an item was asked more
 * than once, so the two counts differ; `items` when they agree; the unit alone in files that
 * do not carry `slices[].items`.
 *
 * @param slices - the slices of the table
 * @param unit - what `n` counts
 * @returns the header text
 * @example
 * sliceCountHeader([{ n: 36, items: 12 }], 'answers'); // 'items (answers)'
 */
export function sliceCountHeader(slices: readonly SliceCount[], unit: SliceUnit): string {
  if (slices.some((s) => s.items !== undefined && s.items !== s.n)) return `items (${unit})`;
  if (slices.length > 0 && slices.every((s) => s.items !== undefined)) return 'items';
  return unit;
}

/**
 * A slice's count cell, to go under {@link sliceCountHeader}.
 *
 * @param s - the slice
 * @param slices - every slice of the table (the header's choice)
 * @param unit - what `n` counts
 * @returns e.g. `12 (36)`
 * @example
 * sliceCountCell({ n: 36, items: 12 }, [{ n: 36, items: 12 }], 'answers'); // '12 (36)'
 */
export function sliceCountCell(
  s: SliceCount,
  slices: readonly SliceCount[],
  unit: SliceUnit,
): string {
  return sliceCountHeader(slices, unit) === `items (${unit})`
    ? `${s.items ?? '?'} (${s.n})`
    : String(s.n);
}

/**
 * A slice's count in words, for a list: `12 items, 36 answers`, or `n=36 answers`.
 *
 * @param s - the slice
 * @param unit - what `n` counts
 * @returns plain text
 * @example
 * sliceCountWords({ n: 36, items: 12 }, 'answers'); // '12 items, 36 answers'
 */
export function sliceCountWords(s: SliceCount, unit: SliceUnit): string {
  if (s.items === undefined) return `${formatInteger(s.n)} ${unit}`;
  if (s.items === s.n) return countNoun(s.items, 'item');
  return `${countNoun(s.items, 'item')}, ${formatInteger(s.n)} ${unit}`;
}

/**
 * A regression slice's count in words, with the rows its mean absolute error leaves out for
 * want of a number.
 *
 * @param s - the slice
 * @returns e.g. `15 items, 3 without a number`
 * @example
 * maeCountWords({ n: 15, items: 15, withoutNumber: 3 }); // '15 items, 3 without a number'
 */
export function maeCountWords(
  s: SliceCount & Pick<ModelResult['slices'][number], 'withoutNumber'>,
): string {
  const count = sliceCountWords(s, 'rows');
  return s.withoutNumber ? `${count}, ${s.withoutNumber} without a number` : count;
}
