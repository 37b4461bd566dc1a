import { HELD_OUT_GROUPS, loadSpamCorpus, TRAINING_GROUPS } from '@assay/spam-assassin';
import { describe, expect, test } from 'vitest';
import { ModelServerError, predictSpam, spamEvidence, trainSpamModel } from '../src/index.js';

describe('spam model quality', () => {
  const model = trainSpamModel();
  const heldOut = loadSpamCorpus(HELD_OUT_GROUPS);

  test('held-out accuracy on easy-ham-2 + spam-2 stays above 0.94', () => {
    let correct = 0;
    const byGroup: Record<string, [number, number]> = {};
    for (const m of heldOut) {
      const ok = predictSpam(model, m.text).label === m.label;
      if (ok) correct++;
      const g = (byGroup[m.group] ??= [0, 0]);
      g[0]++;
      if (ok) g[1]++;
    }
    expect(heldOut.length).toBe(1400 + 1396);
    expect(correct / heldOut.length).toBeGreaterThan(0.94);
    // neither class may be sacrificed for the other
    for (const [n, ok] of Object.values(byGroup)) expect(ok / n).toBeGreaterThan(0.88);
  });

  test('probabilities are proper: log P(spam) and log P(ham) exponentiate to 1', () => {
    for (const m of heldOut.slice(0, 200)) {
      const p = predictSpam(model, m.text);
      expect(Math.exp(p.logProbSpam) + Math.exp(p.logProbHam)).toBeCloseTo(1, 12);
      expect(p.label === 'spam').toBe(p.logProbSpam >= p.logProbHam);
    }
  });

  test('is trained on the default groups only and is cached per process', () => {
    expect(model.groups).toEqual(TRAINING_GROUPS);
    expect(model.documents).toEqual({ spam: 500, ham: 2500 + 250 });
    expect(trainSpamModel()).toBe(model);
    expect(model.calibration.slope).toBeGreaterThan(0);
  });

  test('evidence lists features pointing towards the label, strongest first', () => {
    const spam = heldOut.find(
      (m) => m.label === 'spam' && predictSpam(model, m.text).label === 'spam',
    )!;
    const evidence = spamEvidence(model, spam.text, 'spam', 5);
    expect(evidence.length).toBe(5);
    const weights = evidence.map((f) => model.weights.get(f)!);
    for (const w of weights) expect(w).toBeGreaterThan(0);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });

  test('an unknown training group is a ModelServerError naming the entry', () => {
    expect(() => trainSpamModel({ groups: ['spam-1', 'spam-3'] })).toThrow(ModelServerError);
    expect(() => trainSpamModel({ groups: ['spam-1', 'spam-3'] })).toThrow(/options\.groups\[1\]/);
    expect(() => trainSpamModel({ groups: ['spam-1'] })).toThrow(/spam group and one ham group/);
  });
});
