import { pySplit } from '../python-compat/python-strings.js';

/** The options of sacrebleu's `TercomTokenizer` (TER's tokenizer). */
export interface TercomTokenizerOptions {
  /** Tercom's normalization (punctuation, XML entities, possessives; default false) */
  readonly normalized: boolean;
  /** remove `.,?:;!"()` (default false) */
  readonly noPunct: boolean;
  /** with `normalized`/`noPunct`: split and strip CJK characters and punctuation (default false) */
  readonly asianSupport: boolean;
  /** keep case; otherwise lowercase (default false) */
  readonly caseSensitive: boolean;
}

/*
 * A port of sacrebleu's tokenizers/tokenizer_ter.py (itself Tercom's Normalizer.java). The
 * Hiragana/Katakana rules keep sacrebleu's odd `(^|^[...])` anchors: they only act at the start.
 */
const ASIAN_PUNCTUATION = /([\u3001\u3002\u3008-\u3011\u3014-\u301f\uff61-\uff65\u30fb])/gu;
const FULL_WIDTH_PUNCTUATION = /([\uff0e\uff0c\uff1f\uff1a\uff1b\uff01\uff02\uff08\uff09])/gu;

const WESTERN_RULES: readonly (readonly [RegExp, string])[] = [
  [/([{-~[-\x60 -&(-+:-@/])/gu, ' $1 '],
  [/'s /gu, " 's "],
  [/'s$/gu, " 's"],
  [/([^0-9])([.,])/gu, '$1 $2 '],
  [/([.,])([^0-9])/gu, ' $1 $2'],
  [/([0-9])(-)/gu, '$1 $2 '],
];

const ASIAN_RULES: readonly (readonly [RegExp, string])[] = [
  [/([\u4e00-\u9fff\u3400-\u4dbf])/gu, ' $1 '],
  [/([\u31c0-\u31ef\u2e80-\u2eff])/gu, ' $1 '],
  [/([\u3300-\u33ff\uf900-\ufaff\ufe30-\ufe4f])/gu, ' $1 '],
  [/([\u3200-\u3f22])/gu, ' $1 '],
  [/(^|^[\u3040-\u309f])([\u3040-\u309f]+)(?=$|^[\u3040-\u309f])/gu, '$1 $2 '],
  [/(^|^[\u30a0-\u30ff])([\u30a0-\u30ff]+)(?=$|^[\u30a0-\u30ff])/gu, '$1 $2 '],
  [/(^|^[\u31f0-\u31ff])([\u31f0-\u31ff]+)(?=$|^[\u31f0-\u31ff])/gu, '$1 $2 '],
  [ASIAN_PUNCTUATION, ' $1 '],
  [FULL_WIDTH_PUNCTUATION, ' $1 '],
];

function applyRules(text: string, rules: readonly (readonly [RegExp, string])[]): string {
  for (const [pattern, replacement] of rules) text = text.replace(pattern, replacement);
  return text;
}

function normalizeGeneralAndWestern(text: string): string {
  text = text
    .replaceAll('\n-', '')
    .replaceAll('\n', ' ')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');
  return applyRules(` ${text} `, WESTERN_RULES);
}

/**
 * sacrebleu's `TercomTokenizer.__call__` without argument checks (the kernels call this); see
 * `tokenizeTercom`.
 *
 * @example
 * tokenizeTercomUnchecked('Hello, World!', resolveTerOptions({ noPunct: true })); // 'hello world'
 */
export function tokenizeTercomUnchecked(text: string, options: TercomTokenizerOptions): string {
  if (text === '') return '';
  if (!options.caseSensitive) text = text.toLowerCase();
  if (options.normalized) {
    text = normalizeGeneralAndWestern(text);
    if (options.asianSupport) text = applyRules(text, ASIAN_RULES);
  }
  if (options.noPunct) {
    text = text.replace(/[.,?:;!"()]/gu, '');
    if (options.asianSupport) {
      text = text.replace(ASIAN_PUNCTUATION, '').replace(FULL_WIDTH_PUNCTUATION, '');
    }
  }
  return pySplit(text).join(' ');
}
