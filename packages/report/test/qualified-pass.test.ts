import { describe, expect, test } from 'vitest';
import {
  htmlReport,
  markdownReport,
  runVerdict,
  stepSummaryMarkdown,
  summaryTable,
  type ThresholdResult,
} from '../src/index.js';
import { metric } from './support/metric-summary.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

function check(source: string, value: number): ThresholdResult {
  return { threshold: source, model: 'nb', metric: source.split(' ')[0]!, value, passed: true };
}

/** The `assay init` starter: one service threshold, a model that labels every item spam. */
function serviceOnlyRun() {
  const nb = sampleModel('nb', {
    metrics: { accuracy: metric(0.5, 0.3, 0.7), f1_macro: metric(0.33, 0.2, 0.45) },
  });
  return sampleResults([nb], {
    evaluation: {
      method: 'all',
      folds: 1,
      repeats: 1,
      seed: 1,
      bootstrap: 10,
      ci: 0.95,
      metrics: ['accuracy', 'f1_macro'],
      fewShot: [],
    },
    thresholds: [check('error_rate <= 0.05', 0)],
  });
}

const SERVED =
  "models[0].model: asked for 'assay-subject-extractiv', but the service says 'assay-spam-nb' answered (30 of 30 answers of model 'nb'), so the results are that model's; check the id against the models the service serves (a service that answers every id with its own model does not refuse a wrong one)";

function servedElsewhereRun(structured: boolean) {
  const nb = sampleModel('nb', { metrics: { accuracy: metric(0.9, 0.85, 0.95) } });
  const mismatch = {
    role: 'model' as const,
    path: 'models[0].model',
    name: 'nb',
    asked: 'assay-subject-extractiv',
    served: 'assay-spam-nb',
    count: 30,
    of: 30,
  };
  return sampleResults([nb], {
    thresholds: [check('accuracy >= 0.8', 0.9)],
    warnings: [SERVED],
    ...(structured ? { servedModelMismatches: [mismatch] } : {}),
  });
}

describe('a PASS on service thresholds only', () => {
  test('says next to PASS that no threshold checks a quality metric, and suggests one', () => {
    const v = runVerdict(serviceOnlyRun());
    expect(v.status).toBe('pass');
    expect(v.title).toBe(
      "PASS on service thresholds only: no threshold checks a quality metric (add e.g. 'accuracy >= 0.8' to thresholds)",
    );
    expect(v.caution).toBe('service thresholds only');
    expect(summaryTable(serviceOnlyRun())).toContain(
      "Verdict: PASS on service thresholds only: no threshold checks a quality metric (add e.g. 'accuracy >= 0.8' to thresholds). The threshold holds for nb (error_rate <= 0.05).",
    );
  });

  test('report.html shows an amber service-only badge, not a green PASS', () => {
    const html = htmlReport(serviceOnlyRun());
    expect(html).toContain('<section class="verdict verdict-caution"');
    expect(html).toContain(
      '<span class="badge badge-caution">PASS (service thresholds only)</span>',
    );
    expect(html).not.toContain('class="badge badge-pass"');
    expect(html).not.toContain('class="v pass"');
  });

  test('report.md and the step summary name the qualification, without a green tick', () => {
    expect(markdownReport(serviceOnlyRun())).toContain(
      '## Verdict: PASS (service thresholds only)',
    );
    const summary = stepSummaryMarkdown(serviceOnlyRun());
    expect(summary.split('\n')[0]).toBe('### ⚠️ assay run sample: PASS (service thresholds only)');
  });

  test('a quality threshold beside the service one leaves the PASS unqualified', () => {
    const r = serviceOnlyRun();
    const both = { ...r, thresholds: [...r.thresholds, check('accuracy >= 0.4', 0.5)] };
    const v = runVerdict(both);
    expect(v.title).toBe('PASS');
    expect(v.caution).toBeNull();
    expect(htmlReport(both)).toContain('<span class="badge badge-pass">PASS</span>');
  });
});

describe('answers from another model than the one asked for', () => {
  test.each([
    ['the structured field', true],
    ['the warning of a file written before it', false],
  ])('is the biggest risk and qualifies the PASS (read from %s)', (_, structured) => {
    const v = runVerdict(servedElsewhereRun(structured));
    expect(v.status).toBe('pass');
    expect(v.title).toBe(
      "PASS, but the answers came from 'assay-spam-nb', not the model asked for",
    );
    expect(v.risks[0]).toBe(
      "The service says 'assay-spam-nb' gave 30 of 30 answers of nb, not 'assay-subject-extractiv' as models[0].model asks: the figures describe that model, not the one asked for. Check models[0].model against the models the service serves (a service that answers every id with its own model does not refuse a misspelt one) and run again.",
    );
    expect(htmlReport(servedElsewhereRun(structured))).toContain(
      '<span class="badge badge-caution">PASS (another model answered)</span>',
    );
  });

  test('a judge graded by another model qualifies the PASS by its grades', () => {
    const r = servedElsewhereRun(true);
    const judged = {
      ...r,
      servedModelMismatches: [
        {
          role: 'judge' as const,
          path: 'judge.client.model',
          name: 'overlap',
          asked: 'assay-overlap-judge',
          served: 'assay-spam-nb',
          count: 1,
          of: 2,
        },
      ],
    };
    const v = runVerdict(judged);
    expect(v.title).toBe(
      "PASS, but the judge's grades came from 'assay-spam-nb', not the judge model asked for",
    );
    expect(v.risks[0]).toMatch(
      /^The service says 'assay-spam-nb' gave 1 of 2 grades of judge overlap/,
    );
  });

  test('a FAIL keeps its word, and the mismatch still leads the risks', () => {
    const r = servedElsewhereRun(true);
    const failed = { ...r, passed: false, thresholds: [{ ...r.thresholds[0]!, passed: false }] };
    const v = runVerdict(failed);
    expect(v.title).toBe('FAIL');
    expect(v.risks[0]).toMatch(/^The service says 'assay-spam-nb' gave 30 of 30 answers of nb/);
  });
});
