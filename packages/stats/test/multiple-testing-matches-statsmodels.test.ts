import { describe, expect, it } from 'vitest';
import { benjaminiHochbergAdjust, holmAdjust } from '../src/index.js';
import { loadCases } from './support/fixtures.js';

const cases = loadCases<{ p: number[]; holm: number[]; fdrBh: number[] }>('multiple-testing.json');

describe('Holm and Benjamini-Hochberg adjustment', () => {
  it.each(cases)("holmAdjust equals statsmodels multipletests(method='holm') for %#", (c) => {
    expect(holmAdjust(c.p)).toEqual(c.holm);
  });

  it.each(cases)(
    "benjaminiHochbergAdjust equals statsmodels multipletests(method='fdr_bh') for %#",
    (c) => {
      expect(benjaminiHochbergAdjust(c.p)).toEqual(c.fdrBh);
    },
  );

  it('leaves NaN out of the family (moved from @assay/runner)', () => {
    const got = holmAdjust([0.01, Number.NaN, 0.02]);
    expect(got[1]).toBeNaN();
    expect(got[0]).toBeCloseTo(0.02, 12);
    expect(got[2]).toBeCloseTo(0.02, 12);
  });

  it('treats NaN in Benjamini-Hochberg as Holm does: NaN out, family of the rest', () => {
    const got = benjaminiHochbergAdjust([0.01, Number.NaN, 0.04, 0.03]);
    expect(got[1]).toBeNaN();
    expect([got[0], got[2], got[3]]).toEqual(benjaminiHochbergAdjust([0.01, 0.04, 0.03]));
  });

  it('returns an empty family unchanged', () => {
    expect(holmAdjust([])).toEqual([]);
    expect(benjaminiHochbergAdjust([])).toEqual([]);
  });
});
