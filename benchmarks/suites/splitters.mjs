// Splitters of @assay/splitters vs scikit-learn 1.2 on the same labels: N rows,
// K = 10 classes (skewed), Int32 labels, 5 folds.
// Run: pnpm --filter @assay/splitters build && node benchmarks/suites/splitters.mjs
// BENCH_ROWS=1000000 shrinks the sizes (comma-separated list) for a quick look.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KFold, StratifiedKFold } from '@assay/splitters';
import { havePythonPeers, runPythonPeer } from '../lib/python-peer.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '.data');
const pythonScript = join(here, '..', 'python', 'splitters.py');
const K = 10;
const FOLDS = 5;
const sizes = (process.env.BENCH_ROWS ?? '10000000').split(',').map(Number);
const REPEATS = 7;

/** Deterministic skewed labels: class c drawn with weight proportional to c + 1 (xorshift32). */
function makeLabels(n) {
  const y = new Int32Array(n);
  let s = 0x2545f491 | 0;
  const total = (K * (K + 1)) / 2;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    let r = (s >>> 0) % total;
    let c = 0;
    while (r >= c + 1) {
      r -= c + 1;
      c++;
    }
    y[i] = c;
  }
  return y;
}

function loadOrWrite(n) {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, `splitters-${n}-y.i32`);
  if (!existsSync(path)) writeFileSync(path, Buffer.from(makeLabels(n).buffer));
  const bytes = readFileSync(path);
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice();
}

/** Median wall and CPU (user + system) milliseconds: on a loaded machine CPU time is the steadier figure. */
function medianMs(fn) {
  // Two warm-up runs let V8 finish optimising the kernels before timing.
  fn();
  fn();
  const wall = [];
  const cpu = [];
  for (let r = 0; r < REPEATS; r++) {
    globalThis.gc?.();
    const usage = process.cpuUsage();
    const start = process.hrtime.bigint();
    fn();
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1e3);
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { wall: median(wall), cpu: median(cpu) };
}

let sink = 0;
const consume = (splits) => {
  for (const { train, test } of splits) sink += train.length + test.length;
};
const ours = {};
for (const n of sizes) {
  const y = loadOrWrite(n);
  const kf = new KFold({ nSplits: FOLDS });
  const kfShuffled = new KFold({ nSplits: FOLDS, shuffle: true, randomState: 0 });
  const skf = new StratifiedKFold({ nSplits: FOLDS });
  const skfShuffled = new StratifiedKFold({ nSplits: FOLDS, shuffle: true, randomState: 0 });
  ours[n] = {
    'KFold foldIds': medianMs(() => (sink += kf.foldIds({ n })[0])),
    'KFold shuffle foldIds': medianMs(() => (sink += kfShuffled.foldIds({ n })[0])),
    'StratifiedKFold foldIds': medianMs(() => (sink += skf.foldIds({ y })[0])),
    'StratifiedKFold shuffle foldIds': medianMs(() => (sink += skfShuffled.foldIds({ y })[0])),
    'KFold split (all folds)': medianMs(() => consume(kf.split({ n }))),
    'KFold shuffle split (all folds)': medianMs(() => consume(kfShuffled.split({ n }))),
    'StratifiedKFold split (all folds)': medianMs(() => consume(skf.split({ y }))),
    'StratifiedKFold shuffle split (all folds)': medianMs(() => consume(skfShuffled.split({ y }))),
  };
}

let peers = null;
if (havePythonPeers()) {
  peers = runPythonPeer(pythonScript, [dataDir, String(FOLDS), ...sizes.map(String)]);
}

// scikit-learn has no fold-id form: its peer for both rows of a case is list(cv.split(X, y)).
const peerOf = (name) => name.replace(/ (foldIds|split \(all folds\))$/, '');
const fmt = (v, digits = 1) => (v === undefined ? '-' : v.toFixed(digits));
const ratio = (peer, own) => (peer === undefined ? '-' : `${fmt(peer / own, 1)}x`);
console.log(
  `splitters, ${FOLDS} folds, K = ${K} skewed classes, one core, median of ${REPEATS}` +
    (peers
      ? ` (peer: scikit-learn ${peers.sklearn}, list(cv.split(X, y)), median of ${peers.repeats})`
      : ''),
);
const header = [
  'rows',
  'operation',
  'ours ms',
  'sklearn ms',
  'sklearn/ours',
  'ours cpu ms',
  'sklearn cpu ms',
  'cpu sklearn/ours',
];
const rows = [header];
const row = (n, name, own, peer) =>
  rows.push([
    n.toLocaleString('en-US'),
    name,
    fmt(own.wall),
    fmt(peer?.wall),
    ratio(peer?.wall, own.wall),
    fmt(own.cpu),
    fmt(peer?.cpu),
    ratio(peer?.cpu, own.cpu),
  ]);
for (const n of sizes) {
  const peer = peers?.sizes[String(n)];
  for (const [name, own] of Object.entries(ours[n])) row(n, name, own, peer?.[peerOf(name)]);
  const noHuge = peer?.['StratifiedKFold shuffle, numpy huge pages off'];
  if (noHuge !== undefined) {
    const own = ours[n]['StratifiedKFold shuffle split (all folds)'];
    row(n, 'StratifiedKFold shuffle split, numpy without huge pages', own, noHuge);
  }
}
const widths = header.map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
for (const r of rows) console.log(r.map((v, c) => String(v).padEnd(widths[c])).join('  '));
if (sink === 0.5) console.log('');
