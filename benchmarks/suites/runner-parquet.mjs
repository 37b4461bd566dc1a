// Reading Parquet (@assay/runner's loadColumns, issue 14): Assay's own page decoder against
// the hyparquet path it replaced for flat numeric columns (ASSAY_PARQUET_READER=hyparquet),
// in the same process and the same rounds, on N rows (default 20M) of hyparquet-writer
// files: two REQUIRED INT32 label columns (dictionary-encoded, Snappy: the file of the
// runner suite's Parquet row), the same columns PLAIN-encoded, the same columns OPTIONAL with
// 5% nulls, and one REQUIRED DOUBLE score column (PLAIN). Wall-time ratios swing on a busy
// host; the ratio of the process's CPU time per load is printed beside them.
// Run: pnpm build && pnpm bench runner-parquet   (BENCH_ROWS=2000000 for a quick look)
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadColumns } from '@assay/runner';
import { parquetWriteBuffer } from 'hyparquet-writer';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '.data');
const N = Number(process.env.BENCH_ROWS ?? 20_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const K = 10;

function xorshift() {
  let s = 0x2545f491 | 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

/** The runner suite's columns: 10 classes, predictions 70% right. */
function labelColumns(nulls) {
  const next = xorshift();
  const yTrue = nulls ? new Array(N) : new Int32Array(N);
  const yPred = nulls ? new Array(N) : new Int32Array(N);
  for (let i = 0; i < N; i++) {
    const t = next() % K;
    yTrue[i] = t;
    yPred[i] = next() % 10 < 7 ? t : next() % K;
    if (nulls && next() % 20 === 0) yTrue[i] = null;
    if (nulls && next() % 20 === 0) yPred[i] = null;
  }
  return { yTrue, yPred };
}

function write(path, columnData) {
  if (existsSync(path)) return path;
  const bytes = parquetWriteBuffer({ columnData, rowGroupSize: 1_000_000 });
  writeFileSync(path, new Uint8Array(bytes));
  return path;
}

function files() {
  mkdirSync(dataDir, { recursive: true });
  const base = join(dataDir, `parquet-${N}`);
  const int32 = (name, data, nullable, encoding) => ({
    name,
    data,
    type: 'INT32',
    nullable,
    ...(encoding ? { encoding } : {}),
  });
  const out = [];
  const cases = [
    ['REQUIRED INT32, dictionary', 'required-dict', false, undefined],
    ['REQUIRED INT32, PLAIN', 'required-plain', false, 'PLAIN'],
    ['OPTIONAL INT32 (5% null), dictionary', 'optional-dict', true, undefined],
  ];
  for (const [title, name, nulls, encoding] of cases) {
    const path = `${base}-${name}.parquet`;
    if (!existsSync(path)) {
      const { yTrue, yPred } = labelColumns(nulls);
      write(path, [
        int32('y_true', yTrue, nulls, encoding),
        int32('y_pred', yPred, nulls, encoding),
      ]);
    }
    out.push({ title, path, columns: { y_true: 'label', y_pred: 'label' } });
  }
  const scorePath = `${base}-score.parquet`;
  if (!existsSync(scorePath)) {
    const next = xorshift();
    const score = new Float64Array(N);
    for (let i = 0; i < N; i++) score[i] = next() / 4294967296;
    write(scorePath, [{ name: 'score', data: score, type: 'DOUBLE', nullable: false }]);
  }
  out.push({ title: 'REQUIRED DOUBLE, PLAIN', path: scorePath, columns: { score: 'number' } });
  return out;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function timeLoad(file, reader) {
  if (reader === 'hyparquet') process.env.ASSAY_PARQUET_READER = 'hyparquet';
  else delete process.env.ASSAY_PARQUET_READER;
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const table = await loadColumns(file.path, { columns: file.columns });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (table.n !== N) throw new Error(`loaded ${table.n} rows of ${file.path}, expected ${N}`);
  return { ms, cpuMs: (used.user + used.system) / 1000, table };
}

/** Same codes, dictionaries and values from both readers. */
function same(a, b) {
  for (const [name, x] of a.columns) {
    const y = b.columns.get(name);
    const xs = x.kind === 'number' ? x.values : x.codes;
    const ys = y.kind === 'number' ? y.values : y.codes;
    if (xs.length !== ys.length) return false;
    for (let i = 0; i < xs.length; i++) if (!Object.is(xs[i], ys[i])) return false;
    if (JSON.stringify(x.dictionary) !== JSON.stringify(y.dictionary)) return false;
  }
  return true;
}

const rate = (ms) => `${(((N / ms) * 1000) / 1e6).toFixed(1)} M rows/s`;
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');

console.log(
  `runner-parquet: ${N.toLocaleString('en-US')} rows, ${ROUNDS} rounds, load average ${load()}`,
);
for (const file of files()) {
  const fast = [];
  const slow = [];
  const ratios = [];
  const cpuRatios = [];
  let identical = true;
  // one untimed load each, so that neither reader pays the module and JIT warm-up
  await timeLoad(file, 'fast');
  await timeLoad(file, 'hyparquet');
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ['fast', 'hyparquet'] : ['hyparquet', 'fast'];
    const got = {};
    for (const reader of order) got[reader] = await timeLoad(file, reader);
    fast.push(got.fast.ms);
    slow.push(got.hyparquet.ms);
    ratios.push(got.hyparquet.ms / got.fast.ms);
    cpuRatios.push(got.hyparquet.cpuMs / got.fast.cpuMs);
    identical &&= same(got.fast.table, got.hyparquet.table);
  }
  const mib = (statSync(file.path).size / 2 ** 20).toFixed(0);
  console.log(
    `${file.title} (${mib} MiB): Assay decoder ${(median(fast) / 1000).toFixed(2)} s = ${rate(median(fast))}; ` +
      `hyparquet path ${(median(slow) / 1000).toFixed(2)} s = ${rate(median(slow))} -> ` +
      `${median(ratios).toFixed(2)}x (median of per-round ratios, range ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}x; in CPU time ${median(cpuRatios).toFixed(2)}x); identical columns: ${identical}`,
  );
}
delete process.env.ASSAY_PARQUET_READER;
console.log(`load average after: ${load()}`);
