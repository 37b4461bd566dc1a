import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { assay } from './cli-process.js';

test('the table says when a fold mean covers only the folds where the metric is defined', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'assay-fold-summary-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const csv = join(dir, 'small.csv');
  writeFileSync(
    csv,
    'y,p,s\n1,1,0.9\n0,0,0.1\n1,1,0.8\n0,1,0.6\n1,0,0.3\n0,0,0.2\n1,1,0.7\n0,0,0.4\n1,1,0.95\n0,0,0.05\n',
  );
  const args = ['score', csv, '--y-true', 'y', '--y-pred', 'p', '--y-score', 's'];
  const common = [...args, '--cv', 'kfold:5', '--metrics', 'accuracy,roc_auc', '--workers', '0'];
  const json = await assay([...common, '--format', 'json']);
  const report = JSON.parse(json.stdout) as {
    folds: { metrics: Record<string, number | null> }[];
    summary: Record<string, { definedFolds: number }>;
  };
  const defined = report.folds.filter((f) => f.metrics.roc_auc !== null).length;
  expect(defined).toBeLessThan(5);
  expect(report.summary.roc_auc!.definedFolds).toBe(defined);
  const table = await assay([...common, '--format', 'table']);
  const roc = table.stdout.split('\n').find((l) => l.startsWith('roc_auc'))!;
  expect(roc).toContain(`(${defined} of 5 folds)`);
  const accuracy = table.stdout.split('\n').find((l) => l.startsWith('accuracy'))!;
  expect(accuracy).not.toContain('of 5 folds');
  // the warning that says so sits right under the metric table, above the folds and matrix
  const lines = table.stdout.split('\n');
  const warning = lines.findIndex((l) => l.startsWith('warning: roc_auc has no value on'));
  expect(warning).toBeGreaterThan(lines.findIndex((l) => l.startsWith('roc_auc')));
  expect(warning).toBeLessThan(lines.indexOf('folds:'));
  expect(warning).toBeLessThan(lines.findIndex((l) => l.startsWith('confusion matrix')));
});

test('one fold (holdout) shows its value under the test fold, not a spread of one value', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'assay-fold-summary-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const csv = join(dir, 'holdout.csv');
  const rows = Array.from(
    { length: 40 },
    (_, i) => `${i % 2},${i % 5 === 0 ? 1 - (i % 2) : i % 2}`,
  );
  writeFileSync(csv, `y,p\n${rows.join('\n')}\n`);
  const common = ['score', csv, '--y-true', 'y', '--y-pred', 'p', '--cv', 'holdout:0.25'];
  const json = await assay([...common, '--metrics', 'accuracy', '--format', 'json']);
  const report = JSON.parse(json.stdout) as {
    folds: { nTest: number; metrics: Record<string, number> }[];
  };
  expect(report.folds).toHaveLength(1);
  const fold = report.folds[0]!;
  for (const format of ['table', 'md']) {
    const out = (await assay([...common, '--metrics', 'accuracy', '--format', format])).stdout;
    expect(out).toContain(`test fold (${fold.nTest} rows)`);
    expect(out).not.toContain('mean ± std');
    expect(out).not.toContain('± —');
    const line = out.split('\n').find((l) => /^\|? ?accuracy /.test(l))!;
    expect(line).toContain(fold.metrics.accuracy!.toFixed(4));
    expect(line).not.toContain(' – ');
  }
});
