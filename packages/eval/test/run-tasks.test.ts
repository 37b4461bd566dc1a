import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { RunResultsSchema } from '@assay/report';
import { CONFUSION_MATRIX_CLASS_LIMIT } from '@assay/runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, readPredictions, runEvaluation } from '../src/index.js';

let server: ModelServer;
let dir: string;

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-tasks-'));
  const rows = Array.from({ length: 24 }, (_, i) =>
    JSON.stringify({
      id: `r${i}`,
      text: i % 2 ? 'win cash now' : 'lunch at noon?',
      target: i,
      ref: i % 2 ? 'spam' : 'ham',
    }),
  );
  writeFileSync(join(dir, 'rows.jsonl'), rows.join('\n'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const model = (url: string) => ({
  name: 'nb',
  provider: 'openai-chat',
  baseUrl: url,
  model: 'assay-spam-nb',
});

describe('regression and generation tasks', () => {
  it('regression: answers without a number are unparseable, reported, and never crash the statistics', async () => {
    const config = parseRunConfig(
      {
        dataset: { path: 'rows.jsonl', columns: { label: 'target' } },
        task: { type: 'regression' },
        prompt: { template: 'How much?\n\n{{text}}' },
        models: [model(server.baseUrl)],
        evaluation: { method: 'kfold', k: 3, bootstrap: 20 },
        output: { dir: join(dir, 'reg') },
        thresholds: ['mean_absolute_error <= 1'],
      },
      { baseDir: dir },
    );
    const r = await runEvaluation(config);
    const m = r.models[0]!;
    expect(m.items.total).toBe(24);
    expect(m.items.unparseable).toBe(24);
    expect(m.metrics.mean_absolute_error!.value).toBeNull();
    expect(r.thresholds[0]!.passed).toBe(false);
    RunResultsSchema.parse(JSON.parse(readFileSync(join(dir, 'reg', 'results.json'), 'utf8')));
  }, 60_000);

  it('generation: outputs and references are stored, one per test item, and scored by the default scorers', async () => {
    const config = parseRunConfig(
      {
        dataset: { path: 'rows.jsonl', columns: { reference: 'ref' } },
        task: { type: 'generation' },
        prompt: { template: 'Classify this e-mail as spam or ham:\n\n{{text}}' },
        models: [model(server.baseUrl)],
        evaluation: { method: 'holdout', testSize: 0.25 },
        output: { dir: join(dir, 'gen') },
      },
      { baseDir: dir },
    );
    const r = await runEvaluation(config);
    expect(r.evaluation.metrics).toEqual(['exact_match', 'token_f1', 'bleu', 'chrf', 'rougeL']);
    const rows = readPredictions(readFileSync(join(dir, 'gen', 'predictions.arrow')));
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row.outcome).toBe('answered');
      expect(['spam', 'ham']).toContain(row.rawAnswer);
      expect(['spam', 'ham']).toContain(row.expected);
      expect(row.references).toEqual([row.expected]);
      expect(row.sample).toBe(0);
    }
    const matches = rows.filter((row) => row.rawAnswer === row.expected).length;
    const m = r.models[0]!;
    expect(m.metrics.exact_match!.value).toBeCloseTo(matches / rows.length, 12);
    // one-word answers: token F1 and ROUGE-L are 1 on a match and 0 otherwise
    expect(m.metrics.token_f1!.value).toBeCloseTo(matches / rows.length, 12);
    expect(m.metrics.rougeL!.value).toBeCloseTo(matches / rows.length, 12);
    expect(m.metrics.bleu!.value).not.toBeNull();
  }, 60_000);
  it('classification above the confusion-matrix class limit: metrics from per-label counts, the matrix left out with a note', async () => {
    const labels = [
      'spam',
      'ham',
      ...Array.from({ length: CONFUSION_MATRIX_CLASS_LIMIT }, (_, i) => `other-${i}`),
    ];
    const config = parseRunConfig(
      {
        dataset: { path: 'rows.jsonl', columns: { label: 'ref' } },
        task: { type: 'classification', labels },
        prompt: { template: 'Classify this e-mail as spam or ham:\n\n{{text}}' },
        models: [model(server.baseUrl)],
        evaluation: { method: 'kfold', k: 3, bootstrap: 20 },
        output: { dir: join(dir, 'many-labels') },
      },
      { baseDir: dir },
    );
    const r = await runEvaluation(config);
    const m = r.models[0]!;
    expect(m.confusion).toBeNull();
    expect(m.confusionNote).toMatch(
      /^1002 labels are more than the confusion-matrix limit of 1000/,
    );
    expect(m.metrics.accuracy!.value).toBe(m.items.correct / m.items.scored);
    const saved = RunResultsSchema.parse(
      JSON.parse(readFileSync(join(dir, 'many-labels', 'results.json'), 'utf8')),
    );
    expect(saved.models[0]!.confusionNote).toBe(m.confusionNote);
    const html = readFileSync(join(dir, 'many-labels', 'report.html'), 'utf8');
    expect(html).toContain('1002 labels are more than the confusion-matrix limit');
  }, 60_000);
});
