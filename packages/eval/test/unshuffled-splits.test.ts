import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { markdownReport, summaryTable } from '@assay/report';
import { StratifiedKFold } from '@assay/splitters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unusedShuffleWarning } from '../src/config/evaluation-method.js';
import type { DatasetItem } from '../src/datasets/dataset-item.js';
import {
  EvaluationError,
  loadRunDataset,
  parseRunConfig,
  readPredictions,
  runEvaluation,
} from '../src/index.js';
import { splitItems } from '../src/run/split-items.js';
import { spamRunDocument } from './small-run.js';

/** scikit-learn 1.2.1's unshuffled splits (fixtures/make-unshuffled-splits.py) */
interface Case {
  n: number;
  k: number;
  y: string[];
  kfold: number[][];
  stratified: number[][];
  holdout: Record<string, number[]>;
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/unshuffled-splits.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

const itemsOf = (y: readonly string[]): DatasetItem[] =>
  y.map((label, i) => ({
    id: `i${i}`,
    index: i,
    fields: { text: `item ${i}` },
    label,
    group: undefined,
    reference: undefined,
  }));

const spec = (method: 'kfold' | 'stratified' | 'holdout', c: Case, testSize = 0.2) => ({
  method,
  k: c.k,
  testSize,
  repeats: 1,
  seed: 3,
  shuffle: false,
});

const tests = (splits: { test: Uint32Array }[]): number[][] =>
  splits.map((s) => Array.from(s.test));

describe('evaluation.shuffle: false cuts the items in data set order, as scikit-learn', () => {
  it.each(fixture.cases)(
    'kfold and stratified folds of $n items equal KFold / StratifiedKFold(shuffle=False), k=$k',
    (c) => {
      const items = itemsOf(c.y);
      expect(tests(splitItems(items, spec('kfold', c), true))).toEqual(c.kfold);
      expect(tests(splitItems(items, spec('stratified', c), true))).toEqual(c.stratified);
      // the seed plays no part
      expect(tests(splitItems(items, { ...spec('stratified', c), seed: 99 }, true))).toEqual(
        c.stratified,
      );
      // without classes (a regression target), 'stratified' is KFold
      expect(tests(splitItems(items, spec('stratified', c), false))).toEqual(c.kfold);
    },
  );

  it.each(fixture.cases)(
    'holdout of $n items tests the last ceil(testSize·n), as train_test_split(shuffle=False)',
    (c) => {
      const items = itemsOf(c.y);
      for (const [testSize, test] of Object.entries(c.holdout)) {
        const [split, ...rest] = splitItems(items, spec('holdout', c, Number(testSize)), true);
        expect(rest).toEqual([]);
        expect(Array.from(split!.test)).toEqual(test);
        expect(split!.train.length + split!.test.length).toBe(c.n);
      }
    },
  );

  it('shuffles by default and with shuffle: true, differently per seed', () => {
    const c = fixture.cases[1]!;
    const items = itemsOf(c.y);
    const shuffled = { ...spec('stratified', c), shuffle: undefined };
    expect(tests(splitItems(items, shuffled, true))).not.toEqual(c.stratified);
    expect(tests(splitItems(items, { ...shuffled, shuffle: true }, true))).toEqual(
      tests(splitItems(items, shuffled, true)),
    );
  });
});

describe('the evaluation.shuffle setting', () => {
  const doc = (evaluation: Record<string, unknown>) =>
    spamRunDocument({ name: 'u', out: '/tmp/u', baseUrl: 'http://127.0.0.1:1/v1', evaluation });

  it('is refused with repeated-stratified, naming evaluation.shuffle', () => {
    let error: unknown;
    try {
      parseRunConfig(doc({ method: 'repeated-stratified', repeats: 2, shuffle: false }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as Error).message).toMatch(/evaluation\.shuffle/);
    expect((error as Error).message).toMatch(/repeated-stratified/);
  });

  it('is refused when not a boolean', () => {
    expect(() => parseRunConfig(doc({ method: 'kfold', shuffle: 'no' }))).toThrow(
      /evaluation\.shuffle/,
    );
  });

  it('warns where the method never shuffles, and only there', () => {
    for (const method of ['all', 'group', 'timeseries'] as const) {
      expect(unusedShuffleWarning({ method, shuffle: false })).toMatch(
        new RegExp(`evaluation\\.shuffle has no effect with evaluation\\.method '${method}'`),
      );
    }
    expect(unusedShuffleWarning({ method: 'holdout', shuffle: true, testIds: ['a'] })).toMatch(
      /testIds/,
    );
    for (const method of ['holdout', 'kfold', 'stratified'] as const) {
      expect(unusedShuffleWarning({ method, shuffle: false })).toBeNull();
    }
    expect(unusedShuffleWarning({ method: 'group' })).toBeNull();
  });
});

describe('a run with evaluation.shuffle: false', () => {
  let server: ModelServer;
  let dir: string;

  beforeAll(async () => {
    server = await startModelServer({ port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'assay-unshuffled-'));
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('predicts each item in its unshuffled stratified fold and says so in the results and summary', async () => {
    const config = parseRunConfig(
      spamRunDocument({
        name: 'unshuffled',
        out: join(dir, 'run'),
        baseUrl: server.baseUrl,
        limit: 24,
        evaluation: { method: 'stratified', k: 3, shuffle: false, bootstrap: 10 },
      }),
    );
    const results = await runEvaluation(config);
    expect(results.evaluation.shuffled).toBe(false);
    expect(results.warnings ?? []).toEqual([
      expect.stringMatching(/nothing is learned from the training part/),
    ]);
    expect(summaryTable(results)).toMatch(/stratified unshuffled \(3 folds\)/);

    const items = await loadRunDataset(config);
    const expected = new Map<string, number>();
    const folds = new StratifiedKFold({ nSplits: 3, shuffle: false }).split({
      n: items.length,
      y: items.map((it) => it.label!),
    });
    [...folds].forEach((f, fold) => {
      for (const i of f.test) expected.set(items[i]!.id, fold);
    });
    const rows = readPredictions(readFileSync(join(dir, 'run', 'predictions.arrow')));
    expect(rows).toHaveLength(items.length);
    for (const row of rows) expect(row.fold).toBe(expected.get(row.id));
  });

  it('warns when a metric is undefined on some unshuffled folds, and the fold mean says over how many', async () => {
    // 10 spam then 14 ham, cut in order into 3 folds of 8: only the middle fold holds both
    // labels, so roc_auc is defined there alone
    const base = spamRunDocument({
      name: 'sorted',
      out: join(dir, 'sorted'),
      baseUrl: server.baseUrl,
      limit: 200,
      model: { params: { maxTokens: 4, temperature: 0, logprobs: true, topLogprobs: 2 } },
    });
    const pool = await loadRunDataset(parseRunConfig(base));
    const pick = (label: string, n: number) => pool.filter((it) => it.label === label).slice(0, n);
    const file = join(dir, 'sorted.jsonl');
    writeFileSync(
      file,
      [...pick('spam', 10), ...pick('ham', 14)]
        .map((it) => JSON.stringify({ id: it.id, text: it.fields.text, label: it.label }))
        .join('\n'),
    );
    const results = await runEvaluation(
      parseRunConfig({
        ...base,
        dataset: { path: file },
        evaluation: {
          method: 'kfold',
          k: 3,
          shuffle: false,
          bootstrap: 0,
          metrics: ['accuracy', 'roc_auc'],
        },
      }),
    );
    const auc = results.models[0]!.metrics.roc_auc!;
    expect(auc.folds.map((f) => f !== null)).toEqual([false, true, false]);
    expect(auc.value).not.toBeNull();
    expect(results.warnings).toContain(
      'nb: roc_auc has no value on 2 of 3 folds, where it is undefined (a ranking metric on a fold whose answers or labels hold one class; r2 on a fold of one item); its fold mean and spread cover the other 1, while the pooled value and its interval cover every item.',
    );
    expect(results.warnings!.join(' ')).not.toContain('accuracy has no value');
    expect(markdownReport(results)).toContain('(over 1 of 3 folds; undefined on the others)');
  });

  it('records shuffled: true for a shuffled method and nothing for one that never shuffles', async () => {
    const run = (name: string, evaluation: Record<string, unknown>) =>
      runEvaluation(
        parseRunConfig(
          spamRunDocument({
            name,
            out: join(dir, name),
            baseUrl: server.baseUrl,
            limit: 8,
            evaluation,
          }),
        ),
      );
    const shuffled = await run('shuffled', { method: 'kfold', k: 2, bootstrap: 0 });
    expect(shuffled.evaluation.shuffled).toBe(true);
    const all = await run('all', { method: 'all', shuffle: false, bootstrap: 0 });
    expect(all.evaluation.shuffled).toBeUndefined();
    expect(all.warnings).toEqual([
      expect.stringMatching(/evaluation\.shuffle has no effect with evaluation\.method 'all'/),
    ]);
  });
});
