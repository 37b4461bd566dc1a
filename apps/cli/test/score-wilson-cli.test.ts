import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScoreReportSchema } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-score-wilson-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** statsmodels: `proportion_confint(5, 5, alpha=0.05, method='wilson')`. */
const WILSON_5_OF_5 = [0.5655175352168252, 1.0];

/** 5 rows, every answer right; a weight column and an item column of 2 rows per item. */
const csv = join(dir, 'f.csv');
writeFileSync(csv, 'y,p,w,item\n0,0,1,a\n1,1,2,a\n0,0,1,b\n1,1,0.5,b\n1,1,1,c\n');
const base = ['score', csv, '--y-true', 'y', '--y-pred', 'p', '--workers', '0'];
const withBootstrap = [...base, '--metrics', 'accuracy', '--bootstrap', '200'];

describe('assay score: an accuracy of 5 of 5', () => {
  test('takes the Wilson interval of its count in the JSON report', async () => {
    const { code, stdout } = await assay([...withBootstrap, '--format', 'json']);
    expect(code).toBe(0);
    const accuracy = ScoreReportSchema.parse(JSON.parse(stdout)).overall.accuracy!;
    expect(accuracy.value).toBe(1);
    expect(accuracy.ciMethod).toBe('wilson');
    expect(accuracy.ci![0]).toBeCloseTo(WILSON_5_OF_5[0]!, 12);
    expect(accuracy.ci![1]).toBe(WILSON_5_OF_5[1]);
  });

  test('says (Wilson) after the interval in the table and Markdown', async () => {
    const table = await assay([...withBootstrap, '--format', 'table']);
    expect(table.stdout).toMatch(/accuracy +1\.0000 +\[0\.5655, 1\.0000\] \(Wilson\)/);
    const md = await assay([...withBootstrap, '--format', 'md']);
    expect(md.stdout).toContain('| accuracy | 1.0000 | \\[0.5655, 1.0000\\] (Wilson) |');
  });

  test('keeps the bootstrap interval of weighted rows and of items of several rows', async () => {
    for (const flags of [
      ['--weight', 'w'],
      ['--clusters', 'item'],
    ]) {
      const { code, stdout } = await assay([...withBootstrap, ...flags, '--format', 'json']);
      expect(code, flags.join(' ')).toBe(0);
      const accuracy = ScoreReportSchema.parse(JSON.parse(stdout)).overall.accuracy!;
      expect(accuracy, flags.join(' ')).toEqual({ value: 1, ci: [1, 1] });
    }
  });

  test('has no interval without --bootstrap', async () => {
    const { stdout } = await assay([...base, '--metrics', 'accuracy', '--format', 'json']);
    expect(JSON.parse(stdout).overall.accuracy).toEqual({ value: 1 });
  });
});
