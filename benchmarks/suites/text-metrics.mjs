// @assay/text-metrics on N (default 100k) output/reference pairs of 20-60 words: corpus BLEU,
// corpus chrF and the mean ROUGE-L F-measure, timed on one core in-process, on a pool of one
// worker thread and on a pool of one per core (the pairs split in chunks, BLEU and chrF
// statistics merged, ROUGE-L summed in row order), and, when scratch copies of sacrebleu 2.6.0
// and rouge-score are present, the same computation in /usr/bin/python3 in the same run.
// Run: pnpm build && node benchmarks/suites/text-metrics.mjs   (BENCH_ROWS=20000 for a quick look)
// Env: ASSAY_BENCH_SACREBLEU_SRC (default /tmp/sacrebleu-src), ASSAY_BENCH_ROUGE_SRC (default
// /tmp/rouge-src), the folders that hold `sacrebleu/` and `rouge/`, built as
// packages/text-metrics/scripts/make-sacrebleu-fixtures.py and make-rouge-fixtures.py describe;
// BENCH_ROUNDS (default 5), BENCH_PEER_ROUNDS (default 1: the peer takes minutes per round).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  corpusBleu,
  corpusBleuFromStatistics,
  corpusChrf,
  corpusChrfFromStatistics,
  mergeBleuStatistics,
  mergeChrfStatistics,
  rouge,
} from '@assay/text-metrics';
import { textPairs } from '../lib/text-pairs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const N = Number(process.env.BENCH_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PEER_ROUNDS = Number(process.env.BENCH_PEER_ROUNDS ?? 1);
const CORES = availableParallelism();
const CHUNK = 500;
const SACREBLEU_SRC = process.env.ASSAY_BENCH_SACREBLEU_SRC ?? '/tmp/sacrebleu-src';
const ROUGE_SRC = process.env.ASSAY_BENCH_ROUGE_SRC ?? '/tmp/rouge-src';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const spread = (values) => `${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)}`;
const cpuMs = (since) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** Times `run` in wall and process CPU milliseconds. */
function timed(run) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start, cpuMs: cpuMs(cpu) };
}

/** The three metrics on this thread, each timed. */
function inProcess(hypotheses, references) {
  const refs = references.map((r) => [r]);
  const bleu = timed(() => corpusBleu(hypotheses, refs).score);
  const chrf = timed(() => corpusChrf(hypotheses, refs).score);
  const rougeL = timed(() => {
    let sum = 0;
    for (let i = 0; i < hypotheses.length; i++) {
      sum += rouge(hypotheses[i], references[i], { types: ['rougeL'] }).rougeL.fmeasure;
    }
    return sum / hypotheses.length;
  });
  return { bleu, chrf, rougeL, ms: bleu.ms + chrf.ms + rougeL.ms };
}

/** A pool of `size` warm worker threads, each holding the pairs. */
async function startPool(size, path) {
  const workers = Array.from(
    { length: size },
    () =>
      new Worker(join(here, '..', 'lib', 'text-metrics-worker.mjs'), {
        workerData: { path, n: N },
      }),
  );
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  const run = async () => {
    const counter = new SharedArrayBuffer(4);
    const rougeL = new SharedArrayBuffer(N * 8);
    const cpu = process.cpuUsage();
    const start = performance.now();
    const parts = await Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve, reject) => {
            worker.once('message', (part) => {
              worker.off('error', reject);
              resolve(part);
            });
            worker.once('error', reject);
            worker.postMessage({ counter, rougeL, chunk: CHUNK });
          }),
      ),
    );
    const used = parts.filter((part) => part.bleu !== null);
    const bleu = corpusBleuFromStatistics(mergeBleuStatistics(used.map((p) => p.bleu))).score;
    const chrf = corpusChrfFromStatistics(mergeChrfStatistics(used.map((p) => p.chrf))).score;
    // summed in row order, so the mean is the one the in-process loop computes
    const perPair = new Float64Array(rougeL);
    let sum = 0;
    for (let i = 0; i < N; i++) sum += perPair[i];
    const workerCpu = parts.map((part) => part.cpuMs);
    return {
      ms: performance.now() - start,
      processCpuMs: cpuMs(cpu),
      workerCpuMs: workerCpu.includes(null) ? null : workerCpu.reduce((a, b) => a + b, 0),
      bleu,
      chrf,
      rougeL: sum / N,
    };
  };
  return { run, close: () => Promise.all(workers.map((worker) => worker.terminate())) };
}

/** sacrebleu + rouge-score on the same file, when the scratch copies are there. */
function pythonPeer(path) {
  const missing = [
    [SACREBLEU_SRC, 'sacrebleu'],
    [ROUGE_SRC, 'rouge'],
  ].filter(([folder, pkg]) => !existsSync(join(folder, pkg)));
  if (missing.length > 0) {
    console.log(
      `python peer skipped: no ${missing.map(([folder, pkg]) => `${folder}/${pkg}`).join(' or ')} ` +
        '(set ASSAY_BENCH_SACREBLEU_SRC / ASSAY_BENCH_ROUGE_SRC to scratch copies built as ' +
        'packages/text-metrics/scripts/make-sacrebleu-fixtures.py and make-rouge-fixtures.py describe)',
    );
    return null;
  }
  const run = spawnSync(
    '/usr/bin/python3',
    [
      join(here, '..', 'python', 'text_metrics.py'),
      path,
      SACREBLEU_SRC,
      ROUGE_SRC,
      String(N),
      String(PEER_ROUNDS),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (run.status !== 0) {
    console.log(`python peer failed:\n${run.stderr}`);
    return null;
  }
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

/** Warm-up, then ROUNDS rounds in which in-process, 1 worker and all workers take turns. */
async function measureOurs(path, hyps, refs) {
  // warm-up: the JIT on a tenth of the pairs, then both pools once
  inProcess(hyps.slice(0, Math.ceil(N / 10)), refs.slice(0, Math.ceil(N / 10)));
  const pools = [await startPool(1, path), await startPool(CORES, path)];
  try {
    for (const pool of pools) await pool.run();
    const ours = { inProcess: [], one: [], all: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // take turns so that a noisy moment on the shared machine hits all three
      const steps = [
        () => ours.inProcess.push(inProcess(hyps, refs)),
        async () => ours.one.push(await pools[0].run()),
        async () => ours.all.push(await pools[1].run()),
      ];
      for (let k = 0; k < steps.length; k++) await steps[(k + round) % steps.length]();
    }
    return ours;
  } finally {
    await Promise.all(pools.map((pool) => pool.close()));
  }
}

function reportOurs(ours, values) {
  const same = [...ours.one, ...ours.all].every(
    (r) => r.bleu === values.bleu && r.chrf === values.chrf && r.rougeL === values.rougeL,
  );
  const perPair = (ms) => `${((ms * 1000) / N).toFixed(1)} µs/pair`;
  const row = (label, runs, pick) => {
    const ms = runs.map(pick);
    return `  ${label.padEnd(38)} ${(median(ms) / 1000).toFixed(2)} s (${perPair(median(ms))}; rounds ${spread(ms.map((m) => m / 1000))} s)`;
  };
  console.log(`ours, median of ${ROUNDS} interleaved rounds:`);
  console.log(row('in-process BLEU', ours.inProcess, (r) => r.bleu.ms));
  console.log(row('in-process chrF', ours.inProcess, (r) => r.chrf.ms));
  console.log(row('in-process ROUGE-L', ours.inProcess, (r) => r.rougeL.ms));
  console.log(row('in-process BLEU + chrF + ROUGE-L', ours.inProcess, (r) => r.ms));
  console.log(
    `  ${'  (CPU of the same)'.padEnd(38)} ${(median(ours.inProcess.map((r) => r.bleu.cpuMs + r.chrf.cpuMs + r.rougeL.cpuMs)) / 1000).toFixed(2)} s`,
  );
  console.log(row('pool of 1 worker thread', ours.one, (r) => r.ms));
  console.log(row(`pool of ${CORES} worker threads`, ours.all, (r) => r.ms));
  const scaling = ours.one.map((r, i) => r.ms / ours.all[i].ms);
  const overInProcess = ours.inProcess.map((r, i) => r.ms / ours.all[i].ms);
  console.log(
    `  1 -> ${CORES} workers: ${median(scaling).toFixed(2)}x (median of per-round ratios, range ${spread(scaling)}x; target >= 1.7x on 2 cores); ` +
      `in-process -> ${CORES} workers: ${median(overInProcess).toFixed(2)}x (range ${spread(overInProcess)}x)`,
  );
  const cpuOf = (runs, key) =>
    runs.some((r) => r[key] === null) ? null : median(runs.map((r) => r[key]));
  const workerCpu = [cpuOf(ours.one, 'workerCpuMs'), cpuOf(ours.all, 'workerCpuMs')];
  if (workerCpu[0] !== null) {
    console.log(
      `  CPU per job (median): the worker threads ${(workerCpu[0] / 1000).toFixed(2)} s with 1, ${(workerCpu[1] / 1000).toFixed(2)} s with ${CORES} ` +
        `(x${(workerCpu[1] / workerCpu[0]).toFixed(2)}); the whole process ${(cpuOf(ours.one, 'processCpuMs') / 1000).toFixed(2)} s / ` +
        `${(cpuOf(ours.all, 'processCpuMs') / 1000).toFixed(2)} s (GC helper threads included); ` +
        `wall ${CORES} workers / (worker CPU / ${CORES}) = ${(median(ours.all.map((r) => r.ms)) / (workerCpu[1] / CORES)).toFixed(2)} (1.00 when every worker had a core of its own)`,
    );
  }
  console.log(
    `  scores: BLEU ${values.bleu}, chrF ${values.chrf}, ROUGE-L F ${values.rougeL}; pools equal to in-process: ${same}`,
  );
}

function reportPeer(peer, ours, values) {
  const py = (key) => median(peer.runs.map((r) => r[key] * 1000));
  const mine = (pick) => median(ours.inProcess.map(pick));
  const ratio = (theirs, mineMs) => `${(theirs / mineMs).toFixed(1)}x`;
  console.log(
    `sacrebleu ${peer.sacrebleu} + rouge-score in /usr/bin/python3, one core, median of ${peer.runs.length} (wall / CPU):`,
  );
  for (const [label, key, metric] of [
    ['corpus_bleu', 'bleu', 'bleu'],
    ['corpus_chrf', 'chrf', 'chrf'],
    ['RougeScorer(["rougeL"]).score', 'rouge_l', 'rougeL'],
  ]) {
    console.log(
      `  ${label.padEnd(30)} ${(py(`${key}_s`) / 1000).toFixed(1)} s / ${(py(`${key}_cpu_s`) / 1000).toFixed(1)} s -> ` +
        `ours ${ratio(
          py(`${key}_s`),
          mine((r) => r[metric].ms),
        )} faster (CPU ${ratio(
          py(`${key}_cpu_s`),
          mine((r) => r[metric].cpuMs),
        )})`,
    );
  }
  const pyTotal = py('bleu_s') + py('chrf_s') + py('rouge_l_s');
  const pyCpu = py('bleu_cpu_s') + py('chrf_cpu_s') + py('rouge_l_cpu_s');
  const mineTotal = mine((r) => r.bleu.ms) + mine((r) => r.chrf.ms) + mine((r) => r.rougeL.ms);
  const mineCpu =
    mine((r) => r.bleu.cpuMs) + mine((r) => r.chrf.cpuMs) + mine((r) => r.rougeL.cpuMs);
  console.log(
    `  BLEU + chrF + ROUGE-L: ${(pyTotal / 1000).toFixed(1)} s / ${(pyCpu / 1000).toFixed(1)} s -> ours in-process ${ratio(pyTotal, mineTotal)} faster ` +
      `(CPU ${ratio(pyCpu, mineCpu)}; target >= 5x on one core), ${CORES} workers ${ratio(pyTotal, median(ours.all.map((r) => r.ms)))}`,
  );
  const close = (a, b, tolerance) => Math.abs(a - b) <= tolerance;
  console.log(
    `  same scores as the peer: BLEU ${close(peer.bleu, values.bleu, 1e-6)}, chrF ${close(peer.chrf, values.chrf, 1e-6)}, ` +
      `ROUGE-L ${close(peer.rouge_l, values.rougeL, 1e-9)} (BLEU ${peer.bleu}, chrF ${peer.chrf}, ROUGE-L ${peer.rouge_l})`,
  );
}

async function main() {
  const { path, hypotheses, references } = textPairs(join(here, '..', '.data'), N);
  const hyps = hypotheses.slice(0, N);
  const refs = references.slice(0, N);
  const words = hyps.reduce((sum, h) => sum + h.split(' ').length, 0) / N;
  console.log(
    `text-metrics: ${N.toLocaleString('en-US')} pairs (outputs ${words.toFixed(1)} words on average), ` +
      `${CORES} cores, load average ${loadavg()[0].toFixed(1)}`,
  );
  const ours = await measureOurs(path, hyps, refs);
  const last = ours.inProcess.at(-1);
  const values = { bleu: last.bleu.value, chrf: last.chrf.value, rougeL: last.rougeL.value };
  reportOurs(ours, values);
  const peer = pythonPeer(path);
  if (peer !== null) reportPeer(peer, ours, values);
}

await main();
