import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScoreReportSchema } from '@assay/runner';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-provenance-'));
const csv = join(dir, 'preds.csv');
const MTIME = new Date('2024-01-02T03:04:05.000Z');
const { version } = createRequire(import.meta.url)('@assay/cli/package.json') as {
  version: string;
};
const COLUMNS = ['--y-true', 'y', '--y-pred', 'yhat'];

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

beforeAll(() => {
  const rows = ['y,yhat'];
  for (let i = 0; i < 60; i++) rows.push(`${i % 3 === 0 ? 'cat' : 'dog'},${i % 4 ? 'dog' : 'cat'}`);
  writeFileSync(csv, `${rows.join('\n')}\n`);
  utimesSync(csv, MTIME, MTIME);
});

describe('assay score JSON says what it scored', () => {
  test('--format json carries input (file as passed, format, bytes, mtime) and assayVersion', async () => {
    const done = await assay(['score', csv, ...COLUMNS, '--format', 'json', '--workers', '0']);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    const report = ScoreReportSchema.parse(JSON.parse(done.stdout));
    expect(report.input).toEqual({
      file: csv,
      format: 'csv',
      bytes: statSync(csv).size,
      modifiedAt: '2024-01-02T03:04:05.000Z',
    });
    expect(report.assayVersion).toBe(version);
  });

  test('--out x.json carries them too, with the format --input-format resolved', async () => {
    const tsv = join(dir, 'preds.txt');
    writeFileSync(tsv, readFileSync(csv, 'utf8').replaceAll(',', '\t'));
    const out = join(dir, 'saved', 'report.json');
    const done = await assay([
      'score',
      tsv,
      ...COLUMNS,
      '--input-format',
      'tsv',
      '--out',
      out,
      '--quiet',
    ]);
    expect(done.code).toBe(0);
    const report = ScoreReportSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(report.input).toMatchObject({ file: tsv, format: 'tsv', bytes: statSync(tsv).size });
    expect(report.assayVersion).toBe(version);
  });

  test('one file gives one JSON report whatever the worker count, timing apart', async () => {
    const run = async (workers: string) => {
      const done = await assay([
        'score',
        csv,
        ...COLUMNS,
        '--format',
        'json',
        '--workers',
        workers,
      ]);
      const report = JSON.parse(done.stdout) as Record<string, unknown>;
      report.timing = null;
      return report;
    };
    const [a, b] = [await run('0'), await run('2')];
    expect(a.input).toBeDefined();
    expect(b).toEqual(a);
  });

  test('the table and the Markdown report show the input under their headline', async () => {
    const table = await assay(['score', csv, ...COLUMNS, '--format', 'table', '--workers', '0']);
    const line = `input: ${csv} · csv · ${statSync(csv).size} bytes · modified 2024-01-02T03:04:05.000Z · assay ${version}`;
    expect(table.stdout.split('\n')[1]).toBe(line);
    const md = await assay(['score', csv, ...COLUMNS, '--format', 'md', '--workers', '0']);
    expect(md.stdout.split('\n').slice(2, 6)).toEqual([
      '60 rows · classification · 2 classes · cv none',
      '',
      line,
      '',
    ]);
  });
});
