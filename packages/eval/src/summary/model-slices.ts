import type { ModelResult } from '@assay/report';
import type { PredictionRow } from '../run/prediction-row.js';

/**
 * Accuracy and failed requests per dataset group, worst accuracy first (groups with no
 * scored answer last), then larger groups first.
 *
 * @param rows - one model's prediction rows
 * @returns one slice per group
 * @example
 * modelSlices(rows)[0]?.group;
 */
export function modelSlices(rows: readonly PredictionRow[]): ModelResult['slices'] {
  const groups = new Map<string, PredictionRow[]>();
  for (const r of rows) {
    if (r.group === null) continue;
    let g = groups.get(r.group);
    if (!g) groups.set(r.group, (g = []));
    g.push(r);
  }
  return [...groups.entries()]
    .map(([group, g]) => {
      const scored = g.filter((r) => r.correct !== null);
      return {
        group,
        n: g.length,
        accuracy:
          scored.length === 0 ? null : scored.filter((r) => r.correct).length / scored.length,
        errors: g.filter((r) => r.outcome === 'failed').length,
      };
    })
    .sort((a, b) => (a.accuracy ?? 2) - (b.accuracy ?? 2) || b.n - a.n);
}
