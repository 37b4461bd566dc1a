import { describe, expect, it } from 'vitest';
import { isZhChineseCharacter } from '../src/tokenizers/tokenizer-zh.js';
import { expandRuns, unicodeClassFixtures } from './support/sacrebleu-fixtures.js';

/*
 * Code point by code point: the Unicode classes the `intl` tokenizer's JavaScript regexes see
 * against Python's `regex` module, and the `zh` tokenizer's "Chinese" test against sacrebleu's
 * `_is_chinese_char`, as scripts/make-sacrebleu-fixtures.py recorded them.
 */
const fixtures = unicodeClassFixtures();
const PUNCTUATION = /^\p{P}$/u;
const SYMBOL = /^\p{S}$/u;
const NUMBER = /^\p{N}$/u;
const UNASSIGNED = /^\p{Cn}$/u;

function javascriptClass(code: number): string {
  const character = String.fromCodePoint(code);
  if (PUNCTUATION.test(character)) return 'P';
  if (SYMBOL.test(character)) return 'S';
  if (NUMBER.test(character)) return 'N';
  return UNASSIGNED.test(character) ? 'unassigned' : 'other';
}

describe('Unicode classes equal Python', () => {
  it('intl: \\p{P}, \\p{S} and \\p{N} agree with the regex module on every code point both assign', () => {
    const python = expandRuns(fixtures.intlClasses);
    expect(python).toHaveLength(0x110000);
    const differences: string[] = [];
    let compared = 0;
    python.forEach((pythonClass, code) => {
      const ours = javascriptClass(code);
      // a newer Unicode version on either side assigns characters the other does not know
      if (pythonClass === 'unassigned' || ours === 'unassigned') return;
      compared++;
      if (ours !== pythonClass) differences.push(`U+${code.toString(16)} ${pythonClass} ${ours}`);
    });
    expect(differences).toEqual([]);
    // Unicode 15.0 already assigns about 290,000 code points (private use and surrogates included)
    expect(compared).toBeGreaterThan(280_000);
  });

  it('intl: the tricky characters are classed as in Python', () => {
    const python = expandRuns(fixtures.intlClasses);
    // ¦ So, ¨ Sk, ° So, ½ No, ٫ Po (Arabic decimal separator), ۔ Po, 〜 Pd, ‿ Pc, ＿ Pc,
    // 🏽 Sk (skin tone), ⃣ Me (keycap), ‍ Cf (ZWJ), ️ Mn (variation selector), ́ Mn, Ⅻ Nl, ١ Nd
    const tricky = [
      0xa6, 0xa8, 0xb0, 0xbd, 0x66b, 0x6d4, 0x301c, 0x203f, 0xff3f, 0x1f3fd, 0x20e3, 0x200d, 0xfe0f,
      0x301, 0x216b, 0x661,
    ];
    for (const code of tricky) {
      expect(javascriptClass(code), `U+${code.toString(16)}`).toBe(python[code]);
    }
    expect(tricky.map((code) => python[code]).join(' ')).toBe(
      'S S S N P P P P P S other other other other N N',
    );
  });

  it('zh: the Chinese characters are exactly those of sacrebleu, string comparison quirk included', () => {
    const python = expandRuns(fixtures.zhChinese);
    expect(python).toHaveLength(0x110000);
    const differences: number[] = [];
    python.forEach((chinese, code) => {
      if (isZhChineseCharacter(code) !== chinese) differences.push(code);
    });
    expect(differences).toEqual([]);
    // '\u20000' in sacrebleu's table is U+2000 and '0': general punctuation counts, Ext. B not
    expect(python[0x2014]).toBe(true);
    expect(python[0x2000]).toBe(false);
    expect(python[0x20000]).toBe(false);
  });
});
