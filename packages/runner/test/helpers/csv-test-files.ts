import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CsvTask } from '../../src/io/csv-range-types.js';
import type { FileReadPool } from '../../src/io/read-csv-pool.js';
import { runTask } from '../../src/pool/worker-tasks.js';

/**
 * A writer of numbered files in a fresh temporary folder.
 *
 * @param prefix - the folder's name prefix
 * @returns `write(text, ext?)`, giving each file's path, and the folder
 */
export function csvFileWriter(prefix: string): {
  readonly dir: string;
  readonly write: (text: string, ext?: string) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let written = 0;
  return {
    dir,
    write: (text, ext = 'csv') => {
      const file = join(dir, `f${written++}.${ext}`);
      writeFileSync(file, text);
      return file;
    },
  };
}

/**
 * The CSV reader's tasks run on this thread, a little later (the reader's own loop claims
 * the first ranges meanwhile): any number of "workers", ranges anywhere.
 *
 * @param workers - the worker count the reader plans for
 * @returns the pool
 */
export function inProcessPool(workers: number): FileReadPool {
  return {
    workers,
    runReadTask: async (task: CsvTask) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return runTask(task);
    },
  };
}
