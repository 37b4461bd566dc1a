import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-score-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, 'preds.csv');
writeFileSync(csv, `y,p\n${'a,a\nb,a\nb,b\n'.repeat(20)}`);
const args = ['score', csv, '--y-true', 'y', '--y-pred', 'p', '--workers', '0'];

describe('assay score --out', () => {
  test('an extension that names no format is refused, exit 2, before anything is written', async () => {
    const out = join(dir, 'report.html');
    const { code, stderr } = await assay([...args, '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('--out');
    expect(stderr).toContain('.html');
    expect(stderr).toContain('--format');
    expect(existsSync(out)).toBe(false);
  });

  test('--format writes any extension as asked', async () => {
    const out = join(dir, 'report.html');
    const { code } = await assay([...args, '--out', out, '--format', 'md']);
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# assay score/);
  });

  test('a report in a folder that does not exist yet makes the folder', async () => {
    const out = join(dir, 'new', 'deeper', 'report.json');
    const { code } = await assay([...args, '--out', out]);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).n).toBe(60);
  });

  test('the headline counts one row and one class in the singular', async () => {
    const one = join(dir, 'one.csv');
    writeFileSync(one, 'y,p\na,a\n');
    const { code, stdout } = await assay([
      'score',
      one,
      '--y-true',
      'y',
      '--y-pred',
      'p',
      '--workers',
      '0',
      '--format',
      'table',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('assay score: 1 row · classification · 1 class · cv none');
  });
});
