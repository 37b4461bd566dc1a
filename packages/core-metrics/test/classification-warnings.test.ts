import { afterEach, describe, expect, it } from 'vitest';
import {
  balancedAccuracyScore,
  f1Score,
  type MetricWarning,
  onMetricWarning,
  precisionRecallFscoreSupport,
  precisionScore,
} from '../src/index.js';

let off: (() => void) | undefined;
afterEach(() => off?.());

function collect(): MetricWarning[] {
  const seen: MetricWarning[] = [];
  off = onMetricWarning((w) => seen.push(w));
  return seen;
}

describe("zeroDivision 'warn' publishes on the metric warning channel", () => {
  it('warns once for an ill-defined binary precision and yields 0', () => {
    const seen = collect();
    expect(precisionScore([0, 1, 1], [0, 0, 0])).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ code: 'UNDEFINED_METRIC', metric: 'precisionScore' });
    expect(seen[0]!.message).toMatch(/Precision is ill-defined .* no predicted samples/);
  });

  it('names the affected labels for per-label results', () => {
    const seen = collect();
    precisionRecallFscoreSupport(['a', 'b', 'c'], ['a', 'a', 'b']);
    expect(seen.map((w) => w.message).join('\n')).toMatch(/predicted samples \("c"\)/);
  });

  it('stays silent with an explicit zeroDivision, which sets the value', () => {
    const seen = collect();
    expect(precisionScore([0, 1, 1], [0, 0, 0], { zeroDivision: 1 })).toBe(1);
    expect(Number.isNaN(precisionScore([0, 1, 1], [0, 0, 0], { zeroDivision: Number.NaN }))).toBe(
      true,
    );
    expect(seen).toHaveLength(0);
  });

  it('f1Score warns only for labels with neither true nor predicted rows', () => {
    const seen = collect();
    f1Score([0, 1, 1], [0, 0, 0]);
    expect(seen).toHaveLength(0);
    f1Score([0, 1, 1], [0, 1, 1], { average: 'macro', labels: [0, 1, 5] });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.message).toMatch(/F-score is ill-defined .* true nor predicted samples \(5\)/);
  });

  it('balancedAccuracyScore warns when a predicted class never occurs in yTrue', () => {
    const seen = collect();
    balancedAccuracyScore([0, 0, 1], [0, 2, 1]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.message).toMatch(/not in y_true/);
  });
});
