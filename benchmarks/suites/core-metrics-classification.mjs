// Classification label metrics of @assay/core-metrics vs scikit-learn 1.2 and numpy
// bincount, on the same data: N rows, K = 10 classes, Int32 labels, ~30% errors.
// Run: pnpm --filter @assay/core-metrics build && node benchmarks/suites/core-metrics-classification.mjs
// BENCH_ROWS=200000 shrinks the sizes (comma-separated list) for a quick look.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accumulateConfusion, accuracyScore, confusionMatrix, f1Score } from '@assay/core-metrics';
import { havePythonPeers, runPythonPeer } from '../lib/python-peer.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '.data');
const pythonScript = join(here, '..', 'python', 'core_metrics_classification.py');
const K = 10;
const sizes = (process.env.BENCH_ROWS ?? '1000000,10000000').split(',').map(Number);
const REPEATS = 9;

/** Deterministic data: xorshift32 labels, 30% of predictions replaced at random. */
function makeData(n) {
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  let s = 0x9e3779b9 | 0;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  for (let i = 0; i < n; i++) {
    const t = next() % K;
    yTrue[i] = t;
    yPred[i] = next() % 10 < 3 ? next() % K : t;
  }
  return { yTrue, yPred };
}

function loadOrWrite(n) {
  mkdirSync(dataDir, { recursive: true });
  const truePath = join(dataDir, `classification-${n}-true.i32`);
  const predPath = join(dataDir, `classification-${n}-pred.i32`);
  if (!existsSync(truePath) || !existsSync(predPath)) {
    const { yTrue, yPred } = makeData(n);
    writeFileSync(truePath, Buffer.from(yTrue.buffer));
    writeFileSync(predPath, Buffer.from(yPred.buffer));
  }
  const read = (path) => {
    const bytes = readFileSync(path);
    return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice();
  };
  return { yTrue: read(truePath), yPred: read(predPath) };
}

function medianMs(fn) {
  fn();
  fn();
  const times = [];
  for (let r = 0; r < REPEATS; r++) {
    globalThis.gc?.();
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const havePeers = havePythonPeers();

/** Times the peers on the data of one size, right after ours, so both see the same load. */
function timePeers(n) {
  return runPythonPeer(pythonScript, [dataDir, String(K), String(n)]);
}

const ours = {};
let peers = null;
let sink = 0;
for (const n of sizes) {
  const { yTrue, yPred } = loadOrWrite(n);
  ours[n] = {
    confusionMatrix: medianMs(() => {
      sink += confusionMatrix(yTrue, yPred)[0][0];
    }),
    'f1Score macro': medianMs(() => {
      sink += f1Score(yTrue, yPred, { average: 'macro' });
    }),
    accuracyScore: medianMs(() => {
      sink += accuracyScore(yTrue, yPred);
    }),
    'accumulateConfusion kernel': medianMs(() => {
      const counts = new Float64Array(K * K);
      accumulateConfusion(counts, K, yTrue, yPred, null, 0, n);
      sink += counts[0];
    }),
  };
  if (havePeers) {
    const result = timePeers(n);
    if (result !== null) {
      peers ??= { sklearn: result.sklearn, numpy: result.numpy, sizes: {} };
      Object.assign(peers.sizes, result.sizes);
    }
  }
}

const fmt = (v, digits = 1) => (v === undefined ? '-' : v.toFixed(digits));
console.log(
  `core-metrics classification, K = ${K}, one core, median of ${REPEATS}` +
    (peers ? ` (peers: scikit-learn ${peers.sklearn}, numpy ${peers.numpy})` : ''),
);
const header = ['rows', 'function', 'ours ms', 'sklearn ms', 'sklearn/ours', 'ours/numpy bincount'];
const rows = [header];
for (const n of sizes) {
  const peer = peers?.sizes[String(n)];
  const bincount = peer?.['numpy bincount'];
  for (const [name, ms] of Object.entries(ours[n])) {
    const sk = peer?.[name];
    rows.push([
      n.toLocaleString('en-US'),
      name,
      fmt(ms),
      fmt(sk),
      sk === undefined ? '-' : `${fmt(sk / ms, 0)}x`,
      bincount === undefined ? '-' : `${fmt(ms / bincount, 2)}x`,
    ]);
  }
  if (bincount !== undefined) {
    rows.push([
      n.toLocaleString('en-US'),
      'numpy bincount(yt*K+yp)',
      '-',
      fmt(bincount),
      '-',
      '1.00x',
    ]);
  }
}
const widths = header.map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
for (const r of rows)
  console.log(
    r
      .map((v, c) => String(v).padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  );
if (sink === 0.5) console.log('');
