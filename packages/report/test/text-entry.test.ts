import * as report from '@assay/report';
import * as text from '@assay/report/text';
import { describe, expect, test } from 'vitest';
import { resolvedModules } from '../../../test-support/resolved-modules.js';

describe('@assay/report/text: the text building blocks without the reports', () => {
  test('exports the package entry’s own functions and constants', () => {
    const names = Object.keys(text);
    expect(names).toEqual(
      expect.arrayContaining(['formatValue', 'textTable', 'createProgressBar']),
    );
    const whole = new Map(Object.entries(report));
    for (const [name, value] of Object.entries(text)) expect(value, name).toBe(whole.get(name));
  });

  test('imports neither zod nor the HTML, Markdown and chart renderers', () => {
    const resolved = resolvedModules('@assay/report/text', import.meta.dirname);
    expect(resolved.some((l) => l.endsWith('/report/dist/text.js'))).toBe(true);
    for (const heavy of [
      '/zod/',
      '/html/',
      '/charts/',
      '/results/',
      'markdown-report',
      '/verdict/',
    ]) {
      expect(resolved.filter((l) => l.includes(heavy))).toEqual([]);
    }
  });
});
