import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/** Where the command line was started: its working directory, environment and arguments. */
export interface LaunchPlace {
  /** the working directory, which relative paths resolve from */
  readonly cwd: string;
  /** the environment (`INIT_CWD`, `npm_lifecycle_event`, `npm_command`) */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** the arguments after `assay` */
  readonly argv: readonly string[];
}

/** This process's {@link LaunchPlace}. */
function thisLaunch(): LaunchPlace {
  return { cwd: process.cwd(), env: process.env, argv: process.argv.slice(2) };
}

/** The argument as given and, for `--flag=value`, the value: the paths an argument may hold. */
function argumentPaths(arg: string): string[] {
  if (!arg.startsWith('-')) return [arg];
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(eq + 1)] : [];
}

/** Whether `message` names `path` whole: not as the start of a longer path (`/repo/run.yaml`). */
function names(message: string, path: string): boolean {
  for (let at = message.indexOf(path); at >= 0; at = message.indexOf(path, at + 1)) {
    const rest = message.slice(at + path.length);
    if (!/^(?:[\w/-]|\.\w)/.test(rest)) return true;
  }
  return false;
}

/**
 * A hint for a file named on the command line that was not found, when a package script
 * started assay (`pnpm assay …`, which runs in the repository root whatever folder the shell
 * is in): a relative path the user meant from their shell's folder was read from the root.
 *
 * @remarks
 * A script start is told by `npm_lifecycle_event` or `npm_command` (pnpm and npm set them), or
 * by `INIT_CWD` (the shell's folder) other than the working directory. No hint when the shell
 * was in the working directory, for an absolute path, or when the message names no relative
 * argument that is missing (a `dataset.path`, which resolves against the config file's folder,
 * is not one).
 *
 * @param message - the error message, which names the missing file as given or resolved
 * @param place - where the command line was started (default: this process)
 * @returns the hint, or undefined when none applies
 * @example
 * const place = { cwd: '/repo', env: { npm_lifecycle_event: 'assay', INIT_CWD: '/repo/examples' }, argv: ['run', 'no-such.yaml'] };
 * relativePathHint("Cannot read the run configuration '/repo/no-such.yaml': ENOENT.", place);
 * // 'relative paths resolve from /repo (pnpm runs from the repository root; your shell was in /repo/examples)'
 */
export function relativePathHint(
  message: string,
  place: LaunchPlace = thisLaunch(),
): string | undefined {
  const { cwd, env } = place;
  const shell = env.INIT_CWD === undefined || env.INIT_CWD === '' ? undefined : env.INIT_CWD;
  const script =
    env.npm_lifecycle_event !== undefined ||
    env.npm_command !== undefined ||
    (shell !== undefined && resolve(shell) !== resolve(cwd));
  if (!script || (shell !== undefined && resolve(shell) === resolve(cwd))) return undefined;
  const missing = place.argv.flatMap(argumentPaths).find((arg) => {
    if (arg === '' || isAbsolute(arg)) return false;
    const full = resolve(cwd, arg);
    if (existsSync(full)) return false;
    return names(message, full) || message.includes(`'${arg}'`) || message.startsWith(`${arg} `);
  });
  if (missing === undefined) return undefined;
  const there = shell === undefined ? undefined : resolve(shell, missing);
  const found = there !== undefined && existsSync(there) ? `, where ${there} exists` : '';
  const where = shell === undefined ? '' : `; your shell was in ${shell}${found}`;
  return `relative paths resolve from ${cwd} (pnpm runs from the repository root${where})`;
}

/**
 * The {@link relativePathHint} as a line for stderr, after the error's own line.
 *
 * @param command - how the command names itself on stderr (`assay`, `assay score`)
 * @param message - the error message
 * @param place - where the command line was started (default: this process)
 * @returns `<command>: hint: …\n`, or '' when no hint applies
 * @example
 * process.stderr.write(`assay: ${error.message}\n${relativePathHintLine('assay', error.message)}`);
 */
export function relativePathHintLine(
  command: string,
  message: string,
  place: LaunchPlace = thisLaunch(),
): string {
  const hint = relativePathHint(message, place);
  return hint === undefined ? '' : `${command}: hint: ${hint}\n`;
}
