import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { type RunResults, RunResultsSchema } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DatasetItem,
  type PredictionRow,
  parseRunConfig,
  type RunConfigInput,
  readPredictions,
  runEvaluation,
} from '../src/index.js';
import { splitItems } from '../src/run/split-items.js';

const ITEMS = 300;
let server: ModelServer;
let dir: string;

/** Two settings of the reference model on 300 held-out e-mails, zero-shot. */
function config(name: string, evaluation: Record<string, unknown>): RunConfigInput {
  const model = {
    provider: 'openai-chat' as const,
    baseUrl: 'http://127.0.0.1:1/v1',
    model: 'assay-spam-nb',
    params: { maxTokens: 4, temperature: 0, logprobs: true, topLogprobs: 2 },
    concurrency: { max: 8 },
  };
  return {
    name,
    dataset: { builtin: 'spam-assassin', limit: ITEMS, seed: 5 },
    task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' },
    prompt: { template: 'Classify this e-mail as spam or ham:\n\n{{text}}' },
    models: [
      { name: 'whole', ...model },
      // a worse setting, so that the paired comparison has a difference to bound
      { name: 'first-2000-chars', ...model, prompt: { maxFieldChars: 2000 } },
    ],
    evaluation: { bootstrap: 1000, seed: 2, ...evaluation },
    output: { dir: join(dir, name) },
  };
}

async function run(name: string, evaluation: Record<string, unknown>): Promise<RunResults> {
  const parsed = parseRunConfig(config(name, evaluation), { baseUrl: server.baseUrl });
  return RunResultsSchema.parse(await runEvaluation(parsed));
}

const width = (m: { ciLow: number | null; ciHigh: number | null } | undefined) =>
  m!.ciHigh! - m!.ciLow!;

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-item-resampling-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('zero-shot repeated CV against the model server', () => {
  let once: RunResults;
  let repeated: RunResults;
  let rows: PredictionRow[];

  beforeAll(async () => {
    once = await run('all', {});
    repeated = await run('repeated', { method: 'repeated-stratified', k: 5, repeats: 3 });
    rows = readPredictions(readFileSync(join(dir, 'repeated', 'predictions.arrow')));
  }, 240_000);

  it('scores every item once by default, with no warning', () => {
    expect(once.evaluation.method).toBe('all');
    expect(once.evaluation.folds).toBe(1);
    expect(once.evaluation.resampling).toBe('items');
    expect(once.warnings).toEqual([]);
    for (const m of once.models) expect(m.items).toMatchObject({ total: ITEMS, distinct: ITEMS });
  });

  it('repeats the same answers three times: three times the predictions, the same items', () => {
    for (const m of repeated.models) {
      expect(m.items.total).toBe(3 * ITEMS);
      expect(m.items.distinct).toBe(ITEMS);
    }
    // identical zero-shot prompts are sent once: every repeat reuses the same answer
    const answers = new Map<string, string | null>();
    for (const r of rows) {
      const key = `${r.model}\u0000${r.id}`;
      if (!answers.has(key)) answers.set(key, r.rawAnswer);
      expect(r.rawAnswer).toBe(answers.get(key));
    }
    for (const m of repeated.models) expect(m.service.requests).toBe(ITEMS);
  });

  it('warns that the folds have nothing to learn from', () => {
    expect(repeated.warnings).toHaveLength(1);
    expect(repeated.warnings![0]).toMatch(
      /^evaluation\.method 'repeated-stratified' splits the items into training and test folds, but nothing is learned from the training part \(prompt\.fewShot\.count is 0\)/,
    );
  });

  it('gives the pooled values of scoring each item once and intervals as wide, not narrower', () => {
    for (const [i, m] of repeated.models.entries()) {
      const base = once.models[i]!;
      for (const metric of ['accuracy', 'f1_macro', 'roc_auc']) {
        expect(m.metrics[metric]!.value, metric).toBeCloseTo(base.metrics[metric]!.value!, 12);
        // resampling rows would give about 1/√3 ≈ 0.58 of the width
        const ratio = width(m.metrics[metric]) / width(base.metrics[metric]);
        expect(ratio, `${m.name} ${metric}`).toBeGreaterThan(0.8);
        expect(ratio, `${m.name} ${metric}`).toBeLessThan(1.25);
      }
    }
  });

  it('resamples items in the paired comparison too', () => {
    const a = once.comparisons[0]!.metrics.accuracy!;
    const b = repeated.comparisons[0]!.metrics.accuracy!;
    expect(b.difference).toBeCloseTo(a.difference!, 12);
    const ratio = (b.ciHigh! - b.ciLow!) / (a.ciHigh! - a.ciLow!);
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.25);
  });
});

describe('evaluation.method all', () => {
  it('is one fold 0 that tests every item once, with an empty training part', () => {
    const items: DatasetItem[] = Array.from({ length: 7 }, (_, i) => ({
      id: `i${i}`,
      index: i,
      fields: { text: `item ${i}` },
      label: i % 2 ? 'a' : 'b',
      group: undefined,
      reference: undefined,
    }));
    const spec = { method: 'all' as const, k: 5, testSize: 0.2, repeats: 1, seed: 0 };
    const [split, ...rest] = splitItems(items, spec, true);
    expect(rest).toEqual([]);
    expect(split!.fold).toBe(0);
    expect(split!.repeat).toBe(0);
    expect(Array.from(split!.train)).toEqual([]);
    expect(Array.from(split!.test)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
