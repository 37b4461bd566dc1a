import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunResultsSchema } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { type ChoiceServer, startChoiceServer } from '../../../test-support/choice-server.js';
import { assay } from './cli-process.js';

let dir: string;
let server: ChoiceServer;

const QUESTIONS = Array.from({ length: 8 }, (_, i) => ({
  id: `q${i}`,
  question: `Which one is right (${i})?`,
  options: ['right', 'wrong one', 'wrong two', 'wrong three'].map((t) => `${t} ${i}`),
  answer: 0,
}));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-mc-'));
  server = await startChoiceServer(new Set(QUESTIONS.map((q) => q.options[0]!)));
  writeFileSync(join(dir, 'questions.jsonl'), QUESTIONS.map((q) => JSON.stringify(q)).join('\n'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('assay run (CLI) with a multiple-choice task', () => {
  it('fails a position_bias_rate threshold for the model whose answer follows the order', async () => {
    const model = (name: string) => ({
      name,
      provider: 'openai-chat',
      baseUrl: server.baseUrl,
      model: name,
    });
    const config = {
      name: 'mc',
      dataset: {
        path: 'questions.jsonl',
        columns: { text: 'question', choices: 'options', label: 'answer' },
      },
      task: { type: 'multiple-choice', labelFormat: 'index', permutations: 3, seed: 2 },
      models: [model('knows'), model('first')],
      evaluation: { bootstrap: 50 },
      output: { dir: join(dir, 'out') },
      thresholds: ['accuracy >= 0.9', 'position_bias_rate <= 0.1'],
    };
    const path = join(dir, 'mc.yaml');
    writeFileSync(path, YAML.stringify(config));
    const run = await assay(['run', path, '--quiet']);
    expect(run.code).toBe(1);
    // nothing on stderr but the reason for the exit code: each model's position_bias_rate (0
    // and 1 over 8 items) has the Wilson interval of its count, no caveat of an interval of no width
    expect(run.stderr).toMatch(
      /^assay: exit 1: 2 of 4 threshold checks failed: accuracy >= 0\.9 \[first\] \(accuracy [\d.]+ is not >= 0\.9; [^\n]+\n$/,
    );
    expect(run.stdout).toMatch(/PASS {2}knows: position_bias_rate <= 0.1/);
    expect(run.stdout).toMatch(/FAIL {2}first: position_bias_rate <= 0.1/);
    expect(run.stdout).toMatch(/FAIL {2}first: accuracy >= 0.9/);
    const results = RunResultsSchema.parse(
      JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8')),
    );
    const [knows, first] = results.models;
    expect(knows!.metrics.accuracy!.value).toBe(1);
    // 3 extra orders of 4 choices: each item asked in 4 orders, the data set's included
    expect(knows!.multipleChoice).toEqual({
      permutations: 3,
      positionBiasRate: 0,
      itemsCompared: 8,
      ordersPerItem: { min: 4, max: 4 },
    });
    // the correct choice is first in the data: moving it away changes what 'first' picks
    expect(first!.multipleChoice!.positionBiasRate).toBe(1);
    expect(first!.metrics.position_bias_rate!.value).toBe(1);
    // Wilson (1927) at 95% for 0 of 8 and 8 of 8 compared items: z² / (8 + z²) and 8 / (8 + z²)
    const z2 = 1.959963984540054 ** 2;
    expect(knows!.metrics.position_bias_rate).toMatchObject({ ciLow: 0, ciMethod: 'wilson' });
    expect(knows!.metrics.position_bias_rate!.ciHigh!).toBeCloseTo(z2 / (8 + z2), 12);
    expect(first!.metrics.position_bias_rate).toMatchObject({ ciHigh: 1, ciMethod: 'wilson' });
    expect(first!.metrics.position_bias_rate!.ciLow!).toBeCloseTo(8 / (8 + z2), 12);
  }, 60_000);
});
