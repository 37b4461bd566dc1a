import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns } from '@assay/runner';
import { loadColumns as loadColumnsAlone, RunnerError } from '@assay/runner/load';
import { afterAll, describe, expect, test } from 'vitest';
import { resolvedModules } from '../../../test-support/resolved-modules.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-load-entry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('@assay/runner/load: the readers without the scoring engine', () => {
  test('reads the same columns as the package entry', async () => {
    const file = join(dir, 'preds.csv');
    writeFileSync(file, 'label,score\nspam,0.9\nham,0.25\n"spam",1e-3\n');
    const columns = { label: 'auto', score: 'number' } as const;
    const whole = await loadColumns(file, { columns });
    const alone = await loadColumnsAlone(file, { columns });
    expect(alone.n).toBe(3);
    expect(alone).toEqual(whole);
  });

  test('refuses a missing file with the package error', async () => {
    await expect(
      loadColumnsAlone(join(dir, 'absent.csv'), { columns: { label: 'auto' } }),
    ).rejects.toBeInstanceOf(RunnerError);
  });

  test('imports neither zod, the metric packages nor the worker pool', () => {
    const resolved = resolvedModules('@assay/runner/load', import.meta.dirname);
    expect(resolved.some((l) => l.includes('/runner/dist/load.js'))).toBe(true);
    for (const heavy of ['/zod/', '/piscina/', 'core-metrics', 'text-metrics', '/stats/']) {
      expect(resolved.filter((l) => l.includes(heavy))).toEqual([]);
    }
  });
});
