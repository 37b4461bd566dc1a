import { benjaminiHochbergAdjust, holmAdjust } from '@assay/stats';
import { describe, expect, it } from 'vitest';
import { disagreementNote } from '../src/compare/compare-caveats.js';
import { worseAloneNotes } from '../src/compare/worse-alone-notes.js';
import { applyRules, decide, type MeasuredMetric } from '../src/index.js';

function metric(
  name: string,
  difference: number,
  ci: [number, number],
  pValue: number,
  greaterIsBetter = true,
): MeasuredMetric {
  return {
    metric: name,
    greaterIsBetter,
    baseline: 0.9,
    candidate: 0.9 + difference,
    difference,
    ciLow: ci[0],
    ciHigh: ci[1],
    interval: 'bca',
    test: 'bootstrap',
    pValue,
  };
}

const MEASURED = [
  metric('accuracy', -0.03, [-0.05, -0.01], 0.004),
  metric('f1_macro', -0.02, [-0.045, 0.002], 0.03),
  metric('log_loss', 0.05, [0.01, 0.09], 0.012, false),
  metric('roc_auc', 0.01, [-0.004, 0.02], 0.2),
];
const RULES = { failOn: null, margin: null, fdr: false, ci: 0.95 } as const;
const HOLM = { adjustment: 'Holm', bootstrap: 1000, permutations: 9999 } as const;

/** The notes of {@link worseAloneNotes}, as the comparison prints them. */
const notesOf = (
  metrics: Parameters<typeof worseAloneNotes>[0],
  settings: Parameters<typeof worseAloneNotes>[2] = HOLM,
): string[] => worseAloneNotes(metrics, 0.05, settings).map((n) => n.note);

describe('the decision rules of assay compare', () => {
  it('adjusts only the gated metrics, Holm by default and Benjamini-Hochberg with fdr', () => {
    const gated = ['accuracy', 'f1_macro', 'log_loss'];
    const holm = applyRules(MEASURED, { ...RULES, gated });
    expect(holm.map((m) => m.pAdjusted)).toEqual([...holmAdjust([0.004, 0.03, 0.012]), null]);
    const bh = applyRules(MEASURED, { ...RULES, gated, fdr: true });
    expect(bh.map((m) => m.pAdjusted)).toEqual([
      ...benjaminiHochbergAdjust([0.004, 0.03, 0.012]),
      null,
    ]);
    expect(holm.find((m) => m.metric === 'roc_auc')).toMatchObject({ gated: false, worse: false });
  });

  it('calls a rise of a loss worse, and fails on regression only when asked', () => {
    const gated = ['accuracy', 'f1_macro', 'log_loss', 'roc_auc'];
    const report = applyRules(MEASURED, { ...RULES, gated });
    // Holm: 0.016, 0.06, 0.036, 0.2 -> accuracy and log_loss significant, f1_macro not
    expect(report.map((m) => m.worse)).toEqual([true, false, true, false]);
    expect(report.some((m) => m.failed)).toBe(false);
    expect(decide(report, { ...RULES, gated }).exitCode).toBe(0);

    const rules = { ...RULES, gated, failOn: 'regression' as const };
    const gate = applyRules(MEASURED, rules);
    expect(gate.map((m) => m.failed)).toEqual([true, false, true, false]);
    const { exitCode, reason } = decide(gate, rules);
    expect(exitCode).toBe(1);
    expect(reason).toBe(
      'FAIL: accuracy significantly worse (accuracy 0.9000 -> 0.8700, difference -0.0300, 95% CI [-0.0500, -0.0100], p 0.0040 (bootstrap), p-adjusted 0.0160); also failed: log_loss',
    );
  });

  it('checks non-inferiority against -margin, and against +margin for a loss', () => {
    const rules = { ...RULES, gated: ['f1_macro', 'log_loss', 'roc_auc'], margin: 0.05 };
    const judged = applyRules(MEASURED, rules);
    // f1_macro [-0.045, 0.002] lies above -0.05; log_loss [0.01, 0.09] reaches above +0.05
    expect(judged.map((m) => m.nonInferior)).toEqual([null, true, false, true]);
    expect(decide(judged, rules).reason).toMatch(
      /^FAIL: log_loss not non-inferior at margin 0\.05 /,
    );
    const wide = { ...rules, margin: 0.1 };
    expect(decide(applyRules(MEASURED, wide), wide)).toEqual({
      exitCode: 0,
      reason:
        'PASS: every gated metric non-inferior at margin 0.1; gated: f1_macro, log_loss, roc_auc',
    });
  });

  it('reads the margin as assay run reads vs baseline >= -δ: at the boundary passes, within rounding', () => {
    // identical runs: the interval is [0, 0]; with margin 0 it lies at (not above) -0
    const same = [metric('accuracy', 0, [0, 0], 1)];
    const atZero = { ...RULES, gated: ['accuracy'], margin: 0 };
    expect(applyRules(same, atZero)[0]).toMatchObject({ nonInferior: true, failed: false });
    // 0.955 - 0.96 in floating point, against margin 0.005
    const rounded = [metric('accuracy', -0.002, [0.955 - 0.96, 0.001], 0.3)];
    expect(0.955 - 0.96).toBeLessThan(-0.005);
    const margin = { ...RULES, gated: ['accuracy'], margin: 0.005 };
    expect(applyRules(rounded, margin)[0]).toMatchObject({ nonInferior: true });
    // a real shortfall still fails, for a loss too
    const short = [
      metric('accuracy', -0.002, [-0.0051, 0.001], 0.3),
      metric('log_loss', 0.002, [-0.001, 0.0051], 0.3, false),
    ];
    const both = { ...RULES, gated: ['accuracy', 'log_loss'], margin: 0.005 };
    expect(applyRules(short, both).map((m) => m.nonInferior)).toEqual([false, false]);
  });

  it('fails a gated metric without an interval under a margin: it cannot show non-inferiority', () => {
    const noInterval = [{ ...MEASURED[0]!, ciLow: null, ciHigh: null }];
    const rules = { ...RULES, gated: ['accuracy'], margin: 0.5 };
    expect(applyRules(noInterval, rules)[0]).toMatchObject({ nonInferior: false, failed: true });
  });

  it('states a bootstrap p-value of 0 as the bound it stands for, never as p = 0', () => {
    const measured = [
      metric('f1_macro', -0.3, [-0.31, -0.28], 0),
      metric('accuracy', -0.27, [-0.28, -0.25], 0.01),
    ];
    const rules = {
      ...RULES,
      failOn: 'regression',
      gated: ['f1_macro', 'accuracy'],
      bootstrap: 1000,
    } as const;
    const { reason } = decide(applyRules(measured, rules), rules);
    // 2 / 1000 resamples, and at most 2 gated metrics times that after Holm
    expect(reason).toContain(
      'p < 0.0020 (bootstrap: no resample of 1000 crossed zero), p-adjusted < 0.0040',
    );
    expect(reason).not.toMatch(/p 0 /);
  });

  it('lets a bootstrap p-value of 0 count only as its bound: 20 resamples cannot show p < 0.05', () => {
    const measured = [metric('balanced_accuracy', -0.3, [-0.4, -0.2], 0)];
    const rules = {
      ...RULES,
      failOn: 'regression',
      gated: ['balanced_accuracy'],
      bootstrap: 20,
    } as const;
    const [judged] = applyRules(measured, rules);
    // the bound 2 / 20 = 0.1 is above alpha 0.05
    expect(judged).toMatchObject({ pAdjusted: 0.1, worse: false, failed: false });
    expect(decide([judged!], rules).exitCode).toBe(0);
    // with 1000 resamples the bound 0.002 is significant
    const enough = applyRules(measured, { ...rules, bootstrap: 1000 });
    expect(enough[0]).toMatchObject({ pAdjusted: 0.002, worse: true, failed: true });
  });

  it("ranks a bootstrap bound in Holm's order by its value, not as 0 (statsmodels multipletests)", () => {
    // multipletests([7.15e-47, 0.002], method='holm') -> [1.43e-46, 0.002]
    const measured = [
      { ...metric('accuracy', -0.3, [-0.32, -0.28], 7.15e-47), test: 'mcnemar' as const },
      metric('f1_macro', -0.3, [-0.31, -0.28], 0),
    ];
    const rules = { ...RULES, gated: ['accuracy', 'f1_macro'], bootstrap: 1000 };
    const [accuracy, f1] = applyRules(measured, rules);
    expect(accuracy!.pAdjusted).toBeCloseTo(1.43e-46, 60);
    expect(f1!.pAdjusted).toBe(0.002);
  });

  it('fails a gate that could not be compared, and one that checked nothing, instead of passing', () => {
    const rules = {
      ...RULES,
      failOn: 'regression',
      gated: ['accuracy'],
      uncompared: ['judge_score'],
    } as const;
    const passing = applyRules([metric('accuracy', 0.01, [-0.01, 0.03], 0.4)], rules);
    expect(decide(passing, rules)).toEqual({
      exitCode: 1,
      reason:
        "FAIL: judge_score could not be compared, so its gate cannot pass: predictions.arrow holds no per-item judge grades, so assay compare can never pair judge_score; compare it in the two runs' own reports; gate metrics that the comparison table shows (--metric)",
    });
    // a metric without a value on the paired items is named for that, beside the judge's
    const both = { ...rules, uncompared: ['judge_score', 'roc_auc'] } as const;
    expect(decide(applyRules([], both), both).reason).toBe(
      "FAIL: judge_score, roc_auc could not be compared, so their gates cannot pass: judge_score: predictions.arrow holds no per-item judge grades, so assay compare can never pair judge_score; compare it in the two runs' own reports; roc_auc: it has no value on the items both runs answered; gate metrics that the comparison table shows (--metric)",
    );
    const nothing = { ...rules, gated: [], uncompared: [] };
    expect(decide(applyRules([], nothing), nothing)).toMatchObject({
      exitCode: 1,
      reason: expect.stringMatching(/^FAIL: no metric could be compared/),
    });
    // without a rule nothing is checked either way, and that is what the reason says
    const unruled = { ...nothing, failOn: null };
    expect(decide([], unruled).reason).toMatch(/^NOT CHECKED/);
  });

  it('signs a rise in the reason as the table does', () => {
    const rules = { ...RULES, failOn: 'regression', gated: ['log_loss'] } as const;
    const judged = applyRules([metric('log_loss', 0.05, [0.01, 0.09], 0.001, false)], rules);
    expect(decide(judged, rules).reason).toContain('difference +0.0500');
  });

  it('notes a metric whose interval excludes 0 while its test is not significant, and the reverse', () => {
    // 7 discordant pairs: McNemar p = 0.125 beside a BCa interval [0.0043, 0.0472]
    const note = disagreementNote(
      [
        { metric: 'accuracy', ciLow: 0.0043, ciHigh: 0.0472, pValue: 0.125, test: 'mcnemar' },
        { metric: 'f1_macro', ciLow: -0.01, ciHigh: 0.03, pValue: 0.3, test: 'bootstrap' },
        { metric: 'roc_auc', ciLow: -0.002, ciHigh: 0.04, pValue: 0.01, test: 'bootstrap' },
      ],
      0.05,
    );
    expect(note).toEqual([
      'the interval and the test disagree for accuracy (mcnemar), roc_auc (bootstrap): only one of them finds a difference from 0 at 0.05; --fail-on regression follows the test, --margin the interval',
    ]);
  });

  it('notes a metric worse on its own that passes --fail-on regression only because of the Holm adjustment', () => {
    const measured = [
      metric('accuracy', 0, [-0.01, 0.01], 1),
      metric('f1_macro', 0, [-0.01, 0.01], 1),
      metric('log_loss', 0, [-0.01, 0.01], 1, false),
      metric('roc_auc', -0.03, [-0.05, -0.01], 0.022),
    ];
    const rules = { ...RULES, failOn: 'regression' as const, gated: measured.map((m) => m.metric) };
    const judged = applyRules(measured, rules);
    // the gate passes: Holm multiplies the smallest p-value by the 4 gated metrics
    expect(decide(judged, rules).exitCode).toBe(0);
    expect(notesOf(judged)).toEqual([
      'roc_auc is worse on its own (difference -0.0300, interval [-0.0500, -0.0100] excludes 0, p 0.0220 (bootstrap)) but not after the Holm adjustment (p-adjusted 0.0880): --fail-on regression reads the adjusted p-value across the 4 gated metrics (accuracy, f1_macro, log_loss, roc_auc), so it passes the gate; to gate on roc_auc alone, compare with --metric roc_auc',
    ]);
    // gated alone, the same metric fails the gate, and there is nothing to note
    const alone = applyRules(measured, { ...rules, gated: ['roc_auc'] });
    expect(decide(alone, { ...rules, gated: ['roc_auc'] }).exitCode).toBe(1);
    expect(notesOf(alone)).toEqual([]);
    // a better metric is no regression to note
    const improved = applyRules(
      measured.map((m) =>
        m.metric === 'roc_auc' ? metric('roc_auc', 0.03, [0.01, 0.05], 0.022) : m,
      ),
      rules,
    );
    expect(notesOf(improved)).toEqual([]);
  });

  it('blames the adjustment only when the raw p-value is below alpha, and names the test otherwise', () => {
    const others = ['chrf', 'rougeL', 'token_f1'].map((name) =>
      metric(name, 0, [-0.01, 0.01], 0.6),
    );
    // bleu of the trial: the interval excludes 0, the bootstrap's own p 0.068 does not reach 0.05
    const measured = [metric('bleu', -0.2093, [-0.5825, -0.0156], 0.068), ...others];
    const rules = { ...RULES, failOn: 'regression' as const, gated: measured.map((m) => m.metric) };
    const judged = applyRules(measured, rules);
    expect(decide(judged, rules).exitCode).toBe(0);
    const notes = worseAloneNotes(judged, 0.05, HOLM);
    expect(notes).toEqual([
      {
        metric: 'bleu',
        cause: 'test',
        note: "bleu is worse by its interval but not by its test (difference -0.2093, interval [-0.5825, -0.0156] excludes 0, p 0.0680 (bootstrap)): the test's p-value is not below alpha 0.05 even before the Holm adjustment, so --fail-on regression passes it whatever else is gated (--metric bleu alone too); the interval and the test differ near the edge: --fail-on regression follows the test, --margin the interval",
      },
    ]);
    // following the advice the old note gave, --metric bleu, still passes
    const alone = { ...rules, gated: ['bleu'] };
    expect(decide(applyRules(measured, alone), alone).exitCode).toBe(0);
  });

  it('blames the bootstrap resolution, not the adjustment, when the Holm bound of a p of 0 reaches alpha (4 gated metrics, 100 resamples)', () => {
    const measured = [
      metric('accuracy', -0.2, [-0.25, -0.15], 0),
      metric('f1_macro', 0, [-0.01, 0.01], 1),
      metric('log_loss', 0, [-0.01, 0.01], 1, false),
      metric('roc_auc', 0, [-0.01, 0.01], 1),
    ];
    const rules = { ...RULES, failOn: 'regression' as const, bootstrap: 100 };
    const gated = { ...rules, gated: measured.map((m) => m.metric) };
    const judged = applyRules(measured, gated);
    // Holm multiplies the bound 0.02 by the 4 gated metrics: 0.08, so the gate passes
    expect(judged[0]!.pAdjusted).toBeCloseTo(0.08, 12);
    expect(decide(judged, gated).exitCode).toBe(0);
    const [note] = worseAloneNotes(judged, 0.05, { ...HOLM, bootstrap: 100 });
    expect(note!.cause).toBe('resolution');
    expect(note!.note).toContain(
      "reaches alpha 0.05 (p-adjusted <0.08): --fail-on regression passes it although its adjusted p-value may be below alpha; the bootstrap's resolution limits this, so rerun with a larger --bootstrap (above 2 × 4 / 0.05 = 160, e.g. 1000 or more) to tell",
    );
    // gated alone, as the note offers, the bound 0.02 is below alpha and the gate fails
    const alone = { ...rules, gated: ['accuracy'] };
    expect(decide(applyRules(measured, alone), alone).exitCode).toBe(1);
  });

  it('shows a bootstrap p of 0 as the bound it stands for, and leaves a p at the resolution floor to the --bootstrap note', () => {
    const drop = (name: string) => metric(name, -0.6, [-0.65, -0.59], 0);
    const measured = [drop('f1_macro'), drop('roc_auc'), drop('log_loss')];
    const rules = { ...RULES, failOn: 'regression' as const, gated: measured.map((m) => m.metric) };
    // 100 resamples: p < 0.02 each, Holm lifts the bounds to 0.06; the adjusted p-values
    // themselves may be below alpha, so the note blames the resolution, not the data
    const at100 = applyRules(measured, { ...rules, bootstrap: 100 });
    const notes = worseAloneNotes(at100, 0.05, { ...HOLM, bootstrap: 100 });
    expect(notes.map((n) => n.cause)).toEqual(['resolution', 'resolution', 'resolution']);
    expect(notes[0]!.note).toBe(
      "f1_macro is worse on its own (difference -0.6000, interval [-0.6500, -0.5900] excludes 0, p <0.02 (bootstrap)), but no resample of --bootstrap 100 crossed zero, so its p-value is known only as below 0.02, and the Holm adjustment of that bound across the 3 gated metrics (f1_macro, roc_auc, log_loss) reaches alpha 0.05 (p-adjusted <0.06): --fail-on regression passes it although its adjusted p-value may be below alpha; the bootstrap's resolution limits this, so rerun with a larger --bootstrap (above 2 × 3 / 0.05 = 120, e.g. 1000 or more) to tell, or compare with --metric f1_macro to gate on it alone",
    );
    for (const n of notes) {
      expect(n.note).not.toMatch(/0\.0000/);
      expect(n.note).not.toContain('but not after the Holm adjustment');
    }
    // following the advice: above 120 resamples the adjusted bound is below alpha, and the
    // gate fails on the drop
    const at1000 = { ...rules, bootstrap: 1000 };
    const judged1000 = applyRules(measured, at1000);
    expect(decide(judged1000, at1000).exitCode).toBe(1);
    expect(notesOf(judged1000, { ...HOLM, bootstrap: 1000 })).toEqual([]);
    // 20 resamples: no bootstrap p can go below 0.1, which the --bootstrap note says, not the adjustment
    const at20 = applyRules(measured, { ...rules, bootstrap: 20 });
    expect(notesOf(at20, { ...HOLM, bootstrap: 20 })).toEqual([]);
    // the same for a permutation test of 10 sign assignments: p is at least 2/11
    const permuted = measured.map((m) => ({ ...m, test: 'permutation' as const, pValue: 2 / 11 }));
    const judged = applyRules(permuted, rules);
    expect(notesOf(judged, { ...HOLM, permutations: 10 })).toEqual([]);
  });
});
