import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScoreReportSchema } from '@assay/runner';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assay } from './cli-process.js';

// The runner's own apache-arrow writes the files (the CLI package does not depend on it).
interface Arrow {
  Table: new (columns: Record<string, unknown>) => unknown;
  vectorFromArray(values: BigInt64Array): unknown;
  tableToIPC(table: unknown, format: 'file'): Uint8Array;
}
const arrow = createRequire(
  fileURLToPath(new URL('../../../packages/runner/package.json', import.meta.url)),
)('apache-arrow') as Arrow;

const dir = mkdtempSync(join(tmpdir(), 'assay-score-int64-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const arrowFile = join(dir, 'preds.arrow');
const csvFile = join(dir, 'preds.csv');
const COLUMNS = ['y', 'p', 's', 'g'] as const;

beforeAll(() => {
  // pandas and pyarrow write integer columns as Int64
  const rows: Record<(typeof COLUMNS)[number], number[]> = { y: [], p: [], s: [], g: [] };
  for (let i = 0; i < 60; i++) {
    const y = (i * 7) % 3;
    rows.y.push(y);
    rows.p.push(i % 5 === 0 ? (y + 1) % 3 : y);
    rows.s.push(10 + (i % 2));
    rows.g.push(Math.floor(i / 4));
  }
  const columns = Object.fromEntries(
    COLUMNS.map((c) => [c, arrow.vectorFromArray(BigInt64Array.from(rows[c], BigInt))]),
  );
  writeFileSync(arrowFile, arrow.tableToIPC(new arrow.Table(columns), 'file'));
  const lines = rows.y.map((_, i) => COLUMNS.map((c) => rows[c][i]).join(','));
  writeFileSync(csvFile, `${COLUMNS.join(',')}\n${lines.join('\n')}\n`);
});

describe('assay score on an Arrow file of Int64 columns', () => {
  test('labels, --slice, --group and --clusters score as the same CSV', async () => {
    const args = [
      ...['--y-true', 'y', '--y-pred', 'p', '--slice', 's', '--group', 'g', '--clusters', 'g'],
      ...['--cv', 'group:3', '--bootstrap', '100', '--workers', '1', '--format', 'json'],
    ];
    const fromArrow = await assay(['score', arrowFile, ...args]);
    // the only words on stderr: 15 clusters are few for a cluster bootstrap
    expect(fromArrow.stderr).toMatch(
      /^assay score: warning: --clusters has 15 clusters: [^\n]*\n$/,
    );
    expect(fromArrow.code).toBe(0);
    const fromCsv = await assay(['score', csvFile, ...args]);
    expect(fromCsv.code).toBe(0);
    const { input: _a, timing: _ta, ...a } = ScoreReportSchema.parse(JSON.parse(fromArrow.stdout));
    const { input: _b, timing: _tb, ...b } = ScoreReportSchema.parse(JSON.parse(fromCsv.stdout));
    expect(a).toEqual(b);
    expect(a.labels).toEqual([0, 1, 2]);
    expect(Object.keys(a.slices ?? {})).toEqual(['10', '11']);
    expect(a.clusters).toBe(15);
    expect(a.overall.accuracy?.value).toBeCloseTo(48 / 60, 14);
  }, 60_000);

  test('an Int64 label beyond 2^53 - 1 is a one-line error naming the column, not a stack trace', async () => {
    const file = join(dir, 'ids.arrow');
    const table = new arrow.Table({
      y: arrow.vectorFromArray(BigInt64Array.from([9007199254740993n, 1n])),
      p: arrow.vectorFromArray(BigInt64Array.from([9007199254740992n, 1n])),
    });
    writeFileSync(file, arrow.tableToIPC(table, 'file'));
    const run = await assay([
      'score',
      file,
      '--y-true',
      'y',
      '--y-pred',
      'p',
      '--task',
      'classification',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^assay score: Column "y" has the label 9007199254740993, an integer beyond 2\^53 - 1 .*\n$/,
    );
  }, 60_000);
});
