import type { Label } from '@assay/core-metrics';
import { type AsyncBuffer, type FileMetaData, parquetRead } from 'hyparquet';
import { LabelColumnBuilder } from './column-builders.js';
import { finishLabels } from './finish-labels.js';
import { sharedFloat64 } from './shared-arrays.js';
import { type ReadColumn, TextColumnBuilder } from './text-column-builder.js';

/**
 * How the hyparquet path reads one column: Float64 numbers, label codes or text.
 *
 * @example
 * const kinds = new Map<string, HyparquetColumnKind>([['answer', 'text']]);
 */
export type HyparquetColumnKind = 'number' | 'label' | 'text';

interface Ordered {
  next: number;
  pending: Map<number, ArrayLike<unknown>>;
}

/** A label column on its way in; `strings`: hyparquet gave it strings (a string column). */
interface LabelEntry extends Ordered {
  builder: LabelColumnBuilder;
  strings: boolean;
}

/**
 * Reads columns of a Parquet file with hyparquet's `parquetRead` (every encoding, codec and
 * type it knows), copying each decoded chunk into shared memory: numbers as Float64 (NaN for
 * null, `Number()` of 64-bit integers), labels dictionary-encoded in row order (a string
 * column's labels stay text, however numeric they look), text as strings. The fast path's
 * fallback, and the whole reader when `ASSAY_PARQUET_READER` is `hyparquet`.
 *
 * @param file - the file's bytes (or hyparquet's lazy reader of it)
 * @param metadata - its footer
 * @param columns - the columns to read and how
 * @param n - rows
 * @returns the read columns by name
 * @example
 * const bytes = await asyncBufferFromFile('preds.parquet');
 * const metadata = await parquetMetadataAsync(bytes);
 * const read = await readWithHyparquet(bytes, metadata, new Map([['label', 'label']]), 4);
 * read.get('label'); // { kind: 'label', name: 'label', codes: Int32Array [0, 1, 0, 1], dictionary: ['spam', 'ham'] }
 */
export async function readWithHyparquet(
  file: AsyncBuffer,
  metadata: FileMetaData,
  columns: ReadonlyMap<string, HyparquetColumnKind>,
  n: number,
): Promise<Map<string, ReadColumn>> {
  const numbers = new Map<string, Float64Array>();
  const labels = new Map<string, LabelEntry>();
  const texts = new Map<string, Ordered & { builder: TextColumnBuilder }>();
  for (const [name, kind] of columns) {
    if (kind === 'text')
      texts.set(name, { builder: new TextColumnBuilder(name), next: 0, pending: new Map() });
    else if (kind === 'number') numbers.set(name, sharedFloat64(n));
    else
      labels.set(name, {
        builder: new LabelColumnBuilder(n),
        next: 0,
        pending: new Map(),
        strings: false,
      });
  }
  await parquetRead({
    file,
    metadata,
    columns: [...columns.keys()],
    onChunk: ({ columnName, columnData, rowStart }) => {
      const data = columnData as ArrayLike<unknown>;
      const target = numbers.get(columnName);
      if (target !== undefined) {
        for (let i = 0; i < data.length; i++) {
          const v = data[i];
          target[rowStart + i] =
            typeof v === 'number' ? v : v === null || v === undefined ? Number.NaN : Number(v);
        }
        return;
      }
      const text = texts.get(columnName);
      if (text !== undefined) {
        pushInOrder(text, rowStart, data, (chunk, first) => {
          for (let i = 0; i < chunk.length; i++) {
            text.builder.push(chunk[i], false, () => `data row ${first + i + 1}`);
          }
        });
        return;
      }
      const entry = labels.get(columnName);
      if (entry === undefined) return;
      pushInOrder(entry, rowStart, data, (chunk) => {
        if (chunk instanceof Int32Array || chunk instanceof Uint32Array)
          entry.builder.pushIntegers(chunk);
        else {
          for (let i = 0; i < chunk.length; i++) {
            const v = chunk[i];
            // a Parquet column has one type: one string means a string column
            if (typeof v === 'string') entry.strings = true;
            entry.builder.push(toLabel(v));
          }
        }
      });
    },
  });
  const out = new Map<string, ReadColumn>();
  for (const [name, values] of numbers) out.set(name, { kind: 'number', name, values });
  for (const [name, text] of texts) out.set(name, text.builder.finish());
  for (const [name, entry] of labels) {
    out.set(name, finishLabels(entry.builder.finish(name), { stringTyped: entry.strings }));
  }
  return out;
}

/**
 * Hands a column's chunks to `take` in row order (hyparquet may deliver the chunks of one
 * column out of order), keeping early ones until their turn.
 */
function pushInOrder(
  entry: Ordered,
  rowStart: number,
  data: ArrayLike<unknown>,
  take: (chunk: ArrayLike<unknown>, first: number) => void,
): void {
  entry.pending.set(rowStart, data);
  let chunk = entry.pending.get(entry.next);
  while (chunk !== undefined) {
    entry.pending.delete(entry.next);
    take(chunk, entry.next);
    entry.next += chunk.length;
    chunk = entry.pending.get(entry.next);
  }
}

function toLabel(v: unknown): Label | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  // BOOLEAN read as 1/0, as JSON Lines' true/false and scikit-learn (True == 1)
  if (typeof v === 'boolean') return v ? 1 : 0;
  return String(v);
}
