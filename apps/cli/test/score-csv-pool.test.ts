import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assay as cli, type Exit } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-score-csv-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, 'preds.csv');

const assay = (args: string[]): Promise<Exit> => cli(['score', ...args]);

beforeAll(() => {
  // over 4 MiB, so that the workers parse it in byte ranges: quoted notes with commas and
  // line breaks (the quote-parity split), CRLF, a BOM, empty lines and missing labels
  const labels = ['cat', 'dog', 'eel', '"e, l"'];
  const rows = ['\uFEFFy,yhat,note,lang'];
  let state = 7;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = 0; i < 260_000; i++) {
    const t = Math.floor(next() * 4);
    const p = next() < 0.7 ? t : Math.floor(next() * 4);
    const yhat = i % 997 === 0 ? '' : labels[p];
    const note = i % 5 === 0 ? `"n, ${i}\r\nline ""two"""` : `n${i % 100}`;
    rows.push(`${labels[t]},${yhat},${note},${next() < 0.5 ? 'en' : 'fr'}`);
    if (i % 50_000 === 0) rows.push('');
  }
  writeFileSync(csv, `${rows.join('\r\n')}\r\n`);
});

function stable(stdout: string): string {
  const report = JSON.parse(stdout) as { timing: unknown };
  report.timing = null;
  return JSON.stringify(report);
}

describe('assay score on a CSV parsed on the pool', () => {
  test('the JSON report is identical for --workers 0, 1 and 2', async () => {
    const args = [csv, '--y-true', 'y', '--y-pred', 'yhat', '--slice', 'lang', '--drop-missing'];
    const job = ['--cv', 'stratified:3', '--bootstrap', '40', '--format', 'json', '--quiet'];
    const reports: string[] = [];
    for (const workers of ['0', '1', '2']) {
      const run = await assay([...args, ...job, '--workers', workers]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      reports.push(stable(run.stdout));
    }
    expect(reports[1]).toBe(reports[0]);
    expect(reports[2]).toBe(reports[0]);
    const report = JSON.parse(reports[0]!) as { n: number; labels: unknown[] };
    expect(report.labels).toContain('e, l');
  }, 120_000);
});
