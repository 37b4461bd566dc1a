import { describe, expect, it } from 'vitest';
import * as bleuTokenizersEntry from '../src/bleu-tokenizers.js';
import * as textMetrics from '../src/index.js';
import {
  docExamples,
  documentedExports,
  importSources,
  runExample,
} from './support/doc-examples.js';

const SRC = new URL('../src/', import.meta.url);
const examples = docExamples(SRC);
const modules = await importSources(SRC);

/** Every module's exports, then the public API, then the example's own module. */
function scopeOf(file: string): Record<string, unknown> {
  const all: Record<string, unknown> = {};
  for (const exports of modules.values()) Object.assign(all, exports);
  return { ...all, ...textMetrics, ...bleuTokenizersEntry, ...modules.get(file) };
}

/** The public exports that are values, not functions or classes: nothing to run. */
const VALUES = ['BLEU_TOKENIZERS', 'SACREBLEU_VERSION'];

describe('TSDoc examples of @assay/text-metrics', () => {
  it('every exported function and class of the public API has an @example', () => {
    const publicApi = { ...textMetrics, ...bleuTokenizersEntry };
    const functions = Object.keys(publicApi).filter(
      (name) => typeof publicApi[name as keyof typeof publicApi] === 'function',
    );
    const values = Object.keys(publicApi).filter((name) => !functions.includes(name));
    expect(values.sort()).toEqual(VALUES);
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
