import { createRng } from '@assay/splitters';
import { describe, expect, it } from 'vitest';
import { docExamples, expectShown, instrumentExample } from '../../../test-support/doc-examples.js';
import * as stats from '../src/index.js';

const examples = docExamples(new URL('../src/', import.meta.url));
const scope: Record<string, unknown> = { ...stats, createRng };

describe('TSDoc examples', () => {
  it('every exported function and class has an @example', () => {
    const runtimeExports = Object.keys(stats).sort();
    expect(examples.map((e) => e.documents).sort()).toEqual(runtimeExports);
  });

  it.each(examples)('the @example of $documents ($where) runs and shows its values', (example) => {
    let checked = 0;
    const check = (actual: unknown, shown: string, where: string) => {
      checked++;
      expectShown(actual, shown, where);
    };
    const run = new Function(...Object.keys(scope), 'check', instrumentExample(example));
    run(...Object.values(scope), check);
    expect(checked).toBeGreaterThan(0);
  });
});
