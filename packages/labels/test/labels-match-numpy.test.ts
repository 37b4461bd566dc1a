import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { encodeLabelColumns, LabelError, type LabelValue } from '../src/index.js';

interface FixtureCase {
  readonly name: string;
  readonly columns: [string, (LabelValue | 'NaN')[]][];
  readonly classes?: (number | string | boolean)[];
  readonly codes?: number[][];
  readonly firstAppearanceCodes?: number[][];
  readonly error?: string;
}

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/labels.json', import.meta.url), 'utf8'),
) as { cases: FixtureCase[] };

/** JSON has no NaN: the script writes it as "NaN" (no string case uses that text). */
function decode(column: (LabelValue | 'NaN')[]): LabelValue[] {
  return column.map((v) => (v === 'NaN' ? Number.NaN : v));
}

/**
 * scikit-learn's classes as this package reports them: its boolean classes False/True
 * are the numbers 0/1 here (Label is a number or a string), and numpy keeps whichever
 * zero it met first (-0.0 in one case) where -0 and 0 are one label reported as 0.
 */
function asReported(classes: readonly (number | string | boolean)[]): (number | string)[] {
  return classes.map((c) => (typeof c === 'boolean' ? Number(c) : c === 0 ? 0 : c));
}

function columnsOf(c: FixtureCase): [string, LabelValue[]][] {
  return c.columns.map(([name, values]) => [name, decode(values)]);
}

describe('encodeLabelColumns matches numpy 1.24 / scikit-learn 1.2.1', () => {
  const ok = fixture.cases.filter((c) => c.error === undefined);
  const failing = fixture.cases.filter((c) => c.error !== undefined);

  test('the fixture has cases of both kinds', () => {
    expect(ok.length).toBeGreaterThan(10);
    expect(failing.length).toBeGreaterThanOrEqual(4);
  });

  test.each(ok)('$name: classes and codes', (c) => {
    const { classes, codes } = encodeLabelColumns(columnsOf(c));
    expect(classes).toEqual(asReported(c.classes!));
    // the reported zero is +0, never -0
    for (const label of classes) if (label === 0) expect(Object.is(label, 0)).toBe(true);
    expect(codes.map((column) => Array.from(column))).toEqual(c.codes);
  });

  test.each(ok)('$name: first-appearance codes of each column', (c) => {
    columnsOf(c).forEach(([name, values], k) => {
      const { codes } = encodeLabelColumns([[name, values]], { order: 'first-appearance' });
      expect(Array.from(codes[0]!)).toEqual(c.firstAppearanceCodes![k]);
    });
  });

  test.each(failing)('$name: an error as scikit-learn raises one', (c) => {
    let thrown: unknown;
    try {
      encodeLabelColumns(columnsOf(c));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LabelError);
    const error = thrown as LabelError;
    if (c.error!.startsWith('Mix of label input types')) {
      expect(error.code).toBe('MIXED_LABEL_TYPES');
      expect(error.message).toContain(c.error);
    } else {
      // scikit-learn: "Input contains NaN."; here NaN is a missing label, naming its row
      expect(error.code).toBe('MISSING_VALUE');
      expect(error.message).toContain('NaN at row 1');
    }
  });
});
