import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScoreReportSchema } from '@assay/runner';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultWorkers } from '../src/score/score-on-pool.js';
import { assay } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-default-workers-'));
const csv = join(dir, 'small.csv');
const ARGS = ['--y-true', 'y', '--y-pred', 'yhat', '--y-score', 'p', '--pos-label', 'spam'];

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

beforeAll(() => {
  const rows = ['y,yhat,p'];
  for (let i = 0; i < 200; i++) {
    const p = ((i * 37) % 100) / 100;
    rows.push(`${i % 3 === 0 ? 'spam' : 'ham'},${p > 0.5 ? 'spam' : 'ham'},${p}`);
  }
  writeFileSync(csv, `${rows.join('\n')}\n`);
});

describe('assay score without --workers', () => {
  test('scores a small file in-process; --workers N is honoured; the JSON differs only in timing', async () => {
    const run = async (extra: string[]) => {
      const done = await assay(['score', csv, ...ARGS, '--bootstrap', '200', ...extra]);
      expect(done.stderr).toBe('');
      expect(done.code).toBe(0);
      return ScoreReportSchema.parse(JSON.parse(done.stdout));
    };
    const auto = await run(['--format', 'json']);
    const pooled = await run(['--format', 'json', '--workers', '1']);
    expect(auto.timing.workers).toBe(0);
    expect(pooled.timing.workers).toBe(1);
    expect({ ...auto, timing: null }).toEqual({ ...pooled, timing: null });
  });

  test('keeps the pool from 1 MiB up, and from 384 KiB up for a bootstrap of ranking metrics', () => {
    const plain = { bootstrap: 0 };
    expect(defaultWorkers(3_000, plain)).toBe(0);
    expect(defaultWorkers(2 ** 20 - 1, plain)).toBe(0);
    expect(defaultWorkers(2 ** 20, plain)).toBeUndefined();
    expect(defaultWorkers(500_000, { bootstrap: 1000 })).toBe(0);
    expect(defaultWorkers(500_000, { bootstrap: 0, yScore: 'p' })).toBe(0);
    expect(defaultWorkers(500_000, { bootstrap: 1000, yScore: 'p' })).toBeUndefined();
    expect(defaultWorkers(500_000, { bootstrap: 1000, yProba: ['a', 'b'] })).toBeUndefined();
    expect(defaultWorkers(300_000, { bootstrap: 1000, yScore: 'p' })).toBe(0);
  });
});
