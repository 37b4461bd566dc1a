import type { ModelResult } from '@assay/report';
import type { PredictionRow } from '../run/prediction-row.js';

/** The mean absolute error of a group's rows that have a number, or null without any. */
function meanAbsoluteError(g: readonly PredictionRow[]): number | null {
  let sum = 0;
  let n = 0;
  for (const r of g) {
    if (r.parsed === null || r.expected === null) continue;
    sum += Math.abs(Number(r.parsed) - Number(r.expected));
    n++;
  }
  return n === 0 ? null : sum / n;
}

/**
 * Accuracy, failed requests and distinct items (`n` counts predictions) per dataset group, worst accuracy first (groups with no
 * scored answer last), then larger groups first; for a regression, where an exact match says
 * little, also each group's mean absolute error with the number of predictions it leaves out
 * (no number: unparseable or failed), and worst (largest) error first.
 *
 * @param rows - one model's prediction rows
 * @param regression - whether the task is a regression
 * @returns one slice per group
 * @example
 * modelSlices(rows, false).map((s) => s.group); // ['easy-ham-2', 'spam-2']
 */
export function modelSlices(
  rows: readonly PredictionRow[],
  regression = false,
): ModelResult['slices'] {
  const groups = new Map<string, PredictionRow[]>();
  for (const r of rows) {
    if (r.group === null) continue;
    let g = groups.get(r.group);
    if (!g) groups.set(r.group, (g = []));
    g.push(r);
  }
  const slices = [...groups.entries()].map(([group, g]) => {
    const scored = g.filter((r) => r.correct !== null);
    return {
      group,
      n: g.length,
      accuracy: scored.length === 0 ? null : scored.filter((r) => r.correct).length / scored.length,
      errors: g.filter((r) => r.outcome === 'failed').length,
      items: new Set(g.map((r) => r.id)).size,
      ...(regression
        ? {
            meanAbsoluteError: meanAbsoluteError(g),
            withoutNumber: g.filter((r) => r.parsed === null || r.expected === null).length,
          }
        : {}),
    };
  });
  if (regression) {
    return slices.sort(
      (a, b) => (b.meanAbsoluteError ?? -1) - (a.meanAbsoluteError ?? -1) || b.n - a.n,
    );
  }
  return slices.sort((a, b) => (a.accuracy ?? 2) - (b.accuracy ?? 2) || b.n - a.n);
}
