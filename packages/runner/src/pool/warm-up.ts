import type { LoadedTable } from '../io/loaded-column.js';
import { sharedInt32 } from '../io/shared-arrays.js';
import { createRunner } from './runner.js';

/** Rows of the warm-up job: 8 fold blocks, a few milliseconds once compiled. */
const WARM_ROWS = 1 << 17;
const WARM_CLASSES = 10;

/**
 * A small synthetic classification table shaped as `loadColumns` returns label columns
 * (shared Int32 codes), so the kernels are compiled for the types a real job passes.
 */
function warmTable(): LoadedTable {
  const yTrue = sharedInt32(WARM_ROWS);
  const yPred = sharedInt32(WARM_ROWS);
  let s = 0x9e3779b9 | 0;
  for (let i = 0; i < WARM_ROWS; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const c = (s >>> 0) % WARM_CLASSES;
    yTrue[i] = c;
    yPred[i] = (s >>> 8) % 4 === 0 ? (c + 1) % WARM_CLASSES : c;
  }
  const dictionary = Array.from({ length: WARM_CLASSES }, (_, k) => k);
  return {
    n: WARM_ROWS,
    columns: new Map([
      ['y_true', { kind: 'label', name: 'y_true', codes: yTrue, dictionary }],
      ['y_pred', { kind: 'label', name: 'y_pred', codes: yPred, dictionary }],
    ]),
    texts: new Map(),
    available: ['y_true', 'y_pred'],
  };
}

/**
 * Runs a small stratified-CV job with a bootstrap on the calling thread, so that a worker
 * started before a file is read has its hot kernels (label census, fold planning and
 * counting, multinomial bootstrap, metrics) compiled by the time the real tasks arrive.
 *
 * @remarks
 * A fresh worker runs its first tasks in V8's interpreter and pays for optimising them
 * while the job waits; each worker pays it again. `Runner.start()` asks for this while
 * the main thread is still reading the file, when the workers would otherwise be idle.
 * The job's results are discarded; kernels keep no state between calls but scratch
 * buffers, so later results are unchanged (the runner tests compare them).
 *
 * @returns when the job has run
 */
export async function warmUpKernels(): Promise<void> {
  const runner = createRunner({ workers: 0 });
  await runner.scorePredictions(
    { table: warmTable(), roles: { yTrue: 'y_true', yPred: 'y_pred' } },
    // one fold block per range: many calls of each kernel, so V8 optimises the functions
    // themselves and not only their loops (a real job's first range then runs at full speed)
    {
      task: 'classification',
      cv: 'stratified:5',
      bootstrap: 200,
      inPlace: true,
      chunkRows: 1 << 14,
    },
  );
  await runner.close();
}
