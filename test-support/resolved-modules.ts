import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

// logs every module the process resolves, so a test can see what an import pulls in
const RESOLVE_LOG = `data:text/javascript,${encodeURIComponent(`
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(
  'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("RESOLVED " + r.url + "\\\\n"); return r; }'
));`)}`;

/**
 * The URLs of every module a fresh Node process resolves while it imports `specifier` (a
 * package entry, resolved from `cwd` as a test file's package would resolve it). Fails the
 * test when the import fails.
 *
 * @param specifier - what to import, e.g. `@assay/runner/load`
 * @param cwd - the folder to resolve it from (a test's `import.meta.dirname`)
 * @returns the resolved URLs, in the order they were resolved
 */
export function resolvedModules(specifier: string, cwd: string): string[] {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      RESOLVE_LOG,
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(specifier)})`,
    ],
    { encoding: 'utf8', cwd },
  );
  expect(run.status, run.stderr).toBe(0);
  return run.stderr
    .split('\n')
    .filter((l) => l.startsWith('RESOLVED '))
    .map((l) => l.slice('RESOLVED '.length));
}
