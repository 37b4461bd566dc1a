import { describe, expect, test } from 'vitest';
import { htmlReport, markdownReport, summaryTable } from '../src/index.js';
import { metric } from './support/metric-summary.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

// two models: no Holm adjustment (it runs across the pairs of three or more)
const diff = (difference: number, pValue: number | null) => ({
  difference,
  ciLow: difference - 0.01,
  ciHigh: difference + 0.01,
  pValue,
  pHolm: null,
});

function twoModels(thresholdMetric: string) {
  // the headline metric is the first threshold's metric that the models report
  const metrics = { accuracy: metric(0.75, 0.7, 0.8), f1_macro: metric(0.7, 0.6, 0.8) };
  const models = [sampleModel('a', { metrics }), sampleModel('b', { metrics })];
  return sampleResults(models, {
    thresholds: [
      {
        threshold: `${thresholdMetric} >= 0.5`,
        model: 'a',
        metric: thresholdMetric,
        value: 0.75,
        passed: true,
      },
    ],
    comparisons: [
      {
        a: 'a',
        b: 'b',
        pairedItems: 4,
        mcnemar: { onlyA: 1, onlyB: 3, pValue: 0.625, pHolm: 0.625 },
        metrics: {
          accuracy: diff(0.05, 0.3),
          f1_macro: diff(0.08, 0.01),
          roc_auc: diff(-0.02, 0.04),
        },
      },
    ],
  });
}

describe("the terminal's comparison line", () => {
  test('quotes the headline metric and names every metric that differs at 1 − ci', () => {
    const line = summaryTable(twoModels('f1_macro'))
      .split('\n')
      .find((l) => l.startsWith('b vs a:'));
    expect(line).toBe(
      'b vs a: f1_macro Δ=0.0800 [0.0700, 0.0900] p=0.010; McNemar 1/3 p=0.625; 2 of 3 metrics differ at p < 0.05 (unadjusted): f1_macro, roc_auc',
    );
  });

  test('a comparison without paired items says so in every report, not a bare line or an empty table', () => {
    const r = twoModels('f1_macro');
    r.comparisons[0] = { a: 'a', b: 'b', pairedItems: 0, mcnemar: null, metrics: {} };
    const line = summaryTable(r)
      .split('\n')
      .find((l) => l.startsWith('b vs a:'));
    expect(line).toBe(
      'b vs a: no paired items: the two models have no scored answer on the same item, so nothing is compared',
    );
    expect(markdownReport(r)).toContain(
      '| a | b | 0 | — | — | — | no paired items: the two models have no scored answer on the same item, so nothing is compared |',
    );
    expect(htmlReport(r)).toContain(
      '<br><span class="note">0 paired predictions</span></td><td colspan="5">no paired items:',
    );
    // paired, but no metric compared: McNemar's test is still shown
    r.comparisons[0] = {
      a: 'a',
      b: 'b',
      pairedItems: 4,
      mcnemar: { onlyA: 1, onlyB: 3, pValue: 0.625, pHolm: 0.625 },
      metrics: {},
    };
    expect(summaryTable(r)).toContain('b vs a: McNemar 1/3 p=0.625');
    expect(markdownReport(r)).toContain('| a | b | 4 | 1 / 3 | 0.625 |');
    expect(htmlReport(r)).toContain('1 / 3<br>McNemar p = 0.625');
  });

  test('falls back to the first compared metric when the headline metric was not compared', () => {
    const text = summaryTable(twoModels('error_rate'));
    expect(text).toContain('b vs a: accuracy Δ=0.0500 [0.0400, 0.0600] p=0.300;');
  });

  test('the metric table names the columns beyond its sixth instead of dropping them', () => {
    const names = [
      'accuracy',
      'f1_macro',
      'cohen_kappa',
      'matthews_corrcoef',
      'precision_macro',
      'recall_weighted',
      'jaccard_macro',
    ];
    const metrics = Object.fromEntries(names.map((n, i) => [n, metric(0.7 + i / 100, 0.6, 0.8)]));
    const r = sampleResults([sampleModel('a', { metrics })], {
      evaluation: { ...sampleResults([]).evaluation, metrics: names },
    });
    expect(summaryTable(r)).toContain('  and 1 more in report.md and results.json: jaccard_macro');
  });

  test('a bootstrap p of 0 reads as its bound 2/B, and counts as a difference only when the bound does', () => {
    const r = twoModels('f1_macro');
    r.comparisons[0]!.metrics.f1_macro = diff(0.08, 0);
    r.evaluation.bootstrap = 500;
    expect(summaryTable(r)).toContain('f1_macro Δ=0.0800 [0.0700, 0.0900] p=<0.004;');
    expect(summaryTable(r)).toContain(
      '2 of 3 metrics differ at p < 0.05 (unadjusted): f1_macro, roc_auc',
    );
    r.evaluation.bootstrap = 20;
    expect(summaryTable(r)).toContain('p=<0.1;');
    expect(summaryTable(r)).toContain('1 of 3 metrics differ at p < 0.05 (unadjusted): roc_auc');
    expect(markdownReport(r)).toContain('| <0.1 |');
    // the HTML table colours a difference as the terminal counts it: not on a bound of 0.1
    const html = htmlReport(r);
    expect(html).toContain('<td class="num ">0.0800</td>');
    expect(html).toContain('<td class="num"><0.1</td>'.replace('<0.1', '&lt;0.1'));
  });

  test('says Holm only where the p-values were adjusted, across three models or more', () => {
    const r = twoModels('f1_macro');
    for (const d of Object.values(r.comparisons[0]!.metrics)) d.pHolm = d.pValue;
    expect(summaryTable(r)).toContain(
      '2 of 3 metrics differ at p < 0.05 (Holm-adjusted): f1_macro, roc_auc',
    );
  });
});

describe('a model comparison whose paired items were all answered alike', () => {
  function alike() {
    const r = twoModels('accuracy');
    const u = 0.07112173646419764;
    r.comparisons[0]!.pairedItems = 50;
    r.comparisons[0]!.metrics = {
      accuracy: {
        ...diff(0, 1),
        ciLow: -u,
        ciHigh: u,
        interval: 'clopper-pearson',
        itemsAlike: 50,
      },
      f1_macro: { ...diff(0, 1), ciLow: 0, ciHigh: 0 },
    };
    return r;
  }

  test('the terminal names the exact bound beside the interval', () => {
    expect(summaryTable(alike())).toContain(
      'b vs a: accuracy Δ=0.0000 [-0.0711, 0.0711] (Clopper-Pearson bound: none of 50 items answered differently) p=1.000;',
    );
  });

  test('the reports mark the interval and explain it, and the [0, 0] of a metric without a bound', () => {
    const bound =
      "b − a: Clopper-Pearson bound for accuracy: none of the 50 paired items was answered differently, so every resample's difference is 0; the interval is ±0.0711, the 95% exact (Clopper-Pearson) upper end of the share of items the models answer differently (0 of 50), which bounds the difference.";
    const zero =
      "b − a: f1_macro [0, 0]: every resample's difference is 0 (the two models' answers on the 50 paired predictions give the same f1_macro); an interval without width is no evidence that the models are equal, and no bound is known for f1_macro: compare more items.";
    const md = markdownReport(alike());
    expect(md).toContain('| [-0.0711, 0.0711] (Clopper-Pearson) |');
    expect(md).toContain(`- ${bound}`);
    // Markdown escapes the underscore and the brackets
    expect(md).toContain(`- ${zero.replaceAll('_', '\\_').replace('[0, 0]', '\\[0, 0\\]')}`);
    const html = htmlReport(alike());
    expect(html).toContain('<br><span class="note">Clopper-Pearson</span>');
    expect(html).toContain('95% CI (bootstrap; Clopper-Pearson where marked)</th>');
    expect(html).toContain(`<p class="note">${bound.replaceAll("'", '&#39;')}</p>`);
  });

  test('no note where an item differs', () => {
    const r = twoModels('accuracy');
    expect(markdownReport(r)).not.toContain('Clopper-Pearson');
    expect(markdownReport(r)).not.toContain('no evidence that the models are equal');
  });
});

describe("the terminal's request line of a model whose retry budget ran out", () => {
  const service = (errorsByClass: Record<string, number>, failed: number) =>
    sampleModel('nb', {
      service: {
        ...sampleModel('nb').service,
        failed,
        errorsByClass,
        retried: 0,
        retries: 10,
        notRetriedBudget: 9,
      },
    });

  test('blames the budget when the service answered with errors', () => {
    const text = summaryTable(sampleResults([service({ http_status: 12 }, 12)]));
    expect(text).toContain(
      '9 failed without the retries they had left, the retry budget being spent: the error rate counts them too',
    );
  });

  test('says the service was not reached when every failure was a connection failure', () => {
    const text = summaryTable(sampleResults([service({ connection: 12 }, 12)]));
    expect(text).toContain(
      '9 failed without the retries they had left, the retry budget being spent on connection failures: the service was not reached, and no retry helps until it is running: the error rate counts them too',
    );
  });
});
