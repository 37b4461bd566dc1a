import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-label-whitespace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, 'ws.csv');
// "ham " and "spam\u00a0" look like ham and spam unless quoted
writeFileSync(csv, 'y,p\nham,ham\nham ,spam\nspam,spam\u00a0\nspam,ham\n');
const args = ['score', csv, '--y-true', 'y', '--y-pred', 'p', '--workers', '0'];

test('the terminal table quotes labels with hidden whitespace and warns once', async () => {
  const { code, stdout } = await assay([...args, '--format', 'table']);
  expect(code).toBe(0);
  expect(stdout).toMatch(/^ +ham +"ham " +spam +"spam\\u00a0"$/m);
  expect(stdout).toMatch(/^"ham " +0 +0 +1 +0$/m);
  expect(stdout).toContain('predicted labels never seen in y_true: "spam\\u00a0"');
  const notes = stdout.split('\n').filter((l) => l.includes('differ only in whitespace'));
  expect(notes).toEqual([
    'warning: Labels that differ only in whitespace were found: "ham" and "ham "; "spam" and "spam\\u00a0"; each is a class of its own. If they are meant to be one class, trim the whitespace in the data.',
  ]);
});

test('the Markdown confusion matrix quotes the same labels', async () => {
  const { code, stdout } = await assay([...args, '--format', 'md']);
  expect(code).toBe(0);
  expect(stdout).toContain('| true \\\\ pred | ham | "ham " | spam | "spam\\\\u00a0" |');
});

test('a stray letter in a 0/1 column is named with its line', async () => {
  const rows = Array.from(
    { length: 200 },
    (_, i) => `${i === 9 ? 'O' : i % 2},${i === 3 ? 'x' : i % 2}`,
  );
  const path = join(dir, 'stray.csv');
  writeFileSync(path, `y,p\n${rows.join('\n')}\n`);
  const { code, stderr } = await assay(['score', path, '--y-true', 'y', '--y-pred', 'p']);
  expect(code).toBe(0);
  expect(stderr).toContain(
    'warning: Column "y" (y_true) holds numbers except for "O" (O for 0?) in 1 row(s), the first at line 11 (data row 10) of',
  );
});

test('--labels keeps the spaces of a label written in double quotes, and the headline quotes it', async () => {
  const { code, stdout } = await assay([
    ...args,
    '--labels',
    '"ham ", ham ,spam',
    '--pos-label',
    'ham ',
    '--metrics',
    'f1_macro',
    '--format',
    'table',
  ]);
  expect(code).toBe(0);
  // the quoted entry is read as JSON, the others trimmed
  expect(stdout).toContain('positive class "ham " · labels "ham ", ham, spam');
  const json = await assay([...args, '--labels', '"ham ",ham', '--format', 'json']);
  expect(JSON.parse(json.stdout).settings.labels).toEqual(['ham ', 'ham']);
  const open = await assay([...args, '--labels', '"ham ,ham']);
  expect(open.code).toBe(2);
  expect(open.stderr).toContain('The quoted label starting at character 1 of');
});
