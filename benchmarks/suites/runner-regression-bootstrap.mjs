// `assay score --task regression --bootstrap 1000` end to end (the CLI, one process per run)
// on N rows (default 200,000) of a regression CSV, with the default metrics and with
// median_absolute_error added, against scikit-learn doing the same bootstrap in a loop (numpy
// draws, the five metric functions per replicate), timed in the same run.
// Run: pnpm build && node benchmarks/suites/runner-regression-bootstrap.mjs
// BENCH_ROWS shrinks the data; BENCH_ROUNDS (default 3) sets the rounds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { havePythonPeers, runPythonPeer } from '../lib/python-peer.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '.data');
const cli = join(here, '..', '..', 'apps', 'cli', 'dist', 'bin.js');
const N = Number(process.env.BENCH_ROWS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REPLICATES = 1000;
const METRICS = ['mae', 'rmse', 'r2', 'mape', 'median_absolute_error'];

/** y ~ U(0, 100) on a 0.01 grid, p = y plus noise, also on the grid (ties, as real data has). */
function writeData(path) {
  let s = 0x2545f491 | 0;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const lines = ['y,p'];
  for (let i = 0; i < N; i++) {
    const y = Math.round(next() * 10_000) / 100;
    const p = Math.round((y + (next() - 0.5) * 20) * 100) / 100;
    lines.push(`${y},${p}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function score(file, metrics) {
  const args = [cli, 'score', file, '--y-true', 'y', '--y-pred', 'p', '--task', 'regression'];
  args.push('--bootstrap', String(REPLICATES), '--format', 'json', '--quiet');
  if (metrics !== undefined) args.push('--metrics', metrics.join(','));
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`assay score failed: ${run.stderr}`);
  return { seconds, report: JSON.parse(run.stdout) };
}

function main() {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `regression-${N}.csv`);
  if (!existsSync(file)) writeData(file);
  const peers = havePythonPeers();
  console.log(
    `runner-regression-bootstrap: ${N.toLocaleString('en-US')} rows, ${REPLICATES} replicates, ` +
      `${availableParallelism()} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  const ours = { default: [], median: [] };
  const peer = [];
  let last;
  let values;
  for (let r = 0; r < ROUNDS; r++) {
    ours.default.push(score(file).seconds);
    last = score(file, METRICS);
    ours.median.push(last.seconds);
    if (peers) {
      const run = runPythonPeer(join(here, '..', 'python', 'regression_bootstrap.py'), [
        file,
        String(REPLICATES),
      ]);
      if (run !== null) {
        peer.push(run.seconds);
        values = run.values;
      }
    }
  }
  const fmt = (s) => `${s.toFixed(2)} s`;
  console.log(
    `assay score (mae, rmse, r2, mape: the defaults), whole command: ${fmt(median(ours.default))}`,
  );
  const ratio = peer.length === ROUNDS ? median(peer.map((p, i) => p / ours.median[i])) : NaN;
  console.log(
    `assay score with median_absolute_error too, whole command: ${fmt(median(ours.median))}; ` +
      `scikit-learn's bootstrap loop (the same 5 metrics, reading excluded): ` +
      `${peer.length > 0 ? fmt(median(peer)) : 'n/a'} -> assay is ${ratio.toFixed(2)}x scikit-learn's speed`,
  );
  if (values !== undefined) {
    const whole = METRICS.map((m) => last.report.overall[m].value);
    const same = whole.every((v, i) => Math.abs(v - values[i]) <= 1e-9 * Math.max(1, Math.abs(v)));
    console.log(`whole-set values equal scikit-learn's (1e-9 relative): ${same}`);
  }
}

main();
