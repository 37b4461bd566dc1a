/**
 * The stream `assay run`'s progress lines go to, with their rate labelled `done/s`: the
 * progress rate counts every request finished this run, failed and cached ones too, while the
 * summary's `req/s` counts only the answers the service gave over the sending's wall time. Two
 * different figures under one label read as a contradiction (30.1 req/s while running, 18.4 in
 * the summary of a run with failures).
 *
 * @remarks The progress printer belongs to `@assay/report`, shared with other commands; the
 *   label is changed here, where the run's two figures meet, on the line as written. The
 *   printer reads only `isTTY` and `write` of its stream.
 * @param stream - where the lines go (default `process.stderr`)
 * @returns a stream for `createProgressPrinter({ stream })`
 * @example
 * ```ts
 * const printer = createProgressPrinter({ stream: progressStream(), quiet: false });
 * ```
 */
export function progressStream(stream: NodeJS.WriteStream = process.stderr): NodeJS.WriteStream {
  // the printer uses these two: whether to redraw in place, and write
  const relabeled = {
    isTTY: stream.isTTY,
    write: (text: string): boolean =>
      stream.write(text.replaceAll(' req/s  ETA ', ' done/s  ETA ')),
  };
  return relabeled as unknown as NodeJS.WriteStream;
}
