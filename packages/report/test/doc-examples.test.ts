import { describe, expect, it } from 'vitest';
import * as report from '../src/index.js';
import { docExampleFixtures } from './support/doc-example-fixtures.js';
import {
  docExamples,
  documentedExports,
  importSources,
  runExample,
} from './support/doc-examples.js';

const SRC = new URL('../src/', import.meta.url);
const examples = docExamples(SRC);
const modules = await importSources(SRC);

/** The public exports that are values, not functions or classes: nothing to run. */
const VALUES = [
  'CHART_CSS',
  'EarlyStopSchema',
  'MISSING_VALUE',
  'RANKING_AUC_MIN',
  'RANKING_GAP_MIN',
  'REPORT_CSS',
  'RunResultsSchema',
];

/**
 * The example's names: every module's exports (a name two modules share is the example's own
 * module's), the public API, and the run data of {@link docExampleFixtures}.
 */
function scopeOf(file: string): Record<string, unknown> {
  const all: Record<string, unknown> = {};
  for (const exports of modules.values()) Object.assign(all, exports);
  return { ...all, ...report, ...modules.get(file), ...docExampleFixtures() };
}

describe('TSDoc examples of @assay/report', () => {
  it('every exported function and class of the public API has an @example', () => {
    const publicApi: Record<string, unknown> = { ...report };
    const names = Object.keys(publicApi);
    const functions = names.filter((name) => typeof publicApi[name] === 'function');
    expect(names.filter((name) => !functions.includes(name)).sort()).toEqual(VALUES);
    const withExample = new Set(
      documentedExports(SRC)
        .filter((d) => d.examples > 0)
        .map((d) => d.name),
    );
    expect(functions.filter((name) => !withExample.has(name))).toEqual([]);
  });

  it.each(examples)(
    'the @example of $documents ($where) runs and shows its values',
    async (example) => {
      expect(await runExample(example, scopeOf(example.file))).toBeGreaterThan(0);
    },
  );
});
