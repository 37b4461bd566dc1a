// `assay score`'s engine (@assay/runner) on N rows (default 20M) of a 10-class problem:
// --cv stratified:5, accuracy + macro F1 + confusion matrix + a 1000-resample bootstrap,
// timed with 1 worker and with every core in the same run; peak RSS against the bytes of
// the label columns; Parquet loading speed; and scikit-learn (StratifiedKFold + metrics per
// fold) on data of the same shape, as a ratio.
// Run: pnpm build && node benchmarks/suites/runner.mjs   (BENCH_ROWS=2000000 for a quick look)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRunner, loadColumns } from '@assay/runner';
import { StratifiedKFold } from '@assay/splitters';
import { parquetWriteBuffer } from 'hyparquet-writer';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '.data');
const K = 10;
const N = Number(process.env.BENCH_ROWS ?? 20_000_000);
const CORES = availableParallelism();
const JOB = { cv: 'stratified:5', metrics: ['accuracy', 'f1_macro'], bootstrap: 1000, seed: 0 };

/** Labels and predictions (70% right) from xorshift32, written into shared memory. */
function makeColumns(n, shared) {
  const alloc = (len) =>
    shared ? new Int32Array(new SharedArrayBuffer(len * 4)) : new Int32Array(len);
  const yTrue = alloc(n);
  const yPred = alloc(n);
  let s = 0x2545f491 | 0;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  for (let i = 0; i < n; i++) {
    const t = next() % K;
    yTrue[i] = t;
    yPred[i] = next() % 10 < 7 ? t : next() % K;
  }
  return { yTrue, yPred };
}

async function timeScore(workers, columns, options, rounds = 3) {
  const runner = createRunner({ workers });
  try {
    // start the pool before timing
    await runner.scorePredictions(
      { yTrue: [0, 1, 1, 0], yPred: [0, 1, 0, 0] },
      { metrics: ['accuracy'] },
    );
    // one run on the real data warms every worker's JIT; then the median of `rounds` runs
    const first = performance.now();
    let report = await runner.scorePredictions(columns, options);
    const times = rounds === 0 ? [performance.now() - first] : [];
    for (let round = 0; round < rounds; round++) {
      // the previous run's fold buffers are garbage now: collect them so that peak RSS is one job's
      globalThis.gc?.();
      const start = performance.now();
      report = await runner.scorePredictions(columns, options);
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    return { ms: times[Math.floor(times.length / 2)], report };
  } finally {
    await runner.close();
  }
}

/** Child process: the scoring job alone, so that its peak RSS is not the loader's. */
async function child() {
  // the runtime alone: main thread plus a warm pool, before any column exists
  const warm = createRunner({ workers: CORES });
  await warm.scorePredictions({ yTrue: [0, 1], yPred: [0, 1] }, { metrics: ['accuracy'] });
  const baselineRssBytes = process.memoryUsage().rss;
  await warm.close();
  const columns = makeColumns(N, true);
  // peak RSS of one job on a fresh pool (repeated jobs keep earlier jobs' shared buffers
  // alive until every worker has collected its garbage, which would inflate the peak)
  await timeScore(CORES, columns, JOB, 0);
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  // alternate the two pool sizes and keep each one's best time: this machine is shared
  let one;
  let all;
  for (let round = 0; round < 2; round++) {
    globalThis.gc?.();
    const a = await timeScore(1, columns, JOB);
    if (one === undefined || a.ms < one.ms) one = a;
    globalThis.gc?.();
    const b = await timeScore(CORES, columns, JOB);
    if (all === undefined || b.ms < all.ms) all = b;
  }
  // without CV: the whole-set pass and the bootstrap, all of it parallel work
  let oneNoCv;
  let allNoCv;
  for (let round = 0; round < 2; round++) {
    globalThis.gc?.();
    const a = await timeScore(1, columns, { ...JOB, cv: 'none' });
    if (oneNoCv === undefined || a.ms < oneNoCv.ms) oneNoCv = a;
    globalThis.gc?.();
    const b = await timeScore(CORES, columns, { ...JOB, cv: 'none' });
    if (allNoCv === undefined || b.ms < allNoCv.ms) allNoCv = b;
  }
  globalThis.gc?.();
  const cvOnly = await timeScore(CORES, columns, { ...JOB, bootstrap: 0 });
  const same =
    JSON.stringify(one.report) === JSON.stringify({ ...all.report, timing: one.report.timing });
  // for comparison: @assay/splitters' StratifiedKFold on one thread (what the runner used
  // before it built stratified folds on the pool)
  const splitStart = performance.now();
  new StratifiedKFold({ nSplits: 5, shuffle: true, randomState: 0 }).foldIds({ y: columns.yTrue });
  const splitterMs = performance.now() - splitStart;
  process.stdout.write(
    `${JSON.stringify({
      oneMs: one.ms,
      allMs: all.ms,
      cvOnlyMs: cvOnly.ms,
      oneNoCvMs: oneNoCv.ms,
      allNoCvMs: allNoCv.ms,
      splitterMs,
      baselineRssBytes,
      same,
      f1: all.report.overall.f1_macro,
      maxRssBytes,
      columnBytes: columns.yTrue.byteLength + columns.yPred.byteLength,
      // the fold assignment is one more shared byte per row (Int8 fold ids)
      sharedBytes: columns.yTrue.byteLength * 2 + N,
    })}\n`,
  );
}

function parquetFile() {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, `runner-${N}-required.parquet`);
  if (!existsSync(path)) {
    const { yTrue, yPred } = makeColumns(N, false);
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'y_true', data: yTrue, type: 'INT32', nullable: false },
        { name: 'y_pred', data: yPred, type: 'INT32', nullable: false },
      ],
      rowGroupSize: 1_000_000,
    });
    writeFileSync(path, new Uint8Array(bytes));
  }
  return path;
}

async function main() {
  console.log(`runner: ${N.toLocaleString('en-US')} rows, ${K} classes, ${CORES} cores`);
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16384', fileURLToPath(import.meta.url), '--score-child'],
    { encoding: 'utf8', env: process.env, maxBuffer: 1 << 24 },
  );
  if (result.status !== 0) {
    console.log(result.stdout, result.stderr);
    throw new Error('scoring child failed');
  }
  const score = JSON.parse(result.stdout.trim().split('\n').pop());
  const speedup = score.oneMs / score.allMs;
  console.log(
    `score --cv stratified:5 accuracy+f1_macro+confusion+bootstrap 1000: 1 worker ${(score.oneMs / 1000).toFixed(2)} s, ` +
      `${CORES} workers ${(score.allMs / 1000).toFixed(2)} s -> speedup ${speedup.toFixed(2)}x (target >= 1.8x on 2 cores); ` +
      `identical results: ${score.same}`,
  );
  console.log(
    `  for comparison, StratifiedKFold.foldIds (@assay/splitters, one thread; the runner builds its stratified folds on the pool): ${(score.splitterMs / 1000).toFixed(2)} s`,
  );
  console.log(
    `  without CV (whole-set pass + bootstrap 1000): 1 worker ${(score.oneNoCvMs / 1000).toFixed(2)} s, ${CORES} workers ${(score.allNoCvMs / 1000).toFixed(2)} s -> speedup ${(score.oneNoCvMs / score.allNoCvMs).toFixed(2)}x`,
  );
  console.log(
    `  same job without bootstrap, ${CORES} workers: ${(score.cvOnlyMs / 1000).toFixed(2)} s`,
  );
  console.log(
    `  peak RSS ${(score.maxRssBytes / 2 ** 20).toFixed(0)} MiB vs label columns ${(score.columnBytes / 2 ** 20).toFixed(0)} MiB -> ${(score.maxRssBytes / score.columnBytes).toFixed(2)}x (target <= 2x); ` +
      `vs all shared per-row arrays (labels + one-byte fold ids, ${(score.sharedBytes / 2 ** 20).toFixed(0)} MiB) ${(score.maxRssBytes / score.sharedBytes).toFixed(2)}x; ` +
      `above the runtime's own ${(score.baselineRssBytes / 2 ** 20).toFixed(0)} MiB (Node + warm pool): ${((score.maxRssBytes - score.baselineRssBytes) / score.columnBytes).toFixed(2)}x the label columns`,
  );

  const file = parquetFile();
  const loads = [];
  for (let r = 0; r < 3; r++) {
    const start = performance.now();
    const table = await loadColumns(file, { columns: { y_true: 'label', y_pred: 'label' } });
    loads.push(performance.now() - start);
    if (table.n !== N) throw new Error(`loaded ${table.n} rows, expected ${N}`);
  }
  loads.sort((a, b) => a - b);
  const loadMs = loads[1];
  console.log(
    `load Parquet (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB, 2 Int32 columns): ${(loadMs / 1000).toFixed(2)} s median of 3 -> ${(((N / loadMs) * 1000) / 1e6).toFixed(1)} M rows/s`,
  );

  const py = spawnSync('/usr/bin/python3', [join(here, '..', 'python', 'runner.py'), String(N)], {
    encoding: 'utf8',
  });
  if (py.status === 0) {
    const sk = JSON.parse(py.stdout.trim().split('\n').pop());
    console.log(
      `scikit-learn StratifiedKFold(5) + accuracy + f1_macro + confusion_matrix per fold: ${sk.cv_seconds.toFixed(2)} s ` +
        `(split ${sk.split_seconds.toFixed(2)} s) vs assay ${(score.cvOnlyMs / 1000).toFixed(2)} s without bootstrap -> ` +
        `${(sk.cv_seconds / (score.cvOnlyMs / 1000)).toFixed(2)}x faster; with the 1000-resample bootstrap assay takes ` +
        `${(score.allMs / 1000).toFixed(2)} s = ${(score.allMs / 1000 / sk.cv_seconds).toFixed(2)}x scikit-learn's time without one`,
    );
  } else {
    console.log(
      'scikit-learn peer skipped: /usr/bin/python3 cannot run benchmarks/python/runner.py',
    );
  }
}

if (process.argv.includes('--score-child')) await child();
else await main();
