import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { fmt, type RunResults } from '@assay/report';
import { createRunner } from '@assay/runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, readPredictions, runEvaluation, taskFor } from '../src/index.js';
import {
  degenerateIntervalWarnings,
  modelsWithRepeatedItems,
} from '../src/summary/degenerate-interval-warnings.js';
import { scoreModelOnPool } from '../src/summary/score-models.js';
import { spamRunDocument } from './small-run.js';

let server: ModelServer;
let dir: string;

/** A run of the reference spam model on 40 held-out e-mails, with thresholds on intervals. */
function document(name: string, evaluation: Record<string, unknown>, thresholds: string[]) {
  return {
    ...spamRunDocument({ name, out: join(dir, name), baseUrl: server.baseUrl, evaluation }),
    thresholds,
  };
}

let single: RunResults;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-degenerate-'));
  server = await startModelServer({ port: 0 });
  single = await runEvaluation(
    parseRunConfig(
      document(
        'single',
        { method: 'all', bootstrap: 1, metrics: ['accuracy', 'balanced_accuracy'] },
        ['accuracy.ci_low >= 0.5'],
      ),
    ),
  );
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the run warning for an interval of no width', () => {
  it('blames evaluation.bootstrap: 1 for one resample, not repeated items or more items needed', () => {
    const accuracy = single.models[0]!.metrics.accuracy!;
    // 40 items, each predicted once, some wrong: no count at 0 or 1, no repeat
    expect(accuracy.value! > 0 && accuracy.value! < 1).toBe(true);
    expect(accuracy.ciLow).toBe(accuracy.ciHigh);
    expect(accuracy.ciMethod).toBeUndefined();
    const warning = single.warnings!.find((w) => w.startsWith('nb: accuracy '));
    expect(warning).toBe(
      `nb: accuracy ${fmt(accuracy.value)} has a bootstrap interval of no width [${fmt(accuracy.ciLow)}, ${fmt(accuracy.ciHigh)}] because evaluation.bootstrap is 1: it is one resample's value twice${accuracy.ciLow === accuracy.value ? '' : `, and the value ${fmt(accuracy.value)} lies outside it`}, so it is no confidence interval and cannot show how sure the figure is; set evaluation.bootstrap to 1000 or more (fewer than 100 is meant for trials).`,
    );
    for (const wrong of ['several predictions', 'every resample scored the same', 'more items'])
      expect(warning).not.toContain(wrong);
    // the metrics no threshold reads are named with the same cause
    const others = single.warnings!.find((w) => w.startsWith('nb: balanced_accuracy ['));
    expect(others).toMatch(
      /are bootstrap intervals of no width: evaluation\.bootstrap is 1, too few resamples for an interval \(set 1000 or more\), so they do not show/,
    );
  });

  it('names a value outside its own interval (the repro: 0.8 on [0.9, 0.9])', () => {
    const model = structuredClone(single.models[0]!);
    delete model.positiveClass;
    const accuracy = { ...model.metrics.accuracy!, value: 0.8, ciLow: 0.9, ciHigh: 0.9 };
    model.metrics = { accuracy };
    const [warning] = degenerateIntervalWarnings([model], new Set(['accuracy']), undefined, {
      bootstrap: 1,
      repeated: new Set(),
    });
    expect(warning).toContain(
      "because evaluation.bootstrap is 1: it is one resample's value twice, and the value 0.800 lies outside it,",
    );
    // a handful of resamples, not one: their ends can coincide away from the value
    const [few] = degenerateIntervalWarnings([model], new Set(['accuracy']), undefined, {
      bootstrap: 20,
    });
    expect(few).toContain(
      'because evaluation.bootstrap is 20: its ends are picked from only 20 resample values, which can coincide, and the value 0.800 lies outside it,',
    );
  });

  it('with a handful of resamples on the value, says every resample scored the same (a perfect roc_auc)', () => {
    const model = structuredClone(single.models[0]!);
    delete model.positiveClass;
    const perfect = { ...model.metrics.accuracy!, value: 1, ciLow: 1, ciHigh: 1 };
    model.metrics = { roc_auc: perfect, f1: perfect };
    const warnings = degenerateIntervalWarnings([model], new Set(['roc_auc']), undefined, {
      bootstrap: 20,
    });
    expect(warnings[0]).toMatch(
      /^nb: roc_auc 1\.000 has a bootstrap interval of no width \[1\.000, 1\.000\]: every resample scored the same,/,
    );
    expect(warnings[1]).toBe(
      'nb: f1 [1.000, 1.000] is a bootstrap interval of no width: every resample scored the same (a constant prediction, or a perfect or empty result on few items), so it does not show how sure the figure is; read it as unknown uncertainty, not certainty.',
    );
    expect(warnings.join(' ')).not.toContain('evaluation.bootstrap');
  });

  it('blames repeated items only where an item has several predictions and the value is not 0 or 1', async () => {
    const name = 'repeated';
    const config = parseRunConfig(
      document(name, { method: 'repeated-stratified', k: 2, repeats: 2, bootstrap: 200 }, []),
    );
    await runEvaluation(config);
    const rows = readPredictions(readFileSync(join(dir, name, 'predictions.arrow')));
    // every item answered the other way in its second repeat: right in exactly one of its
    // two predictions, so every resample of items scores accuracy 0.5
    const flip = { spam: 'ham', ham: 'spam' } as Record<string, string>;
    const first = new Map(rows.filter((r) => r.fold < 2).map((r) => [r.id, r.correct === true]));
    const half = rows.map((r) => {
      const right = r.fold < 2 ? first.get(r.id)! : !first.get(r.id)!;
      return { ...r, parsed: right ? r.expected : flip[r.expected!]!, correct: right };
    });
    const repeated = modelsWithRepeatedItems(half);
    expect(repeated).toEqual(new Set(['nb']));
    const runner = createRunner();
    const metrics = await scoreModelOnPool(runner, half, taskFor(config.task), ['accuracy'], {
      folds: 4,
      bootstrap: 200,
      ci: 0.95,
      seed: 1,
    }).finally(() => runner.close());
    expect(metrics.accuracy).toMatchObject({ value: 0.5, ciLow: 0.5, ciHigh: 0.5 });
    expect(metrics.accuracy!.ciMethod).toBeUndefined();
    const model = { ...single.models[0]!, positiveClass: undefined, metrics };
    const [warning] = degenerateIntervalWarnings([model], new Set(['accuracy']), undefined, {
      bootstrap: 200,
      repeated,
    });
    expect(warning).toMatch(
      /^nb: accuracy 0\.500 has a bootstrap interval of no width \[0\.500, 0\.500\]: every resample scored the same, .* because an item has several predictions here \(repeated folds or choice orders\) and its value is not 0 or 1, so they are no independent trials/,
    );
    // the same figure of items predicted once: not blamed on repeats
    const [once] = degenerateIntervalWarnings([model], new Set(['accuracy']), undefined, {
      bootstrap: 200,
      repeated: new Set(),
    });
    expect(once).not.toContain('several predictions');
    expect(once).toContain('because its value is not 0 or 1');
  }, 60_000);

  it('at 0 or 1 with enough resamples says the count is not at hand, not that items repeat', () => {
    const model = structuredClone(single.models[0]!);
    delete model.positiveClass;
    model.metrics = { accuracy: { ...model.metrics.accuracy!, value: 1, ciLow: 1, ciHigh: 1 } };
    const [warning] = degenerateIntervalWarnings([model], new Set(['accuracy']), undefined, {
      bootstrap: 1000,
      repeated: new Set(['nb']),
    });
    expect(warning).toContain('because the count behind its value is not at hand here');
    expect(warning).not.toContain('several predictions');
  });

  it('counts a model as repeating items only where an answered item has several predictions', () => {
    const row = (model: string, id: string, outcome: string) => ({ model, id, outcome });
    expect(
      modelsWithRepeatedItems([
        row('a', 'x', 'correct'),
        row('a', 'x', 'wrong'),
        row('b', 'x', 'correct'),
        row('b', 'x', 'failed'),
        row('b', 'y', 'correct'),
      ]),
    ).toEqual(new Set(['a']));
  });
});
