import { readFileSync } from 'node:fs';

/** Reads a JSON fixture written by scripts/make-sacrebleu-fixtures.py. */
function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

export type References = readonly (string | null)[];

export interface SentenceText {
  readonly name: string;
  readonly hypothesis: string;
  readonly references: References;
}

export interface CorpusText {
  readonly name: string;
  readonly hypotheses: readonly string[];
  readonly references: readonly References[];
}

export interface SentenceCase<O, E> {
  readonly text: string;
  readonly options: O;
  readonly expected: E & { readonly score: number; readonly signature: string };
}

export interface CorpusCase<O, E> {
  readonly corpus: string;
  readonly options: O;
  readonly expected: E & {
    readonly score: number;
    readonly signature: string;
    readonly segmentStatistics: readonly (readonly number[])[];
  };
}

export interface MetricFixtures<O, E> {
  readonly sacrebleu: string;
  readonly sentence: readonly SentenceCase<O, E>[];
  readonly corpus: readonly CorpusCase<O, E>[];
}

const texts = fixture<{
  sacrebleu: string;
  sentences: SentenceText[];
  corpora: CorpusText[];
}>('sacrebleu-texts.json');

/** The sentence (hypothesis and references) a case names. */
export function sentenceText(name: string): SentenceText {
  const text = texts.sentences.find((t) => t.name === name);
  if (text === undefined) throw new Error(`no sentence named ${name} in sacrebleu-texts.json`);
  return text;
}

/** The corpus a case names. */
export function corpusText(name: string): CorpusText {
  const corpus = texts.corpora.find((c) => c.name === name);
  if (corpus === undefined) throw new Error(`no corpus named ${name} in sacrebleu-texts.json`);
  return corpus;
}

/** The sentence and corpus cases of one metric (`bleu`, `chrf` or `ter`). */
export function metricFixtures<O, E>(metric: 'bleu' | 'chrf' | 'ter'): MetricFixtures<O, E> {
  return fixture<MetricFixtures<O, E>>(`sacrebleu-${metric}.json`);
}

export interface TokenizerFixtures {
  readonly sacrebleu: string;
  readonly inputs: readonly string[];
  readonly tokenizer13a: readonly string[];
  readonly tercom: readonly { options: Record<string, boolean>; outputs: readonly string[] }[];
  /** sacrebleu's other BLEU tokenizers' outputs, one per input. */
  readonly bleu: Readonly<Record<'intl' | 'char' | 'zh', readonly string[]>>;
}

/** A class per code point as runs: `[first code point, class]`, each run up to the next. */
export type CodePointRuns<T> = readonly (readonly [number, T])[];

export interface UnicodeClassFixtures {
  readonly sacrebleu: string;
  /** the `regex` module's version and Python's */
  readonly regex: string;
  readonly python: string;
  /** what `intl`'s patterns see: `\p{P}`, else `\p{S}`, else `\p{N}`, else unassigned or other */
  readonly intlClasses: CodePointRuns<'P' | 'S' | 'N' | 'unassigned' | 'other'>;
  /** sacrebleu's `TokenizerZh._is_chinese_char` */
  readonly zhChinese: CodePointRuns<boolean>;
}

/** Per code point, the classes sacrebleu's `intl` and `zh` tokenizers see in Python. */
export function unicodeClassFixtures(): UnicodeClassFixtures {
  return fixture<UnicodeClassFixtures>('sacrebleu-unicode-classes.json');
}

/** Expands runs to one value per code point (0..0x10FFFF). */
export function expandRuns<T>(runs: CodePointRuns<T>): T[] {
  const out: T[] = [];
  runs.forEach(([start, value], k) => {
    const end = k + 1 < runs.length ? runs[k + 1]![0] : 0x110000;
    for (let code = start; code < end; code++) out.push(value);
  });
  return out;
}

/** Tokenizer inputs and sacrebleu's outputs. */
export function tokenizerFixtures(): TokenizerFixtures {
  return fixture<TokenizerFixtures>('sacrebleu-tokenizers.json');
}

/** A short label of a case's options for test names. */
export function optionsLabel(options: object): string {
  const entries = Object.entries(options);
  return entries.length === 0 ? 'defaults' : entries.map(([k, v]) => `${k}=${v}`).join(' ');
}

/** Equal on the 0-100 scale to 1e-6, as the issue asks. */
export const SCORE_TOLERANCE = 1e-6;
