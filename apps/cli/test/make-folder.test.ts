import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { makeFolder } from '../src/options/make-folder.js';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-make-folder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('makes the missing folders of a path, and an existing folder is fine', () => {
  const deep = join(dir, 'a', 'b', 'c');
  makeFolder(deep);
  expect(statSync(deep).isDirectory()).toBe(true);
  makeFolder(deep);
});

test('a file where the folder should be is EEXIST, a file above it ENOTDIR (as mkdir says)', () => {
  const file = join(dir, 'plain');
  writeFileSync(file, '');
  expect(() => makeFolder(file)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
  expect(() => makeFolder(join(file, 'sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
});

// mkdirSync(..., { recursive: true }) spins forever on Node 20 under /proc
test.runIf(existsSync('/proc/self'))(
  'a folder under /proc fails at once instead of spinning',
  async () => {
    expect(() => makeFolder('/proc/assay-nope/x')).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
    const csv = join(dir, 'a.csv');
    writeFileSync(csv, 'y,p\n1,1\n0,0\n');
    const { code, stderr } = await assay([
      'score',
      csv,
      '--y-true',
      'y',
      '--y-pred',
      'p',
      '-q',
      '--out',
      '/proc/assay-nope/x.json',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('--out /proc/assay-nope/x.json could not be written (ENOENT');
  },
  20_000,
);
