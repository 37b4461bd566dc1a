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
  /** Minimum milliseconds between redraws (default 100). */
  readonly intervalMs?: number | undefined;
}

/** A progress display: feed it progress events, then `done()`. */
export interface ProgressBar {
  update(progress: PhaseProgress): void;
  done(): void;
}

/**
 * A one-line progress display on a TTY stream (normally stderr), redrawn in
 * place; silent when `quiet` is set or the stream is not a TTY, so piped and
 * CI output stays clean.
 *
 * @param stream - where to draw (process.stderr)
 * @param options - quiet, redraw interval
 * @returns the progress bar
 * @example
 * ```ts
 * const bar = createProgressBar(process.stderr, { quiet: false });
 * await runner.scorePredictions(columns, { onProgress: (p) => bar.update(p) });
 * bar.done();
 * ```
 */
export function createProgressBar(
  stream: ProgressStream,
  options: ProgressBarOptions = {},
): ProgressBar {
  const active = options.quiet !== true && stream.isTTY === true;
  const interval = options.intervalMs ?? 100;
  let last = 0;
  let drawn = false;
  return {
    update(progress) {
      if (!active) return;
      const now = Date.now();
      if (progress.done < progress.total && now - last < interval) return;
      last = now;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
      const fraction = progress.total === 0 ? 1 : progress.done / progress.total;
      const filled = Math.round(fraction * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      stream.write(
        `\r${progress.phase.padEnd(9)} [${bar}] ${progress.done}/${progress.total} (${Math.round(fraction * 100)}%)`,
      );
      drawn = true;
    },
    done() {
      if (active && drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
