import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI: tests run what users run. */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** How an `assay` process ended and what it printed. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `assay` with arguments, collecting its output.
 *
 * @param args - command-line arguments after `assay`
 * @returns the child (to signal it) and a promise of how it ended
 * @example
 * const { child, done } = start(['run', 'config.yaml', '--quiet']);
 */
export function start(args: string[]): { child: ChildProcess; done: Promise<Exit> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Exit>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/**
 * Runs `assay` to the end.
 *
 * @param args - command-line arguments after `assay`
 * @returns exit code, signal and output
 * @example
 * const { code } = await assay(['run', 'config.yaml', '--quiet']);
 */
export const assay = (args: string[]): Promise<Exit> => start(args).done;

/**
 * Runs `assay` to the end with `input` piped into its stdin, as `cat preds.csv | assay ...` does.
 *
 * @param args - command-line arguments after `assay`
 * @param input - what stdin carries (all of it, then end of file)
 * @param env - variables added to the environment (e.g. `TMPDIR`)
 * @returns exit code, signal and output
 * @example
 * const { stdout } = await assayWithStdin(['score', '-', '--input-format', 'csv', ...], text);
 */
export function assayWithStdin(
  args: string[],
  input: string | Buffer,
  env: Record<string, string> = {},
): Promise<Exit> {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  // a process that refuses its arguments exits without reading: its closed pipe is no failure
  child.stdin.on('error', () => {});
  child.stdin.end(input);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

/**
 * Waits until a condition holds, polling every 10 ms.
 *
 * @param condition - e.g. the model server has answered 12 requests
 * @param timeoutMs - when to give up
 * @example
 * await until(() => server.stats().completions >= 12);
 */
export async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!condition()) {
    if (Date.now() - t0 > timeoutMs)
      throw new Error('timed out waiting for the run to make progress');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * What `assay run` printed on stderr besides its one-line caveat about bootstrap intervals of
 * no width (a spam filter's perfect ROC AUC on 40 items is `[1.000, 1.000]`): the tests that
 * expect a quiet run still see any other line. Only a caveat naming no metric but those
 * expected is left out, so a new or spurious one still shows.
 *
 * @param stderr - the run's stderr
 * @param expected - the metrics the caveat may name (default `roc_auc`)
 * @returns stderr without that line
 * @example
 * besidesNoWidthCaveat(done.stderr); // ''
 */
export function besidesNoWidthCaveat(
  stderr: string,
  expected: readonly string[] = ['roc_auc'],
): string {
  const caveat =
    /^assay: warning: \S+: (.*) (?:is a bootstrap interval|are bootstrap intervals) of no width: /;
  return stderr
    .split('\n')
    .filter((line) => {
      const named = caveat.exec(line)?.[1];
      if (named === undefined) return true;
      const metrics = [...named.matchAll(/(?:^|, )(\S+) \[/g)].map((m) => m[1]!);
      return metrics.length === 0 || metrics.some((m) => !expected.includes(m));
    })
    .join('\n');
}
