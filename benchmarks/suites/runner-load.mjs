// Reading prediction files (@assay/runner's loadColumns) against pandas in the same run:
// a 2M-row CSV / TSV / JSONL (label,prediction,score) against pandas.read_csv and
// read_json(lines=True) (CSV and TSV also on a 2-worker runner, as `assay score` reads them), a 10M-row Arrow IPC file (two int32 columns) against a plain read
// of its bytes, peak RSS against the loaded columns' bytes, and `assay score` end to end
// with 1 and 2 workers (wall time, timing.loadMs / computeMs, identical JSON).
// Run: pnpm build && pnpm bench runner-load   (BENCH_ROWS=200000 for a quick look)
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '.data');
const cli = join(here, '..', '..', 'apps', 'cli', 'dist', 'bin.js');
const N = Number(process.env.BENCH_ROWS ?? 2_000_000);
const ARROW_N = N * 5;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TEXT_COLUMNS = { label: 'auto', prediction: 'auto', score: 'number' };
const ARROW_COLUMNS = { y_true: 'auto', y_pred: 'auto' };

function xorshift() {
  let s = 0x2545f491 | 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

/** The files: binary labels, 80% right predictions, a score; and 10 classes in Arrow. */
async function files() {
  mkdirSync(dataDir, { recursive: true });
  const base = join(dataDir, `load-${N}`);
  const paths = {
    csv: `${base}.csv`,
    tsv: `${base}.tsv`,
    jsonl: `${base}.jsonl`,
    arrow: join(dataDir, `load-${ARROW_N}.arrow`),
  };
  if (!existsSync(paths.jsonl)) {
    const next = xorshift();
    const csv = ['label,prediction,score\n'];
    const jsonl = [];
    for (let i = 0; i < N; i++) {
      const t = next() & 1;
      const p = next() % 10 < 8 ? t : 1 - t;
      const u = next() / 4294967296 - 0.5;
      const score = Math.min(1, Math.max(0, (t ? 0.62 : 0.38) + u * 0.8)).toFixed(6);
      csv.push(`${t},${p},${score}\n`);
      jsonl.push(`{"label":${t},"prediction":${p},"score":${score}}\n`);
    }
    const text = csv.join('');
    writeFileSync(paths.csv, text);
    writeFileSync(paths.tsv, text.replaceAll(',', '\t'));
    writeFileSync(paths.jsonl, jsonl.join(''));
  }
  if (!existsSync(paths.arrow)) {
    const next = xorshift();
    const y = new Int32Array(ARROW_N);
    const p = new Int32Array(ARROW_N);
    for (let i = 0; i < ARROW_N; i++) {
      y[i] = next() % 10;
      p[i] = next() % 10 < 7 ? y[i] : next() % 10;
    }
    // imported here only: the load children run this module, and their peak RSS must not
    // carry a module the CSV reader does not use
    const { makeTable, tableToIPC } = await import('apache-arrow');
    writeFileSync(paths.arrow, tableToIPC(makeTable({ y_true: y, y_pred: p }), 'file'));
  }
  return paths;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Child: one load in a fresh process, for its time, CPU time (every thread) and peak RSS;
 * with workers > 0 on a runner started just before, as `assay score` does (`warm`: the
 * timer starts once the workers have booted, as for a library caller's long-lived runner).
 */
async function child(file, columnsJson, workers, warm) {
  const columns = JSON.parse(columnsJson);
  // a load alone imports the readers' entry (as a caller that only reads would), a load on a
  // runner the whole package; BENCH_LOAD_ENTRY=index imports the whole package for both
  const { createRunner } = workers > 0 ? await import('@assay/runner') : {};
  const { loadColumns } = await import(
    workers > 0 || process.env.BENCH_LOAD_ENTRY === 'index' ? '@assay/runner' : '@assay/runner/load'
  );
  const runner = workers > 0 ? createRunner({ workers }) : undefined;
  runner?.start();
  if (warm)
    await runner.scorePredictions({ yTrue: [0, 1], yPred: [0, 1] }, { metrics: ['accuracy'] });
  const cpu = process.cpuUsage();
  const start = performance.now();
  const table = await loadColumns(file, { columns, runner });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  await runner?.close();
  let columnBytes = 0;
  for (const column of table.columns.values()) {
    columnBytes += column.kind === 'number' ? column.values.byteLength : column.codes.byteLength;
  }
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs, n: table.n, columnBytes, maxRssBytes })}\n`);
}

function loadInChild(file, columns, workers = 0) {
  const run = spawnSync(
    process.execPath,
    [
      fileURLToPath(import.meta.url),
      '--load-child',
      file,
      JSON.stringify(columns),
      String(workers),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (run.status !== 0) throw new Error(`load child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

function pandasSeconds(kind, file) {
  const run = spawnSync(
    '/usr/bin/python3',
    [join(here, '..', 'python', 'load_files.py'), kind, file, '1'],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) return null;
  return JSON.parse(run.stdout).seconds[0] * 1000;
}

/** Ours (fresh process) and pandas take turns; the ratio is the median of the per-round ratios. */
function textFormat(kind, file) {
  const ours = [];
  const peer = [];
  const pooled = [];
  const warmed = [];
  const oursCpu = [];
  let last;
  let lastPool;
  for (let r = 0; r < ROUNDS; r++) {
    last = loadInChild(file, TEXT_COLUMNS);
    ours.push(last.ms);
    oursCpu.push(last.cpuMs);
    if (kind !== 'jsonl') {
      lastPool = loadInChild(file, TEXT_COLUMNS, 2);
      pooled.push(lastPool);
      warmed.push(loadInChild(file, TEXT_COLUMNS, 2, true));
    }
    const p = pandasSeconds(kind, file);
    if (p !== null) peer.push(p);
  }
  const pandasName = kind === 'jsonl' ? 'pandas.read_json(lines=True)' : 'pandas.read_csv';
  const ratio = peer.length === ours.length ? median(ours.map((o, i) => peer[i] / o)) : Number.NaN;
  console.log(
    `load ${kind.toUpperCase()} ${N.toLocaleString('en-US')} rows: assay ${fmt(median(ours))} (CPU ${fmt(median(oursCpu))}), ${pandasName} ${peer.length > 0 ? fmt(median(peer)) : 'n/a'} ` +
      `-> assay is ${ratio.toFixed(2)}x pandas' speed (target >= 1); peak RSS ${(last.maxRssBytes / 2 ** 20).toFixed(0)} MiB ` +
      `= ${(last.maxRssBytes / last.columnBytes).toFixed(2)}x the ${(last.columnBytes / 2 ** 20).toFixed(0)} MiB of columns (target <= 2.5x)`,
  );
  if (pooled.length === 0) return;
  const poolMs = pooled.map((run) => run.ms);
  const vsPandas =
    peer.length === poolMs.length ? median(poolMs.map((o, i) => peer[i] / o)) : Number.NaN;
  console.log(
    `load ${kind.toUpperCase()} on a 2-worker runner (started just before, as assay score does): ${fmt(median(poolMs))} ` +
      `(CPU ${fmt(median(pooled.map((run) => run.cpuMs)))}, all threads) -> ${vsPandas.toFixed(2)}x pandas' speed (target >= 1, moonshot 2), ` +
      `${median(poolMs.map((o, i) => ours[i] / o)).toFixed(2)}x the sequential reader's; peak RSS ${(lastPool.maxRssBytes / 2 ** 20).toFixed(0)} MiB ` +
      `= ${(lastPool.maxRssBytes / lastPool.columnBytes).toFixed(2)}x the columns (target <= 2.5x)`,
  );
  const warmMs = warmed.map((run) => run.ms);
  console.log(
    `load ${kind.toUpperCase()} on a warm 2-worker runner (workers booted before the timer): ${fmt(median(warmMs))} ` +
      `(CPU ${fmt(median(warmed.map((run) => run.cpuMs)))}) -> ${median(warmMs.map((o, i) => peer[i] / o)).toFixed(2)}x pandas' speed, ` +
      `${median(warmMs.map((o, i) => ours[i] / o)).toFixed(2)}x the sequential reader's`,
  );
}

function arrowFormat(file) {
  const ours = [];
  const plain = [];
  let last;
  for (let r = 0; r < ROUNDS; r++) {
    last = loadInChild(file, ARROW_COLUMNS);
    ours.push(last.ms);
    const start = performance.now();
    readFileSync(file);
    plain.push(performance.now() - start);
  }
  console.log(
    `load Arrow IPC ${ARROW_N.toLocaleString('en-US')} rows x 2 int32: assay ${fmt(median(ours))}, plain readFileSync ${fmt(median(plain))} ` +
      `-> ${median(ours.map((o, i) => o / plain[i])).toFixed(2)}x the byte read (target <= 4x, moonshot 2x); peak RSS ` +
      `${(last.maxRssBytes / 2 ** 20).toFixed(0)} MiB = ${(last.maxRssBytes / last.columnBytes).toFixed(2)}x the ${(last.columnBytes / 2 ** 20).toFixed(0)} MiB of columns (target <= 2.5x)`,
  );
}

function scoreCli(file, args, workers) {
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    [cli, 'score', file, ...args, '--workers', String(workers), '--format', 'json', '--quiet'],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const wallMs = performance.now() - start;
  if (run.status !== 0) throw new Error(`assay score failed: ${run.stderr}`);
  const report = JSON.parse(run.stdout);
  const timing = report.timing;
  report.timing = null;
  return { wallMs, timing, json: JSON.stringify(report) };
}

function endToEnd(name, file, args) {
  const runs = [[], []];
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? [1, 2] : [2, 1];
    for (const w of order) runs[w - 1].push(scoreCli(file, args, w));
  }
  const same = runs.flat().every((run) => run.json === runs[0][0].json);
  const pick = (w, f) => median(runs[w].map(f));
  const ratio = (f) => median(runs[1].map((run, i) => f(run) / f(runs[0][i])));
  console.log(
    `assay score ${name} ${args.join(' ')}: wall 1 worker ${fmt(pick(0, (x) => x.wallMs))}, 2 workers ${fmt(pick(1, (x) => x.wallMs))} ` +
      `-> 2/1 = ${ratio((x) => x.wallMs).toFixed(2)}x; loadMs ${fmt(pick(0, (x) => x.timing.loadMs))} / ${fmt(pick(1, (x) => x.timing.loadMs))}; ` +
      `computeMs ${fmt(pick(0, (x) => x.timing.computeMs))} / ${fmt(pick(1, (x) => x.timing.computeMs))} -> 2/1 = ${ratio((x) => x.timing.computeMs).toFixed(2)}x; ` +
      `identical JSON for 1 and 2 workers: ${same}`,
  );
}

/**
 * The command line's own start: `assay --help`, and `assay score` on a 1,000-row CSV (the
 * modules a scoring run loads, with next to no data), against a bare `node -e ''` (the floor
 * no command can go below), alternating, median of the per-round ratios.
 *
 * @param csv - the 2M-row CSV, whose first 1,000 rows make the small file
 */
function cliStart(csv) {
  const small = join(dataDir, 'score-1000.csv');
  if (!existsSync(small)) {
    const head = Buffer.alloc(1 << 16);
    const fd = openSync(csv, 'r');
    readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    const lines = head.toString('utf8').split('\n');
    writeFileSync(small, `${lines.slice(0, 1001).join('\n')}\n`);
  }
  const wall = (args) => {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
    return performance.now() - start;
  };
  const ours = [];
  const scored = [];
  const bare = [];
  const score = [cli, 'score', small, '--y-true', 'label', '--y-pred', 'prediction', '--quiet'];
  for (let r = 0; r < 2 * ROUNDS; r++) {
    bare.push(wall(['-e', '']));
    ours.push(wall([cli, '--help']));
    scored.push(wall(score));
  }
  console.log(
    `assay --help (the command line's start-up): ${fmt(median(ours))}, bare node -e '' ${fmt(median(bare))} ` +
      `-> ${median(ours.map((o, i) => o / bare[i])).toFixed(2)}x the bare start`,
  );
  console.log(
    `assay score on 1,000 CSV rows (the modules a scoring run loads): ${fmt(median(scored))} ` +
      `-> ${median(scored.map((o, i) => o / bare[i])).toFixed(2)}x the bare start`,
  );
}

async function main() {
  const paths = await files();
  console.log(
    `runner-load: ${N.toLocaleString('en-US')}-row text files, ${ARROW_N.toLocaleString('en-US')}-row Arrow file; ` +
      `${availableParallelism()} cores (CSV/TSV on a 2-worker runner use the pool only with 3 or more); ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (ratios are per round, same run)`,
  );
  // BENCH_PARTS=csv,tsv,score-csv (for example) runs only those parts
  const parts = (
    process.env.BENCH_PARTS ?? 'csv,tsv,jsonl,arrow,cli-start,score-csv,score-arrow'
  ).split(',');
  for (const kind of ['csv', 'tsv', 'jsonl'])
    if (parts.includes(kind)) textFormat(kind, paths[kind]);
  if (parts.includes('arrow')) arrowFormat(paths.arrow);
  if (parts.includes('cli-start')) cliStart(paths.csv);
  const job = ['--cv', 'stratified:5', '--bootstrap', '1000'];
  if (parts.includes('score-csv')) {
    endToEnd('CSV', paths.csv, ['--y-true', 'label', '--y-pred', 'prediction', ...job]);
  }
  if (parts.includes('score-arrow')) {
    endToEnd('Arrow', paths.arrow, ['--y-true', 'y_true', '--y-pred', 'y_pred', ...job]);
  }
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

const at = process.argv.indexOf('--load-child');
if (at >= 0) {
  const [file, columns, workers, mode] = process.argv.slice(at + 1);
  await child(file, columns, Number(workers ?? 0), mode === 'warm');
} else await main();
