import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner, generationRowValues, loadColumns } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-generation-too-long-'));
const pool = createRunner({ workers: 1 });
const inline = createRunner({ workers: 0 });

afterAll(async () => {
  await pool.close();
  await inline.close();
  rmSync(dir, { recursive: true, force: true });
});

// 12,000 tokens a line: a pair of such lines needs 144M table cells, over rougeLsum's 2^27
const LONG_LINE = Array.from({ length: 12_000 }, (_, i) => `w${i % 97}`).join(' ');

function file(): string {
  const path = join(dir, 'long.jsonl');
  const rows = [
    { ref: 'a short line', out: 'a short line' },
    { ref: `${LONG_LINE}\nend`, out: `start\n${LONG_LINE}` },
  ];
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n'));
  return path;
}

describe('rougeLsum on a row whose lines are too long for its table', () => {
  for (const [name, runner] of [
    ['on the worker pool', pool],
    ['on the calling thread', inline],
  ] as const) {
    test(`is TEXT_TOO_LONG naming the file's line, not a failed worker (${name})`, async () => {
      const table = await loadColumns(file(), { columns: { ref: 'text', out: 'text' } });
      const error = await runnerRejection(
        runner.scoreGenerations(
          { table, roles: { references: 'ref', outputs: 'out' } },
          { metrics: ['rougeLsum'] },
        ),
      );
      expect(error.code).toBe('TEXT_TOO_LONG');
      expect(error.path).toBe('metrics');
      expect(error.message).toMatch(
        /^The texts are too long for a metric at line 2 \(data row 2\) of .*long\.jsonl; rougeLsum would compare a reference sentence of 12000 tokens/,
      );
      expect(error.message).toContain('score such text with rougeL');
    }, 60_000);
  }

  test('a one-line text of the same size scores, rougeLsum equal to rougeL', async () => {
    const report = await pool.scoreGenerations(
      { references: [LONG_LINE], outputs: [`${LONG_LINE} extra`] },
      { metrics: ['rougeL', 'rougeLsum'] },
    );
    expect(report.overall.rougeLsum).toEqual(report.overall.rougeL);
  }, 60_000);

  test('generationRowValues names the row in memory', async () => {
    const error = await runnerRejection(
      generationRowValues(['ok', `start\n${LONG_LINE}`], [['ok'], [`${LONG_LINE}\nend`]], {
        metrics: ['rougeLsum'],
      }),
    );
    expect(error.code).toBe('TEXT_TOO_LONG');
    expect(error.message).toMatch(/^The texts of row 2 \(outputs\[1\]\) are too long/);
  });
});
