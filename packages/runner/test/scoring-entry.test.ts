import * as runner from '@assay/runner';
import * as scoring from '@assay/runner/scoring';
import { describe, expect, test } from 'vitest';
import { resolvedModules } from '../../../test-support/resolved-modules.js';

describe('@assay/runner/scoring: the runner and readers without the report schemas', () => {
  test('exports the package entry’s own functions, classes and constants', () => {
    const names = Object.keys(scoring);
    expect(names).toEqual(
      expect.arrayContaining(['createRunner', 'loadColumns', 'parseCvSpec', 'RunnerError']),
    );
    const whole = new Map(Object.entries(runner));
    for (const [name, value] of Object.entries(scoring)) expect(value, name).toBe(whole.get(name));
  });

  test('imports neither zod, the report schema nor the text metrics’ validators', () => {
    const resolved = resolvedModules('@assay/runner/scoring', import.meta.dirname);
    expect(resolved.some((l) => l.endsWith('/runner/dist/scoring.js'))).toBe(true);
    expect(resolved.some((l) => l.endsWith('/runner/dist/pool/runner.js'))).toBe(true);
    for (const heavy of ['/zod/', '/ajv/', 'score-report.js', 'text-metrics/dist/index.js']) {
      expect(resolved.filter((l) => l.includes(heavy))).toEqual([]);
    }
  });
});
