import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScoreReportSchema } from '@assay/runner';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assay, assayWithStdin } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-stdin-test-'));
// the child's os.tmpdir(): empty again once a run has removed its spooled copy of stdin
const spoolDir = mkdtempSync(join(tmpdir(), 'assay-stdin-spool-'));
const csv = join(dir, 'preds.csv');
const jsonl = join(dir, 'preds.jsonl');
const COLUMNS = ['--y-true', 'y', '--y-pred', 'yhat', '--format', 'json', '--workers', '0'];

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(spoolDir, { recursive: true, force: true });
});

beforeAll(() => {
  const rows: { y: string; yhat: string }[] = [];
  for (let i = 0; i < 50; i++)
    rows.push({ y: i % 2 ? 'ham' : 'spam', yhat: i % 5 ? 'ham' : 'spam' });
  writeFileSync(csv, `y,yhat\n${rows.map((r) => `${r.y},${r.yhat}`).join('\n')}\n`);
  writeFileSync(jsonl, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
});

/** A report without what differs between a file and the same bytes piped in. */
function scored(stdout: string): unknown {
  const { timing: _timing, input: _input, ...rest } = ScoreReportSchema.parse(JSON.parse(stdout));
  return rest;
}

describe('assay score - reads the predictions from stdin', () => {
  test('a CSV piped in scores as the file does; the spooled copy is removed', async () => {
    const piped = await assayWithStdin(
      ['score', '-', '--input-format', 'csv', ...COLUMNS],
      readFileSync(csv),
      { TMPDIR: spoolDir },
    );
    expect(piped.stderr).toBe('');
    expect(piped.code).toBe(0);
    const fromFile = await assay(['score', csv, ...COLUMNS]);
    expect(scored(piped.stdout)).toEqual(scored(fromFile.stdout));
    const report = ScoreReportSchema.parse(JSON.parse(piped.stdout));
    expect(report.n).toBe(50);
    expect(report.input).toEqual({
      file: '-',
      format: 'csv',
      bytes: readFileSync(csv).length,
      modifiedAt: null,
    });
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  test('JSONL and TSV piped in score the same rows', async () => {
    const fromFile = scored((await assay(['score', csv, ...COLUMNS])).stdout);
    const lines = await assayWithStdin(
      ['score', '-', '--input-format', 'jsonl', ...COLUMNS],
      readFileSync(jsonl),
    );
    expect(lines.code).toBe(0);
    expect(scored(lines.stdout)).toEqual(fromFile);
    const tabs = await assayWithStdin(
      ['score', '-', '--input-format', 'tsv', ...COLUMNS],
      readFileSync(csv, 'utf8').replaceAll(',', '\t'),
    );
    expect(tabs.code).toBe(0);
    expect(scored(tabs.stdout)).toEqual(fromFile);
  });

  test('- without --input-format is a usage error naming the flag and the formats', async () => {
    const done = await assayWithStdin(['score', '-', ...COLUMNS], readFileSync(csv));
    expect(done.code).toBe(2);
    expect(done.stdout).toBe('');
    expect(done.stderr).toContain('--input-format');
    expect(done.stderr).toContain('csv, tsv, jsonl, arrow, parquet');
  });

  test('a bad row in stdin is named by its line in stdin; an empty stdin is refused', async () => {
    const ragged = await assayWithStdin(
      ['score', '-', '--input-format', 'csv', ...COLUMNS],
      'y,yhat\nham,ham\nham,spam,extra\n',
      { TMPDIR: spoolDir },
    );
    expect(ragged.code).toBe(2);
    expect(ragged.stderr.trim()).toBe(
      'assay score: stdin line 3 has 3 fields but the header has 2; every row must have one field per column.',
    );
    const empty = await assayWithStdin(['score', '-', '--input-format', 'csv', ...COLUMNS], '', {
      TMPDIR: spoolDir,
    });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('stdin (-) is empty');
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});
