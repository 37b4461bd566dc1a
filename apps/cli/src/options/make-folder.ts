import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Makes a folder and its missing parents, one level at a time from the nearest folder that
 * exists. `mkdirSync(dir, { recursive: true })` spins forever on Node 20 under a pseudo file
 * system such as `/proc` (`--out /proc/nope/x.json` hung at 100% CPU); one level at a time,
 * the first `mkdir` that fails throws its error (ENOENT, EACCES, ENOTDIR, ...).
 *
 * @param dir - the folder to make
 * @throws the file system's error for the first level that cannot be made
 * @example
 * ```ts
 * makeFolder(dirname('results/2026/run.json')); // makes results/ and results/2026/
 * ```
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  const target = resolve(dir);
  let at = target;
  for (;;) {
    const stat = statSync(at, { throwIfNoEntry: false });
    if (stat !== undefined) {
      if (!stat.isDirectory()) {
        // the codes mkdir gives: the folder itself is a file (EEXIST), or a folder above it
        const code = at === target ? 'EEXIST' : 'ENOTDIR';
        throw Object.assign(new Error(`${at} is a file, not a folder`), { code });
      }
      break;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // made meanwhile by another process: fine
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
