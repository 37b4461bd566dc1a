import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-score-generation-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function jsonl(name: string, rows: readonly object[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return path;
}

const generation = ['--task', 'generation', '--y-true', 'r', '--y-pred', 'o'];

// 12,000 tokens a line: a pair of such lines needs 144M table cells, over rougeLsum's 2^27
const LONG_LINE = Array.from({ length: 12_000 }, (_, i) => `w${i % 97}`).join(' ');

describe('assay score --task generation: rougeLsum on long text', () => {
  test('one long line a side is scored as rougeL is', async () => {
    const path = jsonl('one-line.jsonl', [{ r: LONG_LINE, o: `${LONG_LINE} more` }]);
    const result = await assay(['score', path, ...generation, '--metrics', 'rougeL,rougeLsum']);
    expect(result.code).toBe(0);
    const overall = JSON.parse(result.stdout).overall;
    expect(overall.rougeLsum).toEqual(overall.rougeL);
  }, 60_000);

  for (const workers of ['0', '2']) {
    test(`lines too long for its table exit 2 naming the line, no stack (--workers ${workers})`, async () => {
      const path = jsonl('long-lines.jsonl', [
        { r: 'a b', o: 'a b' },
        { r: `${LONG_LINE}\nend`, o: `start\n${LONG_LINE}` },
      ]);
      const args = ['score', path, ...generation, '--metrics', 'rougeLsum', '--workers', workers];
      const result = await assay(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `The texts are too long for a metric at line 2 (data row 2) of ${path}; rougeLsum would compare a reference sentence of 12000 tokens`,
      );
      expect(result.stderr).toContain('score such text with rougeL');
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }, 60_000);
  }
});
