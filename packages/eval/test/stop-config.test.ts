import { createRng } from '@assay/splitters';
import { describe, expect, it } from 'vitest';
import { parseStopRule } from '../src/config/stop-rule.js';
import type { DatasetItem } from '../src/datasets/dataset-item.js';
import { EvaluationError, parseRunConfig, type RunConfigInput } from '../src/index.js';
import type { PredictionRow } from '../src/run/prediction-row.js';
import { stopOrder } from '../src/run/stop-order.js';
import { StopSequences, thresholdDecided } from '../src/run/stop-sequences.js';
import { earlyStopResult, emptySequenceWarnings } from '../src/summary/early-stop-summary.js';
import type { TaskModule } from '../src/tasks/task-module.js';

function config(stop: unknown, thresholds: string[] = ['accuracy >= 0.5']): RunConfigInput {
  return {
    dataset: { builtin: 'spam-assassin', limit: 20 },
    task: { type: 'classification', labels: ['spam', 'ham'] },
    prompt: { template: 'Classify:\n\n{{text}}' },
    models: [{ name: 'a', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' }],
    evaluation: { stop } as RunConfigInput['evaluation'],
    thresholds,
  };
}

function refusal(stop: unknown, thresholds?: string[]): string[] {
  try {
    parseRunConfig(config(stop, thresholds));
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    return error.issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected the configuration to be refused');
}

describe('evaluation.stop in the run configuration', () => {
  it('accepts both rules and fills in minItems 200 and checkEvery 50', () => {
    const c = parseRunConfig(config({ when: 'ci_width(accuracy) <= 0.02' }));
    expect(c.evaluation.stop).toEqual({
      when: 'ci_width(accuracy) <= 0.02',
      minItems: 200,
      checkEvery: 50,
    });
    const d = parseRunConfig(config({ when: ' decided( thresholds ) ', minItems: 10 }));
    expect(d.evaluation.stop?.minItems).toBe(10);
  });

  it.each([
    ['ci_width(accuracy) => 0.02', 20, "'<=' or '<'"],
    ['ci_width accuracy <= 0.02', 10, "'('"],
    ['ci_width(accuracy <= 0.02', 19, "')'"],
    ['ci_width(accuracy) <= ', 23, 'a positive number'],
    ['ci_width(accuracy) <= 0.02 and more', 28, 'the end'],
    ['width(accuracy) <= 0.02', 1, "'ci_width' or 'decided'"],
    ['decided(threshold)', 9, "'thresholds'"],
    ['', 1, "'ci_width' or 'decided'"],
  ])('refuses %j naming evaluation.stop.when and column %i', (when, column, expected) => {
    const [issue, ...rest] = refusal({ when });
    expect(rest).toEqual([]);
    expect(issue).toMatch(/^evaluation\.stop\.when: expected /);
    expect(issue).toContain(`expected ${expected} at column ${column}`);
    const parsed = parseStopRule(when);
    expect(parsed.ok ? null : parsed.column).toBe(column);
  });

  it('refuses a metric no sequence can follow, and decided(thresholds) over such thresholds', () => {
    expect(refusal({ when: 'ci_width(f1_macro) <= 0.02' })).toEqual([
      'evaluation.stop.when: ci_width(f1_macro) names a metric no confidence sequence follows; a stopping rule can follow accuracy or error_rate for a classification task (means of a per-item value in [0, 1])',
    ]);
    expect(
      refusal({ when: 'decided(thresholds)' }, ['accuracy >= 0.9', 'f1_macro >= 0.9']),
    ).toEqual([
      "evaluation.stop.when: decided(thresholds) cannot decide thresholds[1] ('f1_macro >= 0.9'); a stopping rule can follow accuracy or error_rate for a classification task (means of a per-item value in [0, 1])",
    ]);
    expect(
      refusal({ when: 'decided(thresholds)' }, ['accuracy.ci_low >= 0.9', 'accuracy >= 0.9']),
    ).toEqual([
      "evaluation.stop.when: decided(thresholds) decides thresholds on the value itself, not on an interval end or a baseline: thresholds[0] ('accuracy.ci_low >= 0.9') cannot be decided early; use ci_width(...) instead",
    ]);
    expect(refusal({ when: 'decided(thresholds)' }, [])).toEqual([
      "evaluation.stop.when: decided(thresholds) needs at least one entry in 'thresholds'",
    ]);
    expect(refusal({ when: 'ci_width(accuracy) <= 0.02', checkEvery: 0 })[0]).toMatch(
      /^evaluation\.stop\.checkEvery: /,
    );
  });
});

describe('the stopping order', () => {
  const rng = createRng(5);
  const items: DatasetItem[] = Array.from({ length: 300 }, (_, i) => ({
    id: `i${i}`,
    index: i,
    fields: {},
    label: rng.nextFloat() < 0.2 ? 'spam' : 'ham',
    group: undefined,
    reference: undefined,
  }));
  const all = {
    fold: 0,
    repeat: 0,
    train: new Uint32Array(0),
    test: Uint32Array.from(items.keys()),
  };

  it('is seeded, holds each tested item once, and every prefix keeps the label shares within one item', () => {
    const order = stopOrder(items, [all], 0, true);
    expect(stopOrder(items, [all], 0, true)).toEqual(order);
    expect(stopOrder(items, [all], 1, true)).not.toEqual(order);
    expect([...order].sort((a, b) => a - b)).toEqual([...items.keys()]);
    const spam = items.filter((it) => it.label === 'spam').length / items.length;
    let seen = 0;
    order.forEach((item, n) => {
      if (items[item]!.label === 'spam') seen++;
      expect(Math.abs(seen - spam * (n + 1))).toBeLessThanOrEqual(1);
    });
  });

  it('orders only the items some fold tests (a holdout never sends its training part)', () => {
    const holdout = { ...all, test: Uint32Array.from([5, 9, 2]) };
    expect(stopOrder(items, [holdout], 0, true).sort((a, b) => a - b)).toEqual([2, 5, 9]);
  });

  it('decides a threshold only when the whole interval gives one verdict', () => {
    const t = { source: '', metric: 'accuracy', op: '>=' as const, value: 0.9 };
    expect(thresholdDecided(t, 0.91, 0.95)).toBe(true);
    expect(thresholdDecided(t, 0.8, 0.89)).toBe(true);
    expect(thresholdDecided(t, 0.85, 0.95)).toBe(false);
    expect(thresholdDecided({ ...t, op: '==' }, 0.85, 0.95)).toBe(false);
    expect(thresholdDecided({ ...t, op: '==' }, 0.91, 0.95)).toBe(true);
  });
});

describe('a confidence sequence that comes out empty', () => {
  it('decides nothing: its crossed ends never satisfy a width rule, and the run warns', () => {
    const parsed = parseStopRule('ci_width(error_rate) <= 0.5');
    if (!parsed.ok) throw new Error('the rule should parse');
    const sequences = new StopSequences(parsed.rule, ['nb'], 0.95, []);
    const row = (failed: boolean) => [{ outcome: failed ? 'failed' : 'correct' } as PredictionRow];
    // a service that failed every request for a while, then none: no one distribution
    for (let i = 0; i < 300; i++) sequences.push('nb', row(true), {} as TaskModule);
    for (let i = 0; i < 3000; i++) sequences.push('nb', row(false), {} as TaskModule);
    const [sequence] = sequences.snapshot().get('nb')!;
    expect(sequence!.interval.empty).toBe(true);
    // its width is negative, which would read as 'narrow enough'
    expect(sequence!.interval.upper - sequence!.interval.lower).toBeLessThan(0);
    expect(sequences.holds()).toBe(false);
    const warnings = emptySequenceWarnings({
      models: [{ model: 'nb', sequences: [sequence!] }],
    } as unknown as Parameters<typeof emptySequenceWarnings>[0]);
    // results.json flags it, so a reader of the file need not compare the ends
    const section = earlyStopResult(
      {
        config: { when: 'ci_width(error_rate) <= 0.5', minItems: 0, checkEvery: 1 },
        models: [{ model: 'nb', requestsSaved: 0, costSavedUsd: null, sequences: [sequence!] }],
      } as unknown as Parameters<typeof earlyStopResult>[0],
      [],
    );
    expect(section.models[0]!.sequences[0]!.empty).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^nb: the confidence sequence of error_rate is empty after 3300 items \(its lower end 0\.\d{3} passed its upper 0\.\d{3}\)/,
    );
  });
});
