import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-label-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, 'labels.csv');
// labels holding a line break, Markdown emphasis and a pipe (quoted CSV fields)
writeFileSync(csv, 'y,p\n"c\nd",**x**\n**x**,**x**\n"c\nd","c\nd"\na|b,a|b\n');
const args = ['score', csv, '--y-true', 'y', '--y-pred', 'p', '--workers', '0'];

test('Markdown shows labels from the data as their text, one table row per label', async () => {
  const { code, stdout } = await assay([...args, '--format', 'md']);
  expect(code).toBe(0);
  const matrix = stdout.slice(stdout.indexOf('## Confusion matrix'));
  const rows = matrix.split('\n').filter((l) => l.startsWith('| '));
  expect(rows).toEqual([
    '| true \\\\ pred | \\*\\*x\\*\\* | a\\|b | c ↵ d |',
    '| :-- | --: | --: | --: |',
    '| \\*\\*x\\*\\* | 1 | 0 | 0 |',
    '| a\\|b | 0 | 1 | 0 |',
    '| c ↵ d | 1 | 0 | 1 |',
  ]);
});

test('the terminal table keeps one line per row when a label holds a line break', async () => {
  const { code, stdout } = await assay([...args, '--format', 'table']);
  expect(code).toBe(0);
  expect(stdout).toContain('c ↵ d      1    0      1');
  expect(stdout).not.toMatch(/^d\b/m);
});

test('-q is --quiet, as in the other commands', async () => {
  const { code, stderr } = await assay([...args, '--format', 'json', '-q']);
  expect(code).toBe(0);
  expect(stderr).toBe('');
});
