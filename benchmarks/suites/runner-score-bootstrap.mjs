// `assay score` end to end (the CLI, one process per run) with scores and a bootstrap: N rows
// (default 500,000) of a binary problem with --y-score, --slice (4 languages),
// --cv stratified:5 and --bootstrap 1000, against the same run without --y-score; the
// ranking kernels per bootstrap replicate in isolation (the sort per replicate the runner
// used before against one walk along a ranking made once), and scikit-learn's roc_auc_score
// + average_precision_score on one resample as the peer.
// Run: pnpm build && node benchmarks/suites/runner-score-bootstrap.mjs
// BENCH_ROWS=100000 shrinks the data; BENCH_ROUNDS (default 3) sets the CLI rounds;
// BENCH_BASELINE_CLI=/path/to/apps/cli/dist/bin.js also times another build of the CLI
// (e.g. a worktree of an earlier commit) on the same file and checks its intervals match;
// --kernels-only skips the CLI runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  averagePrecisionKernel,
  averagePrecisionOrderedKernel,
  inScoreOrder,
  rocAucBinaryKernel,
  rocAucOrderedKernel,
  scoreOrderKernel,
} from '@assay/core-metrics';
import { createRng } from '@assay/splitters';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { havePythonPeers, runPythonPeer } from '../lib/python-peer.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '.data');
const cli = join(here, '..', '..', 'apps', 'cli', 'dist', 'bin.js');
const N = Number(process.env.BENCH_ROWS ?? 500_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REPLICATES = 20;
const LANGS = ['de', 'en', 'es', 'fr'];

/** xorshift32 uniform in [0, 1). */
function uniform(seed) {
  let s = seed | 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Score p ~ U(0, 1) (continuous, few ties), label 1 with probability p, prediction p >= 0.5. */
function makeData(n) {
  const rnd = uniform(0x2545f491);
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  const yScore = new Float64Array(n);
  const lang = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = rnd();
    yScore[i] = p;
    yTrue[i] = rnd() < p ? 1 : 0;
    yPred[i] = p >= 0.5 ? 1 : 0;
    lang[i] = LANGS[Math.floor(rnd() * LANGS.length)];
  }
  return { yTrue, yPred, yScore, lang };
}

function dataFiles(data) {
  mkdirSync(dataDir, { recursive: true });
  const parquet = join(dataDir, `score-bootstrap-${N}.parquet`);
  const raw = join(dataDir, `score-bootstrap-${N}`);
  if (!existsSync(parquet)) {
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'y_true', data: data.yTrue, type: 'INT32', nullable: false },
        { name: 'y_pred', data: data.yPred, type: 'INT32', nullable: false },
        { name: 'y_score', data: data.yScore, type: 'DOUBLE', nullable: false },
        { name: 'lang', data: data.lang, type: 'STRING', nullable: false },
      ],
      rowGroupSize: 1 << 20,
    });
    writeFileSync(parquet, new Uint8Array(bytes));
  }
  writeFileSync(`${raw}-y.i32`, new Uint8Array(data.yTrue.buffer));
  writeFileSync(`${raw}-s.f64`, new Uint8Array(data.yScore.buffer));
  return { parquet, raw };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Times `fn` in wall and CPU milliseconds. */
function timed(fn) {
  const wall = performance.now();
  const cpu = cpuMs();
  const value = fn();
  return { value, wallMs: performance.now() - wall, cpuMs: cpuMs() - cpu };
}

/**
 * Per replicate: draw n rows as the runner does, then both ranking metrics by the sorting
 * kernels on the drawn rows (the runner's path before) and by the ordered kernels on the
 * drawn rows' multiplicities (its path now), checking they agree.
 */
function kernelsInIsolation(data) {
  const n = data.yTrue.length;
  const isPositive = Uint8Array.from(data.yTrue);
  const scores = data.yScore;
  // made once per worker thread: the ranking and the labels in ranked order
  const rank = timed(() => {
    const ranked = scoreOrderKernel(scores, null);
    return { ranked, positive: inScoreOrder(ranked, isPositive) };
  });
  const { ranked, positive } = rank.value;
  const drawn = new Uint32Array(n);
  // the runner's per-row counts: one byte a row, cleared in sequence
  const counts = new Uint8Array(n);
  const sums = { draw: [0, 0], sort: [0, 0], walk: [0, 0] };
  const add = (key, t) => {
    sums[key][0] += t.wallMs;
    sums[key][1] += t.cpuMs;
  };
  let firstDraw = null;
  let firstValues = null;
  for (let r = -2; r < REPLICATES; r++) {
    const rng = createRng(1000 + Math.max(r, 0));
    const draw = timed(() => {
      for (let i = 0; i < n; i++) drawn[i] = rng.nextInt(n);
    });
    const before = timed(() => [
      rocAucBinaryKernel(isPositive, scores, null, drawn),
      averagePrecisionKernel(isPositive, scores, null, drawn),
    ]);
    const after = timed(() => {
      for (let i = 0; i < n; i++) counts[drawn[i]]++;
      const values = [
        rocAucOrderedKernel(ranked, positive, null, counts),
        averagePrecisionOrderedKernel(ranked, positive, null, counts),
      ];
      counts.fill(0);
      return values;
    });
    if (before.value[0] !== after.value[0] || before.value[1] !== after.value[1]) {
      throw new Error(`ordered kernels differ: ${before.value} vs ${after.value}`);
    }
    if (r < 0) continue; // warm-up
    if (r === 0) {
      firstDraw = drawn.slice();
      firstValues = after.value;
    }
    add('draw', draw);
    add('sort', before);
    add('walk', after);
  }
  const per = (key) => ({ wallMs: sums[key][0] / REPLICATES, cpuMs: sums[key][1] / REPLICATES });
  return {
    rankMs: rank.wallMs,
    draw: per('draw'),
    sort: per('sort'),
    walk: per('walk'),
    firstDraw,
    firstValues,
  };
}

/** One `assay score` process: wall time, and the children's CPU time from bash's `times`. */
function runCli(bin, file, withScores) {
  const args = [
    bin,
    'score',
    file,
    '--y-true',
    'y_true',
    '--y-pred',
    'y_pred',
    ...(withScores ? ['--y-score', 'y_score'] : []),
    '--slice',
    'lang',
    '--cv',
    'stratified:5',
    '--bootstrap',
    '1000',
    '--seed',
    '7',
    '--format',
    'json',
    '--quiet',
  ];
  const start = performance.now();
  const run = spawnSync(
    'bash',
    ['-c', '"$@" >"$OUT"; rc=$?; times >&2; exit $rc', 'bash', process.execPath, ...args],
    { encoding: 'utf8', env: { ...process.env, OUT: join(dataDir, 'score-bootstrap-out.json') } },
  );
  const wallMs = performance.now() - start;
  if (run.status !== 0) throw new Error(`assay score failed (${run.status}): ${run.stderr}`);
  const [user, sys] = run.stderr.trim().split('\n').pop().split(' ').map(seconds);
  const report = JSON.parse(readFileSync(join(dataDir, 'score-bootstrap-out.json'), 'utf8'));
  return { wallMs, cpuMs: (user + sys) * 1000, computeMs: report.timing.computeMs, report };
}

/** bash `times` field, e.g. 1m2.345s, in seconds. */
function seconds(field) {
  const m = /^(\d+)m([\d.]+)s$/.exec(field);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Prints one run as it ends (a run before the change takes minutes). */
function logged(kind, run) {
  console.log(
    `  run ${kind}: ${(run.wallMs / 1000).toFixed(1)} s wall, ${(run.cpuMs / 1000).toFixed(1)} s CPU (load average ${loadavg()[0].toFixed(1)})`,
  );
  return run;
}

function cliRounds(file) {
  const baseline = process.env.BENCH_BASELINE_CLI;
  const runs = { after: [], without: [], before: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ['after', 'without'] : ['without', 'after'];
    for (const kind of order) runs[kind].push(logged(kind, runCli(cli, file, kind === 'after')));
  }
  if (baseline !== undefined) runs.before.push(logged('before', runCli(baseline, file, true)));
  return runs;
}

function summary(runs) {
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    computeMs: median(runs.map((r) => r.computeMs)),
  };
}

function printKernels(k, peer) {
  const fmt = (t) => `${t.wallMs.toFixed(1)} ms (CPU ${t.cpuMs.toFixed(1)})`;
  console.log(
    `per bootstrap replicate, ${N.toLocaleString('en-US')} rows, roc_auc + average_precision, one thread, mean of ${REPLICATES}:`,
  );
  console.log(`  draw the rows (createRng, as the runner): ${fmt(k.draw)}`);
  console.log(`  before: sorting kernels on the drawn rows: ${fmt(k.sort)}`);
  console.log(
    `  after: multiplicities + ordered kernels: ${fmt(k.walk)} (ranking made once: ${k.rankMs.toFixed(1)} ms)`,
  );
  console.log(
    `  kernels before/after: ${(k.sort.wallMs / k.walk.wallMs).toFixed(1)}x wall, ${(k.sort.cpuMs / k.walk.cpuMs).toFixed(1)}x CPU; ` +
      `replicate with its draw: ${((k.draw.wallMs + k.sort.wallMs) / (k.draw.wallMs + k.walk.wallMs)).toFixed(1)}x wall`,
  );
  if (peer !== null) {
    const ok = peer.values.every(
      (v, i) => Math.abs(v - k.firstValues[i]) <= 1e-9 * Math.abs(v) + 1e-12,
    );
    console.log(
      `  scikit-learn ${peer.sklearn} roc_auc_score + average_precision_score on a resample: ${peer.ms.toFixed(1)} ms ` +
        `-> ${(peer.ms / k.walk.wallMs).toFixed(1)}x our replicate after, ${(peer.ms / k.sort.wallMs).toFixed(1)}x before; ` +
        `same values on the same resample: ${ok}`,
    );
  }
}

function printCli(runs) {
  const fmt = (s) =>
    `${(s.wallMs / 1000).toFixed(1)} s wall, ${(s.cpuMs / 1000).toFixed(1)} s CPU, computeMs ${(s.computeMs / 1000).toFixed(1)} s`;
  const after = summary(runs.after);
  const without = summary(runs.without);
  console.log(
    `assay score, ${N.toLocaleString('en-US')} rows, --slice lang (4) --cv stratified:5 --bootstrap 1000, ${availableParallelism()} workers, median of ${ROUNDS}:`,
  );
  console.log(`  with --y-score (roc_auc among the defaults): ${fmt(after)}`);
  console.log(`  without --y-score: ${fmt(without)}`);
  console.log(
    `  with / without scores: ${(after.wallMs / without.wallMs).toFixed(1)}x wall, ${(after.cpuMs / without.cpuMs).toFixed(1)}x CPU ` +
      `(rounds: ${runs.after.map((r, i) => (r.wallMs / runs.without[i].wallMs).toFixed(1)).join(', ')})`,
  );
  if (runs.before.length > 0) {
    const before = summary(runs.before);
    const same =
      JSON.stringify(runs.before[0].report.overall) ===
        JSON.stringify(runs.after[0].report.overall) &&
      JSON.stringify(runs.before[0].report.slices) === JSON.stringify(runs.after[0].report.slices);
    console.log(
      `  baseline build with --y-score (one run): ${fmt(before)} -> before/after ${(before.wallMs / after.wallMs).toFixed(1)}x wall, ` +
        `${(before.cpuMs / after.cpuMs).toFixed(1)}x CPU; identical values and intervals: ${same}`,
    );
  }
}

async function main() {
  console.log(
    `runner-score-bootstrap: ${N.toLocaleString('en-US')} rows, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
  );
  const data = makeData(N);
  const files = dataFiles(data);
  const kernels = kernelsInIsolation(data);
  let peer = null;
  if (havePythonPeers()) {
    writeFileSync(`${files.raw}-draw.u32`, new Uint8Array(kernels.firstDraw.buffer));
    peer = runPythonPeer(join(here, '..', 'python', 'score_bootstrap.py'), [files.raw, String(N)]);
  }
  printKernels(kernels, peer);
  if (!process.argv.includes('--kernels-only')) printCli(cliRounds(files.parquet));
  console.log(`load average at the end ${loadavg()[0].toFixed(1)}`);
}

await main();
