import { Piscina } from 'piscina';

/** What {@link startPiscina} needs to know of the pool. */
export interface PiscinaStart {
  /** the worker entry point (a file URL or path) */
  readonly filename: string;
  /** number of worker threads (minimum and maximum alike) */
  readonly workers: number;
  /** handed to every worker at start */
  readonly workerData: unknown;
}

// flags a Worker refused once in this process (V8 and per-process options); not offered again
let refusedFlags: ReadonlySet<string> = new Set();

/**
 * Starts the scoring pool's Piscina with the options every pool of the runner shares, passing
 * the process's own `node` flags on to the workers except those a worker thread refuses.
 *
 * @remarks
 * A Worker inherits the process's flags, but refuses V8 and per-process ones
 * (`--max-old-space-size`, `--stack-size`, `--expose-gc`, `--maglev`, ...) in an explicit
 * `execArgv` with `ERR_WORKER_INVALID_EXEC_ARGV`; as those act on the whole process they
 * need not be passed. Node names the refused flags in the error, so the first refusal is
 * answered by starting again without them (`node --max-old-space-size=8192 assay score ...`
 * would otherwise fail).
 *
 * @param start - the worker file, the thread count and the data handed to each worker
 * @returns the started pool
 * @throws what `new Piscina` throws, other than a refused flag
 * @example
 * // runnerWorker: import.meta.resolve('@assay/runner/worker')
 * const pool = startPiscina({ filename: runnerWorker, workers: 1, workerData: {} });
 * pool.threads.length; // 1
 * await pool.run({ kind: 'label-scan', values: Int32Array.of(3, 1, 3), start: 0, end: 3 }); // Int32Array [1, 3, 1, 0, 1]: min, max, presence of 1..3
 * await pool.destroy();
 */
export function startPiscina(start: PiscinaStart): Piscina {
  try {
    return newPiscina(start);
  } catch (error) {
    const refused = refusedFlagsOf(error);
    if (refused.length === 0) throw error;
    refusedFlags = new Set([...refusedFlags, ...refused]);
    return newPiscina(start);
  }
}

function newPiscina({ filename, workers, workerData }: PiscinaStart): Piscina {
  return new Piscina({
    filename,
    workerData,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    // tasks start in the order they were queued (by default Piscina moves a task it
    // cannot place yet to the back of the queue): the bootstrap batches queued before
    // the stratified fold pass run first, and the pass's tasks then fill both workers
    stricterFIFO: true,
    // Piscina's run- and wait-time histograms (nothing here reads them) cost the calling
    // thread about 2.5 ms per `assay score` job in cold code
    recordTiming: false,
    // a worker's heap only ever holds task messages and small results (the columns are
    // shared memory), so a small young generation costs nothing and keeps each
    // worker ≈ 5 MiB smaller than V8's default would let it grow
    resourceLimits: { maxYoungGenerationSizeMb: 2 },
    // Piscina tries `require(file)` before `import()`. On Node 20.19+ that is require(esm),
    // which aborted whole processes here ("v8::Module::IsGraphAsync must be used on an
    // instantiated module", a Node loader race) in about one test run in three; without
    // it the worker loads its ESM file by `import()`, as on earlier Node versions.
    execArgv: [
      ...process.execArgv.filter((flag) => !refusedFlags.has(flag)),
      '--no-experimental-require-module',
    ],
  });
}

/** The flags named by an `ERR_WORKER_INVALID_EXEC_ARGV` error; none for any other error. */
function refusedFlagsOf(error: unknown): string[] {
  if (
    !(error instanceof Error) ||
    (error as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV'
  )
    return [];
  const listed = error.message.slice(error.message.indexOf(':') + 1);
  return listed
    .split(',')
    .map((flag) => flag.trim())
    .filter((flag) => process.execArgv.includes(flag));
}
