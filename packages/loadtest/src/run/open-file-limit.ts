import { readFileSync } from 'node:fs';
import { LoadTestError } from '../errors.js';

/** File descriptors kept for everything but the load's connections (files, the loop, stdio). */
export const RESERVED_DESCRIPTORS = 64;

/**
 * This process's limit on open files, from `/proc/self/limits`: the soft limit, which Node
 * raises to the hard one (`ulimit -Hn`) when it starts.
 *
 * @returns the limit, or undefined where it cannot be read (not Linux) or is unlimited
 * @example
 * ```ts
 * typeof openFileLimit(); // 'number' (the soft limit, e.g. 20000; undefined off Linux)
 * ```
 */
export function openFileLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    const n = Number(soft);
    return Number.isSafeInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuses a load that needs more connections than this process may open: each connection is a
 * file descriptor, and past `ulimit -n` the sockets fail with EMFILE, which read as connection
 * errors of the service (and the results file could not be written either).
 *
 * @param connections - the connections the load may hold at once
 * @param flag - the flag that sets them, for the message
 * @param limit - the limit (default: {@link openFileLimit})
 * @throws {@link LoadTestError} `INVALID_OPTION` naming the flag, the limit and the way out
 * @example
 * ```ts
 * refuseOverFileLimit(1000, '--concurrency', 20000); // undefined (within the limit)
 * try {
 *   refuseOverFileLimit(30000, '--concurrency', 20000);
 * } catch (error) {
 *   error.message; // '--concurrency 30000 needs as many connections, and this process may open 20000 files (the hard limit, ulimit -Hn), 64 of them kept for other uses: lower --concurrency to 19936 or less, …'
 * }
 * ```
 */
export function refuseOverFileLimit(
  connections: number,
  flag: string,
  limit: number | undefined = openFileLimit(),
): void {
  if (limit === undefined || connections + RESERVED_DESCRIPTORS <= limit) return;
  throw new LoadTestError(
    'INVALID_OPTION',
    `${flag} ${connections} needs as many connections, and this process may open ${limit} files (the hard limit, ulimit -Hn), ${RESERVED_DESCRIPTORS} of them kept for other uses: lower ${flag} to ${Math.max(1, limit - RESERVED_DESCRIPTORS)} or less, or raise the limit first (ulimit -Hn as root, or the service's LimitNOFILE).`,
    flag,
  );
}
