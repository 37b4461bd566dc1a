// Score-based metrics of @assay/core-metrics vs scikit-learn 1.2 on the same data:
// binary ROC AUC, average precision and log loss on N rows, and 10-class log loss on
// an N x 10 matrix.
// Run: pnpm --filter @assay/core-metrics build && node benchmarks/suites/core-metrics-scores.mjs
// BENCH_ROWS=200000 shrinks the sizes (comma-separated list) for a quick look.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  averagePrecisionKernel,
  averagePrecisionScore,
  logLoss,
  logLossBinaryKernel,
  logLossKernel,
  rocAucBinaryKernel,
  rocAucScore,
} from '@assay/core-metrics';
import { havePythonPeers, runPythonPeer } from '../lib/python-peer.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '.data');
const pythonScript = join(here, '..', 'python', 'core_metrics_scores.py');
const K = 10;
const sizes = (process.env.BENCH_ROWS ?? '1000000,10000000').split(',').map(Number);

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

/**
 * Deterministic data. Binary: score p ~ U(0, 1), label 1 with probability p
 * (AUC ≈ 0.83, continuous scores, few ties). Multiclass: softmax of noisy
 * logits with the true class boosted.
 */
function makeData(n) {
  const rnd = uniform(0x9e3779b9);
  const y = new Int32Array(n);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = rnd();
    s[i] = p;
    y[i] = rnd() < p ? 1 : 0;
  }
  const ym = new Int32Array(n);
  const pm = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    const t = Math.floor(rnd() * K);
    ym[i] = t;
    let sum = 0;
    for (let c = 0; c < K; c++) {
      const logit = 3 * (rnd() - 0.5) + (c === t ? 1.5 : 0);
      const e = Math.exp(logit);
      pm[i * K + c] = e;
      sum += e;
    }
    for (let c = 0; c < K; c++) pm[i * K + c] /= sum;
  }
  return { y, s, ym, pm };
}

function loadOrWrite(n) {
  mkdirSync(dataDir, { recursive: true });
  const paths = {
    y: join(dataDir, `scores-${n}-y.i32`),
    s: join(dataDir, `scores-${n}-s.f64`),
    ym: join(dataDir, `scores-${n}-k${K}-y.i32`),
    pm: join(dataDir, `scores-${n}-k${K}-p.f64`),
  };
  if (!Object.values(paths).every(existsSync)) {
    const data = makeData(n);
    for (const [key, path] of Object.entries(paths)) {
      writeFileSync(path, Buffer.from(data[key].buffer));
    }
  }
  const read = (path, Type) => {
    const bytes = readFileSync(path);
    return new Type(
      bytes.buffer,
      bytes.byteOffset,
      bytes.byteLength / Type.BYTES_PER_ELEMENT,
    ).slice();
  };
  return {
    y: read(paths.y, Int32Array),
    s: read(paths.s, Float64Array),
    ym: read(paths.ym, Int32Array),
    pm: read(paths.pm, Float64Array),
  };
}

function median(fn, repeats) {
  let value = fn();
  fn();
  const times = [];
  const cpu = [];
  for (let r = 0; r < repeats; r++) {
    globalThis.gc?.();
    const startCpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    value = fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1e3);
  }
  const middle = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
  // CPU time: what a machine shared with other jobs skews least (wall time counts waits)
  return { ms: middle(times), cpuMs: middle(cpu), value };
}

const havePeers = havePythonPeers();

function timePeers(n) {
  return runPythonPeer(pythonScript, [dataDir, String(K), String(n)]);
}

const results = [];
let peerVersions = null;
for (const n of sizes) {
  const { y, s, ym, pm } = loadOrWrite(n);
  const repeats = n >= 5_000_000 ? 5 : 9;
  const isPositive = Uint8Array.from(y);
  const ours = {
    'rocAucScore binary': median(() => rocAucScore(y, s), repeats),
    averagePrecisionScore: median(() => averagePrecisionScore(y, s), repeats),
    'logLoss binary': median(() => logLoss(y, s), repeats),
    [`logLoss ${K} classes`]: median(() => logLoss(ym, pm, { nClasses: K }), repeats),
  };
  const kernels = {
    'rocAucScore binary': median(() => rocAucBinaryKernel(isPositive, s, null, null), repeats),
    averagePrecisionScore: median(() => averagePrecisionKernel(isPositive, s, null, null), repeats),
    'logLoss binary': median(
      () => logLossBinaryKernel(isPositive, s, null, null, Number.EPSILON),
      repeats,
    ),
    [`logLoss ${K} classes`]: median(
      () => logLossKernel(ym, pm, K, null, null, Number.EPSILON),
      repeats,
    ),
  };
  const peer = havePeers ? timePeers(n) : null;
  if (peer !== null) peerVersions = `scikit-learn ${peer.sklearn}, numpy ${peer.numpy}`;
  for (const name of Object.keys(ours)) {
    const sk = peer?.sizes[String(n)]?.[name];
    if (sk !== undefined) {
      const rel = Math.abs(sk.value - ours[name].value) / Math.abs(sk.value);
      if (!(rel <= 1e-9))
        console.log(`WARNING ${name} @ ${n}: ours ${ours[name].value} vs sklearn ${sk.value}`);
    }
    results.push({
      n,
      name,
      ours: ours[name].ms,
      kernel: kernels[name].ms,
      sklearn: sk?.ms,
      oursCpu: ours[name].cpuMs,
      kernelCpu: kernels[name].cpuMs,
      sklearnCpu: sk?.cpuMs,
    });
  }
}

const fmt = (v, digits = 1) => (v === undefined ? '-' : v.toFixed(digits));
const load = loadavg()
  .map((v) => v.toFixed(2))
  .join(' ');
console.log(
  `core-metrics scores, one core, median of repeats${peerVersions ? ` (peer: ${peerVersions})` : ''}, load average after: ${load}`,
);
const header = [
  'rows',
  'function',
  'ours ms',
  'kernel ms',
  'sklearn ms',
  'sklearn/ours',
  'sklearn/kernel',
  'cpu: ours',
  'kernel',
  'sklearn',
  'sklearn/ours',
  'sklearn/kernel',
];
const rows = [header];
for (const r of results) {
  rows.push([
    r.n.toLocaleString('en-US'),
    r.name,
    fmt(r.ours),
    fmt(r.kernel),
    fmt(r.sklearn),
    r.sklearn === undefined ? '-' : `${fmt(r.sklearn / r.ours)}x`,
    r.sklearn === undefined ? '-' : `${fmt(r.sklearn / r.kernel)}x`,
    fmt(r.oursCpu),
    fmt(r.kernelCpu),
    fmt(r.sklearnCpu),
    r.sklearnCpu === undefined ? '-' : `${fmt(r.sklearnCpu / r.oursCpu)}x`,
    r.sklearnCpu === undefined ? '-' : `${fmt(r.sklearnCpu / r.kernelCpu)}x`,
  ]);
}
const widths = header.map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
for (const r of rows) console.log(r.map((v, c) => String(v).padEnd(widths[c])).join('  '));
