import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  corpusScore,
  corpusStatistics,
  createRunner,
  generationRowValues,
  loadColumns,
  RunnerError,
  scorePredictions,
} from '@assay/runner';
import { afterAll, describe, expect, test } from 'vitest';
import { runnerRejection } from './helpers/rejection.js';

const runner = createRunner({ workers: 0 });
const dir = mkdtempSync(join(tmpdir(), 'assay-option-names-'));
afterAll(async () => {
  await runner.close();
  rmSync(dir, { recursive: true, force: true });
});

const input = { yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] };

/** The error a synchronous call throws, checked to be a `RunnerError`. */
function thrown(call: () => unknown): RunnerError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(RunnerError);
    return error as RunnerError;
  }
  throw new Error('expected the call to throw');
}

describe('an unknown option name is refused with the name meant, not ignored', () => {
  test('runner.scorePredictions: a typo, and names from other libraries', async () => {
    const options = { bootstrap: 1000, crossValidation: 'kfold:2', posLable: 1, ci_level: 0.5 };
    const error = await runnerRejection(runner.scorePredictions(input, options as never));
    // before, this ran with cv none and ci 0.95 and said nothing
    expect(error.code).toBe('INVALID_OPTION');
    expect(error.path).toBe('crossValidation');
    expect(error.message).toMatch(/^"crossValidation" is not a known option of scorePredictions;/);
    expect(error.message).toContain('Did you mean "cv"?');
    for (const [key, meant] of [
      ['posLable', 'posLabel'],
      ['ci_level', 'ci'],
      ['pos_label', 'posLabel'],
      ['confidence_level', 'ci'],
      ['random_state', 'seed'],
      ['drop_missing', 'dropMissing'],
    ] as const) {
      const e = await runnerRejection(runner.scorePredictions(input, { [key]: 1 } as never));
      expect([e.code, e.path]).toEqual(['INVALID_OPTION', key]);
      expect(e.message).toContain(`Did you mean "${meant}"?`);
    }
  });

  test('a name close to none lists every option', async () => {
    const error = await runnerRejection(runner.scorePredictions(input, { velocity: 2 } as never));
    expect(error.path).toBe('velocity');
    expect(error.message).not.toContain('Did you mean');
    expect(error.message).toContain('Its options are: task, metrics, cv,');
    expect(error.message).toContain('onProgress.');
  });

  test('module-level scorePredictions takes workers too, and nothing else', async () => {
    const snake = await runnerRejection(scorePredictions(input, { pos_label: 1 } as never));
    expect([snake.code, snake.path]).toEqual(['INVALID_OPTION', 'pos_label']);
    expect(snake.message).toContain('Did you mean "posLabel"?');
    const count = await runnerRejection(scorePredictions(input, { nBootstrap: 100 } as never));
    expect(count.message).toContain('Did you mean "bootstrap"?');
    const report = await scorePredictions(input, { workers: 0, metrics: ['accuracy'] });
    expect(report.overall.accuracy!.value).toBe(0.75);
  });

  test('runner.scoreGenerations: tokenize is bleuTokenize', async () => {
    const error = await runnerRejection(
      runner.scoreGenerations({ references: ['a b'], outputs: ['a b'] }, {
        metrics: ['bleu'],
        tokenize: 'char',
      } as never),
    );
    // before, BLEU was scored with 13a and gave 0 here
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'tokenize']);
    expect(error.message).toContain('Did you mean "bleuTokenize"?');
  });

  test("runner.pairedBootstrap: SciPy's n_resamples and method", async () => {
    const resamples = await runnerRejection(
      runner.pairedBootstrap(input, input, { metrics: ['accuracy'], n_resamples: 10 } as never),
    );
    // before, this ran 1000 resamples
    expect([resamples.code, resamples.path]).toEqual(['INVALID_OPTION', 'n_resamples']);
    expect(resamples.message).toContain('Did you mean "bootstrap"?');
    const method = await runnerRejection(
      runner.pairedBootstrap(input, input, { metrics: ['accuracy'], method: 'BCa' } as never),
    );
    expect(method.message).toContain('Did you mean "interval"?');
  });

  test('createRunner and runner.start: worker is workers, warmup is warmUp', () => {
    const worker = thrown(() => createRunner({ worker: 4 } as never));
    expect([worker.code, worker.path]).toEqual(['INVALID_OPTION', 'worker']);
    expect(worker.message).toBe(
      '"worker" is not a known option of createRunner; it was refused rather than ignored. Did you mean "workers"? Its options are: workers.',
    );
    const start = thrown(() => runner.start({ warmup: false } as never));
    expect(start.message).toContain('Did you mean "warmUp"?');
  });

  test('loadColumns, corpusStatistics, corpusScore and generationRowValues', async () => {
    const file = join(dir, 'preds.csv');
    writeFileSync(file, 'label,pred\n0,1\n');
    const format = await runnerRejection(
      loadColumns(file, { columns: { label: 'label' }, fromat: 'csv' } as never),
    );
    expect([format.code, format.path]).toEqual(['INVALID_OPTION', 'fromat']);
    expect(format.message).toContain(
      'Did you mean "format"? Its options are: columns, format, runner, labelPair.',
    );
    const statistics = thrown(() =>
      corpusStatistics('bleu', 'a b', ['a b'], { tokenize: 'char' } as never),
    );
    expect(statistics.message).toContain('Did you mean "bleuTokenize"?');
    const sums = corpusStatistics('bleu', 'the cat sat', ['the cat sat'], { bleuTokenize: 'char' });
    expect(thrown(() => corpusScore('bleu', sums, { tokenizer: 'char' } as never)).path).toBe(
      'tokenizer',
    );
    expect(corpusScore('bleu', sums, { bleuTokenize: 'char' }).score).toBeCloseTo(100, 9);
    const rows = await runnerRejection(
      generationRowValues(['a'], [['a']], { metrics: ['bleu'], use_stemmer: true } as never),
    );
    expect(rows.message).toContain('Did you mean "stemmer"?');
  });

  test('options that are not an object are refused, naming what came', async () => {
    const error = await runnerRejection(runner.scorePredictions(input, 5 as never));
    expect([error.code, error.path]).toEqual(['INVALID_OPTION', 'options']);
    expect(error.message).toMatch(/must be an object of named options .*, got 5\.$/);
    const array = thrown(() => createRunner([] as never));
    expect(array.message).toContain('got an array of 0');
  });
});
