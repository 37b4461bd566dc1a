import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { marginNotes } from '../src/compare/margin-notes.js';
import { testNotes } from '../src/compare/test-notes.js';
import { type CompareResult, compareText } from '../src/index.js';

/** spam-v1 against spam-v2 (every metric gated, no decision rule). */
const result = JSON.parse(
  readFileSync(new URL('./fixtures/compare-result.json', import.meta.url), 'utf8'),
) as CompareResult;

const gated = (metric: string, baseline: number, candidate: number) => ({
  metric,
  gated: true,
  baseline,
  candidate,
});

describe('the notes on --margin and --fdr', () => {
  it('warns that --fdr changes nothing without --fail-on regression', () => {
    expect(marginNotes([], { margin: 0.5, failOn: null, fdr: true })).toEqual([
      "--fdr changes only the --fail-on regression decision, which was not asked for: --margin reads each gated metric's unadjusted interval, so --fdr decides nothing here (it changes the p adj column only)",
    ]);
    expect(marginNotes([], { margin: 0.5, failOn: 'regression', fdr: true })).toEqual([]);
    expect(marginNotes([], { margin: null, failOn: null, fdr: false })).toEqual([]);
  });

  it('says when one --margin gates metrics of different scales, chrF on 0-100 beside token F1', () => {
    const metrics = [
      gated('chrf', 13.2557, 12.8352),
      gated('token_f1', 0.0727, 0.0619),
      gated('bleu', 0.3791, 0.1697),
    ];
    expect(marginNotes(metrics, { margin: 0.5, failOn: null, fdr: false })).toEqual([
      '--margin 0.5 applies to every gated metric whatever its scale: chrf (13.2557 -> 12.8352) is measured beyond 0-1, token_f1, bleu within it, so the same margin is a small drop in one and a large one in the other; compare each scale alone (--metric) with a margin of its own',
    ]);
    // a chrF that happened to score below 1 is still on the 0-100 scale
    const low = [gated('chrf', 0.4, 0.3), gated('token_f1', 0.07, 0.06)];
    expect(marginNotes(low, { margin: 0.5, failOn: null, fdr: false })).toHaveLength(1);
    // one scale, or no margin: nothing to say
    expect(marginNotes(metrics.slice(1), { margin: 0.5, failOn: null, fdr: false })).toEqual([]);
    expect(marginNotes(metrics, { margin: null, failOn: null, fdr: false })).toEqual([]);
  });

  it('says in the methods line that --margin reads the unadjusted intervals, not the adjusted p', () => {
    const line = (settings: Partial<CompareResult['settings']>): string =>
      compareText({ ...result, settings: { ...result.settings, ...settings } })
        .split('\n')
        .find((l) => l.startsWith('paired bootstrap'))!;
    expect(line({ margin: null, failOn: 'regression' })).toMatch(
      /; Holm across gated metrics: accuracy, /,
    );
    expect(line({ margin: 0.01, failOn: null })).toMatch(
      /; Holm across gated metrics \(p adj, which --margin does not read\): accuracy, .*; --margin 0\.01 reads each gated metric's unadjusted 95% interval$/,
    );
    expect(line({ margin: 0.01, failOn: 'regression' })).toMatch(
      /; Holm across gated metrics \(for --fail-on regression\): accuracy, .*; --margin 0\.01 reads each gated metric's unadjusted 95% interval$/,
    );
  });

  it('says nothing of a pass by --fail-on regression when it was not asked for', () => {
    const worse = {
      ...result.metrics[0]!,
      metric: 'bleu',
      greaterIsBetter: true,
      difference: -0.2,
      ciLow: -0.5,
      ciHigh: -0.01,
      test: 'bootstrap' as const,
      pValue: 0.07,
      pAdjusted: 0.28,
      gated: true,
    };
    const metrics = [worse, { ...worse, metric: 'chrf', difference: 0, ciLow: -1, ciHigh: 1 }];
    const settings = { bootstrap: 1000, permutations: 9999, fdr: false };
    const regression = testNotes(metrics, 0.05, { ...settings, failOn: 'regression' });
    expect(regression.filter((n) => n.startsWith('bleu is worse by its interval'))).toHaveLength(1);
    const margin = testNotes(metrics, 0.05, { ...settings, failOn: null });
    expect(margin.some((n) => n.startsWith('bleu is worse'))).toBe(false);
    expect(margin.some((n) => n.startsWith('the interval and the test disagree for bleu'))).toBe(
      true,
    );
  });
});
