import type { FileReadPool, LoadedTable } from '@assay/runner';

/**
 * Each label column's dictionary and codes (as base64, so a mismatch compares fast); other
 * columns as they are.
 *
 * @param table - a loaded table
 * @returns a value to compare with `toEqual`
 */
export function labelColumns(table: LoadedTable): unknown {
  return [...table.columns].map(([name, c]) =>
    c.kind === 'label'
      ? {
          name,
          dictionary: c.dictionary,
          codes: Buffer.from(c.codes.buffer, c.codes.byteOffset, c.codes.byteLength).toString(
            'base64',
          ),
        }
      : c,
  );
}

/**
 * A pool that notes the kind of each reader task it is handed (each still runs on `pool`).
 *
 * @param pool - the runner
 * @returns the pool to pass, and the kinds seen so far
 */
export function countingPool(pool: FileReadPool): { pool: FileReadPool; kinds: string[] } {
  const kinds: string[] = [];
  const runReadTask: FileReadPool['runReadTask'] = (task) => {
    kinds.push(task.kind);
    return pool.runReadTask(task);
  };
  return { kinds, pool: { workers: pool.workers, runReadTask } };
}

/**
 * Two seeded Int32 label columns of `rows` rows: `y` in 3..9, and `p` equal to `y` in about
 * a quarter of the rows and in 3..9 otherwise.
 *
 * @param rows - rows
 * @returns the columns
 */
export function labelPairColumns(rows: number): { y: Int32Array; p: Int32Array } {
  const y = new Int32Array(rows);
  const p = new Int32Array(rows);
  let s = 0x2545f491 | 0;
  for (let i = 0; i < rows; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    y[i] = 3 + ((s >>> 0) % 7);
    p[i] = (s >>> 8) % 4 === 0 ? y[i]! : 3 + ((s >>> 16) % 7);
  }
  return { y, p };
}
