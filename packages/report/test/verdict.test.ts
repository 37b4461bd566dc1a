import { describe, expect, test } from 'vitest';
import {
  headlineMetric,
  htmlReport,
  type ModelResult,
  RANKING_GAP_MIN,
  rankingDecisionGap,
  runVerdict,
  type ThresholdResult,
} from '../src/index.js';
import { generationResults } from './support/generation-results.js';
import { metric } from './support/metric-summary.js';
import { sampleModel, sampleResults } from './support/sample-results.js';

function threshold(model: string, source: string, value: number, passed: boolean): ThresholdResult {
  return { threshold: source, model, metric: source.split(' ')[0]!, value, passed };
}

/** A binary spam model whose scores rank well: ROC AUC 0.98. */
function ranker(balanced: number, matrix: number[][]): ModelResult {
  return sampleModel('nb', {
    items: { total: 100, scored: 100, correct: 60, wrong: 40, unparseable: 0, failed: 0 },
    metrics: {
      accuracy: metric(balanced, balanced - 0.01, balanced + 0.01),
      balanced_accuracy: metric(balanced, balanced - 0.01, balanced + 0.01),
      roc_auc: metric(0.98, 0.97, 0.99),
    },
    confusion: { labels: ['spam', 'ham', 'unparseable'], matrix },
  });
}

const many = { source: 'mail.jsonl', items: 500, labels: { spam: 250, ham: 250 }, groups: {} };

describe('the verdict', () => {
  test('says what was evaluated, the headline metric with its interval in words, and PASS', () => {
    const nb = sampleModel('nb', { metrics: { accuracy: metric(0.75, 0.72, 0.78) } });
    const v = runVerdict(
      sampleResults([nb], { thresholds: [threshold('nb', 'accuracy >= 0.7', 0.75, true)] }),
    );
    expect(v.status).toBe('pass');
    expect(v.word).toBe('PASS');
    expect(v.evaluated).toBe(
      'Evaluated nb (openai-chat, m) on 4 items of data.jsonl ("spam" 2, "ham" 2), a classification task, by kfold 2-fold cross-validation, with 95% intervals from 10 bootstrap resamples.',
    );
    expect(v.headline).toEqual(['nb: accuracy 0.750 (95% confidence: between 0.720 and 0.780).']);
    expect(v.outcome).toBe('The threshold holds for nb (accuracy >= 0.7).');
  });

  test('PASS names the models the thresholds were checked on, not every model of the run', () => {
    const nb = sampleModel('nb', { metrics: { accuracy: metric(0.75, 0.72, 0.78) } });
    const lr = sampleModel('lr', { metrics: { accuracy: metric(0.6, 0.55, 0.65) } });
    const v = runVerdict(
      sampleResults([nb, lr], { thresholds: [threshold('nb', 'accuracy >= 0.7', 0.75, true)] }),
    );
    expect(v.status).toBe('pass');
    expect(v.outcome).toBe('The threshold holds for nb (accuracy >= 0.7).');
  });

  test('FAIL names every failed threshold with its value, and metrics that are not representative', () => {
    const a = sampleModel('a');
    const b = sampleModel('b', {
      notRepresentative: ['b: 4 of 4 predictions failed'],
      items: { total: 4, scored: 0, correct: 0, wrong: 0, unparseable: 0, failed: 4 },
    });
    const v = runVerdict(
      sampleResults([a, b], {
        passed: false,
        thresholds: [
          threshold('a', 'accuracy >= 0.9', 0.75, false),
          threshold('b', 'accuracy >= 0.9', 0.5, false),
        ],
      }),
    );
    expect(v.status).toBe('fail');
    expect(v.outcome).toBe(
      'Metrics not representative: b: 4 of 4 predictions failed. accuracy >= 0.9 fails for a (0.7500) and b (0.5000).',
    );
    expect(v.risks[0]).toBe(
      'The figures of b describe a broken run, not the model: fix the service and run again (--retry-failed re-sends only the failed requests).',
    );
  });

  test('a model that is not representative fails the run even when every threshold holds', () => {
    const nb = sampleModel('nb', {
      notRepresentative: ['nb: 3 of 4 answers were unparseable'],
      items: { total: 4, scored: 4, correct: 1, wrong: 0, unparseable: 3, failed: 0 },
    });
    const v = runVerdict(sampleResults([nb]));
    expect(v.word).toBe('FAIL');
    // --retry-failed re-sends failed requests only: no advice for unparseable answers
    expect(v.risks[0]).toBe(
      'The figures of nb describe a broken run, not the model: fix task.answer or the prompt (a rerun parses the journaled answers again).',
    );
    expect(v.outcome).toContain('nb: 3 of 4 answers were unparseable');
  });

  test('puts one full stop after a reason that ends in a quoted error message of its own', () => {
    const nb = sampleModel('nb', {
      notRepresentative: [
        'nb: 4 of 4 predictions failed; first error: The connection failed (ECONNREFUSED).',
      ],
    });
    const v = runVerdict(
      sampleResults([nb], {
        passed: false,
        thresholds: [threshold('nb', 'accuracy >= 0.9', 0.5, false)],
      }),
    );
    expect(v.outcome).toBe(
      'Metrics not representative: nb: 4 of 4 predictions failed; first error: The connection failed (ECONNREFUSED). accuracy >= 0.9 fails for nb (0.5000).',
    );
    expect(runVerdict(sampleResults([nb])).outcome).not.toMatch(/\.\.$/);
  });

  test('is NOT CHECKED when no threshold decides pass or fail', () => {
    const v = runVerdict(sampleResults([sampleModel('nb')]));
    expect(v.status).toBe('unchecked');
    expect(v.word).toBe('NOT CHECKED');
    expect(v.outcome).toMatch(/sets no thresholds/);
  });

  test('quotes the first threshold metric the results report, else the first metric', () => {
    const nb = sampleModel('nb', {
      metrics: { accuracy: metric(0.75), f1_macro: metric(0.7, 0.6, 0.8) },
    });
    const base = {
      evaluation: { ...sampleResults([]).evaluation, metrics: ['accuracy', 'f1_macro'] },
    };
    const onF1 = sampleResults([nb], {
      ...base,
      thresholds: [
        threshold('nb', 'p95_latency_ms <= 800', 20, true),
        threshold('nb', 'f1_macro >= 0.5', 0.7, true),
      ],
    });
    expect(headlineMetric(onF1)).toBe('f1_macro');
    expect(runVerdict(onF1).headline[0]).toBe(
      'nb: f1_macro 0.700 (95% confidence: between 0.600 and 0.800).',
    );
    expect(headlineMetric(sampleResults([nb], base))).toBe('accuracy');
  });

  test('a metric without a value is quoted with its reason; no bootstrap says there is no interval', () => {
    const nb = sampleModel('nb', {
      metrics: { accuracy: { ...metric(null), reason: 'no answered item to score' } },
    });
    expect(runVerdict(sampleResults([nb])).headline[0]).toBe(
      'nb: accuracy could not be computed (no answered item to score).',
    );
    const noCi = sampleModel('nb', { metrics: { accuracy: metric(0.75, null, null) } });
    expect(runVerdict(sampleResults([noCi])).headline[0]).toBe(
      'nb: accuracy 0.750 (no interval: evaluation.bootstrap is 0).',
    );
  });
});

describe('the biggest risk', () => {
  test('ranking and decision quality that disagree are a threshold problem, named first', () => {
    const nb = ranker(0.6, [
      [10, 40, 0],
      [0, 50, 0],
    ]);
    const v = runVerdict(
      sampleResults([nb], {
        dataset: many,
        thresholds: [threshold('nb', 'accuracy >= 0.5', 0.6, true)],
      }),
    );
    expect(v.risks[0]).toBe(
      'nb ranks the items well (ROC AUC 0.980) but its answers are much worse (balanced accuracy 0.600): the scores separate the classes and the answers do not follow them, a decision-threshold problem rather than a weak model. It answers "spam" for 10.0% of the items, where 50.0% are "spam".',
    );
  });

  test('no ranking warning for a gap below 0.15 or ROC AUC below 0.9', () => {
    const close = ranker(0.85, [
      [40, 10, 0],
      [5, 45, 0],
    ]);
    expect(runVerdict(sampleResults([close], { dataset: many })).risks.join(' ')).not.toMatch(
      /ranks the items well/,
    );
    const weak = ranker(0.5, [
      [25, 25, 0],
      [25, 25, 0],
    ]);
    weak.metrics.roc_auc = metric(0.89);
    expect(runVerdict(sampleResults([weak], { dataset: many })).risks.join(' ')).not.toMatch(
      /ranks the items well/,
    );
  });

  test('the ranking check computes balanced accuracy from the confusion matrix when it is not reported', () => {
    const nb = ranker(0.6, [
      [5, 45, 0],
      [0, 50, 0],
    ]);
    delete nb.metrics.balanced_accuracy;
    const risks = runVerdict(sampleResults([nb], { dataset: many })).risks;
    expect(risks[0]).toContain('(balanced accuracy 0.550)');
  });

  test('a passed vs baseline threshold on few paired predictions leads the risks, with its caveat', () => {
    const nb = sampleModel('nb', { metrics: { accuracy: metric(0.92, 0.88, 0.95) } });
    const caveat =
      "only 5 predictions were paired with the baseline run: 195 of the baseline's have no partner in the other run";
    const narrow = { ...threshold('nb', 'f1_macro vs baseline >= -0.02', 0, true), caveat };
    const v = runVerdict(sampleResults([nb], { dataset: many, thresholds: [narrow] }));
    expect(v.status).toBe('pass');
    expect(v.risks[0]).toBe(`f1_macro vs baseline >= -0.02 passes for nb, but ${caveat}.`);
    // a failed one is the verdict's own news, and one without a caveat adds nothing
    const { caveat: _, ...plain } = narrow;
    for (const t of [{ ...narrow, passed: false }, plain]) {
      const risks = runVerdict(sampleResults([nb], { dataset: many, thresholds: [t] })).risks;
      expect(risks.join(' ')).not.toContain('only 5 predictions were paired');
    }
  });

  test('a passed threshold whose interval crosses its bound is not certain', () => {
    const nb = sampleModel('nb', { metrics: { accuracy: metric(0.92, 0.88, 0.95) } });
    const v = runVerdict(
      sampleResults([nb], {
        dataset: many,
        thresholds: [threshold('nb', 'accuracy >= 0.9', 0.92, true)],
      }),
    );
    expect(v.status).toBe('pass');
    expect(v.risks[0]).toBe(
      'accuracy >= 0.9 passes for nb, but the 95% interval of accuracy (0.880 to 0.950) reaches below 0.9: on other items of the same kind it could fail.',
    );
  });

  test('failed requests come before unparseable answers, a wide interval and few items', () => {
    const nb = sampleModel('nb', {
      items: { total: 40, scored: 38, correct: 20, wrong: 18, unparseable: 6, failed: 2 },
      metrics: { accuracy: metric(0.53, 0.4, 0.66) },
    });
    nb.service.errorsByClass = { timeout: 2 };
    const risks = runVerdict(
      sampleResults([nb], { dataset: { ...many, items: 40, labels: { spam: 20, ham: 20 } } }),
    ).risks;
    expect(risks).toEqual([
      '2 of 40 predictions of nb (5.0%) have no answer because the request failed (timeout 2); the metrics cover only the answered items.',
      '6 answers of nb (15.8%) named no label and count as wrong: check task.answer and the prompt.',
      "The 95% interval of nb's accuracy is 0.26 wide (0.400 to 0.660): too few items to pin the value down.",
      'Only 40 items were evaluated: differences of a few points are within noise.',
    ]);
  });

  test('unparseable regression answers are named as left out of the error metrics, not as wrong', () => {
    const reg = sampleModel('reg', {
      items: { total: 200, scored: 150, correct: 10, wrong: 140, unparseable: 50, failed: 0 },
      metrics: { mean_absolute_error: metric(1.5, 1.2, 1.8) },
    });
    const risks = runVerdict(
      sampleResults([reg], {
        dataset: { ...many, items: 200, labels: {} },
        task: { type: 'regression', labels: [], positiveLabel: null },
      }),
    ).risks;
    expect(risks[0]).toBe(
      '50 answers of reg (25.0%) had no number and are left out of the error metrics, which cover only the 150 answers with one (a model that declines hard items looks better than it is): check task.answer and the prompt.',
    );
    expect(risks.join(' ')).not.toContain('count as wrong');
    const html = htmlReport(
      sampleResults([reg], {
        dataset: { ...many, items: 200, labels: {} },
        task: { type: 'regression', labels: [], positiveLabel: null },
      }),
    );
    expect(html).toContain(
      'Unparseable answers (without a number) are left out of the error metrics.',
    );
    expect(html).not.toContain('count as wrong');
  });

  test('low recall of the positive class and imbalanced classes are named', () => {
    const nb = sampleModel('nb', {
      metrics: { accuracy: metric(0.95, 0.94, 0.96) },
      positiveClass: {
        label: 'spam',
        precision: metric(0.9),
        recall: metric(0.6),
        falsePositiveRate: metric(0.01),
      },
    });
    const risks = runVerdict(
      sampleResults([nb], {
        dataset: { source: 'mail.jsonl', items: 1000, labels: { spam: 100, ham: 900 }, groups: {} },
      }),
    ).risks;
    expect(risks).toEqual([
      'nb misses 40.0% of the "spam" items (recall of "spam" 0.600).',
      'The classes are imbalanced ("spam" 10.0% of the items, "ham" 90.0%): accuracy rewards answering the common class; read balanced accuracy and each class\'s recall.',
    ]);
  });

  test('when nothing stands out, names the commonest error', () => {
    const nb = sampleModel('nb', {
      metrics: { accuracy: metric(0.962, 0.955, 0.969) },
      confusion: {
        labels: ['spam', 'ham', 'unparseable'],
        matrix: [
          [1339, 57, 0],
          [50, 1350, 0],
        ],
      },
    });
    const risks = runVerdict(
      sampleResults([nb], {
        dataset: {
          source: 'spam-assassin',
          items: 2796,
          labels: { ham: 1400, spam: 1396 },
          groups: {},
        },
      }),
    ).risks;
    expect(risks).toEqual([
      'None stands out; the commonest error of nb is "spam" answered as "ham": 57 of 1,396 "spam" items (4.1%).',
    ]);
    // beside a FAIL, "none stands out" would contradict the verdict: the sentence points at it
    const failed = sampleResults([nb], {
      dataset: {
        source: 'spam-assassin',
        items: 2796,
        labels: { ham: 1400, spam: 1396 },
        groups: {},
      },
      thresholds: [
        { threshold: 'recall >= 0.99', model: 'nb', metric: 'recall', value: 0.959, passed: false },
      ],
    });
    const verdict = runVerdict(failed);
    expect(verdict.status).toBe('fail');
    expect(verdict.risks).toEqual([
      'Nothing stands out beyond the failed threshold above; the commonest error of nb is "spam" answered as "ham": 57 of 1,396 "spam" items (4.1%).',
    ]);
  });
});

describe('judge grades', () => {
  test('a low judge_score is a risk, with the grades, so a PASS without a judge threshold does not hide it', () => {
    const r = generationResults();
    const model = r.models[0]!;
    model.metrics.judge_score = metric(0.016, 0.009, 0.025);
    model.judge = { ...model.judge!, grades: { C: 14, I: 886 }, unscored: 0 };
    expect(runVerdict(r).risks).toContain(
      "The judge scored the answers of subject-gen low: judge_score 0.016, the mean grade (grades: I × 886, C × 14); read the judge section's examples before relying on its outputs.",
    );
    // a judge_score of 0.61 is no such risk, nor a low one from pairwise judging (the other model won)
    const fair = generationResults();
    fair.models[0]!.judge = { ...fair.models[0]!.judge!, unscored: 0 };
    expect(runVerdict(fair).risks.join(' ')).not.toContain('judge scored');
    model.judge = { ...model.judge, mode: 'pairwise' };
    expect(runVerdict(r).risks.join(' ')).not.toContain('judge scored');
  });
});

describe('degenerate answers', () => {
  test('a model that gives one label to every item is named, above a wide interval', () => {
    const nb = sampleModel('nb', {
      metrics: { accuracy: metric(0.5, 0.375, 0.638) },
      confusion: {
        labels: ['spam', 'ham', 'unparseable'],
        matrix: [
          [20, 0, 0],
          [20, 0, 0],
        ],
      },
    });
    const risks = runVerdict(sampleResults([nb], { dataset: many })).risks;
    expect(risks[0]).toBe(
      'nb answered "spam" to every item it gave a label: its accuracy only reflects how common "spam" is (50.0% of the items).',
    );
    expect(risks[1]).toMatch(/^The 95% interval of nb's accuracy is 0.26 wide/);
  });

  test.each([
    // a user's run: 399 of 400 answers spam, where spam is about a third of the items
    [
      [
        [130, 0, 0],
        [269, 1, 0],
      ],
      'nb answered "spam" to 399 of the 400 items it gave a label (99.8%), though "spam" is 32.5% of the items: its metrics of the other labels rest on 1 answer, and its accuracy mostly reflects how common "spam" is.',
    ],
    // 95% of the answers, 70% of the items: still far above
    [
      [
        [70, 0, 0],
        [25, 5, 0],
      ],
      'nb answered "spam" to 95 of the 100 items it gave a label (95.0%), though "spam" is 70.0% of the items: its metrics of the other labels rest on 5 answers, and its accuracy mostly reflects how common "spam" is.',
    ],
  ])(
    'a model that gives one label to nearly every item, far more often than it is true, is named',
    (matrix, risk) => {
      const nb = sampleModel('nb', {
        metrics: { accuracy: metric(0.5, 0.45, 0.55) },
        confusion: { labels: ['spam', 'ham', 'unparseable'], matrix },
      });
      expect(runVerdict(sampleResults([nb], { dataset: many })).risks[0]).toBe(risk);
    },
  );

  test.each([
    // as common among the answers as among the items: a good model of a common label
    [
      [
        [96, 0, 0],
        [1, 3, 0],
      ],
    ],
    // 94% of the answers: under the share that counts as nearly everything
    [
      [
        [47, 0, 0],
        [47, 6, 0],
      ],
    ],
  ])(
    'a model whose commonest answer is common among the items, or not dominant, is not',
    (matrix) => {
      const nb = sampleModel('nb', {
        metrics: { accuracy: metric(0.5, 0.45, 0.55) },
        confusion: { labels: ['spam', 'ham', 'unparseable'], matrix },
      });
      const risks = runVerdict(sampleResults([nb], { dataset: many })).risks;
      expect(risks.join('\n')).not.toContain('items it gave a label');
    },
  );

  test('models of one endpoint are named once with it', () => {
    const v = runVerdict(sampleResults([sampleModel('a'), sampleModel('b')]));
    expect(v.evaluated).toMatch(/^Evaluated a and b \(all openai-chat, m\) on 4 items/);
  });
});

describe('a run without thresholds', () => {
  test('suggests a threshold on its headline metric, in its direction', () => {
    const reg = sampleModel('reg', { metrics: { mae: metric(1.5, 1.2, 1.8) } });
    const v = runVerdict(
      sampleResults([reg], {
        task: { type: 'regression', labels: [], positiveLabel: null },
        evaluation: {
          ...sampleResults([reg]).evaluation,
          metrics: ['mae'],
          greaterIsBetter: { mae: false },
        },
      }),
    );
    expect(v.status).toBe('unchecked');
    expect(v.outcome).toBe(
      "The configuration sets no thresholds, so nothing decides pass or fail (add some, e.g. thresholds: ['mae <= <limit>']).",
    );
    const nb = runVerdict(sampleResults([sampleModel('nb')]));
    expect(nb.outcome).toContain("thresholds: ['accuracy >= <limit>']");
  });
});

describe('a run that evaluation.stop ended early', () => {
  const earlyStop = (stopped: boolean, metricName = 'accuracy') => ({
    when: 'ci_width(accuracy) <= 0.1',
    minItems: 200,
    checkEvery: 50,
    method: 'betting' as const,
    ruleHeld: true,
    stopped,
    itemsTotal: 1000,
    itemsSent: stopped ? 400 : 1000,
    looks: 5,
    confidence: 0.95,
    models: [
      {
        model: 'nb',
        requestsSaved: stopped ? 600 : 0,
        costSavedUsd: null,
        sequences: [
          {
            metric: metricName,
            n: 400,
            mean: 0.75,
            lower: 0.7,
            upper: 0.8,
            bootstrapLow: 0.72,
            bootstrapHigh: 0.78,
          },
        ],
      },
    ],
  });
  const nb = sampleModel('nb', { metrics: { accuracy: metric(0.75, 0.72, 0.78) } });

  test('the headline quotes the confidence sequence the rule read, not the narrower bootstrap interval', () => {
    const r = sampleResults([nb], { earlyStop: earlyStop(true) });
    expect(runVerdict(r).headline).toEqual([
      'nb: accuracy 0.750 (95% confidence sequence, valid at the stopping time: between 0.700 and 0.800).',
    ]);
    // and so does report.html's headline card
    expect(htmlReport(r)).toContain('<div class="ci">95% confidence sequence [0.700, 0.800]');
    const unfollowed = htmlReport(sampleResults([nb], { earlyStop: earlyStop(true, 'f1_macro') }));
    expect(unfollowed).toContain('95% CI [0.720, 0.780] (too narrow after the early stop)');
  });

  test('an empty sequence (crossed ends) is never quoted as an interval: the bootstrap one is, and the table says empty', () => {
    const stop = earlyStop(true);
    const seq = stop.models[0]!.sequences[0]!;
    const crossed = { ...seq, lower: 0.81, upper: 0.69 };
    for (const s of [{ ...crossed, empty: true }, crossed]) {
      const r = sampleResults([nb], {
        earlyStop: { ...stop, models: [{ ...stop.models[0]!, sequences: [s] }] },
      });
      expect(runVerdict(r).headline[0]).toMatch(
        /^nb: accuracy 0\.750 \(95% confidence: between 0\.720 and 0\.780;/,
      );
      const html = htmlReport(r);
      expect(html).not.toContain('[0.810, 0.690]');
      expect(html).toContain('empty (bounds crossed)');
    }
  });

  test('a headline metric the rule did not follow keeps its bootstrap interval, marked too narrow', () => {
    const v = runVerdict(sampleResults([nb], { earlyStop: earlyStop(true, 'f1_macro') }));
    expect(v.headline[0]).toBe(
      'nb: accuracy 0.750 (95% confidence: between 0.720 and 0.780; a bootstrap interval, which assumes a number of items fixed in advance: too narrow now that the stopping rule ended the run early).',
    );
  });

  test('the wide-interval risk and an uncertain pass read the sequence, not the bootstrap interval', () => {
    const stop = earlyStop(true);
    const seq = stop.models[0]!.sequences[0]!;
    seq.lower = 0.6;
    seq.upper = 0.84;
    // decided(thresholds) over two sequences: each at 97.5%
    stop.confidence = 0.975;
    const v = runVerdict(
      sampleResults([nb], {
        earlyStop: stop,
        thresholds: [
          {
            threshold: 'accuracy >= 0.7',
            model: 'nb',
            metric: 'accuracy',
            value: 0.75,
            passed: true,
            interval: 'confidence-sequence',
            level: 0.975,
            ciLow: 0.6,
            ciHigh: 0.84,
          },
        ],
      }),
    );
    expect(v.risks).toContain(
      'accuracy >= 0.7 passes for nb, but the 97.5% confidence sequence of accuracy (0.600 to 0.840) reaches below 0.7: on other items of the same kind it could fail.',
    );
    expect(v.risks).toContain(
      "The 97.5% confidence sequence of nb's accuracy is 0.24 wide (0.600 to 0.840): too few items to pin the value down.",
    );
  });

  test('a rule that held only once every item was sent leaves the bootstrap interval as it is', () => {
    const v = runVerdict(sampleResults([nb], { earlyStop: earlyStop(false) }));
    expect(v.headline).toEqual(['nb: accuracy 0.750 (95% confidence: between 0.720 and 0.780).']);
  });
});

describe('ranking against decision quality', () => {
  test('warns at a gap of exactly RANKING_GAP_MIN, which floating point computes as 0.1499999999999999', () => {
    // 0.95 − 0.8 is 0.1499999999999999 in floating point: the documented "at least 0.15" holds
    expect(0.95 - 0.8).toBeLessThan(RANKING_GAP_MIN);
    const at = (auc: number, balanced: number): ModelResult =>
      sampleModel('lr', {
        metrics: { roc_auc: metric(auc), balanced_accuracy: metric(balanced) },
      });
    expect(rankingDecisionGap(at(0.95, 0.8), 'spam')).toMatchObject({
      auc: 0.95,
      balancedAccuracy: 0.8,
    });
    expect(rankingDecisionGap(at(0.95, 0.81), 'spam')).toBeNull();
    expect(rankingDecisionGap(at(0.9, 0.75), 'spam')).not.toBeNull();
    expect(rankingDecisionGap(at(0.8999, 0.5), 'spam')).toBeNull();
  });
});
