/**
 * Progress of a long job in phases (the shape of `@assay/runner`'s `ScoreProgress`):
 * tasks done out of the phase's total.
 */
export interface PhaseProgress {
  /** What is running, e.g. `confusion`, `metrics`, `bootstrap`. */
  readonly phase: string;
  /** Tasks finished in this phase. */
  readonly done: number;
  /** Tasks in this phase. */
  readonly total: number;
}

/** A writable terminal-like stream (process.stderr). */
export interface ProgressStream {
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
  write(text: string): unknown;
}

/** Options of {@link createProgressBar}. */
export interface ProgressBarOptions {
  /** Print nothing (e.g. `--quiet`). */
  readonly quiet?: boolean | undefined;
  /** Minimum milliseconds between redraws on a TTY (default 100). */
  readonly intervalMs?: number | undefined;
  /**
   * Milliseconds between plain progress lines when the stream is not a TTY (default
   * 5000): a long job in CI or under `nohup` still shows it is alive, a short one prints
   * nothing.
   */
  readonly lineIntervalMs?: number | undefined;
  /** The clock (default `Date.now`); tests pass their own. */
  readonly now?: (() => number) | undefined;
  /** What the plain lines start with (default `assay score`). */
  readonly label?: string | undefined;
}

/** A progress display: feed it progress events, then `done()`. */
export interface ProgressBar {
  update(progress: PhaseProgress): void;
  done(): void;
}

function percent(progress: PhaseProgress): number {
  return progress.total === 0 ? 100 : Math.round((100 * progress.done) / progress.total);
}

/** Plain lines for logs: one every `lineIntervalMs`, the first after that long. */
function plainLines(stream: ProgressStream, options: ProgressBarOptions): ProgressBar {
  const now = options.now ?? Date.now;
  const interval = options.lineIntervalMs ?? 5000;
  const label = options.label ?? 'assay score';
  const started = now();
  let last = started;
  return {
    update(progress) {
      const t = now();
      if (t - last < interval) return;
      last = t;
      const seconds = Math.round((t - started) / 1000);
      stream.write(
        `${label}: ${progress.phase} ${progress.done}/${progress.total} tasks (${percent(progress)}%), ${seconds}s\n`,
      );
    },
    done() {},
  };
}

/**
 * A progress display on a stream (normally stderr): on a TTY one line redrawn in place;
 * otherwise a plain line every few seconds (never for a job shorter than that), so piped
 * and CI output stays clean but a long job still reports; nothing when `quiet` is set.
 *
 * @param stream - where to draw (process.stderr)
 * @param options - quiet, redraw and line intervals
 * @returns the progress bar
 * @example
 * ```ts
 * // a stream that is not a TTY (a log) and a clock the example sets
 * const written = [];
 * const stream = { isTTY: false, write: (text) => written.push(text) };
 * let now = 0;
 * const bar = createProgressBar(stream, { now: () => now, lineIntervalMs: 5000 });
 * bar.update({ phase: 'bootstrap', done: 10, total: 200 }); // no line: not 5 s yet
 * now = 6000;
 * bar.update({ phase: 'bootstrap', done: 120, total: 200 });
 * bar.done();
 * written; // ['assay score: bootstrap 120/200 tasks (60%), 6s\n']
 * ```
 */
export function createProgressBar(
  stream: ProgressStream,
  options: ProgressBarOptions = {},
): ProgressBar {
  if (options.quiet === true) return { update() {}, done() {} };
  if (stream.isTTY !== true) return plainLines(stream, options);
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? Date.now;
  let last = 0;
  let drawn = false;
  return {
    update(progress) {
      const t = now();
      if (progress.done < progress.total && t - last < interval) return;
      last = t;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
      const filled = Math.round((percent(progress) / 100) * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      stream.write(
        `\r${progress.phase.padEnd(9)} [${bar}] ${progress.done}/${progress.total} (${percent(progress)}%)`,
      );
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
