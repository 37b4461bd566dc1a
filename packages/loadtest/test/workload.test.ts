import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countTokens } from '@assay/clients';
import { describe, expect, test } from 'vitest';
import {
  LoadTestError,
  loadDatasetWorkload,
  parsePromptTokens,
  SPAM_INSTRUCTION,
  syntheticWorkload,
} from '../src/index.js';

describe('workloads', () => {
  test('the built-in data set is the held-out e-mails with their labels', () => {
    const w = loadDatasetWorkload('builtin:spam-assassin');
    expect(w.prompts.length).toBeGreaterThan(1000);
    expect(w.prompts[0]!.startsWith(`${SPAM_INSTRUCTION}\n\n`)).toBe(true);
    expect(new Set(w.labels)).toEqual(new Set(['spam', 'ham']));
  });

  test('a JSON Lines file gives the prompt column and refuses a row without it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loadtest-data-'));
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, '{"q":"hello","label":"a"}\n{"q":"world"}\n');
    expect(loadDatasetWorkload(good, 'q')).toMatchObject({
      prompts: ['hello', 'world'],
      labels: ['a', undefined],
    });
    expect(() => loadDatasetWorkload(good, 'text')).toThrow(/line 1 has no string field 'text'/);
    expect(() => loadDatasetWorkload(join(dir, 'missing.jsonl'))).toThrow(LoadTestError);
  });

  test('synthetic prompts of real words have token counts near the asked mean', async () => {
    const w = await syntheticWorkload(128, 16, 40, 3);
    const counts = await countTokens(w.prompts, 'cl100k_base');
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(110);
    expect(mean).toBeLessThan(140);
    expect(new Set(counts).size).toBeGreaterThan(5);
    expect(w.prompts[0]).toMatch(/^[a-z]+( [a-z]+)+$/);
    const fixed = await countTokens((await syntheticWorkload(64, 0, 5, 1)).prompts, 'cl100k_base');
    for (const c of fixed) expect(Math.abs(c - 64)).toBeLessThanOrEqual(2);
  });

  test('--prompt-tokens takes mean[:sd]', () => {
    expect(parsePromptTokens('512')).toEqual({ mean: 512, sd: 0 });
    expect(parsePromptTokens('512:64')).toEqual({ mean: 512, sd: 64 });
    expect(() => parsePromptTokens('many')).toThrow(/--prompt-tokens is 'many'/);
  });
});
