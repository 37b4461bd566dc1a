import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { RunResultsSchema } from '@assay/report';
import { holmAdjust } from '@assay/stats';
import { corpusBleu } from '@assay/text-metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, type RunConfig, readPredictions, runEvaluation } from '../src/index.js';

let server: ModelServer;
let dir: string;

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-generation-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ITEMS = 12;

function subjectsConfig(out: string, task: Record<string, unknown>, cache?: string): RunConfig {
  return parseRunConfig(
    {
      name: 'subjects',
      dataset: { builtin: 'spam-assassin-subjects', limit: ITEMS, seed: 2 },
      task: { type: 'generation', ...task },
      prompt: { template: 'Write a subject line for this e-mail:\n\n{{text}}' },
      models: [
        {
          name: 'extractive',
          provider: 'openai-chat',
          baseUrl: server.baseUrl,
          model: 'assay-subject-extractive',
          params: { temperature: 0.7, maxTokens: 40 },
        },
      ],
      evaluation: { bootstrap: 200 },
      output: { dir: out },
      ...(cache ? { cache } : {}),
    },
    {},
  );
}

describe('assay run on a generation task with several samples per item', () => {
  it('asks each item 3 times, scores every sample, and resamples items for the intervals', async () => {
    const out = join(dir, 'three');
    const task = { scorers: ['bleu', 'chrf', 'rougeL', 'token_f1'], samples: 3 };
    const r = await runEvaluation(subjectsConfig(out, task));
    const rows = readPredictions(readFileSync(join(out, 'predictions.arrow')));
    expect(rows).toHaveLength(ITEMS * 3);
    const byItem = new Map<string, number[]>();
    for (const row of rows) byItem.set(row.id, [...(byItem.get(row.id) ?? []), row.sample!]);
    for (const samples of byItem.values()) expect(samples.sort()).toEqual([0, 1, 2]);
    // at temperature 0.7 the server draws among 5 candidates: some item gets different samples
    const distinct = [...byItem.keys()].map(
      (id) => new Set(rows.filter((x) => x.id === id).map((x) => x.rawAnswer)).size,
    );
    expect(Math.max(...distinct)).toBeGreaterThan(1);
    const m = r.models[0]!;
    expect(m.service.sentThisRun).toBe(ITEMS * 3);
    for (const name of task.scorers) {
      const s = m.metrics[name]!;
      expect(s.value).not.toBeNull();
      expect(s.ciLow!).toBeLessThanOrEqual(s.value!);
      expect(s.ciHigh!).toBeGreaterThanOrEqual(s.value!);
    }
    expect(m.items.distinct).toBe(ITEMS);
    RunResultsSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));

    // the same run again resumes every sample from the journal; a new output directory with
    // the same cache gets all three samples of each item back, not three copies of sample 0
    const again = await runEvaluation(subjectsConfig(out, task));
    expect(again.models[0]!.service.sentThisRun).toBe(0);
    const copy = join(dir, 'copy');
    const fromCache = await runEvaluation(subjectsConfig(copy, task, join(out, 'cache.sqlite')));
    expect(fromCache.models[0]!.service.cachedThisRun).toBe(ITEMS * 3);
    const cachedRows = readPredictions(readFileSync(join(copy, 'predictions.arrow')));
    expect(cachedRows.map((x) => x.rawAnswer)).toEqual(rows.map((x) => x.rawAnswer));
  }, 120_000);

  it('max and majority reducers score one unit per item', async () => {
    const out = join(dir, 'reduce');
    const max = await runEvaluation(
      subjectsConfig(out, { scorers: ['token_f1', 'bleu'], samples: 3, reducer: 'max' }),
    );
    const mean = await runEvaluation(
      subjectsConfig(
        join(dir, 'reduce-mean'),
        { scorers: ['token_f1'], samples: 3 },
        join(out, 'cache.sqlite'),
      ),
    );
    // the best of three samples is at least their mean
    expect(max.models[0]!.metrics.token_f1!.value!).toBeGreaterThanOrEqual(
      mean.models[0]!.metrics.token_f1!.value!,
    );
    expect(max.models[0]!.metrics.bleu!.value).toBeNull();
    expect(max.models[0]!.metrics.bleu!.reason).toMatch(/corpus metric/);
    const majority = await runEvaluation(
      subjectsConfig(
        join(dir, 'reduce-majority'),
        { scorers: ['token_f1', 'bleu'], samples: 3, reducer: 'majority' },
        join(out, 'cache.sqlite'),
      ),
    );
    // the majority answer is one of the samples: between their worst and best
    expect(majority.models[0]!.metrics.token_f1!.value!).toBeLessThanOrEqual(
      max.models[0]!.metrics.token_f1!.value!,
    );
    expect(majority.models[0]!.metrics.bleu!.value).not.toBeNull();
    expect(majority.models[0]!.service.sentThisRun).toBe(0);
  }, 120_000);

  it('an extraction chain that finds nothing makes the row unparseable, scored as empty', async () => {
    const out = join(dir, 'extract');
    const r = await runEvaluation(
      subjectsConfig(out, { scorers: ['token_f1'], extract: [{ regex: 'NEVER-THERE (\\w+)' }] }),
    );
    const m = r.models[0]!;
    expect(m.items.unparseable).toBe(ITEMS);
    expect(m.metrics.token_f1!.value).toBe(0);
    const rows = readPredictions(readFileSync(join(out, 'predictions.arrow')));
    expect(rows.every((x) => x.outcome === 'unparseable' && x.parsed === null)).toBe(true);
  }, 120_000);

  it('compares two models item by item: paired differences with intervals, McNemar on 0/1 scorers, Holm', async () => {
    const base = subjectsConfig(join(dir, 'pair'), {
      scorers: ['token_f1', 'bleu', 'exact_match'],
    });
    const config = parseRunConfig(
      {
        ...structuredClone(base),
        models: [
          { ...base.models[0]!, name: 'extractive', params: { temperature: 0, maxTokens: 40 } },
          { ...base.models[0]!, name: 'spam-filter', model: 'assay-spam-nb' },
        ],
        evaluation: { bootstrap: 300 },
      },
      {},
    );
    const r = await runEvaluation(config);
    const [a, b] = r.models;
    const c = r.comparisons[0]!;
    expect(c.pairedItems).toBe(ITEMS);
    const f1 = c.metrics.token_f1!;
    expect(f1.difference).toBeCloseTo(
      b!.metrics.token_f1!.value! - a!.metrics.token_f1!.value!,
      12,
    );
    expect(f1.ciLow!).toBeLessThanOrEqual(f1.difference!);
    expect(f1.ciHigh!).toBeGreaterThanOrEqual(f1.difference!);
    // corpus BLEU: the difference of the two corpus scores, not of sentence scores
    expect(c.metrics.bleu!.difference).toBeCloseTo(
      b!.metrics.bleu!.value! - a!.metrics.bleu!.value!,
      9,
    );
    expect(c.metrics.exact_match!.pValue).not.toBeNull();
    for (const m of Object.values(c.metrics)) {
      expect(m.pHolm!).toBeGreaterThanOrEqual(m.pValue!);
    }
  }, 120_000);
});

describe('a generation comparison whose bootstrap p-value is 0', () => {
  it('carries the bound 2 / B beside it in results.json, and Holm adjusts the bound', async () => {
    const base = subjectsConfig(join(dir, 'clipped'), { scorers: ['bleu', 'chrf'] });
    const params = (maxTokens: number) => ({ temperature: 0, maxTokens });
    const config = parseRunConfig(
      {
        ...structuredClone(base),
        dataset: { ...base.dataset, limit: 40 },
        models: [
          { ...base.models[0]!, name: 'extractive', params: params(40) },
          // the same subject lines cut to their first token: worse on every item
          { ...base.models[0]!, name: 'clipped', params: params(1) },
        ],
        evaluation: { bootstrap: 100 },
      },
      {},
    );
    const r = RunResultsSchema.parse(await runEvaluation(config));
    const entries = Object.values(r.comparisons[0]!.metrics);
    // no resample crossed zero: the p-value says only p < 2 / 100
    expect(entries.map((m) => [m.pValue, m.pValueBelow])).toEqual([
      [0, 0.02],
      [0, 0.02],
    ]);
    // Holm across the two metrics lifts the bound 0.02 to 0.04, where a raw 0 stayed 0
    expect(entries.map((m) => m.pHolm)).toEqual(holmAdjust([0.02, 0.02]));
    expect(entries.map((m) => m.pHolm)).toEqual([0.04, 0.04]);
  }, 120_000);
});

describe('a BLEU scorer with another sacrebleu tokenizer', () => {
  it('scores corpus BLEU with that tokenizer, as text-metrics does on the same answers', async () => {
    const out = join(dir, 'tokenize');
    const r = await runEvaluation(
      subjectsConfig(out, {
        scorers: ['bleu', { metric: 'bleu', name: 'bleu_char', tokenize: 'char' }],
      }),
    );
    const rows = readPredictions(readFileSync(join(out, 'predictions.arrow')));
    const outputs = rows.map((x) => x.parsed ?? '');
    const refs = rows.map((x) => x.references!);
    const m = r.models[0]!.metrics;
    expect(m.bleu_char!.value).toBeCloseTo(
      corpusBleu(outputs, refs, { tokenize: 'char' }).score,
      9,
    );
    expect(m.bleu!.value).toBeCloseTo(corpusBleu(outputs, refs).score, 9);
    expect(m.bleu_char!.value).not.toBeCloseTo(m.bleu!.value!, 3);
  }, 120_000);
});
