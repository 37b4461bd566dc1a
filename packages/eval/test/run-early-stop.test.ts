import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelServer, startModelServer } from '@assay/model-server';
import { fmt, type RunResults, RunResultsSchema, runVerdict } from '@assay/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EvaluationError,
  loadRunConfig,
  parseRunConfig,
  type RunConfig,
  runEvaluation,
} from '../src/index.js';

const DEMO = new URL('../../../examples/spam-assassin.yaml', import.meta.url);
const RULE = 'ci_width(accuracy) <= 0.04';
let server: ModelServer;
let dir: string;

/** The demo configuration, into `out`, with a stopping rule (or none) and fewer resamples. */
async function demo(
  out: string,
  stop?: Record<string, unknown>,
  thresholds?: string[],
): Promise<RunConfig> {
  const loaded = await loadRunConfig(DEMO.pathname, { baseUrl: server.baseUrl });
  return parseRunConfig({
    ...loaded,
    thresholds: thresholds ?? loaded.thresholds,
    evaluation: { ...loaded.evaluation, bootstrap: 200, ...(stop ? { stop } : {}) },
    output: { ...loaded.output, dir: join(dir, out) },
    cache: undefined,
  });
}

beforeAll(async () => {
  server = await startModelServer({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'assay-early-stop-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`evaluation.stop '${RULE}' on the demo configuration against the model server`, () => {
  let stopped: RunResults;
  let full: RunResults;

  beforeAll(async () => {
    stopped = await runEvaluation(await demo('stopped', { when: RULE }));
    full = await runEvaluation(await demo('full'));
  }, 120_000);

  it('sends fewer requests than the demo has items, and scores only the items sent', () => {
    const e = stopped.earlyStop!;
    console.info(
      `early stop: ${e.itemsSent} of ${e.itemsTotal} items, sequence ${JSON.stringify(e.models[0]!.sequences[0])}, full-data accuracy ${full.models[0]!.metrics.accuracy!.value}`,
    );
    expect(e.stopped).toBe(true);
    expect(e.ruleHeld).toBe(true);
    expect(e.itemsTotal).toBe(full.dataset.items);
    expect(e.itemsSent).toBeLessThan(e.itemsTotal);
    expect((e.itemsSent - 200) % 50).toBe(0);
    const service = stopped.models[0]!.service;
    expect(service.sentThisRun + service.cachedThisRun).toBe(e.itemsSent);
    expect(service.sentThisRun).toBeLessThan(full.dataset.items);
    expect(stopped.dataset.items).toBe(e.itemsSent);
    expect(stopped.models[0]!.items.total).toBe(e.itemsSent);
    expect(e.models[0]!.requestsSaved).toBe(e.itemsTotal - e.itemsSent);
  });

  it('the full-data accuracy lies within the reported confidence sequence, which meets the rule', () => {
    const s = stopped.earlyStop!.models[0]!.sequences[0]!;
    expect(s.metric).toBe('accuracy');
    expect(s.n).toBe(stopped.earlyStop!.itemsSent);
    expect(s.upper - s.lower).toBeLessThanOrEqual(0.04 + 1e-9);
    const truth = full.models[0]!.metrics.accuracy!.value!;
    expect(truth).toBeGreaterThanOrEqual(s.lower);
    expect(truth).toBeLessThanOrEqual(s.upper);
    // the reported value is the accuracy of the sent items, as the model's own metrics say
    expect(s.mean).toBeCloseTo(stopped.models[0]!.metrics.accuracy!.value!, 12);
    expect(s.bootstrapLow).toBe(stopped.models[0]!.metrics.accuracy!.ciLow);
  });

  it('each prefix is stratified: the sent items keep the labels of the whole data set', () => {
    const share = (r: RunResults) => (r.dataset.labels.spam ?? 0) / r.dataset.items;
    expect(Math.abs(share(stopped) - share(full))).toBeLessThan(1 / stopped.dataset.items + 1e-9);
  });

  it('results.json, report.md and report.html carry the stop, both intervals labelled', () => {
    const files = stopped.files;
    const json = RunResultsSchema.parse(JSON.parse(readFileSync(files.results, 'utf8')));
    expect(json.earlyStop?.itemsSent).toBe(stopped.earlyStop!.itemsSent);
    const md = readFileSync(files.reportMd, 'utf8');
    const html = readFileSync(files.reportHtml, 'utf8');
    for (const report of [md, html]) {
      expect(report).toContain('Early stop');
      expect(report).toContain('confidence sequence (anytime-valid)');
      expect(report).toContain('bootstrap CI (fixed n, reference)');
      expect(report).toContain('requests saved');
    }
    expect(md).toContain(`\`${RULE}\``);
    // the headline metric (f1_macro, the first threshold's) is not the one the rule followed
    expect(md).toMatch(
      /naive-bayes: f1_macro [0-9.]+ \(95% confidence: between [0-9.]+ and [0-9.]+; a bootstrap interval, which assumes a number of items fixed in advance: too narrow now that the stopping rule ended the run early\)/,
    );
    expect(html).toContain(`<code>${RULE.replace('<', '&lt;')}</code>`);
    expect(full.earlyStop).toBeUndefined();
  });

  it('a rerun into the same directory sends nothing and stops at the same item', async () => {
    const again = await runEvaluation(await demo('stopped', { when: RULE }));
    expect(again.models[0]!.service.sentThisRun).toBe(0);
    expect(again.earlyStop!.itemsSent).toBe(stopped.earlyStop!.itemsSent);
    expect(again.models[0]!.metrics.accuracy!.value).toBe(
      stopped.models[0]!.metrics.accuracy!.value,
    );
  });

  it('over the journal of the full run it sends nothing, stops at the same item and counts only the items scored', async () => {
    const reused = await runEvaluation(await demo('full', { when: RULE }));
    const s = reused.models[0]!.service;
    expect(s.sentThisRun).toBe(0);
    expect(reused.earlyStop!.itemsSent).toBe(stopped.earlyStop!.itemsSent);
    expect(s.requests).toBe(reused.earlyStop!.itemsSent);
    expect(s.resumedFromJournal).toBe(reused.earlyStop!.itemsSent);
  });
});

describe('a killed early-stopping run resumes without paying twice', () => {
  it('the resumed run sends only what the killed one had not finished and stops where an unbroken run does', async () => {
    const controller = new AbortController();
    const config = await demo('killed', { when: RULE, minItems: 100, checkEvery: 25 });
    let finished = 0;
    const killed = runEvaluation(config, {
      signal: controller.signal,
      onProgress: (progress) => {
        finished = progress[0]?.done ?? 0;
        if (finished >= 130) controller.abort();
      },
    });
    await expect(killed).rejects.toBeInstanceOf(EvaluationError);
    const resumed = await runEvaluation(
      await demo('killed', { when: RULE, minItems: 100, checkEvery: 25 }),
    );
    const unbroken = await runEvaluation(
      await demo('unbroken', { when: RULE, minItems: 100, checkEvery: 25 }),
    );
    const s = resumed.models[0]!.service;
    expect(s.resumedFromJournal).toBeGreaterThanOrEqual(130);
    expect(s.resumedFromJournal + s.sentThisRun + s.cachedThisRun).toBe(
      resumed.earlyStop!.itemsSent,
    );
    expect(resumed.earlyStop!.itemsSent).toBe(unbroken.earlyStop!.itemsSent);
    expect(resumed.models[0]!.metrics.accuracy!.value).toBe(
      unbroken.models[0]!.metrics.accuracy!.value,
    );
  }, 120_000);
});

describe('decided(thresholds)', () => {
  it('stops once every threshold verdict is certain and the verdicts agree with the sequences', async () => {
    const config = await demo(
      'decided',
      { when: 'decided(thresholds)', minItems: 100, checkEvery: 50 },
      ['accuracy >= 0.8', 'error_rate <= 0.2'],
    );
    const results = await runEvaluation(config);
    const e = results.earlyStop!;
    expect(e.stopped).toBe(true);
    // two sequences share alpha = 0.05
    expect(e.confidence).toBeCloseTo(0.975, 12);
    const accuracy = e.models[0]!.sequences.find((q) => q.metric === 'accuracy')!;
    expect(accuracy.lower).toBeGreaterThanOrEqual(0.8);
    expect(results.thresholds.every((t) => t.passed)).toBe(true);
    // each check read its sequence at that sequence's level, which the reports then name
    for (const t of results.thresholds) {
      expect(t.interval).toBe('confidence-sequence');
      expect(t.level).toBeCloseTo(0.975, 12);
    }
    // the headline (accuracy, the first threshold's metric) quotes the sequence at its level
    expect(runVerdict(results).headline).toEqual([
      `naive-bayes: accuracy ${fmt(results.models[0]!.metrics.accuracy!.value)} (97.5% confidence sequence, valid at the stopping time: between ${fmt(accuracy.lower)} and ${fmt(accuracy.upper)}).`,
    ]);
  }, 60_000);

  it('an interval bound reads the confidence sequence the rule followed, not a bootstrap on the items sent', async () => {
    const results = await runEvaluation(
      await demo('bounds', { when: RULE, minItems: 100, checkEvery: 50 }, [
        'accuracy.ci_low >= 0.5',
        'f1_macro.ci_low >= 0.5',
      ]),
    );
    const accuracy = results.earlyStop!.models[0]!.sequences.find((q) => q.metric === 'accuracy')!;
    const [onAccuracy, onF1] = results.thresholds;
    expect(onAccuracy).toMatchObject({
      interval: 'confidence-sequence',
      ciLow: accuracy.lower,
      ciHigh: accuracy.upper,
    });
    expect(onAccuracy!.ciLow).not.toBe(results.models[0]!.metrics.accuracy!.ciLow);
    // a metric the rule did not follow keeps its bootstrap interval
    expect(onF1).toMatchObject({ interval: 'bootstrap-percentile' });
  }, 60_000);
});
