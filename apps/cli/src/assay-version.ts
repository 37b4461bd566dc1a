import { createRequire } from 'node:module';

/**
 * The version of assay: `@assay/cli`'s package.json, found by package name so it is read
 * the same bundled or not.
 *
 * @returns e.g. `0.1.0`
 * @example
 * assayVersion(); // '0.1.0'
 */
export function assayVersion(): string {
  const { version } = createRequire(import.meta.url)('@assay/cli/package.json') as {
    version: string;
  };
  return version;
}
