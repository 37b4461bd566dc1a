import { readFileSync } from 'node:fs';

/** Reads `test/fixtures/<name>.json` (written by scripts/make-fixtures.py) and returns its cases. */
export function loadCases<T>(name: string): T[] {
  const url = new URL(`../fixtures/${name}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: T[] }).cases;
}
