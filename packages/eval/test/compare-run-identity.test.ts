import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { RunResultsSchema, thresholdMessage } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareJunit, compareRuns, parseRunConfig, runEvaluation } from '../src/index.js';
import { refusalOf, spamRunDocument } from './small-run.js';

let server: ModelServer;
let dir: string;
const ITEMS = 24;
const LOGPROBS = { params: { maxTokens: 4, temperature: 0, logprobs: true, topLogprobs: 2 } };
const METRICS = ['accuracy', 'recall', 'roc_auc', 'log_loss'];

/** The raw configuration of a small run scored from log-probabilities. */
function doc(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...spamRunDocument({
      name,
      out: join(dir, name),
      baseUrl: server.baseUrl,
      limit: ITEMS,
      model: LOGPROBS,
      evaluation: { method: 'all', bootstrap: 50, metrics: METRICS },
    }),
    ...extra,
  };
}

const run = (name: string, extra: Record<string, unknown> = {}) =>
  runEvaluation(parseRunConfig(doc(name, extra)));

const HAM_POSITIVE = {
  task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'ham' },
};

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-compare-identity-'));
  await run('base');
  await run('poshm', HAM_POSITIVE);
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('assay compare: what is the same run, data and class', () => {
  it('refuses runs of different positive labels, naming both, even with --allow-different-data', async () => {
    for (const allowDifferentData of [false, true]) {
      const error = await refusalOf(
        compareRuns(join(dir, 'base'), join(dir, 'poshm'), { allowDifferentData }),
      );
      expect(error.code).toBe('RUNS_DIFFER');
      expect(error.message).toContain(
        'the positive labels differ (task.positiveLabel spam in the baseline, ham in the candidate',
      );
    }
  });

  it("refuses a per-run value that is not the run's own results.json value", async () => {
    const copy = join(dir, 'doctored');
    cpSync(join(dir, 'base'), copy, { recursive: true });
    const file = join(copy, 'results.json');
    const results = JSON.parse(readFileSync(file, 'utf8'));
    const own = results.models[0].metrics.roc_auc.value as number;
    results.models[0].metrics.roc_auc.value = 1 - own;
    writeFileSync(file, JSON.stringify(results));
    const error = await refusalOf(compareRuns(join(dir, 'base'), copy));
    expect(error.code).toBe('RUNS_DIFFER');
    expect(error.message).toMatch(
      new RegExp(
        `^roc_auc of the candidate \\(model nb\\) recomputed from its predictions is ${own}, but its own ${file} says ${1 - own}`,
      ),
    );
  });

  it("names a truncated predictions.arrow as damaged, not with the Arrow reader's TypeError", async () => {
    const copy = join(dir, 'truncated');
    cpSync(join(dir, 'base'), copy, { recursive: true });
    const file = join(copy, 'predictions.arrow');
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await refusalOf(compareRuns(join(dir, 'base'), copy));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).not.toContain('Cannot read properties');
    expect(error.message).toMatch(/predictions\.arrow is not an Arrow IPC predictions file/);
  });

  it('refuses a run compared with itself by any path', async () => {
    const error = await refusalOf(
      compareRuns(join(dir, 'base'), join(dir, 'base', 'results.json')),
    );
    expect(error.message).toMatch(/^The baseline and the candidate are the same run \(/);
  });

  it('pairs the same data file at another path, and still refuses a different one', async () => {
    const source = readFileSync(join(dir, 'base', 'results.json'), 'utf8');
    expect(source).toContain('spam-assassin');
    const items = ['spam-2/a', 'spam-2/b', 'ham/c', 'ham/d'].map((id, i) =>
      JSON.stringify({
        id,
        text: i < 2 ? 'WIN MONEY NOW click here' : 'lunch at noon?',
        label: i < 2 ? 'spam' : 'ham',
      }),
    );
    const write = (name: string, lines: string[]): string => {
      mkdirSync(join(dir, name), { recursive: true });
      writeFileSync(join(dir, name, 'data.jsonl'), `${lines.join('\n')}\n`);
      return join(dir, name, 'data.jsonl');
    };
    const onPath = (name: string, path: string) =>
      run(name, {
        dataset: { path },
        evaluation: { method: 'all', bootstrap: 50, metrics: ['accuracy'] },
      });
    await onPath('ws1-run', write('ws1', items));
    await onPath('ws2-run', write('ws2', items));
    await onPath(
      'other-run',
      write('other', [...items.slice(0, 3), items[3]!.replace('ham/d', 'ham/e')]),
    );
    const r = await compareRuns(join(dir, 'ws1-run'), join(dir, 'ws2-run'));
    expect(r.pairedItems).toBe(4);
    expect(r.notes).toContainEqual(
      expect.stringMatching(
        /^the data files lie at different paths \(.*ws1\/data\.jsonl and .*ws2\/data\.jsonl\) but hold the same items/,
      ),
    );
    const error = await refusalOf(compareRuns(join(dir, 'ws1-run'), join(dir, 'other-run')));
    expect(error.message).toMatch(
      /the data sets differ \(source .*ws1\/data\.jsonl against .*other\/data\.jsonl/,
    );
  }, 60_000);

  it('compares a renamed model with --model <baseline>:<candidate>', async () => {
    const models = (name: string) => [{ ...(doc('x').models as object[])[0], name, ...LOGPROBS }];
    await run('renamed', { models: models('nb-v2') });
    const r = await compareRuns(join(dir, 'base'), join(dir, 'renamed'), { model: 'nb:nb-v2' });
    expect([r.baseline.model, r.candidate.model]).toEqual(['nb', 'nb-v2']);
    expect(r.notes.join('\n')).not.toContain('named differently');
    // without --model the runs' only models are paired, and a note names both
    const unnamed = await compareRuns(join(dir, 'base'), join(dir, 'renamed'));
    expect(unnamed.notes).toContain(
      'comparing model nb (baseline) with nb-v2 (candidate): each run has one model and they are named differently',
    );
    const error = await refusalOf(
      compareRuns(join(dir, 'base'), join(dir, 'renamed'), { model: 'nb' }),
    );
    expect(error.message).toContain('--model <baseline model>:<candidate model>');
    // a known baseline model and a mistyped candidate: the refusal names the candidate's name
    const typo = await refusalOf(
      compareRuns(join(dir, 'base'), join(dir, 'renamed'), { model: 'nb:nb-v3' }),
    );
    expect(typo.message).toMatch(/the candidate run .* has no model nb-v3/);
  }, 60_000);

  it('writes a failing JUnit case that says why when nothing could be compared', async () => {
    // one class only: ROC AUC, the one metric, has no value on any item
    await run('spam-only', {
      dataset: { builtin: 'spam-assassin', groups: ['spam-2'], limit: 6, seed: 1 },
      evaluation: { method: 'all', bootstrap: 50, metrics: ['roc_auc'] },
    });
    cpSync(join(dir, 'spam-only'), join(dir, 'spam-only-copy'), { recursive: true });
    const r = await compareRuns(join(dir, 'spam-only'), join(dir, 'spam-only-copy'), {
      margin: 0.01,
    });
    expect(r.decision.exitCode).toBe(1);
    const xml = compareJunit(r);
    expect(xml).toMatch(/tests="1" failures="1"/);
    expect(xml).toContain('no metric could be compared on the paired items');
  }, 60_000);
});

describe('a run with a baseline', () => {
  it('refuses a baseline of another positive label or data set before making its output directory', async () => {
    const poshm = await refusalOf(
      run('vs-poshm', {
        baseline: join(dir, 'poshm'),
        thresholds: ['roc_auc vs baseline >= -0.01'],
      }),
    );
    expect(poshm.path).toBe('baseline');
    expect(poshm.message).toContain(
      'the positive labels differ (task.positiveLabel ham in the baseline, spam in the candidate',
    );
    const groups = await refusalOf(
      run('vs-groups', {
        dataset: { builtin: 'spam-assassin', groups: ['spam-2'], limit: ITEMS, seed: 1 },
        baseline: join(dir, 'base'),
        thresholds: ['accuracy vs baseline >= -0.01'],
      }),
    );
    expect(groups.message).toMatch(
      /^baseline: cannot compare .*base\/results\.json with this run \(output\.dir .*vs-groups\): the data sets differ/,
    );
    // assay run has no --allow-different-data, and this run has no results.json yet
    expect(groups.message).not.toContain('--allow-different-data');
    expect(groups.message).toMatch(
      /set baseline: to a run of the same task, label set, positive label and data set\.$/,
    );
    for (const name of ['vs-poshm', 'vs-groups']) expect(existsSync(join(dir, name))).toBe(false);
  });

  it('refuses its own output directory as the baseline, leaving the previous results as they were', async () => {
    const before = readFileSync(join(dir, 'base', 'results.json'), 'utf8');
    const error = await refusalOf(
      run('base', { baseline: join(dir, 'base'), thresholds: ['accuracy vs baseline >= 0'] }),
    );
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.message).toMatch(/^baseline: .*base is this run's own output\.dir/);
    expect(readFileSync(join(dir, 'base', 'results.json'), 'utf8')).toBe(before);
  });

  it('names the baseline run and model, both values and the difference, and warns of a renamed model', async () => {
    const results = RunResultsSchema.parse(
      await run('renamed-vs-base', {
        models: [{ ...(doc('x').models as object[])[0], name: 'nb-v2', ...LOGPROBS }],
        baseline: join(dir, 'base'),
        thresholds: ['roc_auc vs baseline >= -0.01'],
      }),
    );
    const t = results.thresholds[0]!;
    const own = RunResultsSchema.parse(
      JSON.parse(readFileSync(join(dir, 'base', 'results.json'), 'utf8')),
    );
    expect(t.baseline).toEqual({
      results: join(dir, 'base', 'results.json'),
      model: 'nb',
      baselineValue: own.models[0]!.metrics.roc_auc!.value,
      current: results.models[0]!.metrics.roc_auc!.value,
    });
    expect(t.value).toBeCloseTo(t.baseline!.current! - t.baseline!.baselineValue!, 12);
    // the same model answered alike: an AUC has no bound from items answered alike, and the
    // caveat says what its interval [0, 0] does not show
    expect([t.ciLow, t.ciHigh, t.interval]).toEqual([0, 0, 'bootstrap-percentile']);
    expect(t.caveat).toBe(
      "paired with the baseline's model nb: the baseline has no model named nb-v2; no paired item differs between the runs on roc_auc: the interval [0, 0] says nothing about items not in the sample",
    );
    expect(thresholdMessage(t, 0.95)).toContain(
      `baseline model nb of ${join(dir, 'base', 'results.json')}`,
    );
  }, 60_000);
});
