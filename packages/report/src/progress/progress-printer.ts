/** Live counters of one model's requests, for progress display. */
export interface ModelProgress {
  /** model name */
  model: string;
  /** distinct requests this run needs */
  total: number;
  /** finished (from the journal or just now), answered or failed */
  done: number;
  /** taken from the journal without sending */
  resumed: number;
  /** failed after retries */
  errors: number;
  /** USD spent so far (known prices only) */
  costUsd: number;
  /** `performance.now()` when sending began */
  startedAt: number;
}

/** Options of {@link createProgressPrinter}. */
export interface ProgressPrinterOptions {
  /** where to write (default `process.stderr`) */
  stream?: NodeJS.WriteStream;
  /** print nothing */
  quiet?: boolean;
  /** redraw in place (default: `stream.isTTY`) */
  tty?: boolean;
  /** seconds between plain lines when not a TTY (default 5) */
  intervalS?: number;
}

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60
    ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s`
    : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

function line(p: ModelProgress, now: number): string {
  const sent = p.done - p.resumed;
  const elapsed = (now - p.startedAt) / 1000;
  const rate = elapsed > 0 ? sent / elapsed : 0;
  const left = p.total - p.done;
  const pct = p.total === 0 ? 100 : (100 * p.done) / p.total;
  const width = 20;
  const filled = Math.round((pct / 100) * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  return `${p.model.padEnd(16).slice(0, 16)} ${bar} ${String(p.done).padStart(6)}/${p.total} ${pct.toFixed(0).padStart(3)}%  ${rate.toFixed(1)} done/s  ETA ${left === 0 ? '0s' : sent < 5 || elapsed < 1 ? '…' : duration(left / rate)}  errors ${p.errors}${p.resumed > 0 ? `  resumed ${p.resumed}` : ''}${p.costUsd > 0 ? `  $${p.costUsd.toFixed(4)}` : ''}`;
}

/**
 * A live progress display for `assay run` on stderr: per model done/total,
 * rate, ETA, errors and spend. On a TTY it redraws in place (at most 10 times
 * a second); otherwise it prints plain lines every few seconds.
 *
 * @remarks The rate is labelled `done/s`: it counts every request finished since sending
 * began, failed ones too, while a summary's `req/s` counts the service's answers over the
 * sending's wall time; two figures under one label read as a contradiction (30.1 while
 * running, 18.4 in the summary of a run with failures).
 *
 * @param options - stream, quiet, TTY override, interval
 * @returns `update(progress)` to call on every change and `done()` to print the final state
 * @example
 * const written = [];
 * const stream = { isTTY: false, write: (text) => written.push(text) };
 * const printer = createProgressPrinter({ stream, intervalS: 5 });
 * const startedAt = performance.now();
 * printer.update([{ model: 'nb', total: 40, done: 40, resumed: 0, errors: 1, costUsd: 0, startedAt }]);
 * printer.done();
 * written.length; // 2 (the first update, and done)
 * written[0]; // 'nb               ████████████████████     40/40 100%  … done/s  ETA 0s  errors 1\n'
 */
export function createProgressPrinter(options: ProgressPrinterOptions = {}): {
  update: (progress: readonly ModelProgress[]) => void;
  done: () => void;
} {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? Boolean(stream.isTTY);
  const interval = tty ? 100 : (options.intervalS ?? 5) * 1000;
  let last = 0;
  let drawn = 0;
  let latest: readonly ModelProgress[] = [];
  const draw = (): void => {
    const now = performance.now();
    const lines = latest.map((p) => line(p, now));
    if (tty) {
      const up = drawn > 0 ? `\x1b[${drawn}A` : '';
      stream.write(`${up}${lines.map((l) => `\r\x1b[2K${l}`).join('\n')}\n`);
      drawn = lines.length;
    } else {
      stream.write(`${lines.join('\n')}\n`);
    }
  };
  return {
    update(progress) {
      if (options.quiet) return;
      latest = progress;
      const now = performance.now();
      if (now - last >= interval || last === 0) {
        last = now;
        draw();
      }
    },
    done() {
      if (options.quiet || latest.length === 0) return;
      draw();
    },
  };
}
