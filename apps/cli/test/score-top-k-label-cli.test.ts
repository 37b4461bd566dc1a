import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { assay } from './cli-process.js';

test('the tables name the k of top_k_accuracy, which the JSON keeps in settings.topK', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'assay-top-k-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const csv = join(dir, 'mc.csv');
  writeFileSync(
    csv,
    [
      'y,p,p_a,p_b,p_c,lang',
      'a,a,0.7,0.2,0.1,en',
      'b,a,0.5,0.3,0.2,en',
      'c,b,0.2,0.5,0.3,de',
      'a,a,0.6,0.3,0.1,de',
      'b,b,0.1,0.8,0.1,en',
      'c,a,0.5,0.4,0.1,de',
    ].join('\n'),
  );
  const args = ['score', csv, '--y-true', 'y', '--y-pred', 'p', '--y-proba', 'p_a,p_b,p_c'];
  const common = [...args, '--metrics', 'accuracy,top_k_accuracy', '--slice', 'lang'];
  const json = JSON.parse((await assay([...common, '--format', 'json'])).stdout) as {
    settings: { topK?: number };
    overall: Record<string, { value: number }>;
  };
  expect(json.settings.topK).toBe(2);
  // rows whose true class is among the two most probable: all but the last (c ranks third)
  expect(json.overall.top_k_accuracy!.value).toBeCloseTo(5 / 6, 12);
  for (const format of ['table', 'md']) {
    // Markdown escapes the underscores
    const out = (await assay([...common, '--format', format])).stdout.replaceAll('\\_', '_');
    // the metric table and the slice table's header
    expect(out.match(/top_k_accuracy \(k=2\)/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(out).not.toMatch(/(?<!top_k_)accuracy \(k=/);
  }
});
