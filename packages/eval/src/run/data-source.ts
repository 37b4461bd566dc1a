import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import type { RunConfig } from '../config/run-config-schema.js';

/**
 * Where a run's items come from, as the journal records it: a built-in data set by name, or a
 * file by its resolved path and the SHA-256 of its bytes (absent where only the path is known,
 * as in a `results.json`).
 */
export const DataSourceSchema = z.union([
  z.strictObject({ builtin: z.string() }),
  z.strictObject({ path: z.string(), sha256: z.string().optional() }),
]);

/** A run's data source (see {@link DataSourceSchema}). */
export type DataSource = z.infer<typeof DataSourceSchema>;

/** The SHA-256 of a file's bytes, read a megabyte at a time (a data file may be large). */
function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * The data source of a configuration, its file hashed: `dataset.limit`, `seed`, `ids` and
 * `groups` are left out, since they pick items of the same data (a resumed run with another
 * sample is told so by the sample-change note, not refused).
 *
 * @param config - the validated configuration (its `dataset.path` resolved, the file readable)
 * @returns the built-in data set's name, or the file's path and content hash
 * @example
 * const source = dataSourceOf(await loadRunConfig(join(dir, 'run.yaml')));
 * source.path === join(dir, 'mail.jsonl'); // true
 */
export function dataSourceOf(config: RunConfig): DataSource {
  const { builtin, path } = config.dataset;
  if (builtin !== undefined) return { builtin };
  return { path: path!, sha256: fileSha256(path!) };
}

/**
 * Whether two data sources are one: the same built-in data set, or a file at the same path
 * (its content may have been edited since: a resumed run re-sends only the prompts that
 * changed), or files of the same content (a checkout that moved).
 *
 * @param a - one source
 * @param b - the other
 * @returns true when a run on `b` may resume a run on `a`
 * @example
 * sameDataSource({ path: '/a/x.jsonl', sha256: 'f0' }, { path: '/b/x.jsonl', sha256: 'f0' }); // true
 */
export function sameDataSource(a: DataSource, b: DataSource): boolean {
  if ('builtin' in a || 'builtin' in b) {
    return 'builtin' in a && 'builtin' in b && a.builtin === b.builtin;
  }
  return a.path === b.path || (a.sha256 !== undefined && a.sha256 === b.sha256);
}

/**
 * A data source as a message names it, by its config key.
 *
 * @param source - the source
 * @returns e.g. `dataset.builtin 'spam-assassin'` or `dataset.path '/data/mail.jsonl'`
 * @example
 * describeDataSource({ builtin: 'spam-assassin' }); // "dataset.builtin 'spam-assassin'"
 */
export function describeDataSource(source: DataSource): string {
  return 'builtin' in source
    ? `dataset.builtin '${source.builtin}'`
    : `dataset.path '${source.path}'`;
}
