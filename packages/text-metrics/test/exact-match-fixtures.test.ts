import { describe, expect, it } from 'vitest';
import { compilePythonPattern, pyRemoveAll } from '../src/exact-match/python-pattern.js';
import {
  type ExactMatchOptions,
  exactMatch,
  finalNumberExactMatch,
  matchesPattern,
  normalizeAnswer,
  prefixExactMatch,
  quasiExactMatch,
  quasiPrefixExactMatch,
  type SquadVersion,
  squadExactMatch,
  squadF1,
} from '../src/index.js';
import { expectClose, loadFixture } from './support/load-fixture.js';

interface Fixture {
  readonly harness: {
    prediction: string;
    references: string[];
    options: ExactMatchOptions;
    expected: number;
  }[];
  readonly helm: { fn: string; prediction: string; references: string[]; expected: number }[];
  readonly squad: {
    prediction: string;
    references: string[];
    version: SquadVersion;
    exactMatch: number;
    f1: number;
  }[];
  readonly normalize: { text: string; expected: string }[];
  readonly regex: { pattern: string; text: string; sub: string; search: boolean }[];
}

const fixture = loadFixture<Fixture>('exact-match.json');
const HELM: Record<string, (prediction: string, references: string[]) => number> = {
  quasiExactMatch,
  prefixExactMatch,
  quasiPrefixExactMatch,
  finalNumberExactMatch,
};

function failures<T>(cases: readonly T[], check: (c: T) => string | undefined): string[] {
  return cases.flatMap((c) => check(c) ?? []).slice(0, 10);
}

describe('exact match equals its references (test/fixtures/exact-match.json)', () => {
  it('exactMatch equals lm-evaluation-harness exact_match with its options', () => {
    expect(fixture.harness.length).toBeGreaterThan(1000);
    const bad = failures(fixture.harness, (c) => {
      const got = exactMatch(c.prediction, c.references, c.options);
      return got === c.expected ? undefined : `${JSON.stringify(c)} gave ${got}`;
    });
    expect(bad).toEqual([]);
  });

  it('the HELM variants equal HELM quasi / prefix / quasi-prefix / final-number exact match', () => {
    expect(fixture.helm.length).toBeGreaterThan(1000);
    const bad = failures(fixture.helm, (c) => {
      const got = HELM[c.fn]!(c.prediction, c.references);
      return got === c.expected ? undefined : `${JSON.stringify(c)} gave ${got}`;
    });
    expect(bad).toEqual([]);
  });

  it('squadExactMatch and squadF1 equal the official SQuAD v1.1 and v2.0 scripts', () => {
    expect(fixture.squad.length).toBeGreaterThan(500);
    const bad = failures(fixture.squad, (c) => {
      const options = { version: c.version };
      const em = squadExactMatch(c.prediction, c.references, options);
      const f1 = squadF1(c.prediction, c.references, options);
      if (em === c.exactMatch && Math.abs(f1 - c.f1) <= 1e-9) return undefined;
      return `${JSON.stringify(c)} gave em ${em}, f1 ${f1}`;
    });
    expect(bad).toEqual([]);
    const sample = fixture.squad.find((c) => c.f1 > 0 && c.f1 < 1)!;
    expectClose(
      squadF1(sample.prediction, sample.references, { version: sample.version }),
      sample.f1,
      'f1',
    );
  });

  it('normalizeAnswer equals SQuAD normalize_answer (and HELM normalize_text)', () => {
    const bad = failures(fixture.normalize, (c) => {
      const got = normalizeAnswer(c.text);
      return got === c.expected
        ? undefined
        : `${JSON.stringify(c.text)} gave ${JSON.stringify(got)}`;
    });
    expect(bad).toEqual([]);
  });

  it('Python patterns replace and search as Python re.sub and re.search do', () => {
    expect(fixture.regex.length).toBeGreaterThan(2000);
    const bad = failures(fixture.regex, (c) => {
      const sub = pyRemoveAll(c.text, compilePythonPattern(c.pattern, 'pattern'));
      const search = matchesPattern(c.text, c.pattern) === 1;
      if (sub === c.sub && search === c.search) return undefined;
      return `${JSON.stringify(c)} gave ${JSON.stringify(sub)} / ${search}`;
    });
    expect(bad).toEqual([]);
  });
});
