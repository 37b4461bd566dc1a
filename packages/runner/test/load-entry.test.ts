import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadColumns } from '@assay/runner';
import { loadColumns as loadColumnsAlone, RunnerError } from '@assay/runner/load';
import { afterAll, describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'assay-load-entry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// logs every module the process resolves, so a test can see what an import pulls in
const RESOLVE_LOG = `data:text/javascript,${encodeURIComponent(`
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(
  'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("RESOLVED " + r.url + "\\\\n"); return r; }'
));`)}`;

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
    const run = spawnSync(
      process.execPath,
      ['--import', RESOLVE_LOG, '--input-type=module', '-e', "await import('@assay/runner/load')"],
      { encoding: 'utf8', cwd: import.meta.dirname },
    );
    expect(run.status).toBe(0);
    const resolved = run.stderr.split('\n').filter((l) => l.startsWith('RESOLVED '));
    expect(resolved.some((l) => l.includes('/runner/dist/load.js'))).toBe(true);
    for (const heavy of ['/zod/', '/piscina/', 'core-metrics', 'text-metrics', '/stats/']) {
      expect(resolved.filter((l) => l.includes(heavy))).toEqual([]);
    }
  });
});
