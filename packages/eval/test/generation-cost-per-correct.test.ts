import type { ModelResult } from '@assay/report';
import { describe, expect, it } from 'vitest';
import { EvaluationError, parseRunConfig, serviceComparison, taskFor } from '../src/index.js';

/*
 * "Correct" is defined for answers that are right or wrong (a label, a number, a choice); a
 * generation answer is scored, never marked correct (items.correct is 0), so cost per correct
 * answer has no value there and is offered nowhere for a generation task.
 */
const MODEL = { name: 'a', provider: 'openai-chat', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' };

function thresholdIssue(task: Record<string, unknown>, threshold: string): string {
  try {
    parseRunConfig({
      dataset: { builtin: 'spam-assassin-subjects', limit: 5 },
      task,
      prompt: { template: 'Write a subject:\n\n{{text}}' },
      models: [MODEL],
      thresholds: [threshold],
    });
  } catch (error) {
    expect(error).toBeInstanceOf(EvaluationError);
    return (error as EvaluationError).issues.map((i) => `${i.path}: ${i.message}`).join('\n');
  }
  throw new Error('expected the configuration to be rejected');
}

const GENERATION = { type: 'generation', scorers: ['exact_match', 'token_f1', 'bleu'] };
const CLASSIFICATION = { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' };

describe('cost per correct answer for a generation task', () => {
  it('is not among the valid metrics an unknown threshold metric is told about', () => {
    const issue = thresholdIssue(GENERATION, 'bogus_metric <= 1');
    expect(issue).toContain("unknown metric 'bogus_metric'");
    expect(issue).toContain('total_cost_usd');
    expect(issue).not.toContain('cost_per_correct_usd');
  });

  it('is still offered for a classification task', () => {
    expect(thresholdIssue(CLASSIFICATION, 'bogus_metric <= 1')).toContain('cost_per_correct_usd');
  });

  it('is still refused as a threshold, naming total_cost_usd instead', () => {
    expect(thresholdIssue(GENERATION, 'cost_per_correct_usd <= 1')).toContain(
      'cost_per_correct_usd never has a value for a generation task',
    );
  });

  it('is no row of the service comparison of two generation runs; a classification one keeps it', () => {
    const model = {
      name: 'a',
      items: { total: 4, unparseable: 0 },
      metrics: {},
      service: {
        errorRate: 0,
        latencyMs: { p50: 1, p90: 1, p95: 1, p99: 1 },
        ttftMs: { p50: null, p95: null, p99: null },
        tpotMs: { p50: null, p95: null },
        outputTokensPerSecond: null,
        costUsd: 0.01,
        costPerCorrectUsd: null,
        requests: 4,
      },
    } as unknown as ModelResult;
    const generation = parseRunConfig({
      dataset: { builtin: 'spam-assassin-subjects', limit: 5 },
      task: GENERATION,
      prompt: { template: 'Write a subject:\n\n{{text}}' },
      models: [MODEL],
    });
    const names = serviceComparison(model, model, taskFor(generation.task)).map((f) => f.name);
    expect(names).toContain('total_cost_usd');
    expect(names).not.toContain('cost_per_correct_usd');
    const classification = parseRunConfig({
      dataset: { builtin: 'spam-assassin', limit: 5 },
      task: CLASSIFICATION,
      prompt: { template: 'Classify:\n\n{{text}}' },
      models: [MODEL],
    });
    const kept = serviceComparison(model, model, taskFor(classification.task)).map((f) => f.name);
    expect(kept).toContain('cost_per_correct_usd');
  });
});
