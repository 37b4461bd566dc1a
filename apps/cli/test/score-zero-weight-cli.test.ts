import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { assay } from './cli-process.js';

test('a slice whose --weight values are all 0 is named once, in words about the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'assay-zero-weight-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const csv = join(dir, 'weighted.csv');
  const rows = Array.from({ length: 60 }, (_, i) => {
    const region = i % 3 === 0 ? 'eu' : 'us';
    const weight = region === 'eu' ? 0 : 1 + (i % 4);
    return `${i * 0.25},${i * 0.25 + ((i * 7) % 5) * 0.1},${weight},${region}`;
  });
  writeFileSync(csv, `y,p,w,region\n${rows.join('\n')}\n`);
  const args = ['score', csv, '--y-true', 'y', '--y-pred', 'p', '--task', 'regression'];
  const run = await assay([
    ...args,
    ...['--weight', 'w', '--slice', 'region', '--bootstrap', '200', '--cv', 'kfold:3'],
    ...['--format', 'json', '--workers', '1'],
  ]);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as {
    warnings: string[];
    slices: Record<string, { metrics: Record<string, { value: number | null }> }>;
  };
  expect(report.slices.eu!.metrics.mae!.value).toBeNull();
  expect(report.slices.us!.metrics.mae!.value).toBeGreaterThan(0);
  expect(report.warnings).toEqual([
    'Every weight on slice "eu" is 0, so no row counts there: its metrics have no value (null).',
  ]);
  // the terminal shows the same sentence, and no option of a library function
  expect(run.stderr).toContain('Every weight on slice "eu" is 0');
  expect(run.stderr).not.toContain('sampleWeight');
});
