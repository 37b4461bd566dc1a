import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner, loadColumns, RunnerError, type ScoreReport } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'assay-handed-over-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Labels 1/2 (re-encoded to codes 0/1 in place), predictions right 3 times in 4. */
function writeCsv(): string {
  const lines = ['label,prediction'];
  for (let i = 0; i < 400; i++) {
    const t = 1 + (i % 2);
    lines.push(`${t},${i % 4 === 0 ? 3 - t : t}`);
  }
  const path = join(dir, 'preds.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const stable = ({ timing: _timing, ...rest }: ScoreReport): string => JSON.stringify(rest);
const roles = { yTrue: 'label', yPred: 'prediction' };
const columns = { label: 'auto', prediction: 'auto' } as const;

describe('a table scored with inPlace is handed over', () => {
  test('scoring it again is refused with TABLE_CONSUMED instead of scoring overwritten codes', async () => {
    const runner = createRunner({ workers: 0 });
    const table = await loadColumns(writeCsv(), { columns });
    const first = await runner.scorePredictions({ table, roles }, { inPlace: true });
    expect(first.overall.accuracy?.value).toBe(0.75);
    const again = runner.scorePredictions({ table, roles });
    await expect(again).rejects.toBeInstanceOf(RunnerError);
    await expect(runner.scorePredictions({ table, roles })).rejects.toMatchObject({
      code: 'TABLE_CONSUMED',
      path: 'inPlace',
      message: expect.stringContaining('load the file again'),
    });
    // a fresh load of the same file scores as the first call did
    const reloaded = await loadColumns(writeCsv(), { columns });
    expect(stable(await runner.scorePredictions({ table: reloaded, roles }))).toBe(stable(first));
  });

  test('a table scored without inPlace can be scored again, with the same figures', async () => {
    const runner = createRunner({ workers: 0 });
    const table = await loadColumns(writeCsv(), { columns });
    const a = await runner.scorePredictions({ table, roles });
    const b = await runner.scorePredictions({ table, roles }, { inPlace: true });
    expect(stable(b)).toBe(stable(a));
    await expect(runner.scorePredictions({ table, roles })).rejects.toMatchObject({
      code: 'TABLE_CONSUMED',
    });
  });
});
