import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunResults, RunResultsSchema } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChoiceServer, startChoiceServer } from '../../../test-support/choice-server.js';
import { parseRunConfig, runEvaluation } from '../src/index.js';

const ITEMS = 40;
const LETTERS = 'ABCD';
// z of a 95% interval: the Wilson interval of 0 of n is [0, z² / (n + z²)], of n of n
// [n / (n + z²), 1] (Wilson 1927; statsmodels' proportion_confint(method='wilson'))
const Z2 = 1.959963984540054 ** 2;
const WILSON_0_OF_40 = [0, Z2 / (ITEMS + Z2)] as const;
const WILSON_40_OF_40 = [ITEMS / (ITEMS + Z2), 1] as const;

let server: ChoiceServer;
let dir: string;

/** Item i: `width` choices, the correct one at position i mod width. */
function writeItems(file: string, width: number): string[] {
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const correct = i % width;
    const choices = Array.from({ length: width }, (_, c) =>
      c === correct ? `right ${i}` : `wrong ${i}.${c}`,
    );
    return { id: `q${i}`, text: `Question ${i}?`, choices, label: LETTERS[correct]! };
  });
  writeFileSync(join(dir, file), items.map((d) => JSON.stringify(d)).join('\n'));
  return items.map((d) => d.choices[LETTERS.indexOf(d.label)]!);
}

async function run(
  name: string,
  model: string,
  file: string,
  permutations: number,
  extra: { evaluation?: Record<string, unknown>; thresholds?: string[] } = {},
): Promise<RunResults> {
  const config = parseRunConfig(
    {
      name,
      dataset: { path: join(dir, file) },
      task: { type: 'multiple-choice', permutations, seed: 3 },
      models: [{ name: model, provider: 'openai-chat', baseUrl: server.baseUrl, model }],
      evaluation: { bootstrap: 200, seed: 1, ...extra.evaluation },
      output: { dir: join(dir, name) },
      thresholds: extra.thresholds ?? [],
    },
    { baseDir: dir },
  );
  return RunResultsSchema.parse(await runEvaluation(config));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-bias-interval-'));
  const known = [...writeItems('four.jsonl', 4), ...writeItems('two.jsonl', 2)];
  server = await startChoiceServer(new Set(known));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('position_bias_rate at 0 or 1 gets the Wilson interval of its compared items', () => {
  it('no change in 40 items is [0, 0.088] (Wilson), not [0, 0], and a ci_high gate reads it without a warning', async () => {
    const results = await run('none', 'knows', 'four.jsonl', 2, {
      thresholds: ['position_bias_rate.ci_high <= 0.05'],
    });
    const m = results.models[0]!;
    expect(m.multipleChoice).toMatchObject({ positionBiasRate: 0, itemsCompared: ITEMS });
    const bias = m.metrics.position_bias_rate!;
    expect(bias).toMatchObject({ value: 0, ciLow: 0, ciMethod: 'wilson' });
    expect(bias.ciHigh!).toBeCloseTo(WILSON_0_OF_40[1], 12);
    // the bootstrap's [0, 0] would pass this gate: no run of 40 items shows a rate below 5%
    expect(results.thresholds[0]).toMatchObject({ interval: 'wilson', outcome: 'fail' });
    expect(results.passed).toBe(false);
    expect(results.warnings ?? []).not.toContainEqual(
      expect.stringContaining('position_bias_rate'),
    );
  }, 60_000);

  it('a model that always answers A changes every two-choice item: [0.912, 1] (Wilson)', async () => {
    const results = await run('all', 'first', 'two.jsonl', 1, {
      evaluation: { metrics: ['position_bias_rate'] },
    });
    const bias = results.models[0]!.metrics.position_bias_rate!;
    expect(bias).toMatchObject({ value: 1, ciHigh: 1, ciMethod: 'wilson' });
    expect(bias.ciLow!).toBeCloseTo(WILSON_40_OF_40[0], 12);
    expect(results.warnings ?? []).not.toContainEqual(
      expect.stringContaining('position_bias_rate'),
    );
  }, 60_000);

  it('under repeats counts the 40 items, not the 80 item-folds compared', async () => {
    const results = await run('repeated', 'knows', 'four.jsonl', 1, {
      evaluation: { method: 'repeated-stratified', k: 2, repeats: 2 },
    });
    const m = results.models[0]!;
    expect(m.multipleChoice).toMatchObject({ positionBiasRate: 0, itemsCompared: 2 * ITEMS });
    const bias = m.metrics.position_bias_rate!;
    expect(bias).toMatchObject({ value: 0, ciLow: 0, ciMethod: 'wilson' });
    expect(bias.ciHigh!).toBeCloseTo(WILSON_0_OF_40[1], 12);
  }, 60_000);
});
