import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A run whose predictions.arrow a test rewrote by hand no longer has the figures its
 * results.json states (assay compare checks each run's values against its own): drop them, as
 * a run that could not compute them would have none.
 *
 * @param runDir - the run's output directory
 */
export function forgetOwnValues(runDir: string): void {
  const file = join(runDir, 'results.json');
  const results = JSON.parse(readFileSync(file, 'utf8'));
  for (const model of results.models) {
    for (const summary of Object.values(model.metrics) as { value: number | null }[]) {
      summary.value = null;
    }
  }
  writeFileSync(file, JSON.stringify(results));
}
