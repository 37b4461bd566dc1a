import { createRunner } from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

const runner = createRunner({ workers: 0 });
afterAll(() => runner.close());

const input = { yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] };

describe('in-memory input errors carry codes of their own', () => {
  test('empty arrays are EMPTY_INPUT, not EMPTY_FILE', async () => {
    const error = await runnerRejection(runner.scorePredictions({ yTrue: [], yPred: [] }));
    expect(error.code).toBe('EMPTY_INPUT');
    expect(error.message).toBe(
      'The input has no rows to score; each column needs at least one value.',
    );
    const text = await runnerRejection(runner.scoreGenerations({ references: [], outputs: [] }));
    expect(text.code).toBe('EMPTY_INPUT');
  });

  test('every row dropped by dropMissing is EMPTY_INPUT, saying so', async () => {
    const error = await runnerRejection(
      runner.scorePredictions({ yTrue: [0, null], yPred: [null, 1] }, { dropMissing: true }),
    );
    expect(error.code).toBe('EMPTY_INPUT');
    expect(error.message).toContain('dropMissing dropped all 2 rows');
  });

  test('a generation column of another length is LENGTH_MISMATCH', async () => {
    const error = await runnerRejection(
      runner.scoreGenerations({ references: ['a', 'b'], outputs: ['a', 'b'], slice: ['x'] }),
    );
    expect([error.code, error.path]).toEqual(['LENGTH_MISMATCH', 'slice']);
  });
});

describe('a value of the wrong type is shown with its type', () => {
  test('bootstrap: "100" is the string "100"', async () => {
    const error = await runnerRejection(
      runner.scorePredictions(input, { bootstrap: '100' as never }),
    );
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'bootstrap']);
    expect(error.message).toMatch(/got the string "100"\.$/);
    const seed = await runnerRejection(runner.scorePredictions(input, { seed: true as never }));
    expect(seed.message).toMatch(/got the boolean true\.$/);
  });

  test('createRunner names a string worker count as a string', () => {
    expect(() => createRunner({ workers: '2' as never })).toThrow(/got the string "2"\.$/);
  });
});

describe('pairedBootstrap checks interval and metrics', () => {
  test("an interval other than 'percentile' or 'bca' is refused (BCa ran percentile)", async () => {
    const error = await runnerRejection(
      runner.pairedBootstrap(input, input, { metrics: ['accuracy'], interval: 'BCa' as never }),
    );
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'interval']);
    expect(error.message).toBe(`interval must be 'percentile' or 'bca', got the string "BCa".`);
  });

  test('no metrics is named, not a TypeError', async () => {
    const error = await runnerRejection(runner.pairedBootstrap(input, input, {} as never));
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'metrics']);
    expect(error.message).toContain('got undefined');
    const none = await runnerRejection(runner.pairedBootstrap(input, input, undefined as never));
    expect([none.code, none.path]).toEqual(['INVALID_OPTION', 'metrics']);
  });
});
