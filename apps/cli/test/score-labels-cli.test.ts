import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-labels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, 'three.csv');
writeFileSync(csv, 'y,p\na,a\nb,b\nc,b\na,a\nb,c\nc,c\na,b\nb,b\n');

test('--labels is scikit-learn labels=: the averages range over the labels given', async () => {
  // y = [a b c a b c a b], p = [a b b a c c b b] (scikit-learn 1.2.1):
  // f1_score(labels=['a','b'], average='macro') == 0.6857142857142857 (0.6238... without labels)
  // precision_score(labels=['c','a'], average='micro') == 0.75
  const run = async (labels: string, metric: string) => {
    const { code, stdout } = await assay([
      'score',
      csv,
      '--y-true',
      'y',
      '--y-pred',
      'p',
      '--metrics',
      metric,
      '--labels',
      labels,
      '--format',
      'json',
      '-q',
    ]);
    expect(code).toBe(0);
    return (JSON.parse(stdout) as { overall: Record<string, { value: number }> }).overall[metric]!
      .value;
  };
  expect(await run('a,b', 'f1_macro')).toBe(0.6857142857142857);
  expect(await run('c,a', 'precision_micro')).toBe(0.75);
});
