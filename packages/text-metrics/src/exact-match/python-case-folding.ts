/**
 * Where Python's case-insensitive matching (`(?i)`) and JavaScript's `/iu` disagree. Python
 * compares simple lowercase mappings plus the pairs of `re._casefix`; JavaScript compares simple
 * case foldings. Compared code point by code point (Python 3.11 against Node 20, every literal,
 * `[literal]` and `[^literal]` against every code point of its case-related set), they differ on
 * one family only: `I`, `i`, `İ` (U+0130, whose simple lowercase is `i`) and `ı` (U+0131, which
 * `re._casefix` pairs with `i`) all match each other in Python, while JavaScript keeps `İ` and `ı`
 * apart. Letters assigned after Unicode 14 (Python 3.11's tables) also differ, as they do
 * everywhere else in the package, and are left alone.
 */

/** The family Python matches as one letter under `(?i)`, spelled for a JavaScript class. */
const I_FAMILY = 'iI\\u0130\\u0131';
const I_FAMILY_TEST = /[iI\u0130\u0131]/u;

function literalCodePoint(piece: string): string | undefined {
  const chars = [...piece];
  if (chars.length === 1) return piece;
  const hex = /^\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]+)\})$/.exec(piece);
  if (hex === null) return undefined;
  const code = Number.parseInt(hex[1] ?? hex[2] ?? hex[3]!, 16);
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/**
 * Widens a translated literal (one character or a `\x`, `\u` escape) outside a class to the
 * characters Python's `(?i)` also accepts for it.
 *
 * @param piece - the JavaScript source of one translated atom
 * @returns the piece, or a class holding its whole case family
 * @example
 * ```ts
 * foldPythonLiteral('i'); // '[iI\\u0130\\u0131]'
 * foldPythonLiteral('a'); // 'a'
 * ```
 */
export function foldPythonLiteral(piece: string): string {
  const literal = literalCodePoint(piece);
  return literal !== undefined && I_FAMILY_TEST.test(literal) ? `[${I_FAMILY}]` : piece;
}

/**
 * Widens the members of a translated class (its source between `[` or `[^` and `]`) to the
 * characters Python's `(?i)` also accepts for them; a negated class then refuses them all, as in
 * Python.
 *
 * @param members - the JavaScript source of the class members
 * @returns the members, with the whole case family added when any of it is a member
 * @example
 * ```ts
 * foldPythonClassMembers('a-z'); // 'a-ziI\\u0130\\u0131'
 * foldPythonClassMembers('0-9'); // '0-9'
 * ```
 */
export function foldPythonClassMembers(members: string): string {
  // a class without the i flag says which of the family are members, whatever the spelling
  const asWritten = new RegExp(`[${members}]`, 'u');
  const family = ['i', 'I', '\u0130', '\u0131'];
  return family.some((c) => asWritten.test(c)) ? `${members}${I_FAMILY}` : members;
}
