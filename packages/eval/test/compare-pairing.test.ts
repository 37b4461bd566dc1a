import { describe, expect, it } from 'vitest';
import type { PairableRun } from '../src/compare/pairable-run.js';
import { runDifferences } from '../src/compare/run-differences.js';
import { pairRuns } from '../src/index.js';
import { predictionRow } from './support/prediction-row.js';

const IDS = Array.from({ length: 12 }, (_, i) => `easy-ham-2/${String(i).padStart(5, '0')}`);

/** A classification run of model `m` on the given items of one data file. */
function run(
  name: string,
  dataset: Record<string, unknown>,
  items: readonly { id: string; expected?: string; itemHash?: string }[],
): PairableRun {
  return {
    resultsFile: `/runs/${name}/results.json`,
    rows: items.map((it) =>
      predictionRow(it.id, {
        expected: it.expected ?? 'ham',
        parsed: 'ham',
        itemHash: it.itemHash ?? `h-${it.id}`,
      }),
    ),
    results: {
      task: { type: 'classification', labels: ['spam', 'ham'], positiveLabel: 'spam' },
      dataset: { source: 'mail.jsonl' },
      config: { dataset: { path: 'mail.jsonl', seed: 0, ...dataset } },
      models: [{ name: 'm' }],
    } as unknown as PairableRun['results'],
  };
}

describe('pairing runs of a subset of the same data', () => {
  it('pairs a run of chosen dataset.ids with a run of every item by id, counting the rest', () => {
    const subset = run(
      'candidate-c0',
      { ids: IDS.slice(0, 8) },
      IDS.slice(0, 8).map((id) => ({ id })),
    );
    const all = run(
      'best',
      {},
      IDS.map((id) => ({ id })),
    );
    const paired = pairRuns(subset, all, { allowDifferentData: false });
    expect(paired.rowsA.map((r) => r.id)).toEqual(IDS.slice(0, 8));
    expect(paired.onlyCandidate.count).toBe(4);
    expect(paired.differences).toEqual([]);
    // as a dataset.limit does: two different subsets pair on the items they share
    const other = run(
      'candidate-c1',
      { ids: IDS.slice(4) },
      IDS.slice(4).map((id) => ({ id })),
    );
    const overlap = pairRuns(subset, other, { allowDifferentData: false });
    expect(overlap.rowsA).toHaveLength(4);
    expect([overlap.onlyBaseline.count, overlap.onlyCandidate.count]).toEqual([4, 4]);
  });

  it('names a long list that differs by its first entries and its count, never a cut entry', () => {
    const groups = IDS.map((id) => `group-${id}`);
    const a = run('a', { groups }, []);
    const b = run('b', {}, []);
    const [difference] = runDifferences(a, b);
    expect(difference).toBe(
      'the data sets differ (dataset.groups [group-easy-ham-2/00000, … 12 entries in all] against (not set))',
    );
  });
});

describe('the notes on paired items that differ (--allow-different-data)', () => {
  it('says which paired items expect another answer and which hold other text, never both as the same', () => {
    const baseline = run(
      'base',
      {},
      IDS.slice(0, 6).map((id) => ({ id })),
    );
    const candidate = run(
      'other',
      {},
      IDS.slice(0, 6).map((id, i) => ({
        id,
        // items 0-1: another expected answer and other text; 2: another answer alone; 3-4: other text alone
        ...(i <= 2 ? { expected: 'spam' } : {}),
        ...(i <= 1 || i === 3 || i === 4 ? { itemHash: `other-${id}` } : {}),
      })),
    );
    const paired = pairRuns(baseline, candidate, { allowDifferentData: true });
    expect(paired.pairingNotes).toEqual([
      '3 paired items expect a different answer in the two runs (the same id, 2 of them with different text too; paired because of --allow-different-data)',
      '2 paired items hold different text in the two runs (the same id and expected answer; paired because of --allow-different-data)',
    ]);
  });
});
