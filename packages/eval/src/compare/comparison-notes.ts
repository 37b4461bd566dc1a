// The notes under a comparison that say what its figures rest on.
import { notComparedCauses } from './not-compared.js';

/** Items paired below which a comparison says its differences are rough (as a run's risk line does). */
const FEW_PAIRED_ITEMS = 100;

/**
 * The note of a comparison over few items: what they can and cannot show.
 *
 * @param rows - the paired rows (one side's)
 * @returns the note, or none from 100 distinct items on
 * @example
 * fewItemsNote([{ id: 'a' }, { id: 'b' }]);
 * // ['only 2 items paired: differences of a few points are within noise, …']
 */
export function fewItemsNote(rows: readonly { id: string }[]): string[] {
  const items = new Set(rows.map((r) => r.id)).size;
  if (items === 0 || items >= FEW_PAIRED_ITEMS) return [];
  return [
    `only ${items} item${items === 1 ? '' : 's'} paired: differences of a few points are within noise, and a paired test over d items answered differently cannot reach a p-value below 2 / 2^d`,
  ];
}

/**
 * The metric table shows each run's value on the paired predictions: where some had no partner,
 * those differ from the values of the runs' own reports, which a reader holds beside them.
 *
 * @param paired - the paired rows and the counts only one run has
 * @returns the note, or none when every prediction was paired
 * @example
 * pairedValuesNote({ rowsA: new Array(80), onlyBaseline: { count: 70 }, onlyCandidate: { count: 120 } });
 * // ["the baseline and candidate columns are each run's value on the 80 paired predictions only, …"]
 */
export function pairedValuesNote(paired: {
  readonly rowsA: readonly unknown[];
  readonly onlyBaseline: { readonly count: number };
  readonly onlyCandidate: { readonly count: number };
}): string[] {
  const n = paired.rowsA.length;
  const a = paired.onlyBaseline.count;
  const b = paired.onlyCandidate.count;
  if (a + b === 0) return [];
  return [
    `the baseline and candidate columns are each run's value on the ${n} paired predictions only, not over all of its own (${n + a} in the baseline, ${n + b} in the candidate) as its own report gives them`,
  ];
}

/**
 * Which intervals fell back from BCa to the percentile interval (the header says BCa).
 *
 * @param metrics - the compared metrics
 * @returns the note, or none
 * @example
 * percentileNote([{ metric: 'f1_macro', interval: 'percentile' }]);
 * // ['percentile intervals for f1_macro: BCa is undefined there …']
 */
export function percentileNote(
  metrics: readonly { metric: string; interval: string | null }[],
): string[] {
  const percentile = metrics.filter((m) => m.interval === 'percentile').map((m) => m.metric);
  if (percentile.length === 0) return [];
  return [
    `percentile intervals for ${percentile.join(', ')}: BCa is undefined there (for example every resample gave the same difference, as when no item was answered differently)`,
  ];
}

/**
 * The notes under a comparison: model choice, allowed differences, metrics not compared, runs'
 * caveats.
 *
 * @param paired - the pairing's own notes
 * @param unmeasured - metrics both runs report that have no paired value
 * @param defaultGates - whether the gated metrics are the default set
 * @param runs - the runs' own caveats
 * @returns the notes
 * @example
 * compareNotes({ modelNote: null, differences: [], pairingNotes: [] }, [], true, []); // []
 */
export function compareNotes(
  paired: {
    modelNote: string | null;
    differences: readonly string[];
    pairingNotes: readonly string[];
  },
  unmeasured: readonly string[],
  defaultGates: boolean,
  runs: readonly string[],
): string[] {
  const one = unmeasured.length === 1;
  return [
    ...(paired.modelNote === null ? [] : [paired.modelNote]),
    ...paired.differences.map((d) => `allowed by --allow-different-data: ${d}`),
    ...paired.pairingNotes,
    ...(unmeasured.length === 0
      ? []
      : [
          `not compared: ${unmeasured.join(', ')} (both runs report ${one ? 'it' : 'them'}, but ${notComparedCauses(unmeasured)}${defaultGates ? '; not gated' : ''})`,
        ]),
    ...runs,
  ];
}
